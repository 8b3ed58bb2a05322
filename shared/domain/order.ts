// Customer orders and account credits, in the center's words. Money as decimal strings.
import type { BillingMode } from '../rules/fields.js';

export interface Order {
  id: string; // 'O-…'
  customerAccount: string;
  product: string; // product or service name, e.g. 'ECS ecs.g7.large'
  billingMode: BillingMode;
  purchasedAt: string; // ISO UTC
  paid: string; // decimal string
  reward?: { granted: string; spent: string };
}

export const CREDIT_KINDS = ['compensation', 'icp-reward'] as const;
export type CreditKind = (typeof CREDIT_KINDS)[number];

/** A bonus recharge (account credit), never cash. */
export interface Credit {
  id: string; // 'CR-…'
  customerAccount: string;
  amount: string;
  kind: CreditKind;
  caseId: string;
  createdAt: string;
  approvedBy: string;
}

export const COMPLAINT_SUBJECTS = ['customer-service', 'system-processing', 'processing-efficiency', 'other'] as const;
export type ComplaintSubject = (typeof COMPLAINT_SUBJECTS)[number];
