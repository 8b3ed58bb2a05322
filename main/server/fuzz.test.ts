// Random and hostile input to EVERY call of the contract, as a signed-in manager (so the
// input, not the role, is what gets checked): each answer is a typed outcome, a refused call
// changes nothing stored, nothing reaches Object.prototype, and the desk keeps answering.
// The figures (tried / refused cleanly / accepted / internal) are printed as JSON.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CALL_NAMES, contract, type CallName, type DeskErrorShape } from '../../shared/contract/index.js';
import { openTestDesk, PASSWORD } from '../../test/support/desk.js';

const CODES: DeskErrorShape['code'][] = ['invalid-input', 'unauthenticated', 'forbidden', 'not-found', 'conflict', 'too-many-attempts', 'disk-full'];

let t: Awaited<ReturnType<typeof openTestDesk>>;
const figures = { calls: CALL_NAMES.length, tried: 0, refusedCleanly: 0, accepted: 0, internal: 0, deskDeaths: 0 };

beforeAll(async () => {
  t = await openTestDesk();
  await t.ok(t.manager, 'customers.create', { account: 'acme-01', name: 'Acme', region: 'cn-hangzhou', contacts: [{ name: 'Li Lei', phone: '13812345678' }] });
});
afterAll(async () => {
  console.log(JSON.stringify({ fuzz: figures }));
  await t.close();
});

/** Values a field may plausibly get, so the fuzz reaches past the first check. */
const plausible = fc.constantFrom<unknown>(
  'acme-01',
  'C-000001',
  'KE-00001',
  'U-' + '0'.repeat(32),
  'someone',
  '2026-05-01T08:00:00+08:00',
  '2026-05-01',
  '2026-04',
  '100.00',
  'hotline',
  'SEV-1',
  'admin-left',
  'zh-CN',
  'Asia/Shanghai',
  0,
  1,
  true,
  [],
  {},
);

/** What an attacker or a broken client sends. */
const hostileString = fc.oneof(
  fc.constantFrom(
    'invoice\u202efdp.exe',
    '\u2066admin\u2069',
    'a\u0000b',
    '\u0007\u001b[31m',
    '\ud800',
    'x\udfffy',
    '../../etc/passwd',
    '__proto__',
    '9'.repeat(100_000),
    'x'.repeat(1_000_000),
    '%E0%A4%A',
    '=cmd|\' /C calc\'!A0',
    '',
    ' ',
  ),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 50 }),
);
const hostile: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.constantFrom<unknown>(null, NaN, Infinity, -Infinity, -0, 1e308, -1, 2 ** 53, 1.5, Array.from({ length: 100_000 }, () => 'x')),
  fc.constantFrom<unknown>(JSON.parse('{"__proto__":{"polluted":true}}'), JSON.parse('{"constructor":{"prototype":{"polluted":true}}}')),
  fc.array(hostileString, { maxLength: 60 }),
  fc.anything({ maxDepth: 3 }),
);

/** An input shaped like the call's (its keys), each value plausible or hostile, sometimes with an extra key. */
function inputFor(name: CallName): fc.Arbitrary<unknown> {
  const schema = contract[name].input as z.ZodType;
  const keys = schema instanceof z.ZodObject ? Object.keys(schema.shape as object) : [];
  const value = fc.oneof({ weight: 2, arbitrary: plausible }, { weight: 3, arbitrary: hostile });
  const shaped = fc.record(Object.fromEntries(keys.map((key) => [key, value])), { requiredKeys: [] });
  const withExtra = fc.tuple(shaped, fc.string({ maxLength: 20 }), hostile).map(([input, key, v]) => ({ ...input, [key || 'extra']: v }));
  return fc.oneof({ weight: 5, arbitrary: shaped }, { weight: 1, arbitrary: withExtra }, { weight: 1, arbitrary: hostile });
}

async function ensureManager() {
  if (!t.manager.operator) await t.ok(t.manager, 'session.signIn', { username: 'boss', password: PASSWORD });
}

describe.each(CALL_NAMES)('%s', (name) => {
  it('answers every random or hostile input with a typed outcome; a refusal changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(inputFor(name), async (input) => {
        await ensureManager();
        const before = t.snapshot();
        figures.tried++;
        // Public calls (sign-in among them) on a fresh connection: their failures must not slow the manager's own sign-in.
        const connection = contract[name].access === 'public' ? t.desk.connect() : t.manager;
        const outcome = await t.desk.dispatch(connection, name, input);
        expect(typeof outcome.ok).toBe('boolean');
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        if (outcome.ok) {
          figures.accepted++;
          return;
        }
        if (outcome.error.code === 'internal') figures.internal++;
        expect(CODES, JSON.stringify({ input, error: outcome.error }).slice(0, 500)).toContain(outcome.error.code);
        expect(outcome.error.message).toMatch(/\S/);
        if (outcome.error.field !== undefined) expect(typeof outcome.error.field).toBe('string');
        expect(t.snapshot()).toBe(before);
        figures.refusedCleanly++;
      }),
      { numRuns: 40 },
    );
  }, 120_000);
});

it('still answers after all of it', async () => {
  const outcome = await t.desk.dispatch(t.desk.connect(), 'session.current', {});
  if (!outcome.ok) figures.deskDeaths++;
  expect(outcome).toMatchObject({ ok: true });
});
