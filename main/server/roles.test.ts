// Roles are checked in the main process on every call, whatever the renderer sends.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALL_NAMES, contract, roleAllows } from '../../shared/contract/index.js';
import type { Role } from '../../shared/domain/case.js';
import { openTestDesk, PASSWORD } from '../../test/support/desk.js';

let t: Awaited<ReturnType<typeof openTestDesk>>;
beforeAll(async () => {
  t = await openTestDesk();
});
afterAll(() => t.close());

const guarded = CALL_NAMES.filter((name) => contract[name].access !== 'public');

describe('a connection that has not signed in', () => {
  it.each(guarded)('cannot call %s', async (name) => {
    const before = t.snapshot();
    const outcome = await t.desk.dispatch(t.desk.connect(), name, {});
    expect(outcome).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(t.snapshot()).toBe(before);
  });
});

describe.each(['agent', 'supervisor'] as Role[])('an operator with the %s role', (role) => {
  const above = CALL_NAMES.filter((name) => !roleAllows(role, contract[name].access));
  it.each(above)('is refused %s, even with well-formed input', async (name) => {
    const connection = await t.signedIn(role);
    const before = t.snapshot();
    const input = { username: 'someone', displayName: 'X', password: PASSWORD, role: 'manager', active: false, reason: 'r', timeZone: 'UTC' };
    const outcome = await t.desk.dispatch(connection, name, input);
    expect(outcome).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(t.snapshot()).toBe(before);
  });
});

it('an agent cannot make itself a manager through operators.create', async () => {
  const agent = await t.signedIn('agent', 'agent-x');
  const outcome = await t.desk.dispatch(agent, 'operators.create', {
    username: 'sneaky',
    displayName: 'Sneaky',
    password: PASSWORD,
    role: 'manager',
  });
  expect(outcome).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  expect(t.desk.services.store.get('operators', 'sneaky')).toBeUndefined();
});

it('a deactivated operator loses access on the next call, without signing out', async () => {
  const agent = await t.signedIn('agent', 'leaver');
  await t.ok(t.manager, 'operators.setActive', { username: 'leaver', active: false, reason: 'left the company' });
  const outcome = await t.desk.dispatch(agent, 'cases.search', {});
  expect(outcome).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
});

it('the set-up screen works once only', async () => {
  const outcome = await t.desk.dispatch(t.desk.connect(), 'setup.createManager', {
    username: 'second',
    displayName: 'Second',
    password: PASSWORD,
  });
  expect(outcome).toMatchObject({ ok: false, error: { code: 'forbidden' } });
});

it('a wrong password is refused on the password field', async () => {
  const outcome = await t.desk.dispatch(t.desk.connect(), 'session.signIn', { username: 'boss', password: 'not it at all' });
  expect(outcome).toMatchObject({ ok: false, error: { code: 'unauthenticated', field: 'password' } });
});
