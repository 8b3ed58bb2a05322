import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { PhoneCall } from '../../../../shared/contract/channels.js';
import { i18n } from '../../i18n/index.js';
import { usePhone } from '../../state/phone.js';
import { IncomingCall } from './IncomingCall.js';

const ringing = (over: Partial<PhoneCall>): PhoneCall => ({ id: 'P-1', callId: 'c-1', from: '+8613900000007', to: '4000955988', direction: 'in', state: 'ringing', agents: [], caller: null, startedAt: '2026-12-02T01:00:00Z', ...over });
const STAR = { id: 'vip-07', name: '星辰电商', vip: true, region: 'cn-hangzhou', contacts: [{ name: '王经理', phone: '+8613900000007' }], createdAt: '2026-01-01T00:00:00Z' };

beforeEach(async () => {
  // The desk has not answered the caller card yet (a busy desk, a slow disk): the call alone is on screen.
  window.api = { call: () => new Promise(() => {}), on: () => () => {} } as unknown as typeof window.api;
  await i18n.changeLanguage('zh-CN');
});
afterEach(() => {
  cleanup();
  usePhone.setState({ ringing: null });
});

it('shows who is calling at the first ring, before the desk has read their cases', () => {
  usePhone.setState({ ringing: ringing({ caller: { customer: STAR, matchedOn: 'phone', contacts: ['王经理'] } }) });
  render(<IncomingCall />);
  expect(screen.getByText('星辰电商')).toBeTruthy();
  expect(screen.getByTestId('caller-vip')).toBeTruthy();
  expect(screen.getByText('联系人：王经理')).toBeTruthy();
  expect(screen.queryByTestId('caller-key-events')).toBeNull();
});

it('says so when no customer has the number', () => {
  usePhone.setState({ ringing: ringing({ from: '+8613700000000' }) });
  render(<IncomingCall />);
  expect(screen.getByText('没有客户使用此号码')).toBeTruthy();
  expect(screen.getByText('来电号码 +8613700000000')).toBeTruthy();
});
