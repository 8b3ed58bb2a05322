import { describe, expect, it } from 'vitest';
import type { RefundRequest } from '../../shared/rules/requests.js';
import { decideRefund } from './refund.js';

const PURCHASED = '2026-05-01T09:00:00+08:00';
const HOUR = 3_600_000;
const after = (ms: number) => new Date(Date.parse(PURCHASED) + ms).toISOString();

function request(over: Partial<RefundRequest> = {}): RefundRequest {
  return {
    now: '2026-05-03T10:00:00+08:00',
    customer: { account: 'acme-01', vip: false, earlierRefunds: [] },
    orders: [{ id: 'o-1', billingMode: 'monthly', purchasedAt: PURCHASED, paid: '1000.00' }],
    dataMigrationConfirmed: true,
    ...over,
  };
}
const order = (id: string, over: Partial<RefundRequest['orders'][number]> = {}) => ({
  id,
  billingMode: 'monthly' as const,
  purchasedAt: PURCHASED,
  paid: '100.00',
  ...over,
});
const rule = (d: ReturnType<typeof decideRefund>, id: string, subject?: string) =>
  d.rules.find((r) => r.id === id && (subject === undefined || r.subject === subject));

describe('R1 billing mode', () => {
  it.each([
    ['hourly', 'passed'],
    ['monthly', 'passed'],
    ['yearly', 'passed'],
    ['on-demand', 'failed'],
    ['postpaid', 'failed'],
  ] as const)('%s → %s', (billingMode, result) => {
    const d = decideRefund(request({ orders: [order('o-1', { billingMode })] }));
    expect(rule(d, 'R1', 'o-1')?.result).toBe(result);
    expect(d.outcome).toBe(result === 'passed' ? 'eligible' : 'ineligible');
  });
});

describe('R2 five days (120 hours) inclusive', () => {
  it.each([
    ['exactly 120 h', after(120 * HOUR), 'passed'],
    ['120 h + 1 s', after(120 * HOUR + 1000), 'failed'],
    ['at purchase', after(0), 'passed'],
    ['before purchase', after(-1000), 'failed'],
  ])('%s', (_label, now, result) => {
    const d = decideRefund(request({ now }));
    expect(rule(d, 'R2', 'o-1')?.result).toBe(result);
    expect(rule(d, 'R2', 'o-1')?.reason).toMatch(/120 h|before the purchase/);
  });

  it('judges each order on its own; one late order makes the request ineligible', () => {
    const d = decideRefund(
      request({ now: after(121 * HOUR), orders: [order('o-1'), order('o-2', { purchasedAt: after(2 * HOUR) })] }),
    );
    expect(rule(d, 'R2', 'o-1')?.result).toBe('failed');
    expect(rule(d, 'R2', 'o-2')?.result).toBe('passed');
    expect(d.outcome).toBe('ineligible');
    expect(d.amount).toBe('0.00');
  });
});

describe('R3 fewer than 3 earlier refunds', () => {
  const refunds = (...statuses: Array<'completed' | 'in-progress' | 'rejected'>) => statuses.map((status) => ({ status }));
  it.each([
    ['2 counting (this is the 3rd)', refunds('completed', 'in-progress'), 'passed'],
    ['3 counting (this would be the 4th)', refunds('completed', 'in-progress', 'completed'), 'failed'],
    ['2 counting + 3 rejected', refunds('completed', 'rejected', 'rejected', 'in-progress', 'rejected'), 'passed'],
    ['none', refunds(), 'passed'],
  ])('%s', (_label, earlierRefunds, result) => {
    const d = decideRefund(request({ customer: { account: 'acme-01', earlierRefunds } }));
    expect(rule(d, 'R3')?.result).toBe(result);
  });
});

describe('R4 one to three orders', () => {
  it.each([
    [0, 'failed'],
    [1, 'passed'],
    [3, 'passed'],
    [4, 'failed'],
  ])('%i orders → %s', (n, result) => {
    const orders = Array.from({ length: n }, (_, i) => order(`o-${i + 1}`));
    const d = decideRefund(request({ orders }));
    expect(rule(d, 'R4')?.result).toBe(result);
    expect(rule(d, 'R4')?.reason).toContain(`${n} order(s)`);
  });
});

