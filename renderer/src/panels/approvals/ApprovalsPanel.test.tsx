// Component test: the queue shows each kind with the right decision controls, routes each decision
// to the domain's own call, and a rejection needs a reason before anything is sent.
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

let calls: ReturnType<typeof fakeApi>;
beforeEach(async () => {
  calls = fakeApi({
    'approvals.list': ok(items),
    'policy.current': ok({ currency: 'CNY' }),
    'keyEvents.reject': ok({}),
    'refunds.approve': ok({}),
  });
  await i18n.changeLanguage('en');
});
afterEach(cleanup);

const row = (id: string) => document.querySelector(`tr[data-item-id="${id}"]`) as HTMLElement;

it('shows breached escalations, own items without controls, and approves through the domain call', async () => {
  render(<ApprovalsPanel />);
  await screen.findByText('C-000001');
  expect(row('C-000009').textContent).toContain('SLA breached');
  expect(row('C-000009').textContent).toContain('Handle in the work order');
  expect(row('C-000002').textContent).toContain('another supervisor decides');
  await act(async () => fireEvent.click(row('C-000001').querySelector('button')!));
  expect(calls.find((c) => c.name === 'refunds.approve')?.input).toEqual({ id: 'C-000001' });
  expect(await screen.findByText('Receipt (PDF)')).toBeTruthy();
});

it('asks for a reason before rejecting, then sends it', async () => {
  render(<ApprovalsPanel />);
  await screen.findByText('KE-00001');
  const buttons = () => [...row('KE-00001').querySelectorAll('button')];
  fireEvent.click(buttons().find((b) => b.textContent === 'Reject')!);
  await act(async () => fireEvent.click(buttons().find((b) => b.textContent === 'Reject')!));
  expect(row('KE-00001').textContent).toContain('Give a reason');
  expect(calls.some((c) => c.name === 'keyEvents.reject')).toBe(false);
  fireEvent.change(row('KE-00001').querySelector('input[name=reason]')!, { target: { value: 'not a launch' } });
  await act(async () => fireEvent.click(buttons().find((b) => b.textContent === 'Reject')!));
  expect(calls.find((c) => c.name === 'keyEvents.reject')?.input).toEqual({ id: 'KE-00001', reason: 'not a launch' });
});
