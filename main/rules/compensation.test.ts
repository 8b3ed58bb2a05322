import { describe, expect, it } from 'vitest';
import type { CompensationClaim, FaultOccurrence } from '../../shared/rules/requests.js';
import { decideCompensation } from './compensation.js';

function occurrence(over: Partial<FaultOccurrence> = {}): FaultOccurrence {
  return {
    id: 'f-1',
    start: '2026-05-01T10:00:00+08:00',
    end: '2026-05-01T10:30:00+08:00',
    scenario: 'service-unavailable',
    cause: 'platform',
    ...over,
  };
}
function claim(over: Partial<CompensationClaim> = {}): CompensationClaim {
  return {
    now: '2026-05-06T10:00:00+08:00',
    account: 'acme-01',
    dailyFee: '12.00',
    occurrences: [occurrence()],
    claimedAt: '2026-05-06T10:00:00+08:00',
    ...over,
  };
}
const rule = (d: ReturnType<typeof decideCompensation>, id: string, subject?: string) =>
  d.rules.find((r) => r.id === id && (subject === undefined || r.subject === subject));

describe('C1 fault minutes', () => {
  it.each([
    ['30 min', '2026-05-01T10:30:00+08:00', 30, '25.00'],
    ['30 min 1 s counts 31', '2026-05-01T10:30:01+08:00', 31, '25.83'],
    ['1 ms counts 1', '2026-05-01T10:00:00.001+08:00', 1, '0.83'],
    ['0 s', '2026-05-01T10:00:00+08:00', 0, '0.00'],
  ])('%s', (_label, end, minutes, amount) => {
    const d = decideCompensation(claim({ occurrences: [occurrence({ end })] }));
    expect(d.faultMinutes).toBe(minutes);
    expect(rule(d, 'C1', 'f-1')?.reason).toContain(`→ ${minutes} minute(s)`);
    expect(rule(d, 'C3')?.result).toBe(minutes > 0 ? 'passed' : 'failed');
    expect(d.amount).toBe(amount);
  });
});

describe('C2/C3 multiplier and amount', () => {
  it('the policy example: 12.00 a day, one 30-minute platform fault → 25.00', () => {
    const d = decideCompensation(claim());
    expect(d).toMatchObject({ outcome: 'eligible', amount: '25.00', faultMinutes: 30, policyVersion: '2026.1' });
    expect(rule(d, 'C3')?.reason).toBe('12.00 ÷ 24 ÷ 60 × 30 × 100 = 25.00 (bonus recharge, not cash)');
  });

  it.each([
    ['service-unavailable', '100', '25.00'],
    ['website-inaccessible', '100', '25.00'],
    ['delivery-or-charging', '1', '0.25'],
  ] as const)('%s → %s×', (scenario, multiplier, amount) => {
    const d = decideCompensation(claim({ occurrences: [occurrence({ scenario })] }));
    expect(rule(d, 'C2', 'f-1')?.reason).toContain(`multiplier ${multiplier}×`);
    expect(d.amount).toBe(amount);
  });

  it.each([
    ['7.20', '0.01'], // exactly 0.005: half-up, not half-even
    ['36.00', '0.03'], // exactly 0.025
    ['7.19', '0.00'], // 0.004993…
  ])('rounds half-up once at the end: daily fee %s, 1 minute at 1× → %s', (dailyFee, amount) => {
    const d = decideCompensation(claim({ dailyFee, occurrences: [occurrence({ scenario: 'delivery-or-charging', end: '2026-05-01T10:01:00+08:00' })] }));
    expect(d.amount).toBe(amount);
  });

  it('sums occurrences before rounding, each with its own daily fee where given', () => {
    // 3 × (0.01 × 1 min × 1 / 1440) would round to 0.00 each; together still tiny → 0.00;
    // 7.20 + 7.20 at 1 min 1× = 0.005 + 0.005 = 0.01 exactly (per-occurrence rounding would give 0.02)
    const d = decideCompensation(
      claim({
        dailyFee: '7.20',
        occurrences: [
          occurrence({ id: 'f-1', scenario: 'delivery-or-charging', end: '2026-05-01T10:01:00+08:00' }),
          occurrence({ id: 'f-2', scenario: 'delivery-or-charging', start: '2026-05-02T10:00:00+08:00', end: '2026-05-02T10:01:00+08:00' }),
          occurrence({ id: 'f-3', dailyFee: '24.00', start: '2026-05-02T11:00:00+08:00', end: '2026-05-02T11:10:00+08:00' }),
        ],
      }),
    );
    // 0.005 + 0.005 + 24/1440 × 10 × 100 = 16.6766…
    expect(d.amount).toBe('16.68');
    expect(d.faultMinutes).toBe(12);
  });
});

