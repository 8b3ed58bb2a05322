// Section 3: response targets, breaches and escalation, every figure explained.
import type { Category, Severity } from '../../shared/domain/case.js';
import type { RuleResult } from '../../shared/rules/decision.js';
import type { EscalationLevel, Policy, SlaSpan } from '../../shared/rules/policy.js';
import { deskCalendar, noDataNote, type WorkingCalendar } from './calendar.js';
import { DEFAULT_POLICY } from './policy.js';
import { because } from './reasons.js';
import { ALWAYS_OPEN, businessHoursClock, type ServiceClock, type SlaPause } from './service-clock.js';
import { DEFAULT_TIME_ZONE, isoInstant } from '../../shared/rules/zone.js';

export interface SlaCase {
  severity: Severity;
  vip: boolean;
  /** Picks the support calendar when the policy gives one per category. */
  category?: Category;
  openedAt: string;
  firstResponseAt?: string;
  /** The last structured update sent to the customer. */
  lastUpdateAt?: string;
  escalationLevel?: EscalationLevel; // default L1
}

export interface SlaOptions {
  policy?: Policy;
  timeZone?: string;
  calendar?: WorkingCalendar;
  pauses?: readonly SlaPause[];
  clock?: ServiceClock;
}

export interface SlaTimer {
  target: string; // e.g. "15 min", "1 working day"
  startedAt: string;
  due: string;
  state: 'running' | 'met' | 'breached';
  metAt?: string;
  remainingMinutes?: number; // while running
  breachedByMinutes?: number; // when breached
}

export interface SlaAssessment {
  policyVersion: string;
  severity: Severity;
  firstResponse: SlaTimer;
  nextUpdate?: SlaTimer; // once the first response is made
  breached: boolean;
  /** The support calendar the timers counted on, e.g. "24/7". */
  clock: string;
  /** Time the clock stood still (waiting for the customer) within the current timers, whole minutes. */
  pausedMinutes: number;
  /** The level a breach escalates the case to (one above the current). */
  escalateTo?: EscalationLevel;
  rules: RuleResult[];
  notes: string[];
}

const MINUTE = 60_000;

export function assessSla(slaCase: SlaCase, now: string | number, options: SlaOptions = {}): SlaAssessment {
  const policy = options.policy ?? DEFAULT_POLICY;
  const nowMs = typeof now === 'number' ? now : Date.parse(now);
  const ctx = {
    now: nowMs,
    timeZone: options.timeZone ?? DEFAULT_TIME_ZONE,
    calendar: options.calendar ?? deskCalendar(),
    pauses: options.pauses ?? [],
  };
  const clock = options.clock ?? clockFor(policy, slaCase);
  let pausedMs = 0;
  const notes: string[] = [];
  const rules: RuleResult[] = [];
  const tier = slaCase.vip ? 'vip' : 'common';

  const timer = (id: string, what: string, from: number, span: SlaSpan, metAt?: number): SlaTimer => {
    const due = clock.due(from, span, ctx);
    pausedMs = Math.max(pausedMs, due.pausedMs);
    const note = noDataNote(due.yearsWithoutData);
    if (note) notes.push(note);
    const t: SlaTimer = { target: showSpan(span), startedAt: isoInstant(from), due: isoInstant(due.at), state: 'running' };
    const paused = due.pausedMs > 0;
    const head = {
      severity: slaCase.severity,
      timer: what,
      target: t.target,
      ...(paused ? { paused: Math.ceil(due.pausedMs / MINUTE) } : {}),
      from: t.startedAt,
      clock: clock.name,
      due: t.due,
    };
    const code = (state: 'met' | 'late' | 'remaining' | 'overdue') => (paused ? (`SLA.${state}-paused` as const) : (`SLA.${state}` as const));
    if (metAt !== undefined) {
      t.metAt = isoInstant(metAt);
      t.state = metAt <= due.at ? 'met' : 'breached';
      if (t.state === 'breached') t.breachedByMinutes = Math.ceil((metAt - due.at) / MINUTE);
      rules.push({
        id,
        result: t.state === 'met' ? 'passed' : 'failed',
        ...(t.state === 'met'
          ? because(code('met'), { ...head, metAt: t.metAt })
          : because(code('late'), { ...head, metAt: t.metAt, late: t.breachedByMinutes ?? 0 })),
      });
    } else if (nowMs <= due.at) {
      t.remainingMinutes = Math.floor((due.at - nowMs) / MINUTE);
      rules.push({ id, result: 'passed', ...because(code('remaining'), { ...head, remaining: t.remainingMinutes, now: isoInstant(nowMs) }) });
    } else {
      t.state = 'breached';
      t.breachedByMinutes = Math.ceil((nowMs - due.at) / MINUTE);
      rules.push({ id, result: 'failed', ...because(code('overdue'), { ...head, late: t.breachedByMinutes, now: isoInstant(nowMs) }) });
    }
    return t;
  };

  const opened = Date.parse(slaCase.openedAt);
  const responded = slaCase.firstResponseAt === undefined ? undefined : Date.parse(slaCase.firstResponseAt);
  const firstResponse = timer(
    'SLA-FIRST-RESPONSE',
    `${tier} first response`,
    opened,
    policy.sla.firstResponse[slaCase.severity][tier],
    responded,
  );

  let nextUpdate: SlaTimer | undefined;
  if (responded === undefined) {
    rules.push({ id: 'SLA-NEXT-UPDATE', result: 'not-applicable', ...because('SLA.no-first-response') });
  } else {
    const last = slaCase.lastUpdateAt === undefined ? responded : Math.max(responded, Date.parse(slaCase.lastUpdateAt));
    nextUpdate = timer('SLA-NEXT-UPDATE', 'update interval', last, policy.sla.updateInterval[slaCase.severity]);
  }

  const breached = firstResponse.state === 'breached' || nextUpdate?.state === 'breached';
  const current = slaCase.escalationLevel ?? policy.sla.escalationLevels[0] ?? 'L1';
  const escalateTo = breached ? nextEscalationLevel(current, policy) : undefined;
  rules.push({
    id: 'SLA-ESCALATION',
    result: breached ? 'failed' : 'passed',
    ...(breached ? because('SLA.escalates', { from: current, to: escalateTo ?? current }) : because('SLA.stays', { level: current })),
  });

  const assessment: SlaAssessment = {
    policyVersion: policy.id,
    severity: slaCase.severity,
    firstResponse,
    breached,
    clock: clock.name,
    pausedMinutes: Math.ceil(pausedMs / MINUTE),
    rules,
    notes,
  };
  if (nextUpdate) assessment.nextUpdate = nextUpdate;
  if (escalateTo) assessment.escalateTo = escalateTo;
  return assessment;
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
