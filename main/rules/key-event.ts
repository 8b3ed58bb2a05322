// S1: a case opened inside one of the customer's registered key-event windows (start
// inclusive, end exclusive) opens one severity higher, SEV-1 at most, and is flagged to the
// supervisor. Registering a window is a VIP service (section 8); the desk checks that.
import { SEVERITIES, type Severity } from '../../shared/domain/case.js';
import type { RuleResult } from '../../shared/rules/decision.js';
import { DEFAULT_TIME_ZONE, reasonInstant } from '../../shared/rules/zone.js';
import { because } from './reasons.js';

export interface KeyEvent {
  name?: string;
  start: string; // inclusive
  end: string; // exclusive
}

export interface OpeningSeverity {
  severity: Severity;
  raised: boolean;
  flagSupervisor: boolean;
  rule: RuleResult;
}

/** S1's figures without the reason: the severity the case opens with and whether it is flagged. */
export function openingSeverityState(requested: Severity, openedAt: string, keyEvents: readonly KeyEvent[]): Omit<OpeningSeverity, 'rule'> & { event?: KeyEvent } {
  const at = Date.parse(openedAt);
  const event = keyEvents.find((e) => Date.parse(e.start) <= at && at < Date.parse(e.end));
  if (!event) return { severity: requested, raised: false, flagSupervisor: false };
  const severity = SEVERITIES[Math.max(0, SEVERITIES.indexOf(requested) - 1)] ?? requested;
  return { severity, raised: severity !== requested, flagSupervisor: true, event };
}

/** `timeZone`: the desk's, in which the reason prints its instants. */
export function openingSeverity(requested: Severity, openedAt: string, keyEvents: readonly KeyEvent[], timeZone = DEFAULT_TIME_ZONE): OpeningSeverity {
  const { event, ...state } = openingSeverityState(requested, openedAt, keyEvents);
  const opened = reasonInstant(Date.parse(openedAt), timeZone);
  if (!event) return { ...state, rule: { id: 'S1', result: 'not-applicable', ...because('SLA.key-event-none', { openedAt: opened, count: keyEvents.length }) } };
  return {
    ...state,
    rule: {
      id: 'S1',
      result: 'passed',
      ...because(state.raised ? 'SLA.key-event-raised' : 'SLA.key-event-highest', {
        openedAt: opened,
        event: event.name ?? 'key event',
        start: reasonInstant(Date.parse(event.start), timeZone),
        end: reasonInstant(Date.parse(event.end), timeZone),
        from: requested,
        to: state.severity,
      }),
    },
  };
}
