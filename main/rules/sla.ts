// Section 3, rules S1–S4: key-event raise, first response, update interval (paused while the
// case waits for the customer), breach and escalation. Every figure is explained rule by rule.
import type { Category, Severity } from '../../shared/domain/case.js';
import type { RuleResult } from '../../shared/rules/decision.js';
import type { EscalationLevel, Policy, SlaSpan } from '../../shared/rules/policy.js';
import { DEFAULT_TIME_ZONE, isoInstant, reasonInstant } from '../../shared/rules/zone.js';
import { deskCalendar, noDataNote, type WorkingCalendar } from './calendar.js';
import { NoPolicyInForce } from './context.js';
import { openingSeverity, openingSeverityState, type KeyEvent } from './key-event.js';
import { BUNDLED_POLICIES, DEFAULT_POLICY, policyInForce } from './policy.js';
import { because } from './reasons.js';
import { ALWAYS_OPEN, businessHoursClock, type ServiceClock, type SlaPause } from './service-clock.js';

export interface SlaCase {
  /** As chosen at opening; S1 raises it when the case opened inside a key-event window. */
  severity: Severity;
  vip: boolean;
  /** Picks the support calendar when the policy gives one per category. */
  category?: Category;
  openedAt: string;
  firstResponseAt?: string;
  /** Structured updates sent to the customer. */
  updates?: readonly string[];
  escalationLevel?: EscalationLevel; // default: the policy's first level (L1)
  /** Stretches during which the case waited for the customer; no end while still waiting. */
  waitingForCustomer?: readonly SlaPause[];
  /** The customer's registered key-event windows (S1 is judged against them)… */
  keyEvents?: readonly KeyEvent[];
  /** …or S1 as judged when the case opened (the desk stores it); `severity` is then the opening severity. */
  opening?: { rule: RuleResult; flagSupervisor: boolean };
}

export interface SlaOptions {
  /** Time the case with exactly this version… */
  policy?: Policy;
  /** …or with the version of these in force when the case opened (default: the bundled ones). */
  policies?: readonly Policy[];
  timeZone?: string;
  calendar?: WorkingCalendar;
  clock?: ServiceClock;
}

export type SlaTimerState = 'running' | 'met' | 'paused' | 'breached';

export interface SlaTimer {
  target: string; // e.g. "15 min", "1 working day"
  startedAt: string;
  due: string;
  state: SlaTimerState;
  metAt?: string;
  remainingMinutes?: number; // while running or paused
  breachedByMinutes?: number; // when breached
}

/** The figures of an SLA reading without its reasons: what the queue, the monitor and the reports sort and count by. */
export interface SlaState {
  policyVersion: string;
  outcome: 'on-track' | 'breached';
  /** After S1. */
  severity: Severity;
  flagSupervisor: boolean;
  firstResponse: SlaTimer;
  nextUpdate?: SlaTimer; // once the first response is made
  breached: boolean;
  escalationLevel: EscalationLevel;
  /** The level a breach escalates the case to; absent when not breached or already at the top. */
  escalateTo?: EscalationLevel;
  /** The support calendar the timers counted on, e.g. "24/7". */
  clock: string;
  /** Minutes the update clock stood still while the case waited for the customer. */
  pausedMinutes: number;
}

/** An SLA reading explained rule by rule (S1–S4) with its notes. */
export interface SlaAssessment extends SlaState {
  rules: RuleResult[];
  notes: string[];
}

const MINUTE = 60_000;

/** The policy version a case is timed with: the one in force when it opened. */
export function slaPolicyOf(openedAt: string, options: Pick<SlaOptions, 'policy' | 'policies'> = {}): Policy {
  const policy = options.policy ?? policyInForce(options.policies ?? BUNDLED_POLICIES, openedAt);
  if (!policy) throw new NoPolicyInForce(openedAt);
  return policy;
}

/** The SLA of a case at `now`, explained rule by rule. */
export function assessSla(slaCase: SlaCase, now: string | number, options: SlaOptions = {}): SlaAssessment {
  return timeSla(slaCase, now, options, true) as SlaAssessment;
}

/**
 * The same figures as assessSla without building a reason (no wall-time formatting): for
 * readings of thousands of cases at once (queue order, SLA monitor, reports). A property test
 * checks both agree on every timer, state and escalation.
 */
