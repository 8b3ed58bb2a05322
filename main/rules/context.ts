// What every decision is made against: the instant, the zone, the calendar and the policy.
import type { CalendarDays } from '../../shared/rules/fields.js';
import type { Policy } from '../../shared/rules/policy.js';
import { deskCalendar, requestCalendar, type WorkingCalendar } from './calendar.js';
import { BUNDLED_POLICIES, policyInForce } from './policy.js';
import { DEFAULT_TIME_ZONE } from '../../shared/rules/zone.js';

/** The desk's settings; a request's own `now`, `timeZone` and `calendar` win over them. */
export interface DeskSettings {
  /** Use exactly this policy version… */
  policy?: Policy;
  /** …or pick the version in force at `now` from these (default: the bundled versions). */
  policies?: readonly Policy[];
  timeZone?: string;
  calendar?: WorkingCalendar;
  /** Current time, for requests without `now` (default Date.now()). */
  clock?: () => number;
}

export interface DecisionContext {
  now: number;
  timeZone: string;
  calendar: WorkingCalendar;
  policy: Policy;
}

export class NoPolicyInForce extends Error {
  /** `field`: the request field whose instant picks the version (e.g. `now`, `case.openedAt`). */
  constructor(
    readonly at: string,
    readonly field = 'now',
  ) {
    super(`no policy version is in force at ${at}`);
  }
}

interface RequestSettings {
  now?: string | undefined;
  timeZone?: string | undefined;
  calendar?: CalendarDays | undefined;
}

/** `versionAt`: the instant (and its request field) that picks the policy version; default `now`. */
export function decisionContext(request: RequestSettings, desk: DeskSettings = {}, versionAt?: { at: string; field: string }): DecisionContext {
  const now = request.now !== undefined ? Date.parse(request.now) : (desk.clock ?? Date.now)();
  const at = versionAt ? Date.parse(versionAt.at) : now;
  const policy = desk.policy ?? policyInForce(desk.policies ?? BUNDLED_POLICIES, at);
  if (!policy) throw new NoPolicyInForce(new Date(at).toISOString(), versionAt?.field);
  return {
    now,
    timeZone: request.timeZone ?? desk.timeZone ?? DEFAULT_TIME_ZONE,
    calendar: request.calendar ? requestCalendar(request.calendar) : (desk.calendar ?? deskCalendar()),
    policy,
  };
}
