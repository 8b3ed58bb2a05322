// A reloaded window keeps its sign-in with a resume token, and only while the token is good.
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { openTestDesk } from '../../../test/support/desk.js';

vi.setConfig({ testTimeout: 60_000 }); // every sign-in hashes (scrypt), slow on a loaded machine

let now = Date.parse('2026-05-01T08:00:00Z');
let t: Awaited<ReturnType<typeof openTestDesk>>;
beforeAll(async () => {
  t = await openTestDesk({ now: () => new Date(now) });
});
afterAll(() => t.close());

it('brings the sign-in back on a new connection, and no longer after sign-out', async () => {
  const agent = await t.signedIn('agent', 'reloader');
  const token = await t.ok(agent, 'session.resumeToken', {});
  const reloaded = t.desk.connect();
  expect(await t.ok(reloaded, 'session.resume', { token })).toMatchObject({ username: 'reloader', role: 'agent' });
  expect((await t.desk.dispatch(reloaded, 'cases.search', {})).ok).toBe(true);

  await t.ok(reloaded, 'session.signOut', {});
  expect(await t.ok(t.desk.connect(), 'session.resume', { token })).toBeNull();
});

it('refuses an unknown token, an idle one, and one of an operator since deactivated', async () => {
  expect(await t.ok(t.desk.connect(), 'session.resume', { token: 'x'.repeat(43) })).toBeNull();

  const idle = await t.signedIn('agent', 'idler');
  const idleToken = await t.ok(idle, 'session.resumeToken', {});
  now += 13 * 60 * 60 * 1000; // longer than a shift
  expect(await t.ok(t.desk.connect(), 'session.resume', { token: idleToken })).toBeNull();

  const leaver = await t.signedIn('agent', 'leaver');
  const leaverToken = await t.ok(leaver, 'session.resumeToken', {});
  await t.ok(t.manager, 'operators.setActive', { username: 'leaver', active: false, reason: 'left' });
  const connection = t.desk.connect();
  expect(await t.ok(connection, 'session.resume', { token: leaverToken })).toBeNull();
  expect((await t.desk.dispatch(connection, 'cases.search', {})).ok).toBe(false);
});

it('signs out a tab that resumed a sign-in when its owner signs out, and stops its events at once', async () => {
  const owner = await t.signedIn('agent', 'owner');
  const token = await t.ok(owner, 'session.resumeToken', {});
  const second = t.desk.connect();
  await t.ok(second, 'session.resume', { token });
  await t.ok(owner, 'session.signOut', {});
  expect(second.operator).toBeNull(); // what the hosts check before forwarding an event
  expect(await t.desk.dispatch(second, 'cases.search', {})).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
});

it('ends a deactivated operator’s open connections at once, and their tokens do not come back at reactivation', async () => {
  const leaver = await t.signedIn('agent', 'returner');
  const token = await t.ok(leaver, 'session.resumeToken', {});
  await t.ok(t.manager, 'operators.setActive', { username: 'returner', active: false, reason: 'left' });
  expect(leaver.operator).toBeNull();
  await t.ok(t.manager, 'operators.setActive', { username: 'returner', active: true, reason: 'came back' });
  expect(await t.ok(t.desk.connect(), 'session.resume', { token })).toBeNull();
  expect(leaver.operator).toBeNull();
});
