import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { ACME, fakeApi, ok } from '../../components/workspace-test-api.js';
import { i18n } from '../../i18n/index.js';
import { useNavigation } from '../../state/navigation.js';
import { AccessRecoveryPanel } from './AccessRecoveryPanel.js';
import { messages } from './messages.js';

let calls: ReturnType<typeof fakeApi>;
beforeEach(async () => {
  calls = fakeApi({ 'customers.get': ok({ ...ACME, contacts: [{ name: 'Li Lei', phone: '+8613812345678' }] }), 'cases.search': ok({ total: 0, cases: [] }) });
  await i18n.changeLanguage('en');
});
afterEach(cleanup);

it('asks for the verification documents before asking the desk, and shows the registered contacts', async () => {
  useNavigation.getState().open('access-recovery', { customerAccount: 'acme-01' });
  render(<AccessRecoveryPanel />);
  await screen.findByDisplayValue('Acme Ltd (acme-01)');
  expect(screen.getByDisplayValue('+8613812345678')).toBeTruthy();
  fireEvent.change(screen.getByLabelText('Role to restore'), { target: { value: 'account admin' } });
  fireEvent.change(screen.getByLabelText('Held before by'), { target: { value: 'Li Lei' } });
  fireEvent.change(screen.getByLabelText('Should now be held by'), { target: { value: 'Han Meimei' } });
  await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Submit for approval' })));
  expect(screen.getByText('attach the company verification documents')).toBeTruthy();
  expect(calls.some((c) => c.name === 'accessRecovery.submit')).toBe(false);
});

it('has every string in English and Simplified Chinese', () => {
  const keys = (o: object, p = ''): string[] => Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' ? keys(v as object, `${p}${k}.`) : [`${p}${k}`]));
  expect(keys(messages.zhCN)).toEqual(keys(messages.en));
});
