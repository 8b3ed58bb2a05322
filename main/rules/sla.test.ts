// Rules S1–S4 of policy.md section 3. Every expected instant is computed by hand from the
// policy's defaults (first response SEV-1 15/10 min, SEV-2 60/30 min, SEV-3 4 h/2 h; update
// interval 30 min, 2 h, 1 working day), written out in the comments.
import { describe, expect, it } from 'vitest';
import type { Policy } from '../../shared/rules/policy.js';
import { DEFAULT_POLICY } from './policy.js';
import { assessSla, nextEscalationLevel, type SlaCase } from './sla.js';

const OPENED = '2026-03-10T10:00:00Z'; // a Tuesday
const at = (minutes: number, seconds = 0) => new Date(Date.parse(OPENED) + minutes * 60_000 + seconds * 1000).toISOString().replace('.000Z', 'Z');
const sla = (over: Partial<SlaCase> = {}): SlaCase => ({ severity: 'SEV-1', vip: false, openedAt: OPENED, ...over });
const rule = (a: ReturnType<typeof assessSla>, id: string) => a.rules.find((r) => r.id === id);

describe('S2: first response at opening + target of severity and level', () => {
  it.each([
    ['SEV-1', false, 15, '15 min'],
    ['SEV-1', true, 10, '10 min'],
    ['SEV-2', false, 60, '1 h'],
    ['SEV-2', true, 30, '30 min'],
    ['SEV-3', false, 240, '4 h'],
    ['SEV-3', true, 120, '2 h'],
  ] as const)('%s vip=%s → %i minutes', (severity, vip, minutes, target) => {
    const a = assessSla(sla({ severity, vip }), OPENED);
    expect(a.firstResponse).toMatchObject({ target, due: at(minutes), state: 'running', remainingMinutes: minutes });
    // 10:00Z is 18:00 in the desk's default zone, Asia/Shanghai (+08:00).
    expect(rule(a, 'S2')?.reason).toContain(`first response ${target} from 2026-03-10 18:00 (Asia/Shanghai) (24/7) → due`);
  });

  it('is never paused: waiting for the customer does not move it', () => {
    // SEV-2 common: 10:00Z + 60 min = 11:00Z, whatever the waiting 10:20–10:50Z.
    const waiting = [{ start: at(20), end: at(50) }];
    const a = assessSla(sla({ severity: 'SEV-2', waitingForCustomer: waiting }), at(40));
    expect(a.firstResponse).toMatchObject({ due: at(60), state: 'running', remainingMinutes: 20 });
    // 11:00:30Z is 30 s after the due time: breached by (a partial, so a whole) 1 minute.
    const late = assessSla(sla({ severity: 'SEV-2', waitingForCustomer: [{ start: at(20) }] }), at(60, 30));
    expect(late.firstResponse).toMatchObject({ due: at(60), state: 'breached', breachedByMinutes: 1 });
    expect(late.pausedMinutes).toBe(0);
  });

  it('a response after the due time stays breached for good, even with updates on time since', () => {
    // SEV-1 VIP: due 10:10Z, answered 10:12Z (2 min late); updates every 30 min after.
    const a = assessSla(sla({ vip: true, firstResponseAt: at(12), updates: [at(40), at(70)] }), at(80));
    expect(a.firstResponse).toMatchObject({ state: 'breached', breachedByMinutes: 2, metAt: at(12) });
    expect(a.nextUpdate).toMatchObject({ due: at(100), state: 'running' }); // 11:10Z + 30 min
    expect(a).toMatchObject({ breached: true, outcome: 'breached', escalateTo: 'L2' });
  });

  it('a response exactly at the due time is in time', () => {
    expect(assessSla(sla({ firstResponseAt: at(15) }), at(16)).firstResponse.state).toBe('met');
  });
});

describe('S4: overdue strictly after the due time; a breach escalates one level', () => {
  it('due exactly now is not breached; one second later is, by a whole minute', () => {
    expect(assessSla(sla(), at(15))).toMatchObject({ breached: false, outcome: 'on-track' });
    expect(rule(assessSla(sla(), at(15)), 'S4')).toMatchObject({ result: 'passed', reason: 'not breached: stays at L1' });
    const late = assessSla(sla(), at(15, 1));
    expect(late).toMatchObject({ breached: true, escalateTo: 'L2' });
    expect(late.firstResponse).toMatchObject({ state: 'breached', breachedByMinutes: 1 });
    expect(rule(late, 'S4')).toMatchObject({ result: 'failed', reason: expect.stringContaining('L1 → L2') });
  });

  it.each([
    ['L1', 'L2'],
    ['L2', 'L3'],
    ['L3', 'supervisor'],
  ] as const)('breached at %s escalates to %s', (level, to) => {
    expect(assessSla(sla({ escalationLevel: level }), at(16)).escalateTo).toBe(to);
  });

  it('at the supervisor a breach has nowhere higher to go', () => {
    const a = assessSla(sla({ escalationLevel: 'supervisor' }), at(16));
    expect(a.breached).toBe(true);
    expect(a.escalateTo).toBeUndefined();
    expect(rule(a, 'S4')).toMatchObject({ result: 'failed', code: 'SLA.breached-top' });
  });

  it('L1 → L2 → L3 → supervisor, and the supervisor stays', () => {
    expect(nextEscalationLevel('L1')).toBe('L2');
    expect(nextEscalationLevel('L2')).toBe('L3');
    expect(nextEscalationLevel('L3')).toBe('supervisor');
    expect(nextEscalationLevel('supervisor')).toBe('supervisor');
  });
});

