// Section 7: the ICP license filing reward. Whether the account had it before comes from the store.
import type { ParsedInput } from '../../../shared/contract/index.js';
import type { RuleResult } from '../../../shared/rules/decision.js';
import type { IcpRewardRequest } from '../../../shared/rules/requests.js';
import { decideIcpReward } from '../../rules/index.js';
import type { HandlerContext, Handlers } from '../context.js';
import { deskRules } from '../policy/rules-context.js';
import type { CaseRecord } from '../../../shared/domain/case.js';
import { accountCredit, advanceCase, caseOrigin, customerOf, decisionOf, newCase, recordNewCase, requireEligible, review, submittedForReview } from '../workspace/workflow.js';
import { CASES, CREDITS } from '../../../shared/domain/entities.js';

function requestOf(ctx: HandlerContext, input: ParsedInput<'icpReward.preview'>): IcpRewardRequest {
  const customer = customerOf(ctx, input.customerAccount);
  const rewardReceivedBefore =
    ctx.store.ofAccount<CaseRecord>(CASES, customer.id).some((c) => c.type === 'icp-reward' && c.status !== 'rejected') ||
    ctx.store.ofAccount(CREDITS, customer.id).some((c) => c.kind === 'icp-reward');
  return {
    customer: { account: customer.id, vip: customer.vip, accumulatedRecharge: input.accumulatedRecharge, rewardReceivedBefore },
    host: input.host,
    filing: input.filing,
  };
}

const FIELD: Record<string, string> = {
  I1: 'host.billingMode',
  I2: 'host.firstFilingWithUs',
  I3: 'accumulatedRecharge',
  I4: 'customerAccount',
  I5: 'host.terminatedEarly',
  I6: 'filing.status',
};
const fieldOf = (failed: RuleResult[]) => (failed[0] ? FIELD[failed[0].id] : undefined);

export const icpRewardHandlers: Pick<Handlers, 'icpReward.preview' | 'icpReward.submit' | 'icpReward.credit' | 'icpReward.reject'> = {
  'icpReward.preview'(input, ctx) {
    return decideIcpReward(requestOf(ctx, input), deskRules(ctx));
  },

  'icpReward.submit'(input, ctx) {
    const request = requestOf(ctx, input);
    const decision = decideIcpReward(request, deskRules(ctx));
    requireEligible(decision, fieldOf);
    const record = newCase(ctx, customerOf(ctx, input.customerAccount), {
      type: 'icp-reward',
      ...caseOrigin(ctx, input),
      status: 'submitted',
      summary: `ICP filing reward ${decision.amount}, credit due by ${decision.creditDueBy}`,
      notes: input.notes,
      details: {
        request,
        amount: decision.amount,
        creditDueBy: decision.creditDueBy,
        validUntil: decision.validUntil,
        policyVersion: decision.policyVersion,
        decision,
      },
    });
    return recordNewCase(ctx, record, 'icp-reward.submitted');
  },

  'icpReward.credit'(input, ctx) {
    const record = submittedForReview(ctx, input.id, 'icp-reward');
    const decision = decisionOf(record);
    const approval = review(ctx, decision, 'approved');
    const { creditId, change } = accountCredit(ctx, record, 'icp-reward', decision.amount, approval);
    return advanceCase(ctx, record, 'icp-reward.credited', 'credited', { review: approval, creditId }, { extra: [change] });
  },

  'icpReward.reject'(input, ctx) {
    const record = submittedForReview(ctx, input.id, 'icp-reward');
    return advanceCase(ctx, record, 'icp-reward.rejected', 'rejected', { review: review(ctx, decisionOf(record), 'rejected', input.reason) }, { reason: input.reason });
  },
};
