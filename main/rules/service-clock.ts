// When an SLA timer runs. Today support is 24/7 and the clock only stops for pauses
// (e.g. waiting for the customer); business-hours clocks per category/severity can
// implement the same interface later.
import type { SlaSpan } from '../../shared/rules/policy.js';
import { addWorkingDays, type WorkingCalendar } from './calendar.js';
import { addDays, dateInZone, instantInZone, timeOfDayInZone, yearOf } from '../../shared/rules/zone.js';

/** A stretch during which the SLA clock stood still; no end means still paused. */
export interface SlaPause {
  start: string;
  end?: string;
  reason?: string;
}

export interface ClockContext {
  now: number;
  timeZone: string;
  calendar: WorkingCalendar;
  pauses: readonly SlaPause[];
}

export interface ServiceClock {
  readonly name: string;
  /** The instant at which `span` of running time has passed since `from`, and why. */
  due(from: number, span: SlaSpan, ctx: ClockContext): { at: number; yearsWithoutData: number[]; pausedMs: number };
}

const MINUTE = 60_000;

export const ALWAYS_OPEN: ServiceClock = {
  name: '24/7',
  due(from, span, ctx) {
    let wallMs: number;
    let yearsWithoutData: number[] = [];
    if ('minutes' in span) wallMs = span.minutes * MINUTE;
    else {
      // Same time of day, N working days later in the desk's zone.
      const day = addWorkingDays(ctx.calendar, dateInZone(from, ctx.timeZone), span.workingDays);
      yearsWithoutData = day.yearsWithoutData;
      wallMs = instantInZone(day.date, timeOfDayInZone(from, ctx.timeZone), ctx.timeZone) - from;
    }
    return { ...skipPauses(from, wallMs, ctx.pauses, ctx.now), yearsWithoutData };
  },
};

/** Runs `runningMs` from `from`, standing still during pauses. */
function skipPauses(from: number, runningMs: number, pauses: readonly SlaPause[], now: number) {
  const spans = pauses
    .map((p) => ({ start: Date.parse(p.start), end: p.end === undefined ? Math.max(now, Date.parse(p.start)) : Date.parse(p.end) }))
    .filter((p) => p.end > from)
    .sort((a, b) => a.start - b.start);
  let t = from;
  let left = runningMs;
  let pausedMs = 0;
  for (const p of spans) {
    if (p.end <= t) continue;
    if (p.start >= t + left) break;
    const start = Math.max(p.start, t);
    left -= start - t;
    pausedMs += p.end - start;
    t = p.end;
  }
  return { at: t + left, pausedMs };
}

const hhmm = (text: string): number => {
  const m = /^(\d{2}):(\d{2})$/.exec(text);
  if (!m) throw new Error(`not a time of day HH:MM: ${text}`);
  return (Number(m[1]) * 60 + Number(m[2])) * MINUTE;
};

/**
 * Counts only opening hours (e.g. 09:00–18:00) on working days of the desk calendar, in the
 * desk's zone, standing still during pauses. A span of N working days is N full opening days.
 */
export function businessHoursClock(hours: { start: string; end: string } = { start: '09:00', end: '18:00' }): ServiceClock {
  const open = hhmm(hours.start);
  const close = hhmm(hours.end);
  if (close <= open) throw new Error(`business hours must end after they start: ${hours.start}–${hours.end}`);
  return {
    name: `business hours ${hours.start}–${hours.end} on working days`,
    due(from, span, ctx) {
      let left = 'minutes' in span ? span.minutes * MINUTE : span.workingDays * (close - open);
      const pauses = ctx.pauses
        .map((p) => ({ start: Date.parse(p.start), end: p.end === undefined ? Math.max(ctx.now, Date.parse(p.start)) : Date.parse(p.end) }))
        .filter((p) => p.end > p.start)
        .sort((a, b) => a.start - b.start);
      const missing = new Set<number>();
      let date = dateInZone(from, ctx.timeZone);
      let at: number | undefined;
      for (let guard = 0; guard < 3700 && at === undefined; guard += 1, date = addDays(date, 1)) {
        if (!ctx.calendar.hasDataFor(date)) missing.add(yearOf(date));
        if (!ctx.calendar.isWorkingDay(date)) continue;
        const dayEnd = instantInZone(date, close, ctx.timeZone);
        let s = Math.max(instantInZone(date, open, ctx.timeZone), from);
        while (s < dayEnd) {
          const pause = pauses.find((p) => p.end > s && p.start < dayEnd);
          if (pause && pause.start <= s) {
            s = pause.end;
            continue;
          }
          const runEnd = pause ? pause.start : dayEnd;
          if (runEnd - s >= left) {
            at = s + left;
            break;
          }
          left -= runEnd - s;
          s = runEnd;
        }
      }
      if (at === undefined) throw new Error('business-hours clock: no working day within ten years');
      const end = at;
      const pausedMs = pauses.reduce((sum, p) => sum + Math.max(0, Math.min(p.end, end) - Math.max(p.start, from)), 0);
      return { at, pausedMs, yearsWithoutData: [...missing].sort((a, b) => a - b) };
    },
  };
}
