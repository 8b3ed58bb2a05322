// Component test: the refund form shows the engine's per-rule explanation, records an ineligible
// request as rejected by the rules (never sends it to review), tells the agent when the customer
// gets nothing back, and shows the desk's errors next to the field they name.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { ACME, fakeApi, ok } from '../../components/workspace-test-api.js';
import { i18n } from '../../i18n/index.js';
import { useNavigation } from '../../state/navigation.js';
import { RefundsPanel } from './RefundsPanel.js';

const orders = [
  { id: 'O-1', customerAccount: 'acme-01', product: 'ECS ecs.g7.large', billingMode: 'monthly', purchasedAt: '2026-05-04T02:00:00Z', paid: '1000.00' },
  { id: 'O-2', customerAccount: 'acme-01', product: 'SLB', billingMode: 'on-demand', purchasedAt: '2026-05-04T02:00:00Z', paid: '50.00' },
];
const decision = (eligible: boolean) => ({
  kind: 'refund',
  outcome: eligible ? 'eligible' : 'ineligible',
  amount: eligible ? '1000.00' : '0.00',
  rewardDeducted: '0.00',
  rewardCancelled: '0.00',
  policyVersion: '2026.1',
  notes: [],
  rules: [
    eligible
      ? { id: 'R1', subject: 'O-1', result: 'passed', reason: 'billing mode monthly is a subscription' }
      : { id: 'R1', subject: 'O-2', result: 'failed', reason: 'billing mode on-demand is not refundable; only hourly, monthly, yearly are' },
  ],
});

let calls: ReturnType<typeof fakeApi>;
let submitReply: () => unknown;
beforeEach(async () => {
  submitReply = () => ({ ok: false, error: { code: 'invalid-input', message: 'not eligible — R6: no confirmation', field: 'dataMigrationConfirmed' } });
  calls = fakeApi({
    'customers.get': ok(ACME),
    'policy.current': ok({ currency: 'CNY' }),
    'cases.search': ok({ total: 0, cases: [] }),
    'orders.forCustomer': ok(orders),
    'refunds.preview': (input) => ({ ok: true, value: decision((input as { orderIds: string[] }).orderIds[0] === 'O-1') }),
    'refunds.submit': () => submitReply() as never,
  });
  await i18n.changeLanguage('en');
  useNavigation.getState().open('refunds', { customerAccount: 'acme-01' });
});
afterEach(cleanup);

it('shows the failed rule of an ineligible order and offers to record it as rejected by the rules', async () => {
  submitReply = () => ({ ok: true, value: { id: 'C-000009', type: 'refund', status: 'rejected-by-rules', details: { amount: '0.00', failedRules: ['R1'] } } });
  render(<RefundsPanel />);
  fireEvent.click(await screen.findByLabelText('SLB O-2'));
  expect(await screen.findByText(/on-demand is not refundable/)).toBeTruthy();
  expect(screen.getByTestId('outcome').textContent).toBe('Not eligible');
  expect(screen.getByText(/Subscription billing/).textContent).toContain('failed');
  expect(screen.queryByRole('button', { name: 'Submit refund for review' })).toBeNull();
  // Ctrl+Enter never records a rejection: only the button does.
  await act(async () => fireEvent.keyDown(screen.getByLabelText('SLB O-2'), { key: 'Enter', ctrlKey: true }));
  expect(calls.some((c) => c.name === 'refunds.submit')).toBe(false);
  await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Record as rejected by the rules' })));
  expect(calls.find((c) => c.name === 'refunds.submit')!.input).toMatchObject({ customerAccount: 'acme-01', orderIds: ['O-2'] });
  expect(await screen.findByText('Refund C-000009 recorded as rejected by the rules')).toBeTruthy();
});

it('tells the agent plainly when an eligible refund gives the customer nothing back, in both languages', async () => {
  // R5 by hand: paid 100.00, reward spent 150.00 > paid, so at most 100.00 is deducted: 100.00 − 100.00 = 0.00.
  const r5 = { id: 'R5', result: 'passed', reason: 'paid 100.00 − reward deducted 100.00 = 0.00', code: 'R5.capped-nothing-back', params: { paid: '100.00', deducted: '100.00', refund: '0.00', spent: '150.00', granted: '150.00', cancelled: '0.00' } };
  calls = fakeApi({
    'customers.get': ok(ACME),
    'policy.current': ok({ currency: 'CNY' }),
    'cases.search': ok({ total: 0, cases: [] }),
    'orders.forCustomer': ok(orders),
    'refunds.preview': ok({ ...decision(true), amount: '0.00', rewardDeducted: '100.00', rules: [r5] }),
  });
  render(<RefundsPanel />);
  fireEvent.click(await screen.findByLabelText('ECS ecs.g7.large O-1'));
  const banner = await screen.findByTestId('nothing-back');
  expect(banner.textContent).toContain('The customer gets nothing back');
  expect(banner.textContent).toMatch(/100\.00 paid − .*100\.00 reward deducted = .*0\.00/);
  await act(async () => i18n.changeLanguage('zh-CN'));
  expect(screen.getByTestId('nothing-back').textContent).toContain('客户拿不回任何款项');
});

it('shows the desk’s refusal next to the field it names and keeps the selection', async () => {
  render(<RefundsPanel />);
  fireEvent.click(await screen.findByLabelText('ECS ecs.g7.large O-1'));
  await screen.findByText(/is a subscription/);
  await act(async () => fireEvent.keyDown(screen.getByLabelText('ECS ecs.g7.large O-1'), { key: 'Enter', ctrlKey: true }));
  expect(await screen.findByText('not eligible — R6: no confirmation')).toBeTruthy();
  expect((screen.getByLabelText('ECS ecs.g7.large O-1') as HTMLInputElement).checked).toBe(true);
  const submitted = calls.find((c) => c.name === 'refunds.submit')!.input;
  expect(submitted).toMatchObject({ customerAccount: 'acme-01', orderIds: ['O-1'], dataMigrationConfirmed: false });
});
