// Section 6: fault compensation, paid as a bonus recharge (an account credit, never cash).
import type { RuleResult } from '../../../shared/rules/decision.js';
import type { CompensationClaim, EarlierClaim } from '../../../shared/rules/requests.js';
import { CASES } from '../../../shared/domain/entities.js';
import { isCaseOf, type CaseOf, type CaseRecord } from '../../../shared/domain/case.js';
import { decideCompensation } from '../../rules/index.js';
import type { ParsedInput } from '../../../shared/contract/index.js';
import type { HandlerContext, Handlers } from '../context.js';
import { deskRules } from '../policy/rules-context.js';
import {
  accountCredit,
  advanceCase,
  caseOrigin,
  customerOf,
  decisionOf,
  newCase,
  recordNewCase,
  requireEligible,
  review,
  submittedForReview,
} from '../workspace/workflow.js';

const EARLIER_STATUS: Record<string, EarlierClaim['status']> = { submitted: 'pending', approved: 'approved', rejected: 'rejected' };

/** C7: the account's earlier claims from the store, so a second agent sees the outage already claimed. */
function earlierClaimsOf(ctx: HandlerContext, account: string): EarlierClaim[] {
  return ctx.store
    .ofAccount<CaseRecord>(CASES, account)
    .filter((c): c is CaseOf<'compensation'> & CaseRecord => isCaseOf(c, 'compensation'))
    .map((c) => {
      const occurrences = (c.details.claim?.occurrences ?? []).map(({ start, end }) => ({ start, end }));
      return { id: c.id, status: EARLIER_STATUS[c.status] ?? 'pending', occurrences };
    });
}

function claimOf(ctx: HandlerContext, input: ParsedInput<'compensation.preview'>): CompensationClaim {
  const customer = customerOf(ctx, input.customerAccount);
  return {
    account: customer.id,
    dailyFee: input.dailyFee,
    occurrences: input.occurrences,
    claimedAt: ctx.now().toISOString(),
    ...(input.emailSubject !== undefined && input.emailSubject.trim() !== '' ? { emailSubject: input.emailSubject } : {}),
    earlierClaims: earlierClaimsOf(ctx, customer.id),
  };
}

function fieldOf(claim: CompensationClaim) {
  return (failed: RuleResult[]) => {
    if (failed.some((r) => r.id === 'C5')) return 'occurrences';
    if (/^0*(\.0*)?$/.test(claim.dailyFee)) return 'dailyFee';
    const claimed = failed.find((r) => r.id === 'C7');
    const claimedAt = claim.occurrences.findIndex((o) => o.id === claimed?.subject);
    if (claimedAt >= 0) return `occurrences.${claimedAt}.start`;
    const excluded = failed.find((r) => r.id === 'C4');
    const index = claim.occurrences.findIndex((o) => o.id === excluded?.subject);
    return index >= 0 ? `occurrences.${index}.cause` : 'occurrences';
  };
}

/** The stored claim keeps its own occurrences; the earlier claims it was judged against are in the decision's C7 reasons. */
function withoutEarlier({ earlierClaims: _earlier, ...claim }: CompensationClaim): CompensationClaim {
  return claim;
}

export const compensationHandlers: Pick<Handlers, 'compensation.preview' | 'compensation.submit' | 'compensation.approve' | 'compensation.reject'> = {
  'compensation.preview'(input, ctx) {
    return decideCompensation(claimOf(ctx, input), deskRules(ctx));
  },

  'compensation.submit'(input, ctx) {
    const claim = claimOf(ctx, input);
    const decision = decideCompensation(claim, deskRules(ctx));
    requireEligible(decision, fieldOf(claim));
    const record = newCase(ctx, customerOf(ctx, input.customerAccount), {
      type: 'compensation',
      category: 'system-fault',
      ...caseOrigin(ctx, input),
      status: 'submitted',
      summary: `Compensation ${decision.amount} for ${claim.occurrences.length} fault occurrence(s), ${decision.faultMinutes} min`,
      notes: input.notes,
      details: { claim: withoutEarlier(claim), amount: decision.amount, faultMinutes: decision.faultMinutes, claimDeadline: decision.claimDeadline, policyVersion: decision.policyVersion, decision },
    });
    return recordNewCase(ctx, record, 'compensation.submitted');
  },

  'compensation.approve'(input, ctx) {
    const record = submittedForReview(ctx, input.id, 'compensation');
    const decision = decisionOf(record);
    const approval = review(ctx, decision, 'approved');
    const { creditId, change } = accountCredit(ctx, record, 'compensation', decision.amount, approval);
    return advanceCase(ctx, record, 'compensation.approved', 'approved', { review: approval, creditId }, { extra: [change] });
  },

  'compensation.reject'(input, ctx) {
    const record = submittedForReview(ctx, input.id, 'compensation');
    const decision = decisionOf(record);
    return advanceCase(ctx, record, 'compensation.rejected', 'rejected', { review: review(ctx, decision, 'rejected', input.reason) }, { reason: input.reason });
  },
};
