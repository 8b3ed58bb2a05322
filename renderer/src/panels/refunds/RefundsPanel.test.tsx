// Component test: the refund form shows the engine's per-rule explanation, keeps an ineligible
// request from being submitted, and shows the desk's errors next to the field they name.
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

it('shows the failed rule of an ineligible order and keeps submit disabled', async () => {
  render(<RefundsPanel />);
  fireEvent.click(await screen.findByLabelText('SLB O-2'));
  expect(await screen.findByText(/on-demand is not refundable/)).toBeTruthy();
  expect(screen.getByTestId('outcome').textContent).toBe('Not eligible');
  expect(screen.getByText(/Subscription billing/).textContent).toContain('failed');
  expect((screen.getByRole('button', { name: 'Submit refund for review' }) as HTMLButtonElement).disabled).toBe(true);
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
