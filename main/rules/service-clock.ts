// When an SLA timer runs. Today support is 24/7 and the clock only stops for pauses
// (e.g. waiting for the customer); business-hours clocks per category/severity can
// implement the same interface later.
import type { SlaSpan } from '../../shared/rules/policy.js';
import { addWorkingDays, type WorkingCalendar } from './calendar.js';
import { dateInZone, instantInZone, timeOfDayInZone } from './zone.js';

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
