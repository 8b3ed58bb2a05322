import { describe, expect, it } from 'vitest';
import type { IcpRewardRequest } from '../../shared/rules/requests.js';
import { decideIcpReward } from './icp-reward.js';

function request(over: { customer?: Partial<IcpRewardRequest['customer']>; host?: Partial<IcpRewardRequest['host']>; filing?: Partial<IcpRewardRequest['filing']>; timeZone?: string } = {}): IcpRewardRequest {
  return {
    now: '2026-05-10T10:00:00+08:00',
    customer: { account: 'acme-01', vip: true, accumulatedRecharge: '250.00', rewardReceivedBefore: false, ...over.customer },
    host: { billingMode: 'monthly', servesWebsite: true, firstFilingWithUs: true, terminatedEarly: false, expiredWithoutRenewal: false, ...over.host },
    filing: { status: 'approved', approvedAt: '2026-05-09T15:00:00+08:00', customerDelayDays: 0, ...over.filing },
    ...(over.timeZone ? { timeZone: over.timeZone } : {}),
  };
}
const result = (d: ReturnType<typeof decideIcpReward>, id: string) => d.rules.find((r) => r.id === id)?.result;

it('the documented example: VIP, approved 9 May → 200.00, due 16 May, valid until 16 May 2027', () => {
  expect(decideIcpReward(request())).toMatchObject({
    kind: 'icp-reward',
    outcome: 'eligible',
    amount: '200.00',
    policyVersion: '2026.1',
    creditDueBy: '2026-05-16',
    validUntil: '2027-05-16',
  });
});

it('a common customer gets 100.00', () => {
  expect(decideIcpReward(request({ customer: { vip: false } })).amount).toBe('100.00');
});

describe('each rule', () => {
  it.each([
    ['I1', 'hourly host', { host: { billingMode: 'hourly' } }, 'failed'],
    ['I1', 'yearly host', { host: { billingMode: 'yearly' } }, 'passed'],
    ['I1', 'on-demand host', { host: { billingMode: 'on-demand' } }, 'failed'],
    ['I2', 'no website', { host: { servesWebsite: false } }, 'failed'],
    ['I2', 'not the first filing', { host: { firstFilingWithUs: false } }, 'failed'],
    ['I3', 'recharge exactly 200', { customer: { accumulatedRecharge: '200' } }, 'failed'],
    ['I3', 'recharge 200.00', { customer: { accumulatedRecharge: '200.00' } }, 'failed'],
    ['I3', 'recharge 200.01', { customer: { accumulatedRecharge: '200.01' } }, 'passed'],
    ['I4', 'received before', { customer: { rewardReceivedBefore: true } }, 'failed'],
    ['I5', 'terminated early', { host: { terminatedEarly: true } }, 'failed'],
    ['I5', 'expired without renewal', { host: { expiredWithoutRenewal: true } }, 'failed'],
    ['I6', 'delayed 9 days', { filing: { customerDelayDays: 9 } }, 'passed'],
    ['I6', 'delayed 10 days (abandoned)', { filing: { customerDelayDays: 10 } }, 'failed'],
    ['I6', 'submitted, not approved', { filing: { status: 'submitted', approvedAt: undefined } }, 'failed'],
    ['I6', 'rejected', { filing: { status: 'rejected', approvedAt: undefined } }, 'failed'],
    ['I6', 'pending the customer', { filing: { status: 'pending-customer', approvedAt: undefined } }, 'failed'],
  ] as const)('%s %s → %s', (id, _label, over, expected) => {
    const d = decideIcpReward(request(over as Parameters<typeof request>[0]));
    expect(result(d, id)).toBe(expected);
    expect(d.rules.map((r) => r.id)).toEqual(['I1', 'I2', 'I3', 'I4', 'I5', 'I6']);
    expect(d.outcome).toBe(expected === 'passed' ? 'eligible' : 'ineligible');
    if (expected === 'failed') {
      expect(d.amount).toBe('0.00');
      expect(d).not.toHaveProperty('creditDueBy');
      expect(d).not.toHaveProperty('validUntil');
    }
  });
});

it('quotes the figures: I3 names the recharge and the threshold, I6 the delay', () => {
  const d = decideIcpReward(request({ customer: { accumulatedRecharge: '200' }, filing: { customerDelayDays: 10 } }));
  expect(d.rules.find((r) => r.id === 'I3')?.reason).toBe('accumulated recharge 200.00; must exceed 200.00');
  expect(d.rules.find((r) => r.id === 'I6')?.reason).toContain('customer delay 10 day(s), 10 or more: treated as abandoned');
});

it('takes the approval date in the time zone', () => {
  // 2026-05-09T16:30Z is 10 May in Shanghai, 9 May in UTC
  const filing = { approvedAt: '2026-05-09T16:30:00Z' };
  expect(decideIcpReward(request({ filing })).creditDueBy).toBe('2026-05-17');
  expect(decideIcpReward(request({ filing, timeZone: 'UTC' })).creditDueBy).toBe('2026-05-16');
});

it('a credit due on 29 February is valid until 28 February the next year', () => {
  const d = decideIcpReward(request({ filing: { approvedAt: '2028-02-22T12:00:00+08:00' } }));
  expect(d).toMatchObject({ creditDueBy: '2028-02-29', validUntil: '2029-02-28' });
});
