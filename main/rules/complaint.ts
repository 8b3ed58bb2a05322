// Section 9: a complaint is acknowledged within the policy's hours (default 24) of its opening.
import type { RuleResult } from '../../shared/rules/decision.js';
import { decisionContext, type DeskSettings } from './context.js';
import { because } from './reasons.js';
import { isoInstant, reasonInstant } from '../../shared/rules/zone.js';

const HOUR = 3_600_000;

export interface ComplaintAcknowledgement {
  /** ISO instant by which the complaint must be acknowledged. */
  acknowledgeBy: string;
  hours: number;
  policyVersion: string;
  rule: RuleResult;
}

/** The acknowledgement due time of a complaint opened at `openedAt`, under the policy in force then. */
export function complaintAcknowledgement(openedAt: string, desk?: DeskSettings): ComplaintAcknowledgement {
  const { policy, timeZone } = decisionContext({ now: openedAt }, desk);
  const hours = policy.complaint.acknowledgeHours;
  const acknowledgeBy = isoInstant(Date.parse(openedAt) + hours * HOUR);
  return {
    acknowledgeBy,
    hours,
    policyVersion: policy.id,
    rule: { id: 'CP1', result: 'passed', ...because('CP1.acknowledge', { openedAt: reasonInstant(Date.parse(openedAt), timeZone), hours, by: reasonInstant(Date.parse(acknowledgeBy), timeZone) }) },
  };
}

/** Whether an acknowledgement at `at` met the due time. */
export function acknowledgedInTime(acknowledgeBy: string, at: string): boolean {
  return Date.parse(at) <= Date.parse(acknowledgeBy);
}
