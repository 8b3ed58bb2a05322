import { describe, expect, it } from 'vitest';
import { assessSla, nextEscalationLevel, type SlaCase } from './sla.js';

const OPENED = '2026-03-10T10:00:00Z';
const at = (minutes: number, seconds = 0) => new Date(Date.parse(OPENED) + minutes * 60_000 + seconds * 1000).toISOString();
const sla = (over: Partial<SlaCase> = {}): SlaCase => ({ severity: 'SEV-1', vip: false, openedAt: OPENED, ...over });
const rule = (a: ReturnType<typeof assessSla>, id: string) => a.rules.find((r) => r.id === id);

describe('first response targets (common / VIP)', () => {
  it.each([
    ['SEV-1', false, 15, '15 min'],
    ['SEV-1', true, 10, '10 min'],
    ['SEV-2', false, 60, '1 h'],
    ['SEV-2', true, 30, '30 min'],
    ['SEV-3', false, 240, '4 h'],
    ['SEV-3', true, 120, '2 h'],
  ] as const)('%s vip=%s → %i minutes', (severity, vip, minutes, target) => {
    const a = assessSla(sla({ severity, vip }), OPENED);
    expect(a.firstResponse).toMatchObject({ target, due: at(minutes).replace('.000Z', 'Z'), state: 'running', remainingMinutes: minutes });
    expect(rule(a, 'SLA-FIRST-RESPONSE')?.reason).toContain(`first response ${target} from 2026-03-10T10:00:00Z (24/7) → due`);
  });

  it('due exactly now is not breached; one second later is, by a whole minute', () => {
    expect(assessSla(sla(), at(15)).breached).toBe(false);
    const late = assessSla(sla(), at(15, 1));
    expect(late).toMatchObject({ breached: true, escalateTo: 'L2' });
    expect(late.firstResponse).toMatchObject({ state: 'breached', breachedByMinutes: 1 });
    expect(rule(late, 'SLA-FIRST-RESPONSE')?.reason).toContain('overdue by 1 min');
    expect(rule(late, 'SLA-ESCALATION')).toMatchObject({ result: 'failed', reason: expect.stringContaining('L1 → L2') });
  });

  it('a first response made late stays a breach', () => {
    const a = assessSla(sla({ vip: true, firstResponseAt: at(12) }), at(13));
    expect(a.firstResponse).toMatchObject({ state: 'breached', breachedByMinutes: 2, metAt: at(12).replace('.000Z', 'Z') });
    expect(a.breached).toBe(true);
  });
});

describe('next update', () => {
  it('is not applicable before the first response', () => {
    expect(rule(assessSla(sla(), at(1)), 'SLA-NEXT-UPDATE')?.result).toBe('not-applicable');
  });

  it('runs from the last update; overdue escalates one level', () => {
    const a = assessSla(sla({ firstResponseAt: at(10), lastUpdateAt: at(30), escalationLevel: 'L2' }), at(61));
    expect(a.firstResponse.state).toBe('met');
    expect(a.nextUpdate).toMatchObject({ target: '30 min', state: 'breached', breachedByMinutes: 1 });
    expect(a.escalateTo).toBe('L3');
  });

  it('SEV-3 updates are due one working day later, skipping Labour Day 2026', () => {
    const a = assessSla(
      sla({ severity: 'SEV-3', openedAt: '2026-04-30T05:00:00Z', firstResponseAt: '2026-04-30T07:00:00Z' }),
      '2026-05-02T00:00:00Z',
    );
    expect(a.nextUpdate).toMatchObject({ target: '1 working day', due: '2026-05-06T07:00:00Z', state: 'running' });
    expect(a.notes).toEqual([]);
  });
});

describe('pauses (waiting for the customer)', () => {
  it('moves the due time by the paused stretch', () => {
    const a = assessSla(sla({ severity: 'SEV-2' }), at(5), { pauses: [{ start: at(20), end: at(50) }] });
    expect(a.firstResponse.due).toBe('2026-03-10T11:30:00Z');
    expect(rule(a, 'SLA-FIRST-RESPONSE')?.reason).toContain('1 h + 30 min paused');
  });

  it('an open pause holds the clock until now', () => {
    const a = assessSla(sla({ severity: 'SEV-2' }), at(40), { pauses: [{ start: at(20) }] });
    expect(a.firstResponse).toMatchObject({ due: '2026-03-10T11:20:00Z', remainingMinutes: 40 });
  });

  it('a pause after the due time changes nothing', () => {
    expect(assessSla(sla(), at(1), { pauses: [{ start: at(20), end: at(30) }] }).firstResponse.due).toBe('2026-03-10T10:15:00Z');
  });
});

it('escalates L1 → L2 → L3 → supervisor, and the supervisor stays', () => {
  expect(nextEscalationLevel('L1')).toBe('L2');
  expect(nextEscalationLevel('L2')).toBe('L3');
  expect(nextEscalationLevel('L3')).toBe('supervisor');
  expect(nextEscalationLevel('supervisor')).toBe('supervisor');
});
