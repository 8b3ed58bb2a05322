// S1: a case opened inside one of the customer's registered key-event windows (start
// inclusive, end exclusive) opens one severity higher, SEV-1 at most, and is flagged to the
// supervisor. Registering a window is a VIP service (section 8); the desk checks that.
import { SEVERITIES, type Severity } from '../../shared/domain/case.js';
import type { RuleResult } from '../../shared/rules/decision.js';
import { isoInstant } from '../../shared/rules/zone.js';
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

export function openingSeverity(requested: Severity, openedAt: string, keyEvents: readonly KeyEvent[]): OpeningSeverity {
  const at = Date.parse(openedAt);
  const opened = isoInstant(at);
  const event = keyEvents.find((e) => Date.parse(e.start) <= at && at < Date.parse(e.end));
  if (!event) {
    return {
      severity: requested,
      raised: false,
      flagSupervisor: false,
      rule: { id: 'S1', result: 'not-applicable', ...because('SLA.key-event-none', { openedAt: opened, count: keyEvents.length }) },
    };
  }
  const index = SEVERITIES.indexOf(requested);
  const severity = SEVERITIES[Math.max(0, index - 1)] ?? requested;
  return {
    severity,
    raised: severity !== requested,
    flagSupervisor: true,
    rule: {
      id: 'S1',
      result: 'passed',
      ...because(severity !== requested ? 'SLA.key-event-raised' : 'SLA.key-event-highest', {
        openedAt: opened,
        event: event.name ?? 'key event',
        start: isoInstant(Date.parse(event.start)),
        end: isoInstant(Date.parse(event.end)),
        from: requested,
        to: severity,
      }),
    },
  };
}
