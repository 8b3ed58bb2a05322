import fc from 'fast-check';
import { expect, it } from 'vitest';
import { addYears, ceilMinutes, dateInZone, instantInZone, localTimeInZone, timeOfDayInZone, wallTimeFromIntl, wallTimeInZone } from '../../shared/rules/zone.js';

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

it('reads every instant as Intl does, across DST changes and odd offsets, from the kept daily offsets', () => {
  const zones = ['Asia/Shanghai', 'America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Asia/Kolkata', 'America/St_Johns', 'Pacific/Chatham', 'UTC'];
  const instant = fc.integer({ min: Date.UTC(1890, 0, 1), max: Date.UTC(2210, 0, 1) });
  // Instants near every DST change of 2026 in New York, London and Lord Howe (30-minute shift), and near
  // Shanghai's end of local mean time (+8:05:43) at 1900-12-31T15:54:17Z, a change at no round hour.
  const changes = ['2026-03-08T07:00:00Z', '2026-11-01T06:00:00Z', '2026-03-29T01:00:00Z', '2026-10-25T01:00:00Z', '2026-04-04T15:00:00Z', '2026-10-03T15:30:00Z', '1900-12-31T15:54:17Z'].map(Date.parse);
  const near = fc.tuple(fc.constantFrom(...changes), fc.integer({ min: -1_800_000, max: 1_800_000 })).map(([c, d]) => c + d);
  fc.assert(
    fc.property(fc.oneof(instant, near), fc.constantFrom(...zones), (ms, zone) => {
      expect(wallTimeInZone(ms, zone)).toEqual(wallTimeFromIntl(ms, zone));
    }),
    { numRuns: 3000 },
  );
});
