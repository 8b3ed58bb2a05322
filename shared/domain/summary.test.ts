// A generated summary's parts are read from the case's type and details; a case whose summary is
// someone's own words (or a seeded one, without such details) has none.
import { expect, it } from 'vitest';
import { summaryParts } from './summary.js';

it('reads each generated kind from its details', () => {
  expect(summaryParts({ type: 'refund', details: { orderIds: ['O-1', 'O-2'], amount: '1234.50' } })).toEqual({ kind: 'refund', amount: '1234.50', orders: ['O-1', 'O-2'] });
  expect(summaryParts({ type: 'refund', details: { orderIds: ['O-1'], amount: '0.00', failedRules: ['R2', 'R6'] } })).toEqual({ kind: 'refund-rejected', orders: ['O-1'], rules: ['R2', 'R6'] });
  expect(summaryParts({ type: 'compensation', details: { amount: '75.00', faultMinutes: 90, claim: { occurrences: [{ id: 'f-1' }] } } })).toEqual({ kind: 'compensation', amount: '75.00', occurrences: 1, minutes: 90 });
  expect(summaryParts({ type: 'icp-reward', details: { amount: '100.00', creditDueBy: '2026-12-08' } })).toEqual({ kind: 'icp-reward', amount: '100.00', creditDueBy: '2026-12-08' });
  expect(summaryParts({ type: 'billing', details: { invoicePeriod: '2026-10', items: [{ service: '云服务器', amount: '88.00' }], total: '88.00' } })).toEqual({ kind: 'billing', period: '2026-10', services: ['云服务器'], total: '88.00' });
  expect(summaryParts({ type: 'access-recovery', details: { role: '主账号管理员', previousHolder: '李娜', newHolder: '王强' } })).toEqual({ kind: 'access-recovery', role: '主账号管理员', from: '李娜', to: '王强' });
});

it('has none for seeded cases and for summaries people write', () => {
  // Seeded refunds and compensation carry an amount only, not the orders or the claim.
  expect(summaryParts({ type: 'refund', details: { amount: '10.00', service: 'ECS' } })).toBeUndefined();
  expect(summaryParts({ type: 'compensation', details: { amount: '10.00', faultMinutes: 30 } })).toBeUndefined();
  expect(summaryParts({ type: 'work-order', details: {} })).toBeUndefined();
  expect(summaryParts({ type: 'complaint' })).toBeUndefined();
});