describe('C4 excluded causes', () => {
  const causes = [
    'force-majeure',
    'scheduled-maintenance',
    'carrier',
    'backbone',
    'attack-or-virus',
    'user-network-or-device',
    'user-improper-maintenance',
    'user-negligence',
    'terms-violation',
  ] as const;
  it.each(causes)('%s is not compensated', (cause) => {
    const d = decideCompensation(claim({ occurrences: [occurrence({ cause })] }));
    expect(rule(d, 'C4', 'f-1')?.result).toBe('failed');
    expect(d).toMatchObject({ outcome: 'ineligible', amount: '0.00', faultMinutes: 0 });
  });

  it('judges each occurrence on its own and pays only the compensable ones', () => {
    const d = decideCompensation(
      claim({
        occurrences: [
          occurrence({ id: 'f-1' }),
          occurrence({ id: 'f-2', cause: 'carrier', start: '2026-05-02T10:00:00+08:00', end: '2026-05-02T12:00:00+08:00' }),
        ],
      }),
    );
    expect(rule(d, 'C4', 'f-1')?.result).toBe('passed');
    expect(rule(d, 'C4', 'f-2')?.result).toBe('failed');
    expect(d).toMatchObject({ outcome: 'eligible', amount: '25.00', faultMinutes: 30 });
    expect(d.rules.filter((r) => r.id === 'C1')).toHaveLength(2);
  });
});