describe('S3: next update at the last update (or the first response) + interval', () => {
  it('is not applicable before the first response', () => {
    expect(rule(assessSla(sla(), at(1)), 'S3')?.result).toBe('not-applicable');
    expect(assessSla(sla(), at(1)).nextUpdate).toBeUndefined();
  });

  it('runs from the first response, then from the last update; overdue escalates', () => {
    // SEV-1: first response 10:10Z → update due 10:40Z.
    expect(assessSla(sla({ firstResponseAt: at(10) }), at(20)).nextUpdate).toMatchObject({ due: at(40), state: 'running', remainingMinutes: 20 });
    // Last update 10:30Z → due 11:00Z; at 11:01Z overdue by 1 min; L2 → L3.
    const a = assessSla(sla({ firstResponseAt: at(10), updates: [at(20), at(30)], escalationLevel: 'L2' }), at(61));
    expect(a.firstResponse.state).toBe('met');
    expect(a.nextUpdate).toMatchObject({ target: '30 min', due: at(60), state: 'breached', breachedByMinutes: 1 });
    expect(a.escalateTo).toBe('L3');
  });

  it('waiting for the customer pauses the update clock and moves the due time by the paused time', () => {
    // SEV-2: first response 10:30Z → due 12:30Z. Waiting 11:00Z–11:45Z (45 min) → due 13:15Z.
    const waiting = [{ start: at(60), end: at(105) }];
    const a = assessSla(sla({ severity: 'SEV-2', firstResponseAt: at(30), waitingForCustomer: waiting }), at(165));
    expect(a.nextUpdate).toMatchObject({ due: at(195), state: 'running', remainingMinutes: 30 }); // 12:45Z → 13:15Z
    expect(a.pausedMinutes).toBe(45);
    expect(rule(a, 'S3')?.reason).toContain('2 h + 45 min paused');
  });

  it('while still waiting the clock stands: state paused, due = 12:30Z + time waited so far', () => {
    // Waiting since 11:00Z, now 13:00Z: 120 min paused → due 12:30Z + 120 min = 14:30Z, 90 min left.
    const a = assessSla(sla({ severity: 'SEV-2', firstResponseAt: at(30), waitingForCustomer: [{ start: at(60) }] }), at(180));
    expect(a.nextUpdate).toMatchObject({ due: at(270), state: 'paused', remainingMinutes: 90 });
    expect(a.breached).toBe(false);
    expect(rule(a, 'S3')?.code).toBe('SLA.waiting-paused');
  });

  it('waiting that starts after the due time rescues nothing', () => {
    // Due 12:30Z; waiting from 12:40Z; at 12:50Z it is 20 min overdue.
    const a = assessSla(sla({ severity: 'SEV-2', firstResponseAt: at(30), waitingForCustomer: [{ start: at(160) }] }), at(170));
    expect(a.nextUpdate).toMatchObject({ due: at(150), state: 'breached', breachedByMinutes: 20 });
  });

  it('waiting before the last update does not count', () => {
    // Waiting 10:40–10:50Z, then an update at 11:00Z: due 13:00Z, nothing paused.
    const a = assessSla(sla({ severity: 'SEV-2', firstResponseAt: at(30), updates: [at(60)], waitingForCustomer: [{ start: at(40), end: at(50) }] }), at(70));
    expect(a.nextUpdate?.due).toBe(at(180));
    expect(a.pausedMinutes).toBe(0);
  });
});

