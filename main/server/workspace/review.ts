// What needs a supervisor, in one place: per reviewable case type, who may not review it (four
// eyes), since when it waits, the amount at stake, and the calls that approve and reject it. The
// statuses that wait are in shared/domain/reviewable.ts; the approval queue lists from here, and
// each domain's handler still enforces four eyes itself.
import { isCaseOf, type CaseOf, type CaseRecord } from '../../../shared/domain/case.js';
import { CASES } from '../../../shared/domain/entities.js';
import { awaitsReview, type ReviewableType } from '../../../shared/domain/reviewable.js';
import type { HandlerContext } from '../context.js';
import { accessRecoveryHandlers } from '../access-recovery/app.js';
import { billingHandlers } from '../billing/app.js';
import { compensationHandlers } from '../compensation/app.js';
import { icpRewardHandlers } from '../icp-reward/app.js';
import { refundHandlers } from '../refunds/app.js';

export interface Reviewable<T extends ReviewableType> {
  /** Who asked for it: none of them may decide it. */
  submitters(record: CaseOf<T>): string[];
  /** Since when it waits. */
  since(record: CaseOf<T>): string;
  /** The money at stake, a decimal string; none for an access recovery. */
  amount(record: CaseOf<T>): string | undefined;
  approve(ctx: HandlerContext, id: string): CaseRecord | Promise<CaseRecord>;
  reject(ctx: HandlerContext, id: string, reason: string): CaseRecord | Promise<CaseRecord>;
}

const byAgent = { submitters: (c: { agent: string }) => [c.agent], since: (c: { openedAt: string }) => c.openedAt };

export const REVIEWS: { [T in ReviewableType]: Reviewable<T> } = {
  refund: {
    ...byAgent,
    amount: (c) => c.details.amount,
    approve: (ctx, id) => refundHandlers['refunds.approve']({ id }, ctx),
    reject: (ctx, id, reason) => refundHandlers['refunds.reject']({ id, reason }, ctx),
  },
  compensation: {
    ...byAgent,
    amount: (c) => c.details.amount,
    approve: (ctx, id) => compensationHandlers['compensation.approve']({ id }, ctx),
    reject: (ctx, id, reason) => compensationHandlers['compensation.reject']({ id, reason }, ctx),
  },
  'icp-reward': {
    ...byAgent,
    amount: (c) => c.details.amount,
    approve: (ctx, id) => icpRewardHandlers['icpReward.credit']({ id }, ctx),
    reject: (ctx, id, reason) => icpRewardHandlers['icpReward.reject']({ id, reason }, ctx),
  },
  'access-recovery': {
    ...byAgent,
    amount: () => undefined,
    approve: (ctx, id) => accessRecoveryHandlers['accessRecovery.approve']({ id }, ctx),
    reject: (ctx, id, reason) => accessRecoveryHandlers['accessRecovery.reject']({ id, reason }, ctx),
  },
  billing: {
    submitters: (c) => [c.agent, ...(c.details.dispute ? [c.details.dispute.raisedBy] : [])],
    since: (c) => c.details.dispute?.raisedAt ?? c.updatedAt,
    /** What the customer is owed if the bill is corrected to what they expected. */
    amount: (c) => c.details.dispute?.difference,
    // Approving a dispute corrects the bill to the amount the customer expected.
    approve: (ctx, id) => {
      const record = ctx.store.get<CaseRecord>(CASES, id);
      const correctedAmount = isCaseOf(record, 'billing') ? record.details.dispute?.expected : undefined;
      return billingHandlers['billing.resolveDispute']({ id, outcome: 'corrected', note: 'corrected to the amount the customer expected', ...(correctedAmount ? { correctedAmount } : {}) }, ctx);
    },
    reject: (ctx, id, reason) => billingHandlers['billing.resolveDispute']({ id, outcome: 'rejected', note: reason }, ctx),
  },
};

export interface PendingReview {
  type: ReviewableType;
  submitters: string[];
  since: string;
  amount: string | undefined;
}

function facts<T extends ReviewableType>(type: T, record: CaseOf<T>): PendingReview {
  const entry: Reviewable<T> = REVIEWS[type];
  return { type, submitters: entry.submitters(record), since: entry.since(record), amount: entry.amount(record) };
}

/** What the queue shows of a case waiting for a supervisor; undefined when it waits for none. */
export function pendingReview(record: CaseRecord): PendingReview | undefined {
  if (!awaitsReview(record)) return undefined;
  switch (record.type) {
    case 'refund':
      return facts('refund', record);
    case 'compensation':
      return facts('compensation', record);
    case 'icp-reward':
      return facts('icp-reward', record);
    case 'access-recovery':
      return facts('access-recovery', record);
    case 'billing':
      return facts('billing', record);
    default:
      return undefined;
  }
}
