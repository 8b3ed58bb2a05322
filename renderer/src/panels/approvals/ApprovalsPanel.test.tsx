// Component test: the queue shows each kind; selecting an item opens its case beside approve /
// reject; cases are decided through the review registry's call, key events through their own, and
// a rejection needs a reason before anything is sent.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { fakeApi, ok } from '../../components/workspace-test-api.js';
import { i18n } from '../../i18n/index.js';
import { ApprovalsPanel } from './ApprovalsPanel.js';

const base = { customerAccount: 'acme-01', customerName: 'Acme Ltd', vip: false, summary: 's', since: '2026-05-06T02:00:00Z', breached: false };
const items = [
  { ...base, kind: 'escalation', id: 'C-000009', submittedBy: 'agent1', breached: true, canDecide: false },
  { ...base, kind: 'refund', id: 'C-000001', amount: '940.00', submittedBy: 'agent1', canDecide: true },
  { ...base, kind: 'compensation', id: 'C-000002', amount: '25.00', submittedBy: 'me', canDecide: false },
  { ...base, kind: 'keyEvent', id: 'KE-00001', submittedBy: 'agent1', canDecide: true },
];
const refundCase = {
  id: 'C-000001',
  type: 'refund',
  status: 'submitted',
  notes: 'customer moved to another region',
  details: { amount: '940.00', orders: [{ id: 'O-1', product: 'ECS', billingMode: 'monthly', purchasedAt: '2026-05-04T02:00:00Z', paid: '1000.00' }] },
};
const history = [{ seq: 7, at: '2026-05-06T02:00:00Z', actor: 'agent1', action: 'refund.submitted', changes: {} }];

let calls: ReturnType<typeof fakeApi>;
beforeEach(async () => {
  calls = fakeApi({
    'approvals.list': ok(items),
    'policy.current': ok({ currency: 'CNY' }),
    'cases.get': (input) => ({ ok: true, value: { case: { ...refundCase, id: (input as { id: string }).id }, history } }),
    'keyEvents.reject': ok({}),
    'approvals.approve': ok({}),
  });
  await i18n.changeLanguage('en');
});
afterEach(cleanup);

const row = (id: string) => document.querySelector(`tr[data-item-id="${id}"]`) as HTMLElement;
const pane = () => screen.getByTestId('review-pane');
const paneButton = (name: string) => [...pane().querySelectorAll('button')].find((b) => b.textContent === name)!;

it('opens the first item, and shows who decides an item that is not the reader’s to decide', async () => {
  render(<ApprovalsPanel />);
  await screen.findByText('C-000001');
  expect(row('C-000009').textContent).toContain('SLA breached');
  // The first item (the breached escalation) is open: it is handled in its work order.
  expect(pane().textContent).toContain('Handle in the work order');
  fireEvent.click(row('C-000002'));
  expect(pane().textContent).toContain('another supervisor decides');
  expect(paneButton('Approve')).toBeUndefined();
});

it('opens the selected case beside approve / reject and approves through the registry', async () => {
  render(<ApprovalsPanel />);
  fireEvent.click(await screen.findByText('C-000001'));
  expect(pane().getAttribute('data-item-id')).toBe('C-000001');
  await screen.findByText('customer moved to another region');
  expect(pane().querySelector('tr[data-order-id="O-1"]')).toBeTruthy();
  expect(pane().querySelector('[data-action="refund.submitted"]')?.textContent).toContain('agent1');
  await act(async () => fireEvent.click(paneButton('Approve')));
  expect(calls.find((c) => c.name === 'approvals.approve')?.input).toEqual({ id: 'C-000001' });
  expect(await screen.findByText('Receipt (PDF)')).toBeTruthy();
});

it('asks for a reason before rejecting, then sends it', async () => {
  render(<ApprovalsPanel />);
  await screen.findByText('KE-00001');
  fireEvent.click(row('KE-00001'));
  fireEvent.click(paneButton('Reject'));
  await act(async () => fireEvent.click(paneButton('Reject')));
  expect(pane().textContent).toContain('Give a reason');
  expect(calls.some((c) => c.name === 'keyEvents.reject')).toBe(false);
  fireEvent.change(pane().querySelector('input[name=reason]')!, { target: { value: 'not a launch' } });
  await act(async () => fireEvent.click(paneButton('Reject')));
  expect(calls.find((c) => c.name === 'keyEvents.reject')?.input).toEqual({ id: 'KE-00001', reason: 'not a launch' });
});
