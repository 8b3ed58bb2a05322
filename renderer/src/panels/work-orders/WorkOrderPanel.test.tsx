// Component test: the work-order form checks what it can itself, shows the desk's errors by
// field, and shows the live quality score the desk computed.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import type { DeskApi } from '../../../../shared/contract/index.js';
import { i18n } from '../../i18n/index.js';
import { useNavigation } from '../../state/navigation.js';
import { WorkOrderPanel } from './WorkOrderPanel.js';

const calls: { name: string; input: unknown }[] = [];
let replies: Record<string, Awaited<ReturnType<DeskApi['call']>>>;

beforeEach(async () => {
  calls.length = 0;
  replies = {
    'workOrders.quality': { ok: true, value: { score: 35, missing: ['summary: start time', 'business impact'], policyVersion: '2026.1', rules: [] } },
    'customers.lookup': {
      ok: true,
      value: [{ customer: { id: 'acme-01', name: 'Acme', vip: false, region: 'cn', contacts: [], createdAt: '' }, matchedOn: 'account', contacts: [] }],
    },
  };
  window.api = {
    call: vi.fn(async (name: string, input: unknown) => {
      calls.push({ name, input });
      return replies[name] ?? { ok: false, error: { code: 'internal', message: 'unexpected' } };
    }) as DeskApi['call'],
    on: () => () => {},
  };
  await i18n.changeLanguage('en');
});
afterEach(cleanup);

const wait = (ms: number) => act(() => new Promise((done) => setTimeout(done, ms)));

it('refuses to save without customer, summary, severity and impact, naming each field, without calling create', async () => {
  render(<WorkOrderPanel />);
  await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Open work order' })));
  expect(screen.getByText('look up the customer first')).toBeTruthy();
  expect(screen.getByText('choose SEV-1, SEV-2 or SEV-3')).toBeTruthy();
  expect(screen.getByLabelText('Summary — service, symptom, since when').getAttribute('aria-invalid')).toBe('true');
  expect(screen.getByLabelText(/Business impact/).getAttribute('aria-invalid')).toBe('true');
  expect(calls.filter((c) => c.name === 'workOrders.create')).toEqual([]);
});

it('shows the live quality score and what is missing, in the interface language', async () => {
  render(<WorkOrderPanel />);
  fireEvent.change(screen.getByLabelText('Summary — service, symptom, since when'), { target: { value: 'ECS down' } });
  await wait(400);
  const quality = calls.filter((c) => c.name === 'workOrders.quality').at(-1);
  expect(quality?.input).toMatchObject({ summary: 'ECS down' });
  expect(screen.getByTestId('quality-score').textContent).toBe('35 / 100');
  expect(screen.getByText('summary: when it started')).toBeTruthy();
  await act(() => i18n.changeLanguage('zh-CN'));
  expect(screen.getByText('摘要：开始时间')).toBeTruthy();
});

it('takes a prefill from a logged call and shows the desk’s error next to the field it names', async () => {
  useNavigation.getState().open('work-orders', { fromCase: 'C-000042', customerAccount: 'acme-01', summary: 'ECS unreachable since 14:00', notes: 'from the call' });
  replies['workOrders.create'] = { ok: false, error: { code: 'invalid-input', message: 'at most 2000 characters', field: 'businessImpact' } };
  render(<WorkOrderPanel />);
  await wait(50);
  expect((screen.getByLabelText('Summary — service, symptom, since when') as HTMLInputElement).value).toBe('ECS unreachable since 14:00');
  expect(screen.getByText('From call C-000042')).toBeTruthy();
  // Choose the severity through the hidden native input MUI keeps for the select.
  fireEvent.change(screen.getByTestId('severity'), { target: { value: 'SEV-1' } });
  fireEvent.change(screen.getByLabelText(/Business impact/), { target: { value: 'x'.repeat(10) } });
  await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Open work order' })));
  await wait(10);
  const create = calls.find((c) => c.name === 'workOrders.create');
  expect(create?.input).toMatchObject({ customerAccount: 'acme-01', severity: 'SEV-1', fromCase: 'C-000042', notes: 'from the call' });
  expect(screen.getByText('at most 2000 characters')).toBeTruthy();
  expect((screen.getByLabelText(/Business impact/) as HTMLInputElement).value).toBe('x'.repeat(10)); // kept
});

it('refuses a file over 10 MB before sending anything', async () => {
  render(<WorkOrderPanel />);
  const big = new File(['x'], 'huge.log');
  Object.defineProperty(big, 'size', { value: 10 * 1024 * 1024 + 1 });
  fireEvent.change(screen.getByTestId('attachments'), { target: { files: [big] } });
  await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Open work order' })));
  expect(screen.getByText('huge.log is larger than 10 MB')).toBeTruthy();
  expect(calls.filter((c) => c.name === 'workOrders.create')).toEqual([]);
});