describe('R5 amount and reward deduction', () => {
  it('deducts the spent part, cancels the rest (the documented example)', () => {
    const d = decideRefund(request({ orders: [order('o-1', { paid: '1000.00', reward: { granted: '100.00', spent: '60.00' } })] }));
    expect(d).toMatchObject({ outcome: 'eligible', amount: '940.00', rewardDeducted: '60.00', rewardCancelled: '40.00' });
    // 1000.00 − 60.00 spent = 940.00; 100.00 − 60.00 = 40.00 cancelled.
    expect(rule(d, 'R5')?.reason).toContain('paid 1000.00 − reward deducted 60.00 = 940.00');
  });

  it('sums several orders exactly', () => {
    const d = decideRefund(
      request({
        orders: [order('o-1', { paid: '0.10' }), order('o-2', { paid: '0.20', reward: { granted: '0.05', spent: '0.01' } }), order('o-3', { paid: '33.3' })],
      }),
    );
    expect(d).toMatchObject({ amount: '33.59', rewardDeducted: '0.01', rewardCancelled: '0.04' });
  });

  it('never deducts more than the paid sum, so it is never below 0; the customer is told nothing comes back', () => {
    // paid 50.00, spent 80.00: deducted min(80.00, 50.00) = 50.00 → 50.00 − 50.00 = 0.00; 100.00 − 80.00 = 20.00 cancelled.
    const d = decideRefund(request({ orders: [order('o-1', { paid: '50.00', reward: { granted: '100.00', spent: '80.00' } })] }));
    expect(d).toMatchObject({ outcome: 'eligible', amount: '0.00', rewardDeducted: '50.00', rewardCancelled: '20.00' });
    expect(rule(d, 'R5')).toMatchObject({ result: 'passed', code: 'R5.capped-nothing-back' });
    expect(d.notes.join(' ')).toContain('nothing back');
  });

  it('a refund of exactly 0.00 is eligible (the rules pass) and says the customer gets nothing back', () => {
    // paid 60.00, spent 60.00: 60.00 − 60.00 = 0.00, not capped.
    const d = decideRefund(request({ orders: [order('o-1', { paid: '60.00', reward: { granted: '60.00', spent: '60.00' } })] }));
    expect(d).toMatchObject({ outcome: 'eligible', amount: '0.00', rewardDeducted: '60.00', rewardCancelled: '0.00' });
    expect(rule(d, 'R5')?.code).toBe('R5.nothing-back');
  });

  it('a request with no order fails R4 (1 to 3 orders) and refunds nothing', () => {
    const d = decideRefund(request({ orders: [] }));
    expect(rule(d, 'R4')).toMatchObject({ result: 'failed', reason: '0 order(s) in the request; 1 to 3 allowed' });
    expect(d).toMatchObject({ outcome: 'ineligible', amount: '0.00' });
  });

  it('deducts and cancels nothing when the request is ineligible', () => {
    const d = decideRefund(request({ dataMigrationConfirmed: false, orders: [order('o-1', { reward: { granted: '100', spent: '60' } })] }));
    expect(d).toMatchObject({ outcome: 'ineligible', amount: '0.00', rewardDeducted: '0.00', rewardCancelled: '0.00' });
  });
});

describe('R6 data migration confirmed', () => {
  it.each([
    [true, 'passed', 'eligible'],
    [false, 'failed', 'ineligible'],
    [undefined, 'failed', 'ineligible'],
  ] as const)('%s → %s', (confirmed, result, outcome) => {
    const req = request();
    if (confirmed === undefined) delete req.dataMigrationConfirmed;
    else req.dataMigrationConfirmed = confirmed;
    const d = decideRefund(req);
    expect(rule(d, 'R6')?.result).toBe(result);
    expect(d.outcome).toBe(outcome);
  });
});

it('evaluates every rule even when the first fails, one entry per order for R1 and R2', () => {
  const d = decideRefund(
    request({
      now: after(200 * HOUR),
      customer: { account: 'a', earlierRefunds: [{ status: 'completed' }, { status: 'completed' }, { status: 'completed' }] },
      orders: [order('o-1', { billingMode: 'postpaid' }), order('o-2'), order('o-3'), order('o-4')],
      dataMigrationConfirmed: false,
    }),
  );
  expect(d.rules.map((r) => `${r.id}${r.subject ? `:${r.subject}` : ''}`)).toEqual([
    'R1:o-1', 'R1:o-2', 'R1:o-3', 'R1:o-4',
    'R2:o-1', 'R2:o-2', 'R2:o-3', 'R2:o-4',
    'R3', 'R4', 'R5', 'R6',
  ]);
  expect(d.rules.filter((r) => r.result === 'failed').map((r) => r.id)).toEqual(['R1', 'R2', 'R2', 'R2', 'R2', 'R3', 'R4', 'R6']);
  expect(d.policyVersion).toBe('2026.1');
});
