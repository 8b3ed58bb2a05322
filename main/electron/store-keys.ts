// The store's anchor key in Electron: encrypted with the OS keychain through safeStorage, in
// <userData>/keys/ beside the channel secrets (outside the data directory <userData>/data).
import * as fs from 'node:fs';
import { join } from 'node:path';
import { app, safeStorage } from 'electron';
import { newAnchorKey, type KeyProvider } from '../store/anchor.js';

export function safeStorageKeyProvider(dir = join(app.getPath('userData'), 'keys')): KeyProvider {
  const file = (id: string) => join(dir, `store-${id}.bin`);
  const available = () => {
    if (!safeStorage.isEncryptionAvailable()) throw new Error('the OS keychain is not available (safeStorage), so the store key cannot be kept safely');
  };
  return {
    where: dir,
    get(id) {
      if (!fs.existsSync(file(id))) return undefined;
      available();
      return Buffer.from(safeStorage.decryptString(fs.readFileSync(file(id))), 'hex');
    },
    create(id) {
      available();
      fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
      const key = newAnchorKey();
      const fd = fs.openSync(file(id), 'wx', 0o600);
      try {
        fs.writeSync(fd, safeStorage.encryptString(key.toString('hex')));
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
      return key;
    },
  };
}