export function slaState(slaCase: SlaCase, now: string | number, options: SlaOptions = {}): SlaState {
  return timeSla(slaCase, now, options, false);
}

function timeSla(slaCase: SlaCase, now: string | number, options: SlaOptions, explain: boolean): SlaState | SlaAssessment {
  const policy = slaPolicyOf(slaCase.openedAt, options);
  const nowMs = typeof now === 'number' ? now : Date.parse(now);
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  const when = (ms: number) => reasonInstant(ms, timeZone);
  const calendar = options.calendar ?? deskCalendar();
  const opening = slaCase.opening
    ? { ...slaCase.opening, severity: slaCase.severity }
    : explain
      ? openingSeverity(slaCase.severity, slaCase.openedAt, slaCase.keyEvents ?? [], timeZone)
      : openingSeverityState(slaCase.severity, slaCase.openedAt, slaCase.keyEvents ?? []);
  const severity = opening.severity;
  const clock = options.clock ?? clockFor(policy, { severity, category: slaCase.category });
  const notes: string[] = [];
  const rules: RuleResult[] = explain && 'rule' in opening ? [{ ...opening.rule }] : [];
  const tier = slaCase.vip ? 'vip' : 'common';

  const timer = (id: 'S2' | 'S3', what: string, from: number, span: SlaSpan, pauses: readonly SlaPause[], metAt?: number) => {
    const due = clock.due(from, span, { now: nowMs, timeZone, calendar, pauses });
    const note = explain && noDataNote(due.yearsWithoutData);
    if (note && !notes.includes(note)) notes.push(note);
    const t: SlaTimer = { target: showSpan(span), startedAt: isoInstant(from), due: isoInstant(due.at), state: 'running' };
    let waiting: SlaPause | undefined;
    if (metAt !== undefined) {
      t.metAt = isoInstant(metAt);
      // S4: overdue only strictly after the due time; a late response stays a breach for good.
      t.state = metAt <= due.at ? 'met' : 'breached';
      if (t.state === 'breached') t.breachedByMinutes = Math.ceil((metAt - due.at) / MINUTE);
    } else if (nowMs <= due.at) {
      t.remainingMinutes = Math.floor((due.at - nowMs) / MINUTE);
      waiting = pauses.find((p) => Date.parse(p.start) <= nowMs && (p.end === undefined || nowMs < Date.parse(p.end)));
      if (waiting) t.state = 'paused';
    } else {
      t.state = 'breached';
      t.breachedByMinutes = Math.ceil((nowMs - due.at) / MINUTE);
    }
    if (explain) rules.push(timerRule(id, t, { severity, what, pausedMs: due.pausedMs, from, dueAt: due.at, clock: clock.name, nowMs, metAt, waiting, when }));
    return { t, pausedMs: due.pausedMs };
  };

  const opened = Date.parse(slaCase.openedAt);
  const updates = (slaCase.updates ?? []).map(Date.parse);
  // The first structured update sent to the customer is a response too.
  const responded = slaCase.firstResponseAt !== undefined ? Date.parse(slaCase.firstResponseAt) : updates.length ? Math.min(...updates) : undefined;
  // S2: never paused.
  const firstResponse = timer('S2', `${tier} first response`, opened, policy.sla.firstResponse[severity][tier], [], responded).t;

  let nextUpdate: SlaTimer | undefined;
  let pausedMs = 0;
  if (responded === undefined) {
    if (explain) rules.push({ id: 'S3', result: 'not-applicable', ...because('SLA.no-first-response') });
  } else {
    const last = Math.max(responded, ...updates);
    const judged = timer('S3', 'update interval', last, policy.sla.updateInterval[severity], slaCase.waitingForCustomer ?? []);
    nextUpdate = judged.t;
    pausedMs = judged.pausedMs;
  }

  const breached = firstResponse.state === 'breached' || nextUpdate?.state === 'breached';
  const current = slaCase.escalationLevel ?? policy.sla.escalationLevels[0] ?? 'L1';
  const next = nextEscalationLevel(current, policy);
  const escalateTo = breached && next !== current ? next : undefined;
  if (explain) {
    rules.push({
      id: 'S4',
      result: breached ? 'failed' : 'passed',
      ...(!breached
        ? because('SLA.stays', { level: current })
        : escalateTo
          ? because('SLA.escalates', { from: current, to: escalateTo })
          : because('SLA.breached-top', { level: current })),
    });
  }

  const assessment: SlaState = {
    policyVersion: policy.id,
    outcome: breached ? 'breached' : 'on-track',
    severity,
    flagSupervisor: opening.flagSupervisor,
    firstResponse,
    breached,
    escalationLevel: current,
    clock: clock.name,
    pausedMinutes: Math.ceil(pausedMs / MINUTE),
  };
  if (nextUpdate) assessment.nextUpdate = nextUpdate;
  if (escalateTo) assessment.escalateTo = escalateTo;
  return explain ? { ...assessment, rules, notes } : assessment;
}

