// Every time a person types is wall-clock time in the desk's time zone (settings.timeZone), never
// the browser's. This turns a datetime-local value into an ISO-8601 instant with that zone's offset.

import { addDays, dateInZone, DEFAULT_TIME_ZONE, zoneOffsetMinutes } from '../../../shared/rules/zone.js';
import { useSession } from '../state/session.js';

/** The desk's zone (a setting); the engine's default until the settings have loaded. */
export function useDeskTimeZone(): string {
  return useSession((s) => s.settings?.timeZone ?? DEFAULT_TIME_ZONE);
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

const pad = (n: number) => String(n).padStart(2, '0');

/** "+08:00", "-05:00", "+00:00". */
export function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/**
 * datetime-local (wall-clock in `timeZone`) → ISO instant with the zone's offset, e.g.
 * "2026-05-01T10:00" in Asia/Shanghai → "2026-05-01T10:00:00+08:00". A time that does not exist
 * (skipped by a daylight-saving change) becomes the instant the clocks jumped to, written as it
 * reads there. An empty or broken value stays as typed, so validation names it.
 */
export function toDeskInstant(local: string, timeZone: string): string {
  const m = LOCAL.exec(local);
  if (!m) return local;
  const [, y, mo, d, h, mi, s] = m;
  const wall = Date.UTC(+y!, +mo! - 1, +d!, +h!, +mi!, s === undefined ? 0 : +s);
  if (Number.isNaN(wall)) return local;
  let offset: number;
  try {
    offset = zoneOffsetMinutes(wall, timeZone);
  } catch {
    return local;
  }
  let ms = wall - offset * 60_000;
  const second = zoneOffsetMinutes(ms, timeZone);
  if (second !== offset) {
    const retry = wall - second * 60_000;
    if (zoneOffsetMinutes(retry, timeZone) === second) ms = retry;
  }
  const final = zoneOffsetMinutes(ms, timeZone);
  const shown = new Date(ms + final * 60_000);
  const date = `${shown.getUTCFullYear()}-${pad(shown.getUTCMonth() + 1)}-${pad(shown.getUTCDate())}`;
  const time = `${pad(shown.getUTCHours())}:${pad(shown.getUTCMinutes())}:${pad(shown.getUTCSeconds())}`;
  return `${date}T${time}${offsetText(final)}`;
}

/** The next midnight in the desk's zone after `ms` (the start of tomorrow there), with that zone's offset. */
export function nextDeskMidnight(ms: number, timeZone: string): string {
  return toDeskInstant(`${addDays(dateInZone(ms, timeZone), 1)}T00:00`, timeZone);
}

/** "Asia/Shanghai (+08:00)": the zone a field reads its time in, with its offset now. */
export function zoneLabel(timeZone: string, at = Date.now()): string {
  return `${timeZone} (${offsetText(zoneOffsetMinutes(at, timeZone))})`;
}
