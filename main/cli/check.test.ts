import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheck, type CheckIo } from './check.js';

const ROOT = resolve(import.meta.dirname, '../..');
const FIXTURES = join(ROOT, 'test/fixtures/check');
const fixture = (name: string) => JSON.parse(readFileSync(join(FIXTURES, name), 'utf8')) as Record<string, unknown>;

/** Runs the command in-process with a request given as an object (or raw text). */
async function check(kind: string, request: unknown) {
  let out = '';
  let err = '';
  const io: CheckIo = {
    readStdin: async () => (typeof request === 'string' ? request : JSON.stringify(request)),
    readFile: async () => {
      throw Object.assign(new Error('no such file'), { code: 'ENOENT' });
    },
    out: (t) => (out += t),
    err: (t) => (err += t),
  };
  const code = await runCheck([kind], io);
  return { code, out, err };
}

function withField(base: Record<string, unknown>, path: string, value: unknown) {
  const copy = structuredClone(base);
  const keys = path.split('.');
  let target: Record<string, unknown> = copy;
  for (const key of keys.slice(0, -1)) target = target[key] as Record<string, unknown>;
  const last = keys[keys.length - 1] as string;
  if (value === undefined) delete target[last];
  else target[last] = value;
  return copy;
}

describe('invalid requests (in-process)', () => {
  const refund = fixture('refund.json');
  const compensation = fixture('compensation.json');
  const icp = fixture('icp-reward.json');
  it.each([
    ['refund', withField(refund, 'orders.0.billingMode', 'weekly'), 'orders[0].billingMode: must be one of hourly, monthly, yearly, on-demand, postpaid'],
    ['refund', withField(refund, 'orders.0.paid', '12.345'), 'orders[0].paid: must be a decimal string with at most 2 decimals (got "12.345")'],
    ['refund', withField(refund, 'orders.0.paid', 12), 'orders[0].paid: must be a decimal string such as "12.00"'],
    ['refund', withField(refund, 'orders.0.reward', { granted: '10.00', spent: '10.01' }), 'orders[0].reward.spent: spent must not exceed granted'],
    ['refund', withField(refund, 'orders.0.purchasedAt', '2026-05-01 09:00'), 'orders[0].purchasedAt: must be an ISO-8601 instant with an offset or Z'],
    ['refund', withField(refund, 'customer.earlierRefunds', undefined), 'customer.earlierRefunds: required'],
    ['refund', withField(refund, 'customer.earlierRefunds', [{ status: 'approved' }]), 'customer.earlierRefunds[0].status: must be one of completed, in-progress, rejected'],
    ['refund', withField(refund, 'dataMigrationConfirmed', 'yes'), 'dataMigrationConfirmed: must be a boolean'],
    ['compensation', withField(compensation, 'dailyFee', '-12.00'), 'dailyFee: must not be negative (got "-12.00")'],
    ['compensation', withField(compensation, 'dailyFee', undefined), 'dailyFee: required'],
    ['compensation', withField(compensation, 'occurrences.0.end', '2026-05-01T09:59:59+08:00'), 'occurrences[0].end: rectification time (end) must not be before the fault start'],
    ['compensation', withField(compensation, 'occurrences.0.cause', 'aliens'), 'occurrences[0].cause: must be one of platform, force-majeure'],
    ['compensation', withField(compensation, 'occurrences', []), 'occurrences: must hold at least one occurrence'],
    ['compensation', withField(compensation, 'timeZone', 'Mars/Olympus'), 'timeZone: must be an IANA time zone'],
    ['compensation', withField(compensation, 'calendar', { holidays: ['1 May'], workingWeekends: [] }), 'calendar.holidays[0]: must be a date YYYY-MM-DD'],
    ['icp-reward', withField(icp, 'filing.approvedAt', undefined), 'filing.approvedAt: required when status is approved'],
    ['icp-reward', withField(icp, 'filing.customerDelayDays', -1), 'filing.customerDelayDays: must not be negative'],
    ['icp-reward', withField(icp, 'customer.accumulatedRecharge', '2,000'), 'customer.accumulatedRecharge: must be a decimal string'],
    ['icp-reward', withField(icp, 'host.billingMode', undefined), 'host.billingMode: required'],
    ['refund', '{"customer": ', 'request: malformed JSON'],
    ['refund', '', 'request: malformed JSON'],
    ['refund', '[1, 2]', 'request: must be a JSON object'],
    ['refund-please', refund, 'kind: must be one of refund, compensation, icp-reward'],
    ['refund', withField(refund, 'now', '2025-06-01T00:00:00Z'), 'now: no policy version is in force at 2025-06-01T00:00:00.000Z'],
  ])('%s %#', async (kind, request, message) => {
    const r = await check(kind, request);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.startsWith(`invalid request: ${message}`)).toBe(true);
    expect(r.err.endsWith('\n')).toBe(true);
    expect(r.err.trimEnd().split('\n')).toHaveLength(1);
  });

  it('rejects an unreadable FILE and unknown options', async () => {
    const io = { readStdin: async () => '', readFile: async () => Promise.reject(Object.assign(new Error('x'), { code: 'ENOENT' })), out: () => {}, err: () => {} };
    expect(await runCheck(['refund', 'missing.json'], io)).toBe(2);
    expect(await runCheck(['refund', '--verbose'], io)).toBe(2);
    expect(await runCheck([], io)).toBe(2);
  });

  it('an ineligible decision still exits 0', async () => {
    const r = await check('refund', withField(fixture('refund.json'), 'dataMigrationConfirmed', undefined));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ outcome: 'ineligible', amount: '0.00' });
  });
});

