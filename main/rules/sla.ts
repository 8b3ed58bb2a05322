// Section 3: response targets, breaches and escalation, every figure explained.
import type { Severity } from '../../shared/domain/case.js';
import type { RuleResult } from '../../shared/rules/decision.js';
import type { EscalationLevel, Policy, SlaSpan } from '../../shared/rules/policy.js';
import { deskCalendar, noDataNote, type WorkingCalendar } from './calendar.js';
import { DEFAULT_POLICY } from './policy.js';
import { ALWAYS_OPEN, type ServiceClock, type SlaPause } from './service-clock.js';
import { DEFAULT_TIME_ZONE, isoInstant } from './zone.js';

export interface SlaCase {
  severity: Severity;
  vip: boolean;
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
  const clock = options.clock ?? ALWAYS_OPEN;
  const notes: string[] = [];
  const rules: RuleResult[] = [];
  const tier = slaCase.vip ? 'vip' : 'common';

  const timer = (id: string, what: string, from: number, span: SlaSpan, metAt?: number): SlaTimer => {
    const due = clock.due(from, span, ctx);
    const note = noDataNote(due.yearsWithoutData);
    if (note) notes.push(note);
    const t: SlaTimer = { target: showSpan(span), startedAt: isoInstant(from), due: isoInstant(due.at), state: 'running' };
    const paused = due.pausedMs > 0 ? ` + ${Math.ceil(due.pausedMs / MINUTE)} min paused` : '';
    const head = `${what} ${t.target}${paused} from ${t.startedAt} (${clock.name}) → due ${t.due}`;
    if (metAt !== undefined) {
      t.metAt = isoInstant(metAt);
      t.state = metAt <= due.at ? 'met' : 'breached';
      if (t.state === 'breached') t.breachedByMinutes = Math.ceil((metAt - due.at) / MINUTE);
      rules.push({
        id,
        result: t.state === 'met' ? 'passed' : 'failed',
        reason: `${head}; made ${t.metAt}` + (t.state === 'met' ? ', in time' : `, late by ${t.breachedByMinutes} min`),
      });
    } else if (nowMs <= due.at) {
      t.remainingMinutes = Math.floor((due.at - nowMs) / MINUTE);
      rules.push({ id, result: 'passed', reason: `${head}; ${t.remainingMinutes} min remaining at ${isoInstant(nowMs)}` });
    } else {
      t.state = 'breached';
      t.breachedByMinutes = Math.ceil((nowMs - due.at) / MINUTE);
      rules.push({ id, result: 'failed', reason: `${head}; overdue by ${t.breachedByMinutes} min at ${isoInstant(nowMs)}` });
    }
    return t;
  };

  const opened = Date.parse(slaCase.openedAt);
  const responded = slaCase.firstResponseAt === undefined ? undefined : Date.parse(slaCase.firstResponseAt);
  const firstResponse = timer(
    'SLA-FIRST-RESPONSE',
    `${slaCase.severity} ${tier} first response`,
    opened,
    policy.sla.firstResponse[slaCase.severity][tier],
    responded,
  );

  let nextUpdate: SlaTimer | undefined;
  if (responded === undefined) {
    rules.push({ id: 'SLA-NEXT-UPDATE', result: 'not-applicable', reason: 'no first response yet: updates are due once it is made' });
  } else {
    const last = slaCase.lastUpdateAt === undefined ? responded : Math.max(responded, Date.parse(slaCase.lastUpdateAt));
    nextUpdate = timer('SLA-NEXT-UPDATE', `${slaCase.severity} update interval`, last, policy.sla.updateInterval[slaCase.severity]);
  }

  const breached = firstResponse.state === 'breached' || nextUpdate?.state === 'breached';
  const current = slaCase.escalationLevel ?? policy.sla.escalationLevels[0] ?? 'L1';
  const escalateTo = breached ? nextEscalationLevel(current, policy) : undefined;
  rules.push({
    id: 'SLA-ESCALATION',
    result: breached ? 'failed' : 'passed',
    reason: breached
      ? `breached: flagged, moved to the top of the queue, escalates ${current} → ${escalateTo}`
      : `not breached: stays at ${current}`,
  });

  const assessment: SlaAssessment = { policyVersion: policy.id, severity: slaCase.severity, firstResponse, breached, rules, notes };
  if (nextUpdate) assessment.nextUpdate = nextUpdate;
  if (escalateTo) assessment.escalateTo = escalateTo;
  return assessment;
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
