// `verify [--data DIR]`: checks the whole store (journal hash chain, snapshot) without changing it.
// Exit 0 with one OK line; 1 with the findings in plain words; 2 for bad options.
import { verifyStore, type KeyProvider } from '../store/index.js';
import type { Command } from './command.js';
import { parseOptions, UsageError } from './options.js';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}
export const processIo: CliIo = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
};

export async function runVerify(args: string[], io: CliIo = processIo): Promise<number> {
  let dataDir: string;
  let keys: KeyProvider;
  try {
    ({ dataDir, keys } = parseOptions(args, {}));
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`verify: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  const v = await verifyStore(dataDir, { keys });
  const records = Object.entries(v.records)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
  if (v.ok) {
    const warnings = v.findings.filter((f) => f.severity === 'warning');
    io.out(`OK ${dataDir}: ${v.events} events, hash chain intact${records ? `; records: ${records}` : ''}${warnings.length ? `; ${warnings.length} warning(s): ${warnings.map((w) => w.message).join('; ')}` : ''}\n`);
    return 0;
  }
  io.err(`DAMAGED ${dataDir}: ${v.findings.filter((f) => f.severity === 'error').length} problem(s)${v.firstBrokenSeq ? `, first broken event #${v.firstBrokenSeq}` : ''}\n`);
  for (const f of v.findings) io.err(`  ${f.severity === 'error' ? 'problem' : 'warning'} in ${f.file}: ${f.message}\n`);
  io.err('  Opening the store with the desk moves damaged files aside and recovers what it can (see the open report).\n');
  return 1;
}

export const verifyCommand: Command = {
  name: 'verify',
  summary: 'check the whole store and its audit chain (changes nothing)',
  usage: 'Usage: assurance-desk verify [--data DIR] [--key-dir DIR]\n\nExit 0 and one OK line when the store, its hash chain and its anchor (the key in --key-dir DIR) are intact; 1 with the problems found.',
  run: (args) => runVerify(args),
};