describe('C5 claim within 7 working days (Asia/Shanghai, bundled 2026 calendar)', () => {
  const endingAt = (end: string, claimedAt: string, over: Partial<CompensationClaim> = {}) =>
    decideCompensation(claim({ occurrences: [occurrence({ start: new Date(Date.parse(end) - 600_000).toISOString(), end })], claimedAt, now: claimedAt, ...over }));

  it.each([
    // ended Thu 12 March: Fri 13, Mon 16 … Fri 20, Mon 23 is the 7th
    ['across a weekend, on the deadline', '2026-03-12T15:00:00+08:00', '2026-03-23T23:59:59+08:00', '2026-03-23', 'passed'],
    ['across a weekend, a day late', '2026-03-12T15:00:00+08:00', '2026-03-24T00:00:00+08:00', '2026-03-23', 'failed'],
    // ended Thu 30 April: 1–5 May Labour Day off, Sat 9 May a make-up working day → Wed 13 May
    ['across Labour Day and its make-up Saturday', '2026-04-30T18:00:00+08:00', '2026-05-13T20:00:00+08:00', '2026-05-13', 'passed'],
    ['Labour Day, a day late', '2026-04-30T18:00:00+08:00', '2026-05-14T09:00:00+08:00', '2026-05-13', 'failed'],
    // 2026-05-08T16:30Z is already Sat 9 May 00:30 in Shanghai → counted from 9 May: Tue 19 May
    ['across a time-zone date change', '2026-05-08T16:30:00Z', '2026-05-19T10:00:00+08:00', '2026-05-19', 'passed'],
  ])('%s', (_label, end, claimedAt, deadline, result) => {
    const d = endingAt(end, claimedAt);
    expect(d.claimDeadline).toBe(deadline);
    expect(rule(d, 'C5')?.result).toBe(result);
    expect(d.outcome).toBe(result === 'passed' ? 'eligible' : 'ineligible');
    expect(d.notes).toEqual([]);
  });

  it('the same instant counted in UTC ends on 8 May: deadline Mon 18 May', () => {
    expect(endingAt('2026-05-08T16:30:00Z', '2026-05-11T10:00:00Z', { timeZone: 'UTC' }).claimDeadline).toBe('2026-05-18');
  });

  it('a year beyond the bundled data is counted Monday–Friday, and the decision says so', () => {
    const d = endingAt('2027-05-03T12:00:00+08:00', '2027-05-04T10:00:00+08:00');
    expect(d.claimDeadline).toBe('2027-05-12'); // plain weeks: 4–7 May, 10–12 May
    expect(rule(d, 'C5')?.reason).toContain('no holiday data for 2027');
    expect(d.notes.join(' ')).toContain('no holiday data for 2027');
  });

  it('a window running into a year without data says so', () => {
    const d = endingAt('2026-12-29T12:00:00+08:00', '2027-01-04T10:00:00+08:00');
    expect(d.claimDeadline).toBe('2027-01-07'); // 30, 31 Dec, then 1 Jan 2027 counts as a Friday
    expect(d.notes.join(' ')).toContain('2027');
  });

  it('a calendar given with the request replaces the bundled one', () => {
    // Labour Day without the make-up Saturday: 6, 7, 8, 11, 12, 13, 14 May
    const calendar = { holidays: ['2026-05-01', '2026-05-04', '2026-05-05'], workingWeekends: [] };
    const d = endingAt('2026-04-30T18:00:00+08:00', '2026-05-14T09:00:00+08:00', { calendar });
    expect(d.claimDeadline).toBe('2026-05-14');
    expect(rule(d, 'C5')?.reason).toContain('calendar given with the request');
    // and a 2027 request calendar is complete: no note
    expect(endingAt('2027-05-03T12:00:00+08:00', '2027-05-04T10:00:00+08:00', { calendar }).notes).toEqual([]);
  });

  // March 2026 has no holidays in the bundled calendar: the 7th working day after Thu 12 Mar is
  // Fri 13, Mon 16, Tue 17, Wed 18, Thu 19, Fri 20, Mon 23 → 23 Mar; after Mon 16 Mar:
  // Tue 17, Wed 18, Thu 19, Fri 20, Mon 23, Tue 24, Wed 25 → 25 Mar.
  const f1 = occurrence({ id: 'f-1', start: '2026-03-12T10:00:00+08:00', end: '2026-03-12T10:30:00+08:00' });
  const f2 = (over: Partial<FaultOccurrence>) => occurrence({ id: 'f-2', start: '2026-03-16T10:00:00+08:00', end: '2026-03-16T10:30:00+08:00', ...over });
  const march = (occurrences: FaultOccurrence[], over: Partial<CompensationClaim> = {}) =>
    decideCompensation(claim({ occurrences, now: '2026-03-20T10:00:00+08:00', claimedAt: '2026-03-20T10:00:00+08:00', ...over }));

  it('counts from the latest end among the compensable occurrences, not a later excluded one', () => {
    const d = march([f1, f2({ cause: 'force-majeure' })]);
    expect(d.claimDeadline).toBe('2026-03-23');
    expect(rule(d, 'C5')).toMatchObject({ code: 'C5.compensable', reason: expect.stringContaining('f-1 ended 2026-03-12 10:30') });
  });

  it('a later compensable occurrence of any scenario counts (a delivery exception too)', () => {
    expect(march([f1, f2({ scenario: 'delivery-or-charging' })]).claimDeadline).toBe('2026-03-25');
  });

  it('when no occurrence is compensable, from the latest end of all', () => {
    const d = march([f1, f2({})].map((o) => ({ ...o, cause: 'force-majeure' as const })));
    expect(d.claimDeadline).toBe('2026-03-25');
    expect(rule(d, 'C5')).toMatchObject({ code: 'C5.any', reason: expect.stringContaining('f-2') });
  });

  it('an occurrence already claimed (C7) is not compensable, so it does not move the window', () => {
    const earlierClaims = [{ id: 'C-000017', status: 'approved' as const, occurrences: [{ start: '2026-03-16T10:00:00+08:00', end: '2026-03-16T10:30:00+08:00' }] }];
    expect(march([f1, f2({})], { earlierClaims }).claimDeadline).toBe('2026-03-23');
  });
});

