import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { ACME, fakeApi, ok } from '../../components/workspace-test-api.js';
import { i18n } from '../../i18n/index.js';
import { useNavigation } from '../../state/navigation.js';
import { ComplaintsPanel } from './ComplaintsPanel.js';

let calls: ReturnType<typeof fakeApi>;
beforeEach(async () => {
  calls = fakeApi({ 'customers.get': ok(ACME), 'cases.search': ok({ total: 0, cases: [] }) });
  await i18n.changeLanguage('en');
});
afterEach(cleanup);

it('refuses a complaint without a summary next to the field, without asking the desk', async () => {
  useNavigation.getState().open('complaints', { customerAccount: 'acme-01' });
  render(<ComplaintsPanel />);
  await screen.findByDisplayValue('Acme Ltd (acme-01)');
  await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Open complaint' })));
  expect(screen.getByText('required')).toBeTruthy();
  expect(screen.getByLabelText('Summary').getAttribute('aria-invalid')).toBe('true');
  expect(calls.some((c) => c.name === 'complaints.open')).toBe(false);
});

it('asks for the customer first', async () => {
  render(<ComplaintsPanel />);
  fireEvent.change(screen.getByLabelText('Summary'), { target: { value: 'Slow' } });
  await act(async () => fireEvent.keyDown(screen.getByLabelText('Summary'), { key: 'Enter', ctrlKey: true }));
  expect(screen.getByText('look up the customer first')).toBeTruthy();
});
