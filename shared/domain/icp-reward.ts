// What an ICP filing reward keeps (policy section 7): the request, the engine's decision, and the
// supervisor's crediting (or refusal) of the reward.
import type { IcpRewardDecision } from '../rules/decision.js';
import type { IcpRewardRequest } from '../rules/requests.js';
import type { CaseReview, CommonDetails } from './review.js';

export interface IcpRewardDetails extends CommonDetails {
  amount?: string;
  request?: IcpRewardRequest;
  creditDueBy?: string;
  validUntil?: string;
  policyVersion?: string;
  decision?: IcpRewardDecision;
  review?: CaseReview;
  creditId?: string;
}
