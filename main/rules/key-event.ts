// Section 8: during a VIP customer's registered key event, new cases open one severity
// higher (SEV-1 at most) and are flagged to the supervisor.
import { SEVERITIES, type Severity } from '../../shared/domain/case.js';
import type { RuleResult } from '../../shared/rules/decision.js';

export interface KeyEvent {
  name: string;
  start: string; // inclusive
  end: string; // exclusive
}

export interface OpeningSeverity {
  severity: Severity;
  raised: boolean;
  flagSupervisor: boolean;
  rule: RuleResult;
}

export function openingSeverity(
  requested: Severity,
  customer: { vip: boolean },
  openedAt: string,
  keyEvents: readonly KeyEvent[],
): OpeningSeverity {
  const at = Date.parse(openedAt);
  const event = keyEvents.find((e) => Date.parse(e.start) <= at && at < Date.parse(e.end));
  if (!customer.vip || !event) {
    return {
      severity: requested,
      raised: false,
      flagSupervisor: false,
      rule: {
        id: 'SLA-KEY-EVENT',
        result: 'not-applicable',
        reason: customer.vip ? `no registered key event at ${openedAt}` : 'key-event assurance is a VIP service; customer is common',
      },
    };
  }
  const index = SEVERITIES.indexOf(requested);
  const severity = SEVERITIES[Math.max(0, index - 1)] ?? requested;
  return {
    severity,
    raised: severity !== requested,
    flagSupervisor: true,
    rule: {
      id: 'SLA-KEY-EVENT',
      result: 'passed',
      reason:
        `opened ${openedAt} during key event "${event.name}" (${event.start} to ${event.end}): ` +
        (severity !== requested ? `${requested} → ${severity}` : `${requested} is already the highest`) +
        ', flagged to the supervisor',
    },
  };
}
