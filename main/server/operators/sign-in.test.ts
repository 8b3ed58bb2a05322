// Guessing passwords: a growing delay per username and per connection, a stored lock after
// ten failures in a row that a manager sees and lifts, and a password too long to hash.
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { openTestDesk, PASSWORD } from '../../../test/support/desk.js';

vi.setConfig({ testTimeout: 60_000 }); // every sign-in hashes (scrypt), slow on a loaded machine

let now = Date.parse('2026-05-01T08:00:00Z');
let t: Awaited<ReturnType<typeof openTestDesk>>;
beforeAll(async () => {
  t = await openTestDesk({ now: () => new Date(now) });
});
afterAll(() => t.close());

const signIn = (username: string, password: string, connection = t.desk.connect()) =>
  t.desk.dispatch(connection, 'session.signIn', { username, password });

it('slows guesses down per username: 3 free, then 1 s, 2 s, 4 s … before the next try', async () => {
  await t.signedIn('agent', 'guessed');
  for (let i = 0; i < 3; i++) expect(await signIn('guessed', `wrong guess ${i}`)).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  // 3 failures: the 4th attempt must wait 2^(3-3) = 1 s, even from another connection and with the right password
  expect(await signIn('guessed', PASSWORD)).toMatchObject({ ok: false, error: { code: 'too-many-attempts', field: 'password' } });
  now += 1000;
  expect(await signIn('guessed', 'wrong guess 3')).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  // 4 failures: wait 2^(4-3) = 2 s; 1 s is not enough
  now += 1000;
  expect(await signIn('guessed', PASSWORD)).toMatchObject({ ok: false, error: { code: 'too-many-attempts', message: 'too many failed sign-ins: try again in 1 s' } });
  now += 1000;
  expect(await signIn('guessed', PASSWORD)).toMatchObject({ ok: true });
  // a success starts the count again
  expect(await signIn('guessed', 'wrong again')).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  expect(await signIn('guessed', PASSWORD)).toMatchObject({ ok: true });
});

it('slows one connection trying many usernames: 5 free, then it waits', async () => {
  const connection = t.desk.connect();
  for (let i = 0; i < 5; i++) expect(await signIn(`nobody-${i}`, 'whatever it is', connection)).toMatchObject({ error: { code: 'unauthenticated' } });
  expect(await signIn('nobody-5', 'whatever it is', connection)).toMatchObject({ error: { code: 'too-many-attempts' } });
  now += 1000; // 2^(5-5) = 1 s
  expect(await signIn('nobody-5', 'whatever it is', connection)).toMatchObject({ error: { code: 'unauthenticated' } });
});

it('counts guesses sent all at once like guesses sent one by one', async () => {
  await t.signedIn('agent', 'burst');
  const outcomes = await Promise.all(Array.from({ length: 20 }, (_, i) => signIn('burst', `parallel guess ${i}`)));
  const codes = outcomes.map((o) => (o.ok ? 'ok' : o.error.code));
  expect(codes.filter((c) => c === 'unauthenticated')).toHaveLength(3); // only the 3 free attempts reach the password check
  expect(codes.filter((c) => c === 'too-many-attempts')).toHaveLength(17);
});

it('locks the account after 10 failures in a row; the manager sees it and unlocks; the lock is audited', async () => {
  await t.signedIn('agent', 'target');
  for (let i = 0; i < 10; i++) {
    now += 60_000; // past every delay (at most 60 s)
    expect(await signIn('target', `guess ${i}`)).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  }
  now += 60_000;
  expect(await signIn('target', PASSWORD)).toMatchObject({
    ok: false,
    error: { code: 'forbidden', field: 'username', message: 'this account is locked after too many failed sign-ins; a manager can unlock it' },
  });
  const listed = (await t.ok(t.manager, 'operators.list', {})).find((o) => o.username === 'target')!;
  // locked at the 10th failure (9 minutes + 10 × 1 min after the start of this test's clock): it lifts 30 min later
  expect(Date.parse(listed.lockedUntil!) - (now - 60_000)).toBe(30 * 60_000);
  expect(t.desk.services.store.events().some((e) => e.action === 'operator.locked')).toBe(true);

  const agent = await t.signedIn('agent');
  expect(await t.desk.dispatch(agent, 'operators.unlock', { username: 'target', reason: 'verified by phone' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  await t.ok(t.manager, 'operators.unlock', { username: 'target', reason: 'verified by phone' });
  expect((await t.ok(t.manager, 'operators.list', {})).find((o) => o.username === 'target')!.lockedUntil).toBeUndefined();
  expect(await signIn('target', PASSWORD)).toMatchObject({ ok: true });
});

it('lifts a lock by itself after 30 minutes', async () => {
  await t.signedIn('agent', 'patient');
  for (let i = 0; i < 10; i++) {
    now += 60_000;
    await signIn('patient', `guess ${i}`);
  }
  now += 29 * 60_000;
  expect(await signIn('patient', PASSWORD)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  now += 61_000;
  expect(await signIn('patient', PASSWORD)).toMatchObject({ ok: true });
});

it('refuses a password over 200 characters before hashing it', async () => {
  const outcome = await signIn('boss', 'p'.repeat(15 * 1024 * 1024));
  expect(outcome).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'password', message: 'at most 200 characters' } });
});
