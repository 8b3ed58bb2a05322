// Working days: Monday–Friday, minus public holidays, plus official make-up working days.
// The bundled data is chinese-days' mainland-China table. We read its JSON table rather
// than call its functions: those parse 'YYYY-MM-DD' in the process's local zone and
// return the previous day's answer on machines west of UTC (seen with TZ=America/Los_Angeles).
import chineseDays from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import type { CalendarDays } from '../../shared/rules/fields.js';
import { addDays, dayOfWeek, yearOf } from '../../shared/rules/zone.js';

export type { CalendarDays };

export interface WorkingCalendar {
  /** Where the days come from, for reasons, e.g. "bundled mainland-China calendar". */
  readonly source: string;
  isWorkingDay(date: string): boolean;
  /** False when the calendar knows nothing about that date's year (plain Mon–Fri then). */
  hasDataFor(date: string): boolean;
}

/**
 * A manager's changes to the bundled calendar (persisted elsewhere). `years` declares
 * years the manager has entered complete data for, e.g. next year's holidays published
 * in November before the bundled package knows them.
 */
export interface CalendarEdits {
  added: CalendarDays;
  removed: CalendarDays;
  years: number[];
}

export const NO_EDITS: CalendarEdits = {
  added: { holidays: [], workingWeekends: [] },
  removed: { holidays: [], workingWeekends: [] },
  years: [],
};

const table = chineseDays as { holidays: Record<string, string>; workdays: Record<string, string> };

/** The bundled days: mainland-China holidays and make-up working days. */
export function bundledDays(): CalendarDays {
  return { holidays: Object.keys(table.holidays), workingWeekends: Object.keys(table.workdays) };
}

/** Years the bundled table covers. */
export function bundledYears(): number[] {
  return [...new Set(Object.keys(table.holidays).map(yearOf))].sort((a, b) => a - b);
}

function isWeekend(date: string): boolean {
  const dow = dayOfWeek(date);
  return dow === 0 || dow === 6;
}

function calendarOf(source: string, days: CalendarDays, knows: (year: number) => boolean): WorkingCalendar {
  const holidays = new Set(days.holidays);
  const workingWeekends = new Set(days.workingWeekends);
  return {
    source,
    isWorkingDay(date) {
      if (workingWeekends.has(date)) return true;
      return !isWeekend(date) && !holidays.has(date);
    },
    hasDataFor(date) {
      return knows(yearOf(date));
    },
  };
}

/** The bundled calendar with a manager's additions and removals applied. */
export function deskCalendar(edits: CalendarEdits = NO_EDITS): WorkingCalendar {
  const base = bundledDays();
  const without = (list: string[], removed: string[]) => list.filter((d) => !removed.includes(d));
  const days: CalendarDays = {
    holidays: [...without(base.holidays, edits.removed.holidays), ...edits.added.holidays],
    workingWeekends: [...without(base.workingWeekends, edits.removed.workingWeekends), ...edits.added.workingWeekends],
  };
  const years = new Set([...bundledYears(), ...edits.years]);
  const edited = edits.added.holidays.length + edits.added.workingWeekends.length + edits.removed.holidays.length + edits.removed.workingWeekends.length + edits.years.length > 0;
  return calendarOf(
    edited ? 'bundled mainland-China calendar with manager edits' : 'bundled mainland-China calendar',
    days,
    (y) => years.has(y),
  );
}

/** A calendar given with one request; it replaces the bundled one and is taken as complete. */
export function requestCalendar(days: CalendarDays): WorkingCalendar {
  return calendarOf('calendar given with the request', days, () => true);
}

export interface WorkingDayCount {
  date: string;
  /** Years among the days counted over that the calendar had no data for. */
  yearsWithoutData: number[];
}

/** The date `n` working days after `date` (the day itself not counted). */
export function addWorkingDays(calendar: WorkingCalendar, date: string, n: number): WorkingDayCount {
  const missing = new Set<number>();
  let current = date;
  let counted = 0;
  while (counted < n) {
    current = addDays(current, 1);
    if (!calendar.hasDataFor(current)) missing.add(yearOf(current));
    if (calendar.isWorkingDay(current)) counted += 1;
  }
  return { date: current, yearsWithoutData: [...missing].sort((a, b) => a - b) };
}

export function noDataNote(years: number[]): string | undefined {
  if (years.length === 0) return undefined;
  return `the working calendar has no holiday data for ${years.join(', ')}: counted as a plain Monday–Friday week`;
}