/** S2/S3 in words: the timer's target, start, clock and due time, then how it stands. */
function timerRule(
  id: 'S2' | 'S3',
  t: SlaTimer,
  r: { severity: Severity; what: string; pausedMs: number; from: number; dueAt: number; clock: string; nowMs: number; metAt: number | undefined; waiting: SlaPause | undefined; when: (ms: number) => string },
): RuleResult {
  const paused = r.pausedMs > 0;
  const head = {
    severity: r.severity,
    timer: r.what,
    target: t.target,
    ...(paused ? { paused: Math.ceil(r.pausedMs / MINUTE) } : {}),
    from: r.when(r.from),
    clock: r.clock,
    due: r.when(r.dueAt),
  };
  // Only the update clock pauses (S2 never does), so only its codes have paused variants.
  const code = (state: 'remaining' | 'overdue' | 'waiting') =>
    paused ? (`SLA.${state}-paused` as const) : (`SLA.${state === 'waiting' ? 'remaining' : state}` as const);
  if (r.metAt !== undefined) {
    return t.state === 'met'
      ? { id, result: 'passed', ...because('SLA.met', { ...head, metAt: r.when(r.metAt) }) }
      : { id, result: 'failed', ...because('SLA.late', { ...head, metAt: r.when(r.metAt), late: t.breachedByMinutes ?? 0 }) };
  }
  if (t.state === 'breached') return { id, result: 'failed', ...because(code('overdue'), { ...head, late: t.breachedByMinutes ?? 0, now: r.when(r.nowMs) }) };
  const remaining = t.remainingMinutes ?? 0;
  return r.waiting
    ? { id, result: 'passed', ...because(code('waiting'), { ...head, remaining, now: r.when(r.nowMs), since: r.when(Date.parse(r.waiting.start)) }) }
    : { id, result: 'passed', ...because(code('remaining'), { ...head, remaining, now: r.when(r.nowMs) }) };
}

/**
 * The support calendar of a case under the policy: the category's entry, else the severity's,
 * else 24/7. The clock's name says which entry chose it, so every figure explains itself.
 */
export function clockFor(policy: Policy, slaCase: { severity: Severity; category?: Category | undefined }): ServiceClock {
  const hours = policy.sla.supportHours;
  if (!hours) return ALWAYS_OPEN;
  const byCategory = slaCase.category === undefined ? undefined : hours.byCategory?.[slaCase.category];
  const chosen = byCategory ?? hours.bySeverity?.[slaCase.severity];
  if (chosen !== 'business-hours') return ALWAYS_OPEN;
  const clock = businessHoursClock(hours.businessHours);
  const why = byCategory !== undefined ? `category ${slaCase.category}` : slaCase.severity;
  return { name: `${clock.name}, policy ${policy.id} for ${why}`, due: clock.due };
}

/** L1 agent → L2 duty engineer → L3 product expert → supervisor (the top stays the top). */
export function nextEscalationLevel(level: EscalationLevel, policy: Policy = DEFAULT_POLICY): EscalationLevel {
  const levels = policy.sla.escalationLevels;
  const i = levels.indexOf(level);
  return levels[Math.min(i + 1, levels.length - 1)] ?? level;
}

function showSpan(span: SlaSpan): string {
  if ('workingDays' in span) return `${span.workingDays} working day${span.workingDays === 1 ? '' : 's'}`;
  return span.minutes % 60 === 0 && span.minutes >= 60 ? `${span.minutes / 60} h` : `${span.minutes} min`;
}
