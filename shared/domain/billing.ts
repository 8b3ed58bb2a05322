// What a billing inquiry keeps: the services and charges asked about, the agent's explanation,
// and a dispute a supervisor other than its submitter resolves.
import type { RuleResult } from '../rules/decision.js';
import type { CommonDetails } from './review.js';

export const DISPUTE_OUTCOMES = ['explained', 'corrected', 'rejected'] as const;
export type DisputeOutcome = (typeof DISPUTE_OUTCOMES)[number];

export interface BillingItem {
  service: string;
  amount: string;
}

export interface BillingExplanation {
  service: string;
  usageMetric: string;
  text: string;
  by: string;
  at: string;
}

export interface BillingDispute {
  expected: string;
  billed: string;
  difference: string;
  reason: string;
  raisedBy: string;
  raisedAt: string;
  rules: RuleResult[];
  outcome?: DisputeOutcome;
  correctedAmount?: string;
  credit?: string;
  note?: string;
  resolvedBy?: string;
  resolvedAt?: string;
}

export interface BillingDetails extends CommonDetails {
  invoicePeriod?: string;
  items?: BillingItem[];
  total?: string;
  question?: string;
  rules?: RuleResult[];
  explanation?: BillingExplanation;
  dispute?: BillingDispute;
}