// Each case starts node + tsx; a loaded CI machine needs more than the default 5 s.
describe('as a real child process', { timeout: 60_000 }, () => {
  const TSX = join(ROOT, 'node_modules/.bin/tsx');
  const cli = (args: string[], input?: string) =>
    spawnSync(TSX, ['main/cli/index.ts', 'check', ...args], { cwd: ROOT, input, encoding: 'utf8', timeout: 30_000 });

  it('prints every documented field for each kind, writing nothing to --data', () => {
    const data = mkdtempSync(join(tmpdir(), 'check-data-'));
    const expectations = {
      refund: { amount: '940.00', fields: ['rewardDeducted', 'rewardCancelled'] },
      compensation: { amount: '25.00', fields: ['faultMinutes', 'claimDeadline', 'subjectMissing'] },
      'icp-reward': { amount: '200.00', fields: ['creditDueBy', 'validUntil'] },
    } as const;
    for (const [kind, expected] of Object.entries(expectations)) {
      const r = cli([kind, join(FIXTURES, `${kind}.json`), '--data', data]);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      const decision = JSON.parse(r.stdout) as Record<string, unknown>;
      expect(decision).toMatchObject({ kind, outcome: 'eligible', amount: expected.amount, policyVersion: '2026.1' });
      for (const field of expected.fields) expect(decision).toHaveProperty(field);
      const rules = decision.rules as Array<Record<string, unknown>>;
      expect(rules.length).toBeGreaterThanOrEqual(6);
      for (const rule of rules) {
        expect(Object.keys(rule).slice(0, 3)).toEqual(['id', 'result', 'reason']);
        expect(['passed', 'failed', 'not-applicable']).toContain(rule.result);
      }
    }
    const c = JSON.parse(cli(['compensation', join(FIXTURES, 'compensation.json')]).stdout) as Record<string, unknown>;
    expect(c).toMatchObject({ faultMinutes: 30, claimDeadline: '2026-05-13', subjectMissing: [] });
    expect(readdirSync(data)).toEqual([]);
  });

  it('reads the request from standard input', () => {
    const r = cli(['icp-reward'], readFileSync(join(FIXTURES, 'icp-reward.json'), 'utf8'));
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ creditDueBy: '2026-05-16', validUntil: '2027-05-16' });
  });

  it.each([
    ['refund', 'refund-bad-billing-mode.json', 'invalid request: orders[0].billingMode: must be one of hourly, monthly, yearly, on-demand, postpaid'],
    ['compensation', 'compensation-end-before-start.json', 'invalid request: occurrences[0].end: rectification time (end) must not be before the fault start'],
    ['refund', 'malformed.json', 'invalid request: request: malformed JSON'],
  ])('invalid %s (%s): exit 2, one stderr line, nothing on stdout', (kind, file, message) => {
    const r = cli([kind, join(FIXTURES, file)]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]?.startsWith(message)).toBe(true);
  });
});
