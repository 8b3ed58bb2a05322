// Instants are UTC; day rules use dates (YYYY-MM-DD) in the desk's time zone.
// Plain Intl.DateTimeFormat, so the engine does not depend on the process's TZ.

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';
const MINUTE = 60_000;
const DAY = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      calendar: 'gregory',
      numberingSystem: 'latn',
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The zone's reading of an instant, from Intl (slow: a few microseconds a call). */
function readWallTime(ms: number, timeZone: string): WallTime {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(ms))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

// A zone's offset from UTC changes a few times a year at most, so it is kept per UTC day: where
// the offset at both ends of the day agrees, every instant inside reads as UTC plus that offset;
// a day with a change inside it is read through Intl each time.
const SPAN = DAY;
const offsets = new Map<string, Map<number, number | null>>();
const MAX_SPANS = 100_000;
// Kept only for these years (Date.UTC reads years below 100 as 19xx).
const KEPT_FROM = Date.UTC(1900, 0, 1);
const KEPT_TO = Date.UTC(2200, 0, 1);

function readOffset(ms: number, timeZone: string): number {
  const w = readWallTime(ms, timeZone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(ms / 1000) * 1000;
}

function keptOffset(ms: number, timeZone: string): number | null {
  let zone = offsets.get(timeZone);
  if (!zone) offsets.set(timeZone, (zone = new Map()));
  const q = Math.floor(ms / SPAN);
  let off = zone.get(q);
  if (off === undefined) {
    const start = readOffset(q * SPAN, timeZone);
    off = start === readOffset((q + 1) * SPAN - 1000, timeZone) && start % 1000 === 0 ? start : null;
    if (zone.size >= MAX_SPANS) zone.clear();
    zone.set(q, off);
  }
  return off;
}

function wallTime(ms: number, timeZone: string): WallTime {
  const off = ms >= KEPT_FROM && ms < KEPT_TO ? keptOffset(ms, timeZone) : null;
  if (off === null) return readWallTime(ms, timeZone);
  const d = new Date(ms + off);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds() };
}

/** Intl's reading of an instant, bypassing the kept offsets (tests compare the two). */
export const wallTimeFromIntl = readWallTime;
/** The reading the engine uses. */
export const wallTimeInZone = wallTime;

/** The calendar date of an instant in a zone. */
export function dateInZone(ms: number, timeZone: string): string {
  const w = wallTime(ms, timeZone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
}

/** Local wall-clock reading of an instant, e.g. "2026-05-09 00:30". */
export function localTimeInZone(ms: number, timeZone: string): string {
  const w = wallTime(ms, timeZone);
  return `${dateInZone(ms, timeZone)} ${pad(w.hour)}:${pad(w.minute)}`;
}

function offsetMs(ms: number, timeZone: string): number {
  const w = wallTime(ms, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(ms / 1000) * 1000;
}

/** The zone's offset from UTC at an instant, in minutes (east positive). */
export const zoneOffsetMinutes = (ms: number, timeZone: string) => Math.round(offsetMs(ms, timeZone) / MINUTE);

/** The instant at which the given local date and time-of-day occurs in a zone. */
export function instantInZone(date: string, timeOfDayMs: number, timeZone: string): number {
  const local = dateMs(date) + timeOfDayMs;
  const first = local - offsetMs(local, timeZone);
  return local - offsetMs(first, timeZone);
}

/** Milliseconds since local midnight of an instant in a zone. */
export function timeOfDayInZone(ms: number, timeZone: string): number {
  const w = wallTime(ms, timeZone);
  return ((w.hour * 60 + w.minute) * 60 + w.second) * 1000 + (ms % 1000 + 1000) % 1000;
}

export function addDays(date: string, days: number): string {
  return fromDateMs(dateMs(date) + days * DAY);
}

/** Adds whole years keeping month and day; 29 February becomes 28 February in a common year. */
export function addYears(date: string, years: number): string {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  const year = y + years;
  const lastDay = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${pad(year, 4)}-${pad(m)}-${pad(Math.min(d, lastDay))}`;
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: string): number {
  return new Date(dateMs(date)).getUTCDay();
}

export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

/** Whole minutes between two instants, a partial minute counting as a whole one. */
export function ceilMinutes(fromMs: number, toMs: number): number {
  return Math.ceil((toMs - fromMs) / MINUTE);
}

/**
 * An instant as every rule reason prints it: the wall-clock reading in the desk's zone, with the
 * zone named, e.g. "2026-03-02 10:00 (Asia/Shanghai)"; seconds only when there are any. Outputs
 * meant for programs (due times, `check` fields) stay UTC ISO instants.
 */
export function reasonInstant(ms: number, timeZone: string): string {
  const w = wallTime(ms, timeZone);
  const seconds = w.second !== 0 ? `:${pad(w.second)}` : '';
  return `${localTimeInZone(ms, timeZone)}${seconds} (${timeZone})`;
}

export function isoInstant(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

function dateMs(date: string): number {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  return Date.UTC(y, m - 1, d);
}

function fromDateMs(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}
