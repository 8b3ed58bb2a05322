// What a complaint keeps (policy section 9): its subject, the acknowledgement due and done, the
// response to the customer and the closing.
import type { RuleResult } from '../rules/decision.js';
import type { CommonDetails } from './review.js';

export interface ComplaintDetails extends CommonDetails {
  subject?: string;
  acknowledgeBy?: string;
  acknowledgeHours?: number;
  policyVersion?: string;
  rule?: RuleResult;
  acknowledgedAt?: string;
  acknowledgedBy?: string;
  acknowledgedInTime?: boolean;
  response?: string;
  respondedAt?: string;
  respondedBy?: string;
  closedAt?: string;
  closedBy?: string;
}
