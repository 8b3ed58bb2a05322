// The decision requests, as the `check` command and the desk's forms send them
// (docs: shared/spec/check-command.md). Every text and list is bounded (fields.ts).
import { z } from 'zod';
import { billingMode, BOUNDS, boundedList, boundedText, instant, money, requestCommon, requiredText } from './fields.js';
import { slaRequestSchema, type SlaRequest } from './sla-request.js';

export const REFUND_STATUSES = ['completed', 'in-progress', 'rejected'] as const;

const reward = z
  .object({ granted: money, spent: money })
  .refine((r) => toCents(r.spent) <= toCents(r.granted), { message: 'spent must not exceed granted', path: ['spent'] });

export const refundRequestSchema = z.object({
  ...requestCommon,
  customer: z.object({
    account: requiredText(),
    vip: z.boolean().optional(),
    earlierRefunds: boundedList(z.object({ status: z.enum(REFUND_STATUSES) }), BOUNDS.earlierRequests),
  }),
  /** R4: 1 to 3 orders; none fails R4, more than 3 is past the bound. */
  orders: boundedList(
    z.object({
      id: requiredText(),
      billingMode,
      purchasedAt: instant,
      paid: money,
      reward: reward.optional(),
    }),
    BOUNDS.orders,
  ),
  /** R6: the agent told the customer to migrate their data. Missing means not confirmed. */
  dataMigrationConfirmed: z.boolean().optional(),
});
export type RefundRequest = z.infer<typeof refundRequestSchema>;
export type RefundOrder = RefundRequest['orders'][number];

export const FAULT_SCENARIOS = ['service-unavailable', 'website-inaccessible', 'delivery-or-charging'] as const;
export type FaultScenario = (typeof FAULT_SCENARIOS)[number];
export const FAULT_CAUSES = [
  'platform',
  'force-majeure',
  'scheduled-maintenance',
  'carrier',
  'backbone',
  'attack-or-virus',
  'user-network-or-device',
  'user-improper-maintenance',
  'user-negligence',
  'terms-violation',
] as const;
export type FaultCause = (typeof FAULT_CAUSES)[number];

/** A fault window [start, end): two windows overlap when each starts before the other ends. */
export const overlaps = (a: { start: string; end: string }, b: { start: string; end: string }) =>
  Date.parse(a.start) < Date.parse(b.end) && Date.parse(b.start) < Date.parse(a.end);

const faultOccurrence = z
  .object({
    id: requiredText(),
    start: instant,
    end: instant,
    scenario: z.enum(FAULT_SCENARIOS),
    cause: z.enum(FAULT_CAUSES),
    /** Daily fee of this occurrence's service when it differs from the claim's. */
    dailyFee: money.optional(),
  })
  .refine((o) => Date.parse(o.end) >= Date.parse(o.start), {
    message: 'rectification time (end) must not be before the fault start',
    path: ['end'],
  });

/** 1 to 100 occurrences, no two of which overlap (that is not a valid claim: the two are named). */
const occurrences = boundedList(faultOccurrence, BOUNDS.occurrences)
  .min(1, 'must hold at least one occurrence')
  .superRefine((list, ctx) => {
    const sorted = list.map((o, index) => ({ o, index })).sort((a, b) => Date.parse(a.o.start) - Date.parse(b.o.start));
    for (let k = 1; k < sorted.length; k++) {
      const later = sorted[k]!;
      const earlier = sorted.slice(0, k).find((e) => overlaps(e.o, later.o));
      if (!earlier) continue;
      const [first, second] = earlier.index < later.index ? [earlier, later] : [later, earlier];
      ctx.addIssue({
        code: 'custom',
        path: [second.index, 'start'],
        message: `occurrence ${second.o.id} overlaps occurrence ${first.o.id} (occurrences[${first.index}]): one claim cannot hold the same time twice`,
      });
      return;
    }
  });

export const EARLIER_CLAIM_STATUSES = ['approved', 'pending', 'rejected'] as const;
export type EarlierClaimStatus = (typeof EARLIER_CLAIM_STATUSES)[number];

/** C7: the account's earlier claims and their fault windows. */
const earlierClaim = z.object({
  id: requiredText(),
  status: z.enum(EARLIER_CLAIM_STATUSES),
  occurrences: boundedList(
    z.object({ start: instant, end: instant }).refine((o) => Date.parse(o.end) >= Date.parse(o.start), {
      message: 'end must not be before start',
      path: ['end'],
    }),
    BOUNDS.occurrences,
  ),
});

export const compensationClaimSchema = z.object({
  ...requestCommon,
  account: requiredText(),
  dailyFee: money,
  occurrences,
  claimedAt: instant,
  emailSubject: boundedText(BOUNDS.emailSubject).optional(),
  earlierClaims: boundedList(earlierClaim, BOUNDS.earlierRequests).optional(),
});
export type EarlierClaim = z.infer<typeof earlierClaim>;
export type CompensationClaim = z.infer<typeof compensationClaimSchema>;
export type FaultOccurrence = CompensationClaim['occurrences'][number];

export const FILING_STATUSES = ['approved', 'submitted', 'pending-customer', 'rejected'] as const;

export const icpRewardRequestSchema = z.object({
  ...requestCommon,
  customer: z.object({
    account: requiredText(),
    vip: z.boolean(),
    accumulatedRecharge: money,
    rewardReceivedBefore: z.boolean(),
  }),
  host: z.object({
    billingMode,
    servesWebsite: z.boolean(),
    firstFilingWithUs: z.boolean(),
    terminatedEarly: z.boolean(),
    expiredWithoutRenewal: z.boolean(),
  }),
  filing: z
    .object({
      status: z.enum(FILING_STATUSES),
      approvedAt: instant.optional(),
      customerDelayDays: z.number().int('must be a whole number of days').min(0, 'must not be negative').optional(),
    })
    .refine((f) => f.status !== 'approved' || f.approvedAt !== undefined, {
      message: 'required when status is approved',
      path: ['approvedAt'],
    }),
});
export type IcpRewardRequest = z.infer<typeof icpRewardRequestSchema>;

export { slaRequestSchema, type SlaRequest };

export const DECISION_KINDS = ['refund', 'compensation', 'icp-reward', 'sla'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

export const requestSchemas = {
  refund: refundRequestSchema,
  compensation: compensationClaimSchema,
  'icp-reward': icpRewardRequestSchema,
  sla: slaRequestSchema,
} as const;

/** Only for comparing two already-validated money strings inside a schema. */
function toCents(value: string): bigint {
  const [whole = '0', frac = ''] = value.split('.');
  return BigInt(whole) * 100n + BigInt(frac.padEnd(2, '0'));
}
