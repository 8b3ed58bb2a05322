// The three decision requests, as the `check` command and the desk's forms send them
// (docs: shared/spec/check-command.md).
import { z } from 'zod';
import { billingMode, instant, money, requestCommon } from './fields.js';

export const REFUND_STATUSES = ['completed', 'in-progress', 'rejected'] as const;

const reward = z
  .object({ granted: money, spent: money })
  .refine((r) => toCents(r.spent) <= toCents(r.granted), { message: 'spent must not exceed granted', path: ['spent'] });

export const refundRequestSchema = z.object({
  ...requestCommon,
  customer: z.object({
    account: z.string().min(1, 'must not be empty'),
    vip: z.boolean().optional(),
    earlierRefunds: z.array(z.object({ status: z.enum(REFUND_STATUSES) })),
  }),
  orders: z.array(
    z.object({
      id: z.string().min(1, 'must not be empty'),
      billingMode,
      purchasedAt: instant,
      paid: money,
      reward: reward.optional(),
    }),
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

const faultOccurrence = z
  .object({
    id: z.string().min(1, 'must not be empty'),
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

export const compensationClaimSchema = z.object({
  ...requestCommon,
  account: z.string().min(1, 'must not be empty'),
  dailyFee: money,
  occurrences: z.array(faultOccurrence).min(1, 'must hold at least one occurrence'),
  claimedAt: instant,
  emailSubject: z.string().optional(),
});
export type CompensationClaim = z.infer<typeof compensationClaimSchema>;
export type FaultOccurrence = CompensationClaim['occurrences'][number];

export const FILING_STATUSES = ['approved', 'submitted', 'pending-customer', 'rejected'] as const;

export const icpRewardRequestSchema = z.object({
  ...requestCommon,
  customer: z.object({
    account: z.string().min(1, 'must not be empty'),
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

export const DECISION_KINDS = ['refund', 'compensation', 'icp-reward'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

export const requestSchemas = {
  refund: refundRequestSchema,
  compensation: compensationClaimSchema,
  'icp-reward': icpRewardRequestSchema,
} as const;

/** Only for comparing two already-validated money strings inside a schema. */
function toCents(value: string): bigint {
  const [whole = '0', frac = ''] = value.split('.');
  return BigInt(whole) * 100n + BigInt(frac.padEnd(2, '0'));
}
