// A reloaded window keeps its sign-in with a resume token, and only while the token is good.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openTestDesk } from '../../../test/support/desk.js';

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
