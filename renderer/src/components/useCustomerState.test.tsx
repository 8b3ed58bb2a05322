// The one mechanism every case form uses so its state belongs to its customer.
import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, expect, it } from 'vitest';
import { useCustomerState } from './useCustomerState.js';

afterEach(cleanup);

const form = (account: string | undefined) => useCustomerState(account, () => ({ confirmed: false, notes: '' }));

it('keeps what was typed for a customer, and starts afresh for the next one', () => {
  const { result, rerender } = renderHook(({ account }) => form(account), { initialProps: { account: 'acme-01' as string | undefined } });
  act(() => result.current[1]({ confirmed: true, notes: 'told to migrate' }));
  rerender({ account: 'acme-01' });
  expect(result.current[0]).toEqual({ confirmed: true, notes: 'told to migrate' });
  rerender({ account: 'beta-02' });
  expect(result.current[0]).toEqual({ confirmed: false, notes: '' });
});

it('what was typed (or prefilled) before any customer stays with the first one picked', () => {
  const { result, rerender } = renderHook(({ account }) => form(account), { initialProps: { account: undefined as string | undefined } });
  act(() => result.current[1]({ confirmed: false, notes: 'from call C-000001' }));
  rerender({ account: 'acme-01' });
  expect(result.current[0].notes).toBe('from call C-000001');
  rerender({ account: 'beta-02' });
  expect(result.current[0].notes).toBe('');
});

it('clearing the customer keeps the form until another customer is picked', () => {
  const { result, rerender } = renderHook(({ account }) => form(account), { initialProps: { account: 'acme-01' as string | undefined } });
  act(() => result.current[1]({ confirmed: true, notes: 'x' }));
  rerender({ account: undefined });
  expect(result.current[0].confirmed).toBe(true);
  rerender({ account: 'acme-01' });
  expect(result.current[0].confirmed).toBe(true);
  rerender({ account: undefined });
  rerender({ account: 'beta-02' });
  expect(result.current[0].confirmed).toBe(false);
});
