// Component test: the claim form validates with the contract's own schemas before asking the
// desk, shows each problem next to its field, and shows the engine's decision rule by rule.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { ACME, fakeApi, ok } from '../../components/workspace-test-api.js';
import { i18n } from '../../i18n/index.js';
import { useNavigation } from '../../state/navigation.js';
import { useSession } from '../../state/session.js';
import { CompensationPanel } from './CompensationPanel.js';
import { toDeskInstant } from '../../components/desk-time.js';

const decision = {
  kind: 'compensation',
  outcome: 'eligible',
  amount: '25.00',
  policyVersion: '2026.1',
  faultMinutes: 30,
  claimDeadline: '2026-05-12',
  notes: [],
  rules: [
    { id: 'C4', subject: 'f-1', result: 'passed', reason: 'cause platform (platform fault) is compensable' },
    { id: 'C4', subject: 'f-2', result: 'failed', reason: 'cause carrier (carrier packet loss or delay) is excluded from compensation' },
  ],
};

let calls: ReturnType<typeof fakeApi>;
beforeEach(async () => {
  calls = fakeApi({ 'customers.get': ok(ACME), 'policy.current': ok({ currency: 'CNY' }), 'cases.search': ok({ total: 0, cases: [] }), 'compensation.preview': ok(decision) });
  await i18n.changeLanguage('en');
  useSession.setState({ settings: { language: 'en', timeZone: 'Asia/Shanghai' } as never });
  useNavigation.getState().open('compensation', { customerAccount: 'acme-01', fromCase: 'C-000001' });
});
afterEach(cleanup);

const change = (label: string, value: string, index = 0) => fireEvent.change(screen.getAllByLabelText(label)[index]!, { target: { value } });

it('names a bad daily fee next to its field without asking the desk', async () => {
  render(<CompensationPanel />);
  await screen.findByDisplayValue('Acme Ltd (acme-01)');
  change('Daily fee of the failed service', '12.345');
  change('Fault start', '2026-05-01T10:00');
  change('Rectified at', '2026-05-01T10:30');
  expect(await screen.findByText(/at most 2 decimals/)).toBeTruthy();
  expect(screen.getByLabelText('Daily fee of the failed service').getAttribute('aria-invalid')).toBe('true');
  expect(calls.filter((c) => c.name === 'compensation.preview')).toEqual([]);
});

it('refuses a rectification time before the start, next to that field', async () => {
  render(<CompensationPanel />);
  await screen.findByDisplayValue('Acme Ltd (acme-01)');
  change('Daily fee of the failed service', '12.00');
  change('Fault start', '2026-05-01T10:00');
  change('Rectified at', '2026-05-01T09:00');
  expect(await screen.findByText('rectification time (end) must not be before the fault start')).toBeTruthy();
  expect(screen.getByLabelText('Rectified at').getAttribute('aria-invalid')).toBe('true');
  expect(calls.filter((c) => c.name === 'compensation.preview')).toEqual([]);
});

it('shows the engine’s decision with the excluded occurrence and enables submit', async () => {
  render(<CompensationPanel />);
  await screen.findByDisplayValue('Acme Ltd (acme-01)');
  change('Daily fee of the failed service', '12.00');
  change('Fault start', '2026-05-01T10:00');
  change('Rectified at', '2026-05-01T10:30');
  expect(await screen.findByText(/is excluded from compensation/)).toBeTruthy();
  expect(screen.getByTestId('amount').textContent).toContain('25.00');
  expect(screen.getByTestId('deadline').textContent).toContain('2026-05-12');
  const preview = calls.find((c) => c.name === 'compensation.preview')!.input as { dailyFee: string; occurrences: { start: string }[] };
  expect(preview.dailyFee).toBe('12.00');
  expect(preview.occurrences[0]!.start).toBe('2026-05-01T10:00:00+08:00');
  await act(async () => fireEvent.keyDown(screen.getByLabelText('Daily fee of the failed service'), { key: 'Enter', ctrlKey: true }));
  expect(calls.some((c) => c.name === 'compensation.submit')).toBe(true);
});

const previewStarts = () =>
  (calls.filter((c) => c.name === 'compensation.preview').at(-1)!.input as { occurrences: { start: string; end: string }[] }).occurrences[0]!;

it.each([
  ['Asia/Shanghai', 'UTC+08:00', '2026-05-01T10:00:00+08:00', '2026-05-01T10:30:00+08:00'],
  ['America/New_York', 'UTC-0', '2026-05-01T10:00:00-04:00', '2026-05-01T10:30:00-04:00'],
] as const)('reads typed fault times in the desk time zone %s and says so', async (timeZone, shown, start, end) => {
  useSession.setState({ settings: { language: 'en', timeZone } as never });
  render(<CompensationPanel />);
  await screen.findByDisplayValue('Acme Ltd (acme-01)');
  expect(screen.getByTestId('time-zone').textContent).toContain(timeZone);
  expect(screen.getByTestId('time-zone').textContent).toContain(shown);
  change('Daily fee of the failed service', '12.00');
  change('Fault start', '2026-05-01T10:00');
  change('Rectified at', '2026-05-01T10:30');
  await screen.findByText(/is excluded from compensation/);
  expect(previewStarts()).toMatchObject({ start, end });
  expect(Date.parse(previewStarts().start)).toBe(Date.parse(timeZone === 'Asia/Shanghai' ? '2026-05-01T02:00:00Z' : '2026-05-01T14:00:00Z'));
});

it('converts wall-clock time in a zone to an instant with that zone’s offset, across daylight saving', () => {
  expect(toDeskInstant('2026-01-15T09:00', 'Asia/Shanghai')).toBe('2026-01-15T09:00:00+08:00');
  expect(toDeskInstant('2026-01-15T09:00', 'America/New_York')).toBe('2026-01-15T09:00:00-05:00');
  expect(toDeskInstant('2026-07-15T09:00', 'America/New_York')).toBe('2026-07-15T09:00:00-04:00');
  expect(toDeskInstant('2026-07-15T09:00', 'UTC')).toBe('2026-07-15T09:00:00+00:00');
  expect(toDeskInstant('2026-03-08T02:30', 'America/New_York')).toBe('2026-03-08T03:30:00-04:00'); // skipped hour
  expect(toDeskInstant('', 'Asia/Shanghai')).toBe('');
  expect(toDeskInstant('2026-13-45', 'Asia/Shanghai')).toBe('2026-13-45');
});
