import { parseArgs } from 'node:util';
import { defaultDataDir, fileKeyProvider, keyDirFor, type KeyProvider } from '../store/index.js';

/** Bad command-line input: the command exits 2 with this one line. */
export class UsageError extends Error {}

export interface ParsedOptions {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
  dataDir: string;
  /** The store's anchor key folder: --key-dir DIR, ASSURANCE_DESK_KEY_DIR, or the OS config folder (never inside --data). */
  keys: KeyProvider;
}

/** Parses a command's options; every command takes --data DIR and --key-dir DIR. Unknown options are a UsageError. */
export function parseOptions(args: string[], options: Record<string, { type: 'string' | 'boolean' }>): ParsedOptions {
  try {
    const { values, positionals } = parseArgs({ args, options: { ...options, data: { type: 'string' }, 'key-dir': { type: 'string' } }, allowPositionals: true });
    const data = values.data;
    const keyDir = values['key-dir'];
    const dataDir = typeof data === 'string' ? data : defaultDataDir();
    return { values, positionals, dataDir, keys: fileKeyProvider(keyDirFor(dataDir, typeof keyDir === 'string' ? keyDir : undefined)) };
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/** A whole number option within bounds, or a UsageError naming it. */
export function intOption(name: string, raw: unknown, fallback: number, min: number, max: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (typeof raw !== 'string' || !Number.isInteger(value) || value < min || value > max) {
    throw new UsageError(`--${name}: expected a whole number from ${min} to ${max}, got ${JSON.stringify(raw)}`);
  }
  return value;
}
