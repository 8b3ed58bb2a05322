// What a fault compensation claim keeps (policy section 6): the claim, the engine's decision,
// the review and the account credit it became.
import type { CompensationDecision } from '../rules/decision.js';
import type { CompensationClaim } from '../rules/requests.js';
import type { CaseReview, CommonDetails } from './review.js';

export interface CompensationDetails extends CommonDetails {
  amount: string;
  faultMinutes: number;
  claim?: CompensationClaim;
  claimDeadline?: string;
  policyVersion?: string;
  decision?: CompensationDecision;
  review?: CaseReview;
  creditId?: string;
}
