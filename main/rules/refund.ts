// Section 5: five-day full refund of prepaid orders (R1–R6).
import type { RefundDecision, RuleResult } from '../../shared/rules/decision.js';
import type { RefundRequest } from '../../shared/rules/requests.js';
import { inPolicyOrder } from './rule-list.js';
import { decisionContext, type DeskSettings } from './context.js';
import { formatMoney, money, showMoney, sum, ZERO } from './money.js';
import { isoInstant } from './zone.js';

const HOUR = 3_600_000;

export function decideRefund(request: RefundRequest, desk?: DeskSettings): RefundDecision {
  const { now, policy } = decisionContext(request, desk);
  const p = policy.refund;
  const rules: RuleResult[] = [];

  for (const order of request.orders) {
    const refundable = p.refundableBillingModes.includes(order.billingMode);
    rules.push({
      id: 'R1',
      subject: order.id,
      result: refundable ? 'passed' : 'failed',
      reason: refundable
        ? `billing mode ${order.billingMode} is a subscription (${p.refundableBillingModes.join(', ')})`
        : `billing mode ${order.billingMode} is not refundable; only ${p.refundableBillingModes.join(', ')} are`,
    });
  }

  for (const order of request.orders) {
    const elapsed = now - Date.parse(order.purchasedAt);
    const within = elapsed >= 0 && elapsed <= p.windowHours * HOUR;
    rules.push({
      id: 'R2',
      subject: order.id,
      result: within ? 'passed' : 'failed',
      reason:
        elapsed < 0
          ? `request at ${isoInstant(now)} is before the purchase at ${isoInstant(Date.parse(order.purchasedAt))}`
          : `requested ${formatElapsed(elapsed)} after purchase at ${isoInstant(Date.parse(order.purchasedAt))}; limit ${p.windowHours} h inclusive`,
    });
  }

  const counted = request.customer.earlierRefunds.filter((r) => p.countedRefundStatuses.includes(r.status)).length;
  const rejected = request.customer.earlierRefunds.length - counted;
  rules.push({
    id: 'R3',
    result: counted < p.maxEarlierRefunds ? 'passed' : 'failed',
    reason: `${counted} earlier refund(s) ${p.countedRefundStatuses.join(' or ')} (${rejected} not counted); fewer than ${p.maxEarlierRefunds} allowed`,
  });

  const orderCount = request.orders.length;
  rules.push({
    id: 'R4',
    result: orderCount >= p.minOrders && orderCount <= p.maxOrders ? 'passed' : 'failed',
    reason: `${orderCount} order(s) in the request; ${p.minOrders} to ${p.maxOrders} allowed`,
  });

  const paid = sum(request.orders.map((o) => money(o.paid)));
  const spent = sum(request.orders.map((o) => (o.reward ? money(o.reward.spent) : ZERO)));
  const granted = sum(request.orders.map((o) => (o.reward ? money(o.reward.granted) : ZERO)));
  const cancelled = granted.minus(spent);
  const refund = paid.minus(spent);

  const confirmed = request.dataMigrationConfirmed === true;
  rules.push({
    id: 'R6',
    result: confirmed ? 'passed' : 'failed',
    reason: confirmed
      ? 'agent confirmed the customer was told to migrate their data before the resources are released'
      : 'no confirmation that the customer was told to migrate their data; the request cannot be submitted',
  });

  const eligible = rules.every((r) => r.result !== 'failed');
  rules.push({
    id: 'R5',
    result: 'passed',
    reason:
      `paid ${showMoney(paid)} − reward spent ${showMoney(spent)} = ${formatMoney(refund)}` +
      (refund.isNegative() ? ' (never below 0)' : '') +
      `; reward granted ${showMoney(granted)}, ${showMoney(cancelled)} cancelled` +
      (eligible ? '' : '; nothing is refunded or deducted because the request is ineligible'),
  });

  return {
    kind: 'refund',
    outcome: eligible ? 'eligible' : 'ineligible',
    amount: eligible ? formatMoney(refund) : '0.00',
    policyVersion: policy.id,
    rules: inPolicyOrder(rules),
    notes: [],
    rewardDeducted: eligible ? formatMoney(spent) : '0.00',
    rewardCancelled: eligible ? formatMoney(cancelled) : '0.00',
  };
}

function formatElapsed(ms: number): string {
  const s = Math.floor(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = s % 60;
  return `${h} h ${m} min ${rest} s`;
}
