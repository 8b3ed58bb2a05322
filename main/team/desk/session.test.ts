// Sign-in on a joined desk against a real team server on a real PostgreSQL: online through the
// server, offline with the last verified password for a bounded time, and what was done offline
// reaching the server once the connection is back. The connection is cut by a TCP proxy.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { TestPostgres } from '../../../test/support/postgres.js';
import { startCenter } from '../../../test/support/center.js';
import { startTcpProxy, type TcpProxy } from '../../../test/support/tcp-proxy.js';
import type { OpenedDesk } from '../../server/open-desk.js';
import { memorySettings } from '../../server/settings/settings-store.js';
import { memorySecretStore } from '../../server/secrets/secret-store.js';
import type { TeamServer } from '../server/team-server.js';
import { openTeamDesk } from './open.js';

const PASSWORD = 'team password 42';
const HOUR = 3_600_000;
// Every step hashes or checks a password with scrypt (tens of ms alone, seconds on a loaded machine).
let postgres: TestPostgres;
let server: TeamServer;
let proxy: TcpProxy;
let opened: OpenedDesk;
let dataDir: string;
let clock = Date.now();

beforeAll(async () => {
  ({ postgres, server } = await startCenter({ password: PASSWORD, agents: ['agent1'], customer: { account: 'acme-01', name: 'Acme', region: 'cn-beijing', contacts: [{ name: 'Li', phone: '+8613800000009' }] } }));
  proxy = await startTcpProxy(new URL(server.url));
  dataDir = mkdtempSync(join(tmpdir(), 'team-session-'));
  opened = await openTeamDesk({ dataDir, settings: memorySettings(), secrets: memorySecretStore(), teamUrl: proxy.url, now: () => new Date(clock) });
}, 120_000);

afterAll(async () => {
  await opened?.close();
  await proxy?.close();
  await server?.close();
  await postgres?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const signIn = (password = PASSWORD) => opened.desk.dispatch(opened.desk.connect(), 'session.signIn', { username: 'agent1', password });
const status = async () => {
  const outcome = await opened.desk.dispatch(signedIn, 'team.status', {});
  return outcome.ok ? (outcome.value as { state: string; waiting: number }) : null;
};
let signedIn: ReturnType<OpenedDesk['desk']['connect']>;

it('signs in through the team server, which the replica then mirrors', async () => {
  signedIn = opened.desk.connect();
  expect(await opened.desk.dispatch(signedIn, 'session.signIn', { username: 'agent1', password: PASSWORD })).toMatchObject({ ok: true, value: { username: 'agent1', role: 'agent' } });
  expect(opened.desk.services.store.get('customers', 'acme-01')).toMatchObject({ name: 'Acme' });
  // Password hashes never reach a desk.
  expect(opened.desk.services.store.get('operators', 'agent1')).not.toHaveProperty('passwordHash');
  expect(await signIn('wrong password 1')).toMatchObject({ ok: false, error: { code: 'unauthenticated', field: 'password' } });
}, 60_000);

it('offline: the same password signs in, a wrong one does not, and a change waits', async () => {
  await proxy.cut();
  expect(await signIn()).toMatchObject({ ok: true, value: { username: 'agent1' } });
  expect(await signIn('wrong password 1')).toMatchObject({ ok: false, error: { code: 'unauthenticated', field: 'password' } });
  const logged = await opened.desk.dispatch(signedIn, 'calls.log', { customerAccount: 'acme-01', channel: 'hotline', category: 'technical-issue', summary: 'cannot reach ECS' });
  expect(logged).toMatchObject({ ok: true });
  await expect.poll(status).toMatchObject({ state: 'offline', waiting: 1 });
}, 60_000);

it('offline sign-in ends after the bound (72 h by default) since the last online one', async () => {
  clock += 72 * HOUR + 60_000;
  const outcome = await signIn();
  expect(outcome).toMatchObject({ ok: false, error: { code: 'unauthenticated', field: 'username' } });
  expect(!outcome.ok && outcome.error.message).toMatch(/last 72 hours/);
  clock -= 72 * HOUR + 60_000;
}, 60_000);

it('back online, the waiting change reaches the server', async () => {
  await proxy.restore();
  await expect.poll(status, { timeout: 20_000 }).toMatchObject({ state: 'online', waiting: 0 });
  const id = (opened.desk.services.store.all('cases')[0] as { id: string }).id;
  expect(server.center.store.get('cases', id)).toMatchObject({ summary: 'cannot reach ECS', agent: 'agent1' });
}, 60_000);

it('an operator deactivated on the server meanwhile: the waiting change is not applied, and is listed as such', async () => {
  await proxy.cut();
  const logged = await opened.desk.dispatch(signedIn, 'calls.log', { customerAccount: 'acme-01', channel: 'hotline', category: 'console', summary: 'console login loops' });
  expect(logged).toMatchObject({ ok: true });
  await server.center.transact(async () => {
    const manager = server.center.desk.connect();
    await server.center.desk.dispatch(manager, 'session.signIn', { username: 'mgr', password: PASSWORD });
    await server.center.desk.dispatch(manager, 'operators.setActive', { username: 'agent1', active: false, reason: 'left the team' });
  });
  await proxy.restore();
  await expect.poll(async () => opened.desk.services.store.count('team.conflicts'), { timeout: 20_000 }).toBe(1);
  expect(opened.desk.services.store.count('team.outbox')).toBe(0);
  // The local case is gone again: the server never had it.
  expect(opened.desk.services.store.all('cases').map((c) => (c as { summary?: string }).summary)).toEqual(['cannot reach ECS']);
}, 60_000);
