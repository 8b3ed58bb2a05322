// Table-driven over the whole contract: every declared call rejects malformed input with a
// typed error naming the field, and a rejected call leaves the store unchanged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CALL_NAMES, contract, type CallName } from '../../shared/contract/index.js';
import { openTestDesk } from '../../test/support/desk.js';

let t: Awaited<ReturnType<typeof openTestDesk>>;
beforeAll(async () => {
  t = await openTestDesk();
  await t.ok(t.manager, 'customers.create', {
    account: 'acme-01',
    name: 'Acme',
    region: 'cn-hangzhou',
    contacts: [{ name: 'Li Lei', phone: '13812345678' }],
  });
});
afterAll(() => t.close());

/** The keys a call's input cannot do without. */
function requiredKeys(name: CallName): string[] {
  const schema = contract[name].input as z.ZodType;
  if (!(schema instanceof z.ZodObject)) return [];
  return Object.entries(schema.shape as Record<string, z.ZodType>)
    .filter(([, field]) => !field.safeParse(undefined).success)
    .map(([key]) => key);
}

const MALFORMED: [string, unknown][] = [
  ['a number', 42],
  ['a string', 'hello'],
  ['an array', [1, 2]],
  ['an unknown field', { __unexpected: true }],
];

describe.each(CALL_NAMES)('%s', (name) => {
  it.each(MALFORMED)('rejects %s with a typed error and changes nothing', async (_label, input) => {
    const before = t.snapshot();
    const outcome = await t.desk.dispatch(t.manager, name, input);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error.code).toBe('invalid-input');
    expect(outcome.error.message).toMatch(/\S/);
    expect(t.snapshot()).toBe(before);
  });

  it('names an unknown extra field in `field`', async () => {
    const outcome = await t.desk.dispatch(t.manager, name, { __unexpected: true });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'invalid-input', field: '__unexpected' } });
  });

  const required = requiredKeys(name);
  it.runIf(required.length > 0)('names the missing field when a required field is absent', async () => {
    const before = t.snapshot();
    const outcome = await t.desk.dispatch(t.manager, name, {});
    expect(outcome).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    if (!outcome.ok) expect(required).toContain(outcome.error.field);
    expect(t.snapshot()).toBe(before);
  });
});

it('rejects a call that the contract does not declare', async () => {
  const outcome = await t.desk.dispatch(t.manager, 'fs.readFile', { path: '/etc/passwd' });
  expect(outcome).toMatchObject({ ok: false, error: { code: 'not-found' } });
});
