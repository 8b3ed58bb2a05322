// Component test: the set-up form checks what it can itself and shows the desk's errors by field.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import type { DeskApi } from '../../../shared/contract/index.js';
import { i18n } from '../i18n/index.js';
import { SetupScreen } from './SetupScreen.js';

const calls: { name: string; input: unknown }[] = [];
let reply: Awaited<ReturnType<DeskApi['call']>>;

beforeEach(async () => {
  calls.length = 0;
  window.api = {
    call: vi.fn(async (name: string, input: unknown) => {
      calls.push({ name, input });
      return reply;
    }) as DeskApi['call'],
    on: () => () => {},
  };
  await i18n.changeLanguage('en');
});
afterEach(cleanup);

function fill(label: string, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

it('refuses two different passwords without calling the desk, next to the repeat field', async () => {
  render(<SetupScreen />);
  fill('Username', 'mgr');
  fill('Full name', 'Manager');
  fill('Password', 'one long password');
  fill('Repeat the password', 'another password');
  await act(async () => fireEvent.click(screen.getByRole('button', { name: /create manager/i })));
  expect(screen.getByText('the two passwords differ')).toBeTruthy();
  expect(screen.getByLabelText('Repeat the password').getAttribute('aria-invalid')).toBe('true');
  expect(calls).toEqual([]);
});

it('shows the desk’s error next to the field it names and keeps what was typed', async () => {
  reply = { ok: false, error: { code: 'invalid-input', message: 'use 2–32 lower-case letters', field: 'username' } };
  render(<SetupScreen />);
  fill('Username', 'Bad Name!');
  fill('Full name', 'Manager');
  fill('Password', 'one long password');
  fill('Repeat the password', 'one long password');
  await act(async () => fireEvent.click(screen.getByRole('button', { name: /create manager/i })));
  expect(calls.map((c) => c.name)).toEqual(['setup.createManager']);
  expect(screen.getByText('use 2–32 lower-case letters')).toBeTruthy();
  expect(screen.getByLabelText('Username').getAttribute('aria-invalid')).toBe('true');
  expect((screen.getByLabelText('Username') as HTMLInputElement).value).toBe('Bad Name!');
});
