// `restore [--data DIR] [--key-dir DIR] --from BACKUP`: replaces the store with a backup that verifies.
import { restoreBackup, type KeyProvider } from '../store/index.js';
import type { Command } from './command.js';
import { parseOptions, UsageError } from './options.js';
import { processIo, type CliIo } from './verify.js';

export async function runRestore(args: string[], io: CliIo = processIo): Promise<number> {
  let dataDir: string;
  let from: string;
  let keys: KeyProvider;
  try {
    const p = parseOptions(args, { from: { type: 'string' } });
    dataDir = p.dataDir;
    keys = p.keys;
    if (typeof p.values.from !== 'string' || !p.values.from) throw new UsageError('--from BACKUP is required');
    from = p.values.from;
    if (p.positionals.length) throw new UsageError(`unexpected argument '${p.positionals[0]}'`);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`restore: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  try {
    const r = await restoreBackup(dataDir, from, { keys });
    if (!r.ok) {
      io.err(`restore refused: the backup ${from} does not verify; nothing was changed.\n`);
      for (const f of r.findings.filter((x) => x.severity === 'error')) io.err(`  problem in ${f.file}: ${f.message}\n`);
      return 1;
    }
    io.out(`restored ${r.events} events from ${from} into ${dataDir}${r.previousKeptIn ? `; the previous files are kept in ${r.previousKeptIn}` : ''}\n`);
    return 0;
  } catch (e) {
    io.err(`restore failed: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}

export const restoreCommand: Command = {
  name: 'restore',
  summary: 'replace the store with a backup (refuses one that does not verify)',
  usage: 'Usage: assurance-desk restore [--data DIR] [--key-dir DIR] --from BACKUP\n\nThe desk must be closed. The current files are moved to DIR/before-restore-<time>/, never deleted.',
  run: (args) => runRestore(args),
};
