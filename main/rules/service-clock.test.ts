// The SLA clock on 24/7 and on business hours (09:00–18:00 Asia/Shanghai on working days of the
// bundled calendar), with the clock paused while the case waits for the customer.
import { describe, expect, it } from 'vitest';
import type { Policy } from '../../shared/rules/policy.js';
import { deskCalendar } from './calendar.js';
import { DEFAULT_POLICY } from './policy.js';
import { businessHoursClock, type SlaPause } from './service-clock.js';
import { assessSla, clockFor } from './sla.js';

const BUSINESS_SEV2: Policy = {
  ...DEFAULT_POLICY,
  sla: { ...DEFAULT_POLICY.sla, supportHours: { businessHours: { start: '09:00', end: '18:00' }, bySeverity: { 'SEV-2': 'business-hours' } } },
};
const byCategory: Policy = {
  ...DEFAULT_POLICY,
  sla: {
    ...DEFAULT_POLICY.sla,
    supportHours: { businessHours: { start: '09:00', end: '18:00' }, bySeverity: { 'SEV-2': 'business-hours' }, byCategory: { console: '24/7' } },
  },
};

// SEV-2 common first response: 60 min. Shanghai is UTC+8: 09:00–18:00 local = 01:00–10:00Z.
// 2026-03-13 is a Friday; 2026-05-01..05 is the Labour Day holiday (2026-04-30 Thursday is a working day).
describe.each([
  ['24/7', DEFAULT_POLICY],
  ['business hours', BUSINESS_SEV2],
] as const)('a 60 min span on %s', (calendar, policy) => {
  it.each([
    // what, openedAt, pauses, now, due (24/7), due (business hours), paused minutes, state
    ['Friday evening, no pause: runs over the weekend', '2026-03-13T09:30:00Z', [], '2026-03-13T09:30:00Z',
      '2026-03-13T10:30:00Z', '2026-03-16T01:30:00Z', 0],
    ['paused Friday 17:20 → Monday 10:00', '2026-03-13T09:00:00Z', [{ start: '2026-03-13T09:20:00Z', end: '2026-03-16T02:00:00Z' }], '2026-03-16T02:00:00Z',
      '2026-03-16T02:40:00Z', '2026-03-16T02:40:00Z', 3880],
    ['still paused on Saturday noon', '2026-03-13T09:00:00Z', [{ start: '2026-03-13T09:20:00Z' }], '2026-03-14T12:00:00Z',
      '2026-03-14T12:40:00Z', '2026-03-16T01:40:00Z', 1600],
    ['the evening before Labour Day, no pause', '2026-04-30T09:30:00Z', [], '2026-04-30T09:30:00Z',
      '2026-04-30T10:30:00Z', '2026-05-06T01:30:00Z', 0],
    ['paused 30 min the evening before Labour Day', '2026-04-30T09:00:00Z', [{ start: '2026-04-30T09:10:00Z', end: '2026-04-30T09:40:00Z' }], '2026-04-30T09:40:00Z',
      '2026-04-30T10:30:00Z', '2026-05-06T01:30:00Z', 30],
    ['paused over the whole holiday', '2026-04-30T09:00:00Z', [{ start: '2026-04-30T09:10:00Z', end: '2026-05-06T02:00:00Z' }], '2026-05-06T02:00:00Z',
      '2026-05-06T02:50:00Z', '2026-05-06T02:50:00Z', 8210],
  ] as [string, string, SlaPause[], string, string, string, number][])('%s', (_what, openedAt, pauses, now, due247, dueBusiness, paused) => {
    // The clock itself stands still during pauses; the engine hands it pauses for the update clock only (S3).
    const clock = clockFor(policy, { severity: 'SEV-2' });
    const r = clock.due(Date.parse(openedAt), { minutes: 60 }, { now: Date.parse(now), timeZone: 'Asia/Shanghai', calendar: deskCalendar(), pauses });
    const due = calendar === '24/7' ? due247 : dueBusiness;
    expect(new Date(r.at).toISOString().replace('.000Z', 'Z')).toBe(due);
    expect(Math.ceil(r.pausedMs / 60_000)).toBe(paused);
    expect(clock.name).toContain(calendar === '24/7' ? '24/7' : 'business hours 09:00–18:00');
    if (paused === 0) {
      // Without pauses the engine's S2 timer reads the same due time, and its reason names the clock.
      const a = assessSla({ severity: 'SEV-2', vip: false, openedAt }, now, { policy });
      expect(a.firstResponse).toMatchObject({ due, state: 'running' });
      expect(a.rules.find((rule) => rule.id === 'S2')?.reason).toContain(a.clock);
    }
  });
});

describe('business-hours breaches', () => {
  it('counts only opening hours when overdue: late by the open minutes, the weekend not counted against', () => {
    // Opened Friday 17:30 local, 60 min: due Monday 09:30 local; at Monday 10:00 it is 30 min late.
    const a = assessSla({ severity: 'SEV-2', vip: false, openedAt: '2026-03-13T09:30:00Z' }, '2026-03-16T02:00:00Z', { policy: BUSINESS_SEV2 });
    expect(a.firstResponse).toMatchObject({ state: 'breached', breachedByMinutes: 30, due: '2026-03-16T01:30:00Z' });
    expect(a.escalateTo).toBe('L2');
  });

  it('a working-day update interval is one full opening day (9 h)', () => {
    const clock = businessHoursClock();
    // Friday 10:00 local + 9 opening hours = Monday 10:00 local.
    const r = clock.due(Date.parse('2026-03-13T02:00:00Z'), { workingDays: 1 }, { now: Date.parse('2026-03-13T02:00:00Z'), timeZone: 'Asia/Shanghai', calendar: deskCalendar(), pauses: [] });
    expect(new Date(r.at).toISOString()).toBe('2026-03-16T02:00:00.000Z');
    expect(r).toMatchObject({ pausedMs: 0, yearsWithoutData: [] });
  });
});

describe('which clock the policy picks', () => {
  it.each([
    ['default policy, SEV-2', DEFAULT_POLICY, 'SEV-2', undefined, '24/7'],
    ['business hours for SEV-2', BUSINESS_SEV2, 'SEV-2', undefined, 'business hours 09:00–18:00 on working days, policy 2026-1 for SEV-2'],
    ['SEV-1 stays 24/7', BUSINESS_SEV2, 'SEV-1', undefined, '24/7'],
    ['a category entry wins over the severity', byCategory, 'SEV-2', 'console', '24/7'],
    ['another category follows the severity', byCategory, 'SEV-2', 'system-fault', 'business hours 09:00–18:00 on working days, policy 2026-1 for SEV-2'],
  ] as const)('%s', (_what, policy, severity, category, name) => {
    expect(clockFor(policy, { severity, ...(category ? { category } : {}) }).name).toBe(name.replace('2026-1', policy.id));
  });
});
