import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { workspaceDesk } from '../workspace/test-fixtures.js';

let t: Awaited<ReturnType<typeof workspaceDesk>>;
beforeEach(async () => {
  t = await workspaceDesk();
});
afterEach(() => t.close());

const request = {
  customerAccount: 'acme-01',
  accumulatedRecharge: '250.00',
  host: { billingMode: 'monthly' as const, servesWebsite: true, firstFilingWithUs: true, terminatedEarly: false, expiredWithoutRenewal: false },
  filing: { status: 'approved' as const, approvedAt: '2026-05-05T15:00:00+08:00', customerDelayDays: 0 },
};

describe('ICP filing reward', () => {
  it('decides with reasons, amount, credit-due date and validity; submits once per account', async () => {
    const decision = await t.ok(t.agent, 'icpReward.preview', request);
    expect(decision).toMatchObject({ outcome: 'eligible', amount: '100.00', creditDueBy: '2026-05-12', validUntil: '2027-05-12' });
    const record = await t.ok(t.agent, 'icpReward.submit', request);
    expect(record).toMatchObject({ type: 'icp-reward', status: 'submitted', details: { amount: '100.00', creditDueBy: '2026-05-12' } });
    const again = await t.ok(t.agent, 'icpReward.preview', request);
    expect(again.rules.find((r) => r.id === 'I4')).toMatchObject({ result: 'failed' });
    const before = t.snapshot();
    expect(await t.desk.dispatch(t.agent, 'icpReward.submit', request)).toMatchObject({ ok: false, error: { field: 'customerAccount' } });
    expect(t.snapshot()).toBe(before);
  });

  it('refuses an ineligible or invalid request naming the field', async () => {
    const before = t.snapshot();
    expect(await t.desk.dispatch(t.agent, 'icpReward.submit', { ...request, accumulatedRecharge: '200.00' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', field: 'accumulatedRecharge' },
    });
    expect(await t.desk.dispatch(t.agent, 'icpReward.preview', { ...request, filing: { status: 'approved' } })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', field: 'filing.approvedAt' },
    });
    expect(t.snapshot()).toBe(before);
  });
});
