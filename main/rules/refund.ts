// Section 5: five-day full refund of prepaid orders (R1–R6).
import type { RefundDecision, RuleResult } from '../../shared/rules/decision.js';
import type { RefundRequest } from '../../shared/rules/requests.js';
import { inPolicyOrder } from './rule-list.js';
import { decisionContext, type DeskSettings } from './context.js';
import { formatMoney, money, showMoney, sum, ZERO } from './money.js';
import { because } from './reasons.js';
import { reasonInstant } from '../../shared/rules/zone.js';

const HOUR = 3_600_000;

export function decideRefund(request: RefundRequest, desk?: DeskSettings): RefundDecision {
  const { now, policy, timeZone } = decisionContext(request, desk);
  const when = (ms: number) => reasonInstant(ms, timeZone);
  const p = policy.refund;
  const rules: RuleResult[] = [];

  for (const order of request.orders) {
    const refundable = p.refundableBillingModes.includes(order.billingMode);
    rules.push({
      id: 'R1',
      subject: order.id,
      result: refundable ? 'passed' : 'failed',
      ...because(refundable ? 'R1.subscription' : 'R1.not-refundable', { mode: order.billingMode, modes: p.refundableBillingModes.join(', ') }),
    });
  }

  for (const order of request.orders) {
    const elapsed = now - Date.parse(order.purchasedAt);
    const within = elapsed >= 0 && elapsed <= p.windowHours * HOUR;
    rules.push({
      id: 'R2',
      subject: order.id,
      result: within ? 'passed' : 'failed',
      ...(elapsed < 0
        ? because('R2.before-purchase', { now: when(now), purchasedAt: when(Date.parse(order.purchasedAt)) })
        : because('R2.elapsed', { ...elapsedParts(elapsed), purchasedAt: when(Date.parse(order.purchasedAt)), limit: p.windowHours })),
    });
  }

  const counted = request.customer.earlierRefunds.filter((r) => p.countedRefundStatuses.includes(r.status)).length;
  const rejected = request.customer.earlierRefunds.length - counted;
  rules.push({
    id: 'R3',
    result: counted < p.maxEarlierRefunds ? 'passed' : 'failed',
    ...because('R3.earlier-refunds', { counted, statuses: p.countedRefundStatuses.join(' or '), rejected, max: p.maxEarlierRefunds }),
  });

  const orderCount = request.orders.length;
  rules.push({
    id: 'R4',
    result: orderCount >= p.minOrders && orderCount <= p.maxOrders ? 'passed' : 'failed',
    ...because('R4.orders', { count: orderCount, min: p.minOrders, max: p.maxOrders }),
  });

  const paid = sum(request.orders.map((o) => money(o.paid)));
  const spent = sum(request.orders.map((o) => (o.reward ? money(o.reward.spent) : ZERO)));
  const granted = sum(request.orders.map((o) => (o.reward ? money(o.reward.granted) : ZERO)));
  // R5: the spent (unrecoverable) reward is deducted, never more than the paid sum; the unspent rest is cancelled.
  const capped = spent.greaterThan(paid);
  const deducted = capped ? paid : spent;
  const cancelled = granted.minus(spent);
  const refund = paid.minus(deducted);

  const confirmed = request.dataMigrationConfirmed === true;
  rules.push({
    id: 'R6',
    result: confirmed ? 'passed' : 'failed',
    ...because(confirmed ? 'R6.confirmed' : 'R6.unconfirmed'),
  });

  const eligible = rules.every((r) => r.result !== 'failed');
  const nothingBack = eligible && refund.isZero();
  // Capped means the whole paid sum is deducted, so an eligible capped request always gives nothing back.
  const code = !eligible ? (capped ? 'R5.capped-ineligible' : 'R5.amount-ineligible') : nothingBack ? (capped ? 'R5.capped-nothing-back' : 'R5.nothing-back') : 'R5.amount';
  rules.push({
    id: 'R5',
    result: 'passed',
    ...because(code, { paid: showMoney(paid), spent: showMoney(spent), deducted: showMoney(deducted), refund: formatMoney(refund), granted: showMoney(granted), cancelled: showMoney(cancelled) }),
  });
  const notes = nothingBack ? ['the refund comes to 0.00: the customer would get nothing back (the spent reward takes up the paid sum)'] : [];

  return {
    kind: 'refund',
    outcome: eligible ? 'eligible' : 'ineligible',
    amount: eligible ? formatMoney(refund) : '0.00',
    policyVersion: policy.id,
    rules: inPolicyOrder(rules),
    notes,
    rewardDeducted: eligible ? formatMoney(deducted) : '0.00',
    rewardCancelled: eligible ? formatMoney(cancelled) : '0.00',
  };
}

function elapsedParts(ms: number): { hours: number; minutes: number; seconds: number } {
  const s = Math.floor(ms / 1000);
  return { hours: Math.floor(s / 3600), minutes: Math.floor((s % 3600) / 60), seconds: s % 60 };
}
