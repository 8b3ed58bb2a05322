// The shell's SecretStore: the OS keychain (safeStorage: Keychain, DPAPI, libsecret) encrypts one
// file in userData, beside the data folder, never in it. Without a keychain the 0600 file is used.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { safeStorage } from 'electron';
import { blobSecretStore, type SecretStore } from '../server/secrets/secret-store.js';
import { fileSecretStore, writeSealed } from '../server/secrets/file-secret-store.js';

export function electronSecretStore(userData: string): SecretStore {
  if (!safeStorage.isEncryptionAvailable()) {
    console.error('[secrets] no OS keychain: the channel passwords are kept in a file only this user can read');
    return fileSecretStore(join(userData, 'keys', 'secrets.json'));
  }
  const file = join(userData, 'keys', 'secrets.bin');
  return blobSecretStore({
    read: () => (existsSync(file) ? safeStorage.decryptString(readFileSync(file)) : null),
    write: (text) => writeSealed(file, safeStorage.encryptString(text)),
  });
}
