import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { ACME, fakeApi, ok } from '../../components/workspace-test-api.js';
import { i18n } from '../../i18n/index.js';
import { messages } from './messages.js';
import { useNavigation } from '../../state/navigation.js';
import { BillingPanel } from './BillingPanel.js';

let calls: ReturnType<typeof fakeApi>;
beforeEach(async () => {
  calls = fakeApi({ 'customers.get': ok(ACME), 'cases.search': ok({ total: 0, cases: [] }), 'policy.current': ok({ currency: 'CNY' }) });
  await i18n.changeLanguage('en');
});
afterEach(cleanup);

it('refuses a charge that is not exact money next to the field, without asking the desk', async () => {
  useNavigation.getState().open('billing', { customerAccount: 'acme-01' });
  render(<BillingPanel />);
  await screen.findByDisplayValue('Acme Ltd (acme-01)');
  fireEvent.change(screen.getByLabelText('Service'), { target: { value: 'ecs' } });
  fireEvent.change(screen.getByLabelText('Charge asked about'), { target: { value: '12.345' } });
  fireEvent.change(screen.getByLabelText("The customer's question"), { target: { value: 'why?' } });
  await act(async () => fireEvent.keyDown(screen.getByLabelText("The customer's question"), { key: 'Enter', ctrlKey: true }));
  expect(screen.getByLabelText('Charge asked about').getAttribute('aria-invalid')).toBe('true');
  expect(calls.some((c) => c.name === 'billing.open')).toBe(false);
});

it('has every string in English and Simplified Chinese', () => {
  const keys = (o: object, p = ''): string[] => Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' ? keys(v as object, `${p}${k}.`) : [`${p}${k}`]));
  expect(keys(messages.zhCN)).toEqual(keys(messages.en));
});
