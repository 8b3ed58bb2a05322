// The agent workspace's money and complaint calls: customer orders, refunds (policy section 5),
// fault compensation (6), the ICP filing reward (7) and complaints (9). The request field
// schemas are the rules engine's own (shared/rules), so validation lives in one place.
import { z } from 'zod';
import { type CaseOf, type CaseRecord } from '../domain/case.js';
import { COMPLAINT_SUBJECTS, type Order } from '../domain/order.js';
import type { CompensationDecision, IcpRewardDecision, RefundDecision } from '../rules/decision.js';
import { compensationClaimSchema, icpRewardRequestSchema, refundRequestSchema } from '../rules/requests.js';
import { caseOrigin } from './case-origin.js';
import { call } from './define.js';
import { accountId, caseId, freeText, LIMITS, requiredName, requiredText } from './bounds.js';

const customerAccount = accountId('look up the customer first');
const reason = requiredText(1000, 'give a reason');
const notes = freeText(LIMITS.notes).default('');

const refundInput = {
  customerAccount,
  orderIds: z.array(requiredName(LIMITS.id, 'must not be empty')).max(10, 'at most 10 orders'),
  dataMigrationConfirmed: refundRequestSchema.shape.dataMigrationConfirmed,
};

const compensationInput = {
  customerAccount,
  dailyFee: compensationClaimSchema.shape.dailyFee,
  occurrences: compensationClaimSchema.shape.occurrences,
  emailSubject: compensationClaimSchema.shape.emailSubject,
};

const icpInput = {
  customerAccount,
  accumulatedRecharge: icpRewardRequestSchema.shape.customer.shape.accumulatedRecharge,
  host: icpRewardRequestSchema.shape.host,
  filing: icpRewardRequestSchema.shape.filing,
};

export const assuranceCalls = {
  'orders.forCustomer': call<Order[]>()({ access: 'agent', input: z.object({ customerAccount }).strict() }),

  /** Live eligibility of a refund: the rules engine against the store's orders and earlier refunds. */
  'refunds.preview': call<RefundDecision>()({ access: 'agent', input: z.object(refundInput).strict() }),
  'refunds.submit': call<CaseOf<'refund'>>()({ access: 'agent', input: z.object({ ...refundInput, ...caseOrigin, notes }).strict() }),
  'refunds.approve': call<CaseOf<'refund'>>()({ access: 'supervisor', input: z.object({ id: caseId }).strict() }),
  'refunds.reject': call<CaseOf<'refund'>>()({ access: 'supervisor', input: z.object({ id: caseId, reason }).strict() }),
  'refunds.complete': call<CaseOf<'refund'>>()({ access: 'supervisor', input: z.object({ id: caseId }).strict() }),

  'compensation.preview': call<CompensationDecision>()({ access: 'agent', input: z.object(compensationInput).strict() }),
  'compensation.submit': call<CaseOf<'compensation'>>()({
    access: 'agent',
    input: z.object({ ...compensationInput, ...caseOrigin, notes }).strict(),
  }),
  'compensation.approve': call<CaseOf<'compensation'>>()({ access: 'supervisor', input: z.object({ id: caseId }).strict() }),
  'compensation.reject': call<CaseOf<'compensation'>>()({ access: 'supervisor', input: z.object({ id: caseId, reason }).strict() }),

  'icpReward.preview': call<IcpRewardDecision>()({ access: 'agent', input: z.object(icpInput).strict() }),
  'icpReward.submit': call<CaseOf<'icp-reward'>>()({ access: 'agent', input: z.object({ ...icpInput, ...caseOrigin, notes }).strict() }),
  /** A supervisor other than the submitter credits the reward to the account (section 7). */
  'icpReward.credit': call<CaseOf<'icp-reward'>>()({ access: 'supervisor', input: z.object({ id: caseId }).strict() }),
  'icpReward.reject': call<CaseOf<'icp-reward'>>()({ access: 'supervisor', input: z.object({ id: caseId, reason }).strict() }),

  'complaints.open': call<CaseOf<'complaint'>>()({
    access: 'agent',
    input: z
      .object({
        customerAccount,
        subject: z.enum(COMPLAINT_SUBJECTS),
        summary: requiredText(LIMITS.summary),
        notes,
        ...caseOrigin,
      })
      .strict(),
  }),
  'complaints.acknowledge': call<CaseOf<'complaint'>>()({ access: 'agent', input: z.object({ id: caseId }).strict() }),
  'complaints.respond': call<CaseOf<'complaint'>>()({
    access: 'agent',
    input: z.object({ id: caseId, response: requiredText(LIMITS.notes, 'record what was told to the customer') }).strict(),
  }),
  'complaints.close': call<CaseOf<'complaint'>>()({ access: 'agent', input: z.object({ id: caseId }).strict() }),
};
