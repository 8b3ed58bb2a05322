import { describe, expect, it } from 'vitest';
import { addWorkingDays, bundledDays, bundledYears, deskCalendar, NO_EDITS, requestCalendar } from './calendar.js';

describe('bundled mainland-China calendar (chinese-days data)', () => {
  const calendar = deskCalendar();

  it('knows 2026 Labour Day 1–5 May and its make-up Saturday 9 May', () => {
    const days = bundledDays();
    for (const d of ['2026-05-01', '2026-05-02', '2026-05-03', '2026-05-04', '2026-05-05']) {
      expect(days.holidays).toContain(d);
      expect(calendar.isWorkingDay(d)).toBe(false);
    }
    expect(days.workingWeekends).toContain('2026-05-09');
    expect(calendar.isWorkingDay('2026-05-09')).toBe(true); // Saturday, make-up day
    expect(calendar.isWorkingDay('2026-05-10')).toBe(false); // Sunday
    expect(calendar.isWorkingDay('2026-05-06')).toBe(true);
  });

  it('knows 2026 National Day with make-up days 20 September and 10 October', () => {
    expect(calendar.isWorkingDay('2026-10-01')).toBe(false);
    expect(calendar.isWorkingDay('2026-10-07')).toBe(false);
    expect(calendar.isWorkingDay('2026-09-20')).toBe(true);
    expect(calendar.isWorkingDay('2026-10-10')).toBe(true);
  });

  it('covers the years through 2026 and says it has no data for 2027', () => {
    expect(bundledYears()).toContain(2026);
    expect(calendar.hasDataFor('2026-12-31')).toBe(true);
    expect(calendar.hasDataFor('2027-01-01')).toBe(false);
    expect(calendar.isWorkingDay('2027-01-01')).toBe(true); // a plain Friday without data
  });

  it('counts working days after a date, reporting years without data', () => {
    expect(addWorkingDays(calendar, '2026-04-30', 7)).toEqual({ date: '2026-05-13', yearsWithoutData: [] });
    expect(addWorkingDays(calendar, '2026-12-30', 3)).toEqual({ date: '2027-01-04', yearsWithoutData: [2027] });
  });
});

describe('manager edits', () => {
  it('adds next year’s days and declares the year known', () => {
    const calendar = deskCalendar({
      ...NO_EDITS,
      added: { holidays: ['2027-01-01'], workingWeekends: ['2027-01-02'] },
      years: [2027],
    });
    expect(calendar.isWorkingDay('2027-01-01')).toBe(false);
    expect(calendar.isWorkingDay('2027-01-02')).toBe(true);
    expect(calendar.hasDataFor('2027-06-01')).toBe(true);
    expect(calendar.source).toContain('manager edits');
  });

  it('removes a bundled holiday or make-up day', () => {
    const calendar = deskCalendar({
      ...NO_EDITS,
      removed: { holidays: ['2026-05-04'], workingWeekends: ['2026-05-09'] },
    });
    expect(calendar.isWorkingDay('2026-05-04')).toBe(true);
    expect(calendar.isWorkingDay('2026-05-09')).toBe(false);
  });
});

it('a request calendar replaces the bundled one: Monday–Friday minus holidays plus working weekends', () => {
  const calendar = requestCalendar({ holidays: ['2026-05-06'], workingWeekends: ['2026-05-10'] });
  expect(calendar.isWorkingDay('2026-05-01')).toBe(true); // bundled holiday, not in this one
  expect(calendar.isWorkingDay('2026-05-06')).toBe(false);
  expect(calendar.isWorkingDay('2026-05-09')).toBe(false);
  expect(calendar.isWorkingDay('2026-05-10')).toBe(true);
  expect(calendar.hasDataFor('2030-01-01')).toBe(true);
});
