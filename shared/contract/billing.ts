// Billing inquiries and disputes: the invoice period, the account, the services and charges asked
// about; an explanation by the agent, or a dispute a supervisor (not the submitter) resolves.
import { z } from 'zod';
import { type CaseOf, type CaseRecord } from '../domain/case.js';
import { money } from '../rules/fields.js';
import { caseOrigin } from './case-origin.js';
import { call } from './define.js';
import { caseId, requiredName, requiredText } from './bounds.js';

import { DISPUTE_OUTCOMES, type DisputeOutcome } from '../domain/billing.js';
export { DISPUTE_OUTCOMES, type DisputeOutcome } from '../domain/billing.js';

const text = requiredText;
const label = (max: number) => requiredName(max);

export interface BillingDisputeRow {
  id: string;
  customerAccount: string;
  invoicePeriod: string;
  status: string;
  expected: string;
  billed: string;
  difference: string;
  outcome?: DisputeOutcome;
  correctedAmount?: string;
  credit?: string;
  resolvedBy?: string;
}

export const billingCalls = {
  'billing.open': call<CaseOf<'billing'>>()({
    access: 'agent',
    input: z
      .object({
        customerAccount: requiredName(80, 'look up the customer first'),
        invoicePeriod: z.string().trim().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month such as 2026-04'),
        items: z
          .array(z.object({ service: label(80), amount: money }).strict())
          .min(1, 'name at least one service and charge')
          .max(20, 'at most 20 services'),
        question: text(2000, 'what does the customer ask?'),
        ...caseOrigin,
      })
      .strict(),
  }),
  /** The agent's explanation: which service and which usage metric account for the charge. */
  'billing.explain': call<CaseOf<'billing'>>()({
    access: 'agent',
    input: z.object({ id: caseId, service: label(80), usageMetric: label(200), explanation: text(4000) }).strict(),
  }),
  /** Escalates to a supervisor with the expected and billed amounts. */
  'billing.dispute': call<CaseOf<'billing'>>()({
    access: 'agent',
    input: z.object({ id: caseId, expectedAmount: money, billedAmount: money, reason: text(2000) }).strict(),
  }),
  'billing.resolveDispute': call<CaseOf<'billing'>>()({
    access: 'supervisor',
    input: z
      .object({ id: caseId, outcome: z.enum(DISPUTE_OUTCOMES), correctedAmount: money.optional(), note: text(2000, 'say what was decided') })
      .strict(),
  }),
  /** Disputes and their outcomes, for supervisors' reports. */
  'billing.disputes': call<BillingDisputeRow[]>()({
    access: 'supervisor',
    input: z.object({ status: z.enum(['open', 'resolved', 'all']).default('all') }).strict(),
  }),
};
