// Section 8: during a VIP customer's registered key event, new cases open one severity
// higher (SEV-1 at most) and are flagged to the supervisor.
import { SEVERITIES, type Severity } from '../../shared/domain/case.js';
import type { RuleResult } from '../../shared/rules/decision.js';
import { because } from './reasons.js';

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
        ...(customer.vip ? because('SLA.key-event-none', { openedAt }) : because('SLA.key-event-common')),
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
      ...because(severity !== requested ? 'SLA.key-event-raised' : 'SLA.key-event-highest', {
        openedAt,
        event: event.name,
        start: event.start,
        end: event.end,
        from: requested,
        to: severity,
      }),
    },
  };
}