describe('S3: "1 working day" is the same local time on the next working day (Asia/Shanghai)', () => {
  // SEV-3: opened 09:00 local, answered 10:00 local; one update at the instant under test.
  const sev3 = (update: string) => sla({ severity: 'SEV-3', openedAt: update, firstResponseAt: update, updates: [update] });
  it.each([
    // update (local 15:00 = 07:00Z)            next working day                                           due (07:00Z)
    ['Tuesday 2026-03-10', '2026-03-10T07:00:00Z', 'Wednesday 11 March', '2026-03-11T07:00:00Z'],
    ['Saturday 2026-03-14 (a weekend)', '2026-03-14T07:00:00Z', 'Monday 16 March', '2026-03-16T07:00:00Z'],
    ['Sunday 2026-03-15', '2026-03-15T07:00:00Z', 'Monday 16 March', '2026-03-16T07:00:00Z'],
    ['Friday 2026-02-13, before Spring Festival', '2026-02-13T07:00:00Z', 'Saturday 14 Feb, a make-up working day', '2026-02-14T07:00:00Z'],
    ['Saturday 2026-02-14 (make-up day)', '2026-02-14T07:00:00Z', '15–23 Feb are the holiday: Tuesday 24 Feb', '2026-02-24T07:00:00Z'],
    ['Friday 2026-02-20, inside the holiday', '2026-02-20T07:00:00Z', 'Tuesday 24 Feb', '2026-02-24T07:00:00Z'],
    ['Friday 2026-02-27', '2026-02-27T07:00:00Z', 'Saturday 28 Feb, a make-up working day', '2026-02-28T07:00:00Z'],
  ])('update on %s → %s', (_when, update, _next, due) => {
    const a = assessSla(sev3(update), update);
    expect(a.nextUpdate).toMatchObject({ target: '1 working day', due, state: 'running' });
    expect(a.notes).toEqual([]);
  });

  it('local midnight belongs to the day it begins: an update at 00:00 Saturday is due 00:00 Monday', () => {
    // Saturday 2026-03-14 00:00 +08:00 = 2026-03-13T16:00Z → Monday 2026-03-16 00:00 +08:00 = 2026-03-15T16:00Z.
    expect(assessSla(sev3('2026-03-13T16:00:00Z'), '2026-03-13T16:00:00Z').nextUpdate?.due).toBe('2026-03-15T16:00:00Z');
  });

  it('the paused time moves a working-day due time too', () => {
    // Update Tuesday 15:00 local → Wednesday 15:00 local (07:00Z); waited 2 h (08:00Z–10:00Z Tuesday) → 09:00Z.
    const a = assessSla({ ...sev3('2026-03-10T07:00:00Z'), waitingForCustomer: [{ start: '2026-03-10T08:00:00Z', end: '2026-03-10T10:00:00Z' }] }, '2026-03-10T11:00:00Z');
    expect(a.nextUpdate?.due).toBe('2026-03-11T09:00:00Z');
    expect(a.pausedMinutes).toBe(120);
  });
});

describe('S1: a key-event window raises the opening severity one step and flags the supervisor', () => {
  const launch = [{ name: 'product launch', start: '2026-06-01T00:00:00+08:00', end: '2026-06-03T00:00:00+08:00' }];
  it.each([
    // opened at                      requested  severity  flagged
    ['the start (inclusive)', '2026-05-31T16:00:00Z', 'SEV-3', 'SEV-2', true],
    ['one second before the start', '2026-05-31T15:59:59Z', 'SEV-3', 'SEV-3', false],
    ['inside', '2026-06-02T15:59:59Z', 'SEV-2', 'SEV-1', true],
    ['the end (exclusive)', '2026-06-02T16:00:00Z', 'SEV-3', 'SEV-3', false],
    ['inside, already SEV-1 (at most SEV-1)', '2026-06-01T02:00:00Z', 'SEV-1', 'SEV-1', true],
  ] as const)('opened at %s', (_what, openedAt, requested, severity, flagged) => {
    const a = assessSla(sla({ severity: requested, openedAt, keyEvents: launch }), openedAt);
    expect(a).toMatchObject({ severity, flagSupervisor: flagged });
    expect(rule(a, 'S1')?.result).toBe(flagged ? 'passed' : 'not-applicable');
  });

  it('the raised severity sets the targets: SEV-3 raised to SEV-2 gets the 60 min first response', () => {
    // Opened 2026-06-01T02:00Z inside the window: SEV-2 common, due 03:00Z.
    const a = assessSla(sla({ severity: 'SEV-3', openedAt: '2026-06-01T02:00:00Z', keyEvents: launch }), '2026-06-01T02:00:00Z');
    expect(a.firstResponse).toMatchObject({ target: '1 h', due: '2026-06-01T03:00:00Z' });
    expect(rule(a, 'S1')?.reason).toContain('SEV-3 → SEV-2, flagged to the supervisor');
  });
});

describe('an open case is timed with the policy version in force when it opened', () => {
  // 2026.2 from 12:00Z that day: SEV-1 first response 5 min for everyone.
  const later: Policy = {
    ...DEFAULT_POLICY,
    id: '2026.2',
    effectiveFrom: '2026-03-10T12:00:00Z',
    sla: { ...DEFAULT_POLICY.sla, firstResponse: { ...DEFAULT_POLICY.sla.firstResponse, 'SEV-1': { common: { minutes: 5 }, vip: { minutes: 5 } } } },
  };
  const policies = [DEFAULT_POLICY, later];
  it('publishing a new version does not move the due time of a case already open', () => {
    // Opened 10:00Z under 2026.1: 15 min → 10:15Z, read at 12:30Z (after 2026.2 took effect).
    expect(assessSla(sla(), at(150), { policies })).toMatchObject({ policyVersion: DEFAULT_POLICY.id, firstResponse: { due: at(15) } });
  });
  it('a case opened after it is timed with the new version', () => {
    // Opened 12:30Z under 2026.2: 5 min → 12:35Z.
    const a = assessSla(sla({ openedAt: at(150) }), at(151), { policies });
    expect(a).toMatchObject({ policyVersion: '2026.2', firstResponse: { due: at(155) } });
  });
});
