import { expect, it } from 'vitest';
import { addYears, ceilMinutes, dateInZone, instantInZone, localTimeInZone, timeOfDayInZone } from '../../shared/rules/zone.js';

it('dates an instant in the desk zone, not the process zone', () => {
  const ms = Date.parse('2026-05-08T16:30:00Z');
  expect(dateInZone(ms, 'Asia/Shanghai')).toBe('2026-05-09');
  expect(dateInZone(ms, 'UTC')).toBe('2026-05-08');
  expect(dateInZone(ms, 'America/Los_Angeles')).toBe('2026-05-08');
  expect(localTimeInZone(ms, 'Asia/Shanghai')).toBe('2026-05-09 00:30');
});

it('finds the instant of a local time, also across a DST change', () => {
  expect(new Date(instantInZone('2026-05-09', 30 * 60_000, 'Asia/Shanghai')).toISOString()).toBe('2026-05-08T16:30:00.000Z');
  // New York: 8 March 2026 03:00 EDT (clocks went forward at 02:00)
  expect(new Date(instantInZone('2026-03-08', 3 * 3_600_000, 'America/New_York')).toISOString()).toBe('2026-03-08T07:00:00.000Z');
  expect(timeOfDayInZone(Date.parse('2026-05-08T16:30:05Z'), 'Asia/Shanghai')).toBe((30 * 60 + 5) * 1000);
});

it('counts a partial minute as a whole one', () => {
  expect(ceilMinutes(0, 30 * 60_000)).toBe(30);
  expect(ceilMinutes(0, 30 * 60_000 + 1000)).toBe(31);
});

it('adds years keeping month and day, 29 February → 28 February', () => {
  expect(addYears('2026-05-16', 1)).toBe('2027-05-16');
  expect(addYears('2028-02-29', 1)).toBe('2029-02-28');
});
