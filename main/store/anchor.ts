// The store's tamper anchor key: kept OUTSIDE the data directory, so someone who can only
// write the data directory cannot recompute the MACs (see docs/store.md "Tamper anchor").
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultKeyDir } from './key-dir.js';

/** Where a store's anchor key lives: Electron's safeStorage, a 0600 key file, … */
export interface KeyProvider {
  /** The key of the store `storeId`, or undefined when none was made yet. */
  get(storeId: string): Buffer | undefined;
  /** Makes, keeps durably and returns a new random key for `storeId`. */
  create(storeId: string): Buffer;
  /** Where the keys are kept, for messages and for the check that it is not inside the data directory. */
  readonly where: string;
}

/** One key per data directory, named after its real path (a store moved elsewhere gets a new key). */
export function storeKeyId(dataDir: string): string {
  const real = fs.existsSync(dataDir) ? fs.realpathSync(dataDir) : path.resolve(dataDir);
  return crypto.createHash('sha256').update(real).digest('hex').slice(0, 32);
}

/** A new random 256-bit key. */
export function newAnchorKey(): Buffer {
  return crypto.randomBytes(32);
}

/** Refuses a key folder inside the data directory: the anchor would protect nothing there. */
export function assertOutside(keyDir: string, dataDir: string): void {
  const rel = path.relative(path.resolve(dataDir), path.resolve(keyDir));
  if (rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel)))
    throw new Error(`the key folder ${keyDir} is inside the data directory ${dataDir}: choose a folder outside it (--key-dir DIR or ASSURANCE_DESK_KEY_DIR)`);
}

/** Keys as 0600 files `<dir>/<storeId>.key` in a 0700 folder (web host, command line). */
export function fileKeyProvider(dir: string = defaultKeyDir()): KeyProvider {
  const file = (id: string) => path.join(dir, `${id}.key`);
  return {
    where: path.resolve(dir),
    get(id) {
      let text: string;
      try {
        text = fs.readFileSync(file(id), 'utf8').trim();
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw err;
      }
      if (!/^[0-9a-f]{64}$/.test(text)) throw new Error(`the store key ${file(id)} is damaged (expected 64 hex digits)`);
      return Buffer.from(text, 'hex');
    },
    create(id) {
      fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
      const key = newAnchorKey();
      const fd = fs.openSync(file(id), 'wx', 0o600);
      try {
        fs.writeSync(fd, key.toString('hex') + '\n');
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
      return key;
    },
  };
}
