// What a five-day refund keeps (policy section 5): the orders as they were, the engine's decision,
// the review, and once approved the receipt.
import type { RefundDecision } from '../rules/decision.js';
import type { CaseReview, CommonDetails } from './review.js';

export interface RefundedOrder {
  id: string;
  product?: string;
  billingMode?: string;
  purchasedAt?: string;
  paid?: string;
  reward?: { granted: string; spent: string };
}

/** What refunds.approve records as `details.receipt`, and the receipt PDF prints. */
export interface Receipt {
  number: string;
  generatedAt: string;
  customerAccount: string;
  customerName: string;
  orders?: RefundedOrder[];
  amount: string;
  rewardDeducted: string;
  rewardCancelled: string;
  approvedBy: string;
  policyVersion: string;
}

/** Seeded refunds carry only the amount; the desk's own carry everything else too. */
export interface RefundDetails extends CommonDetails {
  amount: string;
  orderIds?: string[];
  orders?: RefundedOrder[];
  dataMigrationConfirmed?: boolean;
  rewardDeducted?: string;
  rewardCancelled?: string;
  policyVersion?: string;
  decision?: RefundDecision;
  /** Set when the engine found the request ineligible: the ids of the failed rules, R1–R6. */
  failedRules?: string[];
  review?: CaseReview;
  receipt?: Receipt;
  completedAt?: string;
  completedBy?: string;
}
