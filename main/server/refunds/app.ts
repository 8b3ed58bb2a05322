// Section 5: the five-day full refund. The engine decides against the store's orders and the
// customer's earlier refund cases; a supervisor other than the submitter reviews.
import type { Order } from '../../../shared/domain/order.js';
import type { ParsedInput } from '../../../shared/contract/index.js';
import { isCaseOf, type CaseOf, type CaseRecord } from '../../../shared/domain/case.js';
import type { Receipt } from '../../../shared/domain/refund.js';
import type { RefundRequest } from '../../../shared/rules/requests.js';
import { decideRefund } from '../../rules/index.js';
import type { HandlerContext, Handlers } from '../context.js';
import { DeskError } from '../errors.js';
import { deskRules } from '../policy/rules-context.js';
import {
  advanceCase,
  caseInStatus,
  caseOrigin,
  customerOf,
  decisionOf,
  newCase,
  recordNewCase,
  review,
  submittedForReview,
} from '../workspace/workflow.js';
import { CASES, ORDERS } from '../../../shared/domain/entities.js';

type StoredOrder = Order & { [key: string]: unknown };

/** An ineligible request is recorded too (policy section 5), in this status with its failed rules. */
export const REJECTED_BY_RULES = 'rejected-by-rules';

const isRejected = (status: string) => status === 'rejected' || status === REJECTED_BY_RULES;

/** How a refund case's status counts for R3: rejected ones, at review or by the rules, never do. */
export function refundStatusForR3(status: string): 'completed' | 'in-progress' | 'rejected' {
  if (status === 'completed') return 'completed';
  if (isRejected(status)) return 'rejected';
  return 'in-progress';
}

function refundCasesOf(ctx: HandlerContext, account: string): CaseOf<'refund'>[] {
  return ctx.store.ofAccount<CaseRecord>(CASES, account).filter((c): c is CaseOf<'refund'> & CaseRecord => isCaseOf(c, 'refund'));
}

function buildRequest(ctx: HandlerContext, input: ParsedInput<'refunds.preview'>): { request: RefundRequest; orders: StoredOrder[] } {
  const customer = customerOf(ctx, input.customerAccount);
  if (new Set(input.orderIds).size !== input.orderIds.length) throw new DeskError('invalid-input', 'an order is listed twice', 'orderIds');
  const orders = input.orderIds.map((id, index) => {
    const order = ctx.store.get<StoredOrder>(ORDERS, id);
    if (!order || order.customerAccount !== customer.id) {
      throw new DeskError('not-found', `order ${id} is not an order of ${customer.id}`, `orderIds.${index}`);
    }
    return order;
  });
  const earlier = refundCasesOf(ctx, customer.id);
  const open = earlier.filter((c) => !isRejected(c.status));
  for (const [index, order] of orders.entries()) {
    const holder = open.find((c) => c.details.orderIds?.includes(order.id));
    if (holder) throw new DeskError('conflict', `order ${order.id} is already in refund ${holder.id} (${holder.status})`, `orderIds.${index}`);
  }
  const request: RefundRequest = {
    customer: { account: customer.id, vip: customer.vip, earlierRefunds: earlier.map((c) => ({ status: refundStatusForR3(c.status) })) },
    orders: orders.map((o) => ({
      id: o.id,
      billingMode: o.billingMode,
      purchasedAt: o.purchasedAt,
      paid: o.paid,
      ...(o.reward ? { reward: { granted: o.reward.granted, spent: o.reward.spent } } : {}),
    })),
    ...(input.dataMigrationConfirmed !== undefined ? { dataMigrationConfirmed: input.dataMigrationConfirmed } : {}),
  };
  return { request, orders };
}


export const refundHandlers: Pick<Handlers, 'refunds.preview' | 'refunds.submit' | 'refunds.approve' | 'refunds.reject' | 'refunds.complete'> = {
  'refunds.preview'(input, ctx) {
    return decideRefund(buildRequest(ctx, input).request, deskRules(ctx));
  },

  'refunds.submit'(input, ctx) {
    const { request, orders } = buildRequest(ctx, input);
    const decision = decideRefund(request, deskRules(ctx));
    const eligible = decision.outcome === 'eligible';
    const failedRules = decision.rules.filter((r) => r.result === 'failed').map((r) => r.id);
    const customer = customerOf(ctx, input.customerAccount);
    const orderList = orders.map((o) => o.id).join(', ') || 'no order';
    const record = newCase(ctx, customer, {
      type: 'refund',
      ...caseOrigin(ctx, input),
      status: eligible ? 'submitted' : REJECTED_BY_RULES,
      summary: eligible ? `Refund ${decision.amount} for ${orderList}` : `Refund for ${orderList} rejected by the rules (${[...new Set(failedRules)].join(', ')})`,
      notes: input.notes,
      details: {
        orderIds: orders.map((o) => o.id),
        orders: orders.map(({ id, product, billingMode, purchasedAt, paid, reward }) => ({ id, product, billingMode, purchasedAt, paid, ...(reward ? { reward } : {}) })),
        dataMigrationConfirmed: input.dataMigrationConfirmed === true,
        amount: decision.amount,
        rewardDeducted: decision.rewardDeducted,
        rewardCancelled: decision.rewardCancelled,
        policyVersion: decision.policyVersion,
        decision,
        ...(eligible ? {} : { failedRules: [...new Set(failedRules)] }),
      },
    });
    return recordNewCase(ctx, record, eligible ? 'refund.submitted' : 'refund.rejected-by-rules');
  },

  'refunds.approve'(input, ctx) {
    const record = submittedForReview(ctx, input.id, 'refund');
    const decision = decisionOf(record);
    const approval = review(ctx, decision, 'approved');
    const receipt: Receipt = {
      number: `RR-${record.id.slice(2)}`,
      generatedAt: ctx.now().toISOString(),
      customerAccount: record.customerAccount,
      customerName: record.customerName,
      ...(record.details.orders ? { orders: record.details.orders } : {}),
      amount: decision.amount,
      rewardDeducted: decision.rewardDeducted,
      rewardCancelled: decision.rewardCancelled,
      approvedBy: ctx.operator.username,
      policyVersion: decision.policyVersion,
    };
    return advanceCase(ctx, record, 'refund.approved', 'approved', { review: approval, receipt });
  },

  'refunds.reject'(input, ctx) {
    const record = submittedForReview(ctx, input.id, 'refund');
    return advanceCase(ctx, record, 'refund.rejected', 'rejected', { review: review(ctx, decisionOf(record), 'rejected', input.reason) }, { reason: input.reason });
  },

  'refunds.complete'(input, ctx) {
    const record = caseInStatus(ctx, input.id, 'refund', ['approved']);
    return advanceCase(ctx, record, 'refund.completed', 'completed', { completedAt: ctx.now().toISOString(), completedBy: ctx.operator.username });
  },
};