describe('C7 one compensation per outage', () => {
  // The claim: f-1 10:00–10:30 +08:00 on 1 May, daily fee 12.00, 100× → 12 ÷ 1440 × 30 × 100 = 25.00.
  const window = (start: string, end: string) => ({ start: `2026-05-01T${start}:00+08:00`, end: `2026-05-01T${end}:00+08:00` });
  const earlier = (status: 'approved' | 'pending' | 'rejected', ...occurrences: { start: string; end: string }[]) => [
    { id: `C-0000${status === 'approved' ? 17 : status === 'pending' ? 18 : 19}`, status, occurrences },
  ];

  it.each([
    ['an approved claim with the same window', earlier('approved', window('10:00', '10:30')), 'C-000017', 'approved'],
    ['a pending claim overlapping its second half', earlier('pending', window('10:20', '10:40')), 'C-000018', 'pending'],
    ['a pending claim inside it', earlier('pending', window('10:05', '10:06')), 'C-000018', 'pending'],
  ])('fails against %s, naming that claim; nothing is compensable', (_what, earlierClaims, id, status) => {
    const d = decideCompensation(claim({ earlierClaims }));
    expect(rule(d, 'C7', 'f-1')).toMatchObject({ result: 'failed', code: 'C7.claimed', params: expect.objectContaining({ claim: id, status }) });
    expect(rule(d, 'C7', 'f-1')?.reason).toContain(`earlier claim ${id} (${status})`);
    expect(d).toMatchObject({ outcome: 'ineligible', amount: '0.00', faultMinutes: 0 });
  });

  it('a rejected earlier claim does not count: passes, 25.00', () => {
    const d = decideCompensation(claim({ earlierClaims: earlier('rejected', window('10:00', '10:30')) }));
    expect(rule(d, 'C7', 'f-1')).toMatchObject({ result: 'passed', params: { counted: '0', rejected: '1' } });
    expect(d).toMatchObject({ outcome: 'eligible', amount: '25.00' });
  });

  it('adjacent windows are not overlapping (half-open): 09:30–10:00 and 10:30–11:00 leave 10:00–10:30 alone', () => {
    const d = decideCompensation(claim({ earlierClaims: earlier('approved', window('09:30', '10:00'), window('10:30', '11:00')) }));
    expect(rule(d, 'C7', 'f-1')?.result).toBe('passed');
    expect(d.amount).toBe('25.00');
  });

  it('only the occurrence already claimed drops out: a new 6 min one is paid 12 ÷ 1440 × 6 × 100 = 5.00', () => {
    const fresh = occurrence({ id: 'f-2', start: '2026-05-01T11:00:00+08:00', end: '2026-05-01T11:06:00+08:00' });
    const d = decideCompensation(claim({ occurrences: [occurrence(), fresh], earlierClaims: earlier('approved', window('10:00', '10:30')) }));
    expect(rule(d, 'C7', 'f-1')?.result).toBe('failed');
    expect(rule(d, 'C7', 'f-2')?.result).toBe('passed');
    expect(d).toMatchObject({ outcome: 'eligible', amount: '5.00', faultMinutes: 6 });
  });

  it('the earlier claims are the account\'s: without any, C7 passes with none counted', () => {
    expect(rule(decideCompensation(claim()), 'C7', 'f-1')).toMatchObject({ result: 'passed', params: { counted: '0', rejected: '0' } });
  });
});

describe('C6 is advice', () => {
  it('a subject lacking everything fails C6 and the claim stays eligible with its amount', () => {
    const d = decideCompensation(claim({ emailSubject: 'help' }));
    expect(rule(d, 'C6')?.result).toBe('failed');
    expect(d).toMatchObject({ outcome: 'eligible', amount: '25.00', subjectMissing: ['account', 'time', 'occurrences'] });
  });
});

describe('C6 email subject', () => {
  it.each([
    ['acme-01 2026-05-01 10:00 1 occurrence', []],
    ['ACME-01 fault 5月1日 10:00, 2 times', []],
    ['acme-01 2026年5月1日 故障2次', []],
    ['fault on 2026-05-01, 1 occurrence', ['account']],
    ['acme-01 outage 3 occurrences', ['time']],
    ['acme-01 2026-05-01 10:00', ['occurrences']],
    ['please compensate', ['account', 'time', 'occurrences']],
  ])('%s → missing %j', (emailSubject, missing) => {
    const d = decideCompensation(claim({ emailSubject }));
    expect(d.subjectMissing).toEqual(missing);
    expect(rule(d, 'C6')?.result).toBe(missing.length === 0 ? 'passed' : 'failed');
    expect(d.outcome).toBe('eligible'); // advice only
  });

  it('is not applicable without a subject, and subjectMissing is absent', () => {
    const d = decideCompensation(claim());
    expect(rule(d, 'C6')?.result).toBe('not-applicable');
    expect(d).not.toHaveProperty('subjectMissing');
  });
});

it('lists every rule once per occurrence where judged per occurrence', () => {
  const d = decideCompensation(
    claim({ occurrences: [occurrence({ id: 'a' }), occurrence({ id: 'b', start: '2026-05-01T11:00:00+08:00', end: '2026-05-01T11:05:00+08:00' })], emailSubject: 'x' }),
  );
  expect(d.rules.map((r) => `${r.id}${r.subject ? `:${r.subject}` : ''}`)).toEqual([
    'C1:a', 'C1:b', 'C2:a', 'C2:b', 'C3', 'C4:a', 'C4:b', 'C5', 'C6', 'C7:a', 'C7:b',
  ]);
});
