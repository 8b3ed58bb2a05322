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
  const sla = fixture('sla.json');
  it.each([
    ['refund', withField(refund, 'orders.0.billingMode', 'weekly'), 'orders[0].billingMode: must be one of hourly, monthly, yearly, on-demand, postpaid'],
    ['refund', withField(refund, 'orders.0.paid', '12.345'), 'orders[0].paid: must be a decimal string with at most 2 decimals (got "12.345")'],
    ['refund', withField(refund, 'orders.0.paid', 12), 'orders[0].paid: must be a decimal string such as "12.00"'],
    ['refund', withField(refund, 'orders.0.reward', { granted: '10.00', spent: '10.01' }), 'orders[0].reward.spent: spent must not exceed granted'],
    ['refund', withField(refund, 'orders.0.purchasedAt', '2026-05-01 09:00'), 'orders[0].purchasedAt: must be an RFC 3339 instant'],
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
    ['refund-please', refund, 'kind: must be one of refund, compensation, icp-reward, sla'],
    ['sla', withField(sla, 'case.severity', 'SEV-4'), 'case.severity: must be one of SEV-1, SEV-2, SEV-3'],
    ['sla', withField(sla, 'case.openedAt', undefined), 'case.openedAt: required'],
    ['sla', withField(sla, 'case.openedAt', '2026-05-06 10:00'), 'case.openedAt: must be an RFC 3339 instant'],
    ['sla', withField(sla, 'case.vip', 'no'), 'case.vip: must be a boolean'],
    ['sla', withField(sla, 'case.escalationLevel', 'L4'), 'case.escalationLevel: must be one of L1, L2, L3, supervisor'],
    ['sla', withField(sla, 'case.firstResponseAt', '2026-05-06T09:59:59+08:00'), 'case.firstResponseAt: must not be before openedAt'],
    ['sla', withField(sla, 'case.updates', ['2026-05-06T09:00:00+08:00']), 'case.updates[0]: must not be before openedAt'],
    ['sla', withField(sla, 'case.waitingForCustomer', [{ from: '2026-05-06T11:00:00+08:00', to: '2026-05-06T10:59:00+08:00' }]), 'case.waitingForCustomer[0].to: must not be before from'],
    ['sla', withField(sla, 'keyEvents', [{ start: '2026-05-06T00:00:00+08:00', end: '2026-05-06T00:00:00+08:00' }]), 'keyEvents[0].end: must be after start'],
    ['sla', withField(sla, 'case.openedAt', '2025-05-06T10:00:00+08:00'), 'case.openedAt: no policy version is in force at 2025-05-06T02:00:00.000Z'],
    ['sla', withField(sla, 'case', undefined), 'case: required'],
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

describe('sla decisions (in-process), computed by hand from policy.md section 3', () => {
  const base = fixture('sla.json');
  const decide = async (request: unknown) => {
    const r = await check('sla', request);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    return JSON.parse(r.out) as Record<string, unknown>;
  };
  const opened = { severity: 'SEV-1', vip: true, openedAt: '2026-05-06T10:00:00+08:00' };

  it('an unanswered SEV-1 VIP case is breached one second after 10 min, escalating L1 → L2', async () => {
    // 10:00+08 = 02:00Z; + 10 min = 02:10Z; now 02:10:01Z is strictly after.
    expect(await decide({ now: '2026-05-06T10:10:01+08:00', case: opened })).toMatchObject({
      outcome: 'breached',
      firstResponse: { due: '2026-05-06T02:10:00Z', state: 'breached' },
      nextUpdate: null,
      breached: true,
      escalateTo: 'L2',
    });
    expect(await decide({ now: '2026-05-06T10:10:00+08:00', case: opened })).toMatchObject({ outcome: 'on-track', firstResponse: { state: 'running' }, escalateTo: null });
  });

  it('at the supervisor a breach escalates nowhere', async () => {
    expect(await decide({ now: '2026-05-06T11:00:00+08:00', case: { ...opened, escalationLevel: 'supervisor' } })).toMatchObject({ breached: true, escalateTo: null });
  });

  it('S1: opened at the start of a key-event window, SEV-3 opens as SEV-2, flagged; targets follow', async () => {
    // SEV-2 common: 02:00Z + 60 min = 03:00Z.
    const d = await decide({
      now: '2026-05-06T10:00:00+08:00',
      case: { severity: 'SEV-3', vip: false, openedAt: '2026-05-06T10:00:00+08:00' },
      keyEvents: [{ start: '2026-05-06T10:00:00+08:00', end: '2026-05-06T12:00:00+08:00' }],
    });
    expect(d).toMatchObject({ severity: 'SEV-2', flagSupervisor: true, firstResponse: { due: '2026-05-06T03:00:00Z' } });
  });

  it('waiting for the customer: next update paused, due moved by the time waited', async () => {
    // SEV-2: answered 10:30+08 → due 12:30+08; waiting since 11:00+08, now 13:00+08 (120 min) → 14:30+08 = 06:30Z.
    const d = await decide({
      now: '2026-05-06T13:00:00+08:00',
      case: { severity: 'SEV-2', vip: false, openedAt: '2026-05-06T10:00:00+08:00', firstResponseAt: '2026-05-06T10:30:00+08:00', waitingForCustomer: [{ from: '2026-05-06T11:00:00+08:00' }] },
    });
    expect(d).toMatchObject({ outcome: 'on-track', nextUpdate: { due: '2026-05-06T06:30:00Z', state: 'paused' }, breached: false });
  });

  it('accepts RFC 3339 with a lower-case t and z', async () => {
    expect(await decide({ ...base, now: '2026-05-06t02:20:00z', case: { ...(base.case as object), openedAt: '2026-05-06t02:00:00z' } })).toMatchObject({
      firstResponse: { due: '2026-05-06T03:00:00Z' },
    });
  });
});

// Each case starts node + tsx; a loaded CI machine needs more than the default 5 s.
describe('as a real child process', { timeout: 240_000 }, () => {
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
    // sla (the check-command.md example): SEV-2 common opened 10:00+08 → first response due 11:00+08
    // = 03:00Z, answered 10:40 (met); last update 12:00+08 + 2 h → next update due 14:00+08 = 06:00Z.
    const s = cli(['sla', join(FIXTURES, 'sla.json'), '--data', data]);
    expect(s.status).toBe(0);
    const slaDecision = JSON.parse(s.stdout) as Record<string, unknown>;
    expect(slaDecision).toEqual({
      kind: 'sla',
      outcome: 'on-track',
      policyVersion: '2026.1',
      rules: ['S1', 'S2', 'S3', 'S4'].map((id) => ({ id, result: id === 'S1' ? 'not-applicable' : 'passed', reason: expect.any(String) })),
      notes: [],
      severity: 'SEV-2',
      flagSupervisor: false,
      firstResponse: { due: '2026-05-06T03:00:00Z', state: 'met' },
      nextUpdate: { due: '2026-05-06T06:00:00Z', state: 'running' },
      breached: false,
      escalateTo: null,
    });
    expect(slaDecision).not.toHaveProperty('amount');
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
    ['sla', 'sla-bad-severity.json', 'invalid request: case.severity: must be one of SEV-1, SEV-2, SEV-3'],
  ])('invalid %s (%s): exit 2, one stderr line, nothing on stdout', (kind, file, message) => {
    const r = cli([kind, join(FIXTURES, file)]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]?.startsWith(message)).toBe(true);
  });
});
