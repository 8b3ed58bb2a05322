// `backup [--data DIR] [--out DIR]`: a verified copy of the store (journal + snapshot + manifest).
import { backupStore, type KeyProvider } from '../store/index.js';
import type { Command } from './command.js';
import { parseOptions, UsageError } from './options.js';
import { processIo, type CliIo } from './verify.js';

export async function runBackup(args: string[], io: CliIo = processIo): Promise<number> {
  let dataDir: string;
  let out: string | undefined;
  let keys: KeyProvider;
  try {
    const p = parseOptions(args, { out: { type: 'string' } });
    dataDir = p.dataDir;
    keys = p.keys;
    out = typeof p.values.out === 'string' ? p.values.out : undefined;
    if (p.positionals.length) throw new UsageError(`unexpected argument '${p.positionals[0]}'`);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`backup: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  try {
    const b = await backupStore(dataDir, out, { keys });
    io.out(`backup written: ${b.path} (${b.manifest.seq} events${b.manifest.snapshot ? `, snapshot at #${b.manifest.snapshot.seq}` : ''})\n`);
    return 0;
  } catch (e) {
    io.err(`backup failed: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}

export const backupCommand: Command = {
  name: 'backup',
  summary: 'write a verified backup of the store',
  usage:
    'Usage: assurance-desk backup [--data DIR] [--out DIR]\n\n--out: a new directory for the backup, or an existing directory to create backup-<time>-seq<N> in\n(default: DIR/backups). Works while the desk is running (copies only confirmed, verified events).',
  run: (args) => runBackup(args),
};
