// The channels of a joined desk against a real team server on a real PostgreSQL: the mailbox and
// SMTP are the center's (set through the server, kept in its database, never on the desk), the
// phone token is the desk's own (its host is where the phone system posts), and the desk never fetches.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startPostgres, type TestPostgres } from '../../../test/support/postgres.js';
import type { OpenedDesk } from '../../server/open-desk.js';
import { readChannelSecrets } from '../../server/mail/channel-secrets.js';
import { memorySettings } from '../../server/settings/settings-store.js';
import { memorySecretStore, type SecretStore } from '../../server/secrets/secret-store.js';
import { startTeamServer, type TeamServer } from '../server/team-server.js';
import { openTeamDesk } from './open.js';

const PASSWORD = 'team password 42';
let postgres: TestPostgres;
let server: TeamServer;
let opened: OpenedDesk;
let dataDir: string;
const local: SecretStore = memorySecretStore();

beforeAll(async () => {
  postgres = await startPostgres();
  server = await startTeamServer({ databaseUrl: await postgres.createDatabase(), port: 0, slaIntervalMs: 0, mailIntervalMs: 0 });
  await server.center.setUp({ username: 'mgr', displayName: 'Manager', password: PASSWORD });
  dataDir = mkdtempSync(join(tmpdir(), 'team-channels-'));
  opened = await openTeamDesk({ dataDir, settings: memorySettings(), secrets: local, teamUrl: server.url });
}, 120_000);

afterAll(async () => {
  await opened?.close();
  await server?.close();
  await postgres?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

it('sets the mailbox on the team server, keeps the phone token on the desk, and never fetches here', async () => {
  const manager = opened.desk.connect();
  expect(await opened.desk.dispatch(manager, 'session.signIn', { username: 'mgr', password: PASSWORD })).toMatchObject({ ok: true });
  expect(opened.mailFetcher ?? null).toBeNull();

  const imap = { host: 'imap.center.test', port: 993, tls: true, user: 'support', password: 'mailbox password 7', folder: 'INBOX', afterImport: 'keep', moveTo: '' };
  expect(await opened.desk.dispatch(manager, 'channels.update', { imap })).toMatchObject({ ok: true, value: { imap: { host: 'imap.center.test', passwordSet: true } } });
  expect((await readChannelSecrets(server.center.desk.services.secrets)).imap).toMatchObject({ host: 'imap.center.test', password: 'mailbox password 7' });
  expect((await readChannelSecrets(local)).imap).toBeNull(); // the center's password is not on the desk

  const made = await opened.desk.dispatch(manager, 'channels.update', { newCtiToken: true });
  expect(made).toMatchObject({ ok: true, value: { ctiTokenSet: true } });
  const token = made.ok ? (made.value as { newCtiToken: string }).newCtiToken : '';
  expect((await readChannelSecrets(local)).ctiToken).toBe(token); // the desk's host checks the phone system's posts with it

  const view = await opened.desk.dispatch(manager, 'channels.settings', {});
  expect(view).toMatchObject({ ok: true, value: { imap: { host: 'imap.center.test', passwordSet: true }, ctiTokenSet: true } });
  expect(JSON.stringify(view)).not.toContain('mailbox password 7');
  expect(JSON.stringify(view)).not.toContain(token);
  expect(await opened.desk.dispatch(manager, 'mail.fetchNow', {})).toMatchObject({ ok: false, error: { code: 'conflict' } });
}, 120_000);
