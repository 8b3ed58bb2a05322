// The desk's secrets on a real temp data folder and key folder: outside --data, 0600, last
// session's <data>/channel-secrets.json moved out on open, a key folder inside --data refused.
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { openDesk } from '../open-desk.js';
import { memorySettings } from '../settings/settings-store.js';
import { readChannelSecrets } from '../mail/channel-secrets.js';
import { secretFileFor } from './file-secret-store.js';

const dirs: string[] = [];
const temp = (name: string) => {
  const dir = mkdtempSync(join(tmpdir(), name));
  dirs.push(dir);
  return dir;
};
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

it('moves the old <data>/channel-secrets.json into the key folder on open, 0600, and the desk still reads it', async () => {
  const dataDir = temp('desk-secrets-data-');
  const keyDir = temp('desk-secrets-keys-');
  const old = { imap: null, smtp: { host: 'smtp.test', port: 25, tls: false, user: 'u', password: 'old-password-1', from: 'a@b.test' }, ctiToken: 'old-token' };
  writeFileSync(join(dataDir, 'channel-secrets.json'), JSON.stringify(old), { mode: 0o600 });
  const opened = await openDesk({ dataDir, keyDir, settings: memorySettings(), slaIntervalMs: 0, fetchMail: false });
  try {
    expect(existsSync(join(dataDir, 'channel-secrets.json'))).toBe(false);
    const file = secretFileFor(keyDir, dataDir);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).toContain('old-password-1');
    expect(await readChannelSecrets(opened.desk.services.secrets)).toEqual(old);
  } finally {
    await opened.close();
  }
});

it('refuses a key folder inside the data folder, naming the option', async () => {
  const dataDir = temp('desk-secrets-data-');
  await expect(openDesk({ dataDir, keyDir: join(dataDir, 'keys'), settings: memorySettings(), slaIntervalMs: 0 })).rejects.toThrow(/--key-dir: the key folder must be outside the data folder/);
});
