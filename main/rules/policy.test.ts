import { expect, it } from 'vitest';
import type { Policy } from '../../shared/rules/policy.js';
import { decideCompensation } from './compensation.js';
import { DEFAULT_POLICY, policyInForce } from './policy.js';

const v2: Policy = {
  ...DEFAULT_POLICY,
  id: '2026.2',
  effectiveFrom: '2026-07-01T00:00:00+08:00',
  compensation: { ...DEFAULT_POLICY.compensation, multipliers: { ...DEFAULT_POLICY.compensation.multipliers, 'service-unavailable': '50' } },
};

it('ships version 2026.1 effective 1 January 2026 in Shanghai', () => {
  expect(DEFAULT_POLICY.id).toBe('2026.1');
  expect(Date.parse(DEFAULT_POLICY.effectiveFrom)).toBe(Date.parse('2025-12-31T16:00:00Z'));
});

it('picks the version in force at an instant', () => {
  const versions = [v2, DEFAULT_POLICY];
  expect(policyInForce(versions, '2026-06-30T15:59:59Z')?.id).toBe('2026.1');
  expect(policyInForce(versions, '2026-06-30T16:00:00Z')?.id).toBe('2026.2');
  expect(policyInForce(versions, '2025-12-31T15:59:59Z')).toBeUndefined();
});

it('decides with the version in force at `now` and records it; an earlier decision keeps its version', () => {
  const claim = {
    account: 'acme-01',
    dailyFee: '12.00',
    occurrences: [{ id: 'f-1', start: '2026-07-01T10:00:00+08:00', end: '2026-07-01T10:30:00+08:00', scenario: 'service-unavailable' as const, cause: 'platform' as const }],
    claimedAt: '2026-07-02T10:00:00+08:00',
  };
  const before = decideCompensation({ ...claim, now: '2026-06-30T12:00:00+08:00' }, { policies: [DEFAULT_POLICY, v2] });
  const after = decideCompensation({ ...claim, now: '2026-07-02T12:00:00+08:00' }, { policies: [DEFAULT_POLICY, v2] });
  expect(before).toMatchObject({ policyVersion: '2026.1', amount: '25.00' });
  expect(after).toMatchObject({ policyVersion: '2026.2', amount: '12.50' });
});
