// A damaged settings.json: the host starts anyway on defaults, the file is moved aside and
// named; a settings write that fails (disk full) leaves nothing in force and no one signed in.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it, vi } from 'vitest';
import { openDesk } from '../open-desk.js';
import { lowdbSettings } from './lowdb-settings.js';
import { memorySettings } from './settings-store.js';

vi.setConfig({ testTimeout: 60_000 }); // sign-ins hash with scrypt, slow on a loaded machine

const dirs: string[] = [];
const dataDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'desk-settings-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

it.each([
  ['cut JSON', '{"language": "en", "time'],
  ['not an object', '[1, 2]'],
  ['binary junk', '\u0000\u00ff{'],
])('moves a settings.json of %s aside, names it, and uses the defaults', (_label, content) => {
  const dir = dataDir();
  writeFileSync(join(dir, 'settings.json'), content);
  const settings = lowdbSettings(dir);
  expect(settings.get()).toMatchObject({ language: 'zh-CN', timeZone: 'Asia/Shanghai' });
  const aside = readdirSync(dir).find((name) => name.startsWith('settings.json.damaged-'))!;
  expect(readFileSync(join(dir, aside), 'utf8')).toBe(content);
  expect(settings.notices).toEqual([expect.stringContaining(aside)]);
  settings.update({ language: 'en' });
  expect(JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8'))).toMatchObject({ language: 'en' });
});

it('keeps a good settings.json as it is, with no notice', () => {
  const dir = dataDir();
  writeFileSync(join(dir, 'settings.json'), JSON.stringify({ language: 'en', timeZone: 'Europe/Berlin' }));
  const settings = lowdbSettings(dir);
  expect(settings.notices).toEqual([]);
  expect(settings.get()).toMatchObject({ language: 'en', timeZone: 'Europe/Berlin' });
  expect(existsSync(join(dir, 'settings.json'))).toBe(true);
});

it('answers disk-full when a write meets ENOSPC, and a sign-in that cannot write leaves the connection signed out', async () => {
  const dir = dataDir();
  // The real settings store, whose one write fails the way a full disk fails it.
  const inner = memorySettings();
  let full = false;
  const settings = {
    get: inner.get,
    update: (patch: Parameters<typeof inner.update>[0]) => {
      if (full) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      return inner.update(patch);
    },
  };
  const opened = await openDesk({ dataDir: dir, settings, slaIntervalMs: 0 });
  const manager = opened.desk.connect();
  const password = 'correct horse battery';
  expect(await opened.desk.dispatch(manager, 'setup.createManager', { username: 'boss', displayName: 'Boss', password })).toMatchObject({ ok: true });
  full = true;
  const tab = opened.desk.connect();
  const outcome = await opened.desk.dispatch(tab, 'session.signIn', { username: 'boss', password });
  expect(outcome).toMatchObject({ ok: false, error: { code: 'disk-full', message: 'the disk is full: nothing was saved; free some space and try again' } });
  expect(tab.operator).toBeNull();
  expect(await opened.desk.dispatch(manager, 'settings.update', { language: 'en' })).toMatchObject({ ok: false, error: { code: 'disk-full' } });
  await opened.close();
});
