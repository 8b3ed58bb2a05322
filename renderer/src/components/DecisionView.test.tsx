// Component test: the decision view reads each rule's reason in the interface language, with
// the engine's figures, and falls back to the engine's English when it has no template.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { RefundDecision } from '../../../shared/rules/decision.js';
import { i18n } from '../i18n/index.js';
import { DecisionView } from './DecisionView.js';
import { fakeApi, ok } from './workspace-test-api.js';

const decision: RefundDecision = {
  kind: 'refund',
  outcome: 'eligible',
  amount: '940.00',
  policyVersion: '2026.1',
  notes: [],
  rewardDeducted: '60.00',
  rewardCancelled: '0.00',
  rules: [
    {
      id: 'R2',
      subject: 'o-1',
      result: 'passed',
      reason: 'requested 49 h 0 min 0 s after purchase at 2026-05-01T01:00:00Z; limit 120 h inclusive',
      code: 'R2.elapsed',
      params: { hours: '49', minutes: '0', seconds: '0', purchasedAt: '2026-05-01T01:00:00Z', limit: '120' },
    },
    {
      id: 'R5',
      result: 'passed',
      reason: 'paid 1000.00 − reward deducted 60.00 = 940.00; reward granted 60.00, spent 60.00, 0.00 cancelled',
      code: 'R5.amount',
      params: { paid: '1000.00', deducted: '60.00', refund: '940.00', granted: '60.00', spent: '60.00', cancelled: '0.00' },
    },
    { id: 'R6', result: 'passed', reason: 'an older stored reason without a code' },
  ],
};

beforeEach(() => {
  fakeApi({ 'policy.current': ok({ currency: 'CNY' }) });
});
afterEach(cleanup);

it('shows the reasons in Chinese with the engine’s figures', async () => {
  await i18n.changeLanguage('zh-CN');
  render(<DecisionView decision={decision} />);
  expect(screen.getByText('购买于 2026-05-01T01:00:00Z，49 小时 0 分 0 秒后申请；上限 120 小时（含）')).toBeTruthy();
  expect(screen.getByText('实付 1000.00 − 扣除赠送金 60.00 = 940.00；赠送金 60.00，已用 60.00，作废 0.00')).toBeTruthy();
  expect(screen.getByText('an older stored reason without a code')).toBeTruthy();
});

it('translates words and SLA targets among the figures', async () => {
  const { ruleReason } = await import('../i18n/rule-reasons.js');
  const rule = {
    reason: 'SEV-1 vip first response 10 min from 2026-03-10T10:00:00Z (24/7) → due 2026-03-10T10:10:00Z; 5 min remaining at 2026-03-10T10:05:00Z',
    code: 'SLA.remaining',
    params: { severity: 'SEV-1', timer: 'vip first response', target: '10 min', from: '2026-03-10T10:00:00Z', clock: '24/7', due: '2026-03-10T10:10:00Z', remaining: '5', now: '2026-03-10T10:05:00Z' },
  };
  expect(ruleReason(rule, 'zh-CN')).toBe('SEV-1 VIP 首次响应 10 分钟，自 2026-03-10T10:00:00Z 起（7×24 小时）→ 截止 2026-03-10T10:10:00Z；截至 2026-03-10T10:05:00Z 剩余 5 分钟');
  expect(ruleReason({ reason: 'x', code: 'I4.received-before', params: { before: 'no' } }, 'zh-CN')).toBe('此前已领取奖励：否');
});

it('shows the engine’s English in English', async () => {
  await i18n.changeLanguage('en');
  render(<DecisionView decision={decision} />);
  expect(screen.getByText(decision.rules[0]!.reason)).toBeTruthy();
  expect(screen.getByText(decision.rules[1]!.reason)).toBeTruthy();
});
