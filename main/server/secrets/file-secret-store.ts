// The web host's and the command line's secrets: a file readable by the desk's user only (0600)
// in the key folder, named after the data folder it serves, so several desks share one folder.
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { keyDirFor } from '../../store/key-dir.js';
import { blobSecretStore, type SecretStore } from './secret-store.js';

/** The file in keyDir that holds dataDir's secrets. */
export function secretFileFor(keyDir: string, dataDir: string): string {
  const id = createHash('sha256').update(resolve(dataDir)).digest('hex').slice(0, 16);
  return join(keyDir, `secrets-${id}.json`);
}

export function fileSecretStore(file: string): SecretStore {
  return blobSecretStore({
    read: () => (existsSync(file) ? readFileSync(file, 'utf8') : null),
    write: (text) => writeSealed(file, text),
  });
}

/** Written to a temp file with mode 0600 and renamed, so a crash leaves the old or the new file whole. */
export function writeSealed(file: string, content: string | Buffer): void {
  mkdirSync(join(file, '..'), { recursive: true, mode: 0o700 });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, content, { mode: 0o600 });
  chmodSync(temp, 0o600);
  renameSync(temp, file);
}

/** Last session's desks kept the channel settings in <data>/channel-secrets.json: moved into the store once. */
export async function moveLegacySecrets(dataDir: string, secrets: SecretStore, name: string): Promise<void> {
  const legacy = join(dataDir, 'channel-secrets.json');
  if (!existsSync(legacy)) return;
  if ((await secrets.get(name)) === null) await secrets.set(name, readFileSync(legacy, 'utf8'));
  rmSync(legacy);
}

/** The web host's and the command line's store for a data folder: a 0600 file in the key folder. */
export const localSecretStore = (dataDir: string, keyDir?: string) => fileSecretStore(secretFileFor(keyDirFor(dataDir, keyDir), dataDir));
