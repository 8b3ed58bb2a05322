// Billing inquiries and disputes: every amount exact (decimal strings), every figure explained.
import type { RuleResult } from '../../shared/rules/decision.js';
import { formatMoney, money, showMoney, sum } from './money.js';
import { because } from './reasons.js';

export interface BillingItem {
  service: string;
  amount: string;
}

/** The total the customer asks about, explained per service. */
export function inquiryTotal(items: readonly BillingItem[]): { total: string; rules: RuleResult[] } {
  const total = formatMoney(sum(items.map((i) => money(i.amount))));
  return {
    total,
    rules: [
      {
        id: 'BILL-TOTAL',
        result: 'passed',
        ...because('BILL.total', { items: items.map((i) => `${i.service} ${showMoney(money(i.amount))}`).join(' + '), total }),
      },
    ],
  };
}

export interface DisputeFigures {
  expected: string;
  billed: string;
  /** billed − expected; negative when the customer was billed less than expected. */
  difference: string;
  rules: RuleResult[];
}

/** The amount in dispute: what was billed minus what the customer expected. */
export function disputeFigures(expected: string, billed: string): DisputeFigures {
  const e = money(expected);
  const b = money(billed);
  const diff = b.minus(e);
  const difference = diff.isNegative() ? `-${formatMoney(diff.negated())}` : formatMoney(diff);
  return {
    expected: formatMoney(e),
    billed: formatMoney(b),
    difference,
    rules: [
      {
        id: 'BILL-DISPUTE',
        result: diff.isZero() ? 'failed' : 'passed',
        ...(diff.isZero()
          ? because('BILL.no-dispute', { billed: formatMoney(b), expected: formatMoney(e) })
          : because('BILL.dispute', { billed: formatMoney(b), expected: formatMoney(e), difference })),
      },
    ],
  };
}

/** A correction: the corrected charge must lie between 0 and the billed amount; the credit is the difference. */
export function correctionFigures(billed: string, corrected: string): { corrected: string; credit: string; rules: RuleResult[] } {
  const b = money(billed);
  const c = money(corrected);
  const ok = c.lessThan(b);
  const credit = ok ? formatMoney(b.minus(c)) : '0.00';
  return {
    corrected: formatMoney(c),
    credit,
    rules: [
      {
        id: 'BILL-CORRECTION',
        result: ok ? 'passed' : 'failed',
        ...(ok
          ? because('BILL.corrected', { billed: formatMoney(b), corrected: formatMoney(c), credit })
          : because('BILL.correction-too-high', { billed: formatMoney(b), corrected: formatMoney(c) })),
      },
    ],
  };
}
