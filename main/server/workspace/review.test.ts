// The review registry through the bridge: the approval queue lists access recoveries, billing
// disputes and ICP rewards beside refunds; approvals.approve / approvals.reject decide each through
// its domain, with four eyes enforced in the main process.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Connection } from '../context.js';
import { workspaceDesk } from './test-fixtures.js';

let t: Awaited<ReturnType<typeof workspaceDesk>>;
beforeEach(async () => {
  t = await workspaceDesk();
});
afterEach(() => t.close());

const icp = (who: Connection) =>
  t.ok(who, 'icpReward.submit', {
    customerAccount: 'acme-01',
    accumulatedRecharge: '250.00',
    host: { billingMode: 'monthly', servesWebsite: true, firstFilingWithUs: true, terminatedEarly: false, expiredWithoutRenewal: false },
    filing: { status: 'approved', approvedAt: '2026-05-05T15:00:00+08:00', customerDelayDays: 0 },
  });

const accessRecovery = async (who: Connection) =>
  t.ok(who, 'accessRecovery.submit', {
    customerAccount: 'acme-01',
    reason: 'admin-left',
    role: 'account administrator',
    previousHolder: 'Alice',
    newHolder: 'Bob',
    documents: [await t.upload(who, 'business-licence.pdf', Buffer.from('%PDF licence'))],
  });

const dispute = async (who: Connection, expectedAmount = '1000', billedAmount = '1200.10') => {
  const c = await t.ok(who, 'billing.open', { customerAccount: 'acme-01', invoicePeriod: '2026-04', items: [{ service: 'ecs', amount: '1200.10' }], question: 'why so much?' });
  return t.ok(who, 'billing.dispute', { id: c.id, expectedAmount, billedAmount, reason: 'reserved instance not applied' });
};

describe('review registry', () => {
  it('the queue lists ICP rewards, access recoveries and billing disputes with what is at stake', async () => {
    const reward = await icp(t.agent);
    const recovery = await accessRecovery(t.agent);
    const billing = await dispute(t.agent);
    const items = await t.ok(t.supervisor, 'approvals.list', {});
    expect(items.map((i) => [i.kind, i.id, i.canDecide])).toEqual([
      ['icp-reward', reward.id, true],
      ['access-recovery', recovery.id, true],
      ['billing', billing.id, true],
    ]);
    // Policy section 7: a common user (not VIP) with 250.00 recharged (> 200, I3) gets 100.00.
    expect(items[0]).toMatchObject({ amount: '100.00', submittedBy: 'agent1' });
    expect(items[1]!.amount).toBeUndefined();
    // The dispute: billed 1200.10 − expected 1000.00 = 200.10 at stake.
    expect(items[2]).toMatchObject({ amount: '200.10', customerName: 'Acme Ltd' });
  });

  it('approves each through its domain: the ICP reward is credited, the role changes, the bill is corrected', async () => {
    const reward = await icp(t.agent);
    const recovery = await accessRecovery(t.agent);
    const billing = await dispute(t.agent);

    const credited = await t.ok(t.supervisor, 'approvals.approve', { id: reward.id });
    expect(credited).toMatchObject({ type: 'icp-reward', status: 'credited', details: { review: { by: 'sup1', outcome: 'approved' } } });
    const credit = t.desk.services.store.all('credits').find((c) => c.caseId === reward.id);
    expect(credit).toMatchObject({ kind: 'icp-reward', amount: '100.00', customerAccount: 'acme-01', approvedBy: 'sup1' });
    // I4: the account has had its reward now, so the preview no longer says eligible.
    const preview = await t.ok(t.agent, 'icpReward.preview', {
      customerAccount: 'acme-01',
      accumulatedRecharge: '250.00',
      host: { billingMode: 'monthly', servesWebsite: true, firstFilingWithUs: true, terminatedEarly: false, expiredWithoutRenewal: false },
      filing: { status: 'approved', approvedAt: '2026-05-05T15:00:00+08:00', customerDelayDays: 0 },
    });
    expect(preview.outcome).toBe('ineligible');
    expect(preview.rules.find((r) => r.id === 'I4')?.result).toBe('failed');

    expect(await t.ok(t.supervisor, 'approvals.approve', { id: recovery.id })).toMatchObject({ status: 'approved', details: { roleChange: { from: 'Alice', to: 'Bob' } } });
    // Corrected to the 1000.00 the customer expected: 1200.10 − 1000.00 = 200.10 credited.
    expect(await t.ok(t.supervisor, 'approvals.approve', { id: billing.id })).toMatchObject({
      status: 'dispute-corrected',
      details: { dispute: { outcome: 'corrected', correctedAmount: '1000.00', credit: '200.10', resolvedBy: 'sup1' } },
    });
    expect(await t.ok(t.supervisor, 'approvals.list', {})).toEqual([]);
  });

  it('rejects each with the reason, and a refund too', async () => {
    t.addOrders({ id: 'O-1', customerAccount: 'acme-01', product: 'ECS', billingMode: 'monthly', purchasedAt: '2026-05-04T02:00:00.000Z', paid: '1000.00' });
    const refund = await t.ok(t.agent, 'refunds.submit', { customerAccount: 'acme-01', orderIds: ['O-1'], dataMigrationConfirmed: true });
    const reward = await icp(t.agent);
    const recovery = await accessRecovery(t.agent);
    const billing = await dispute(t.agent);
    const reason = 'documents do not match the account';
    expect(await t.ok(t.supervisor, 'approvals.reject', { id: refund.id, reason })).toMatchObject({ status: 'rejected', details: { review: { reason } } });
    expect(await t.ok(t.supervisor, 'approvals.reject', { id: reward.id, reason })).toMatchObject({ status: 'rejected', details: { review: { reason } } });
    expect(await t.ok(t.supervisor, 'approvals.reject', { id: recovery.id, reason })).toMatchObject({ status: 'rejected', details: { review: { reason } } });
    expect(await t.ok(t.supervisor, 'approvals.reject', { id: billing.id, reason })).toMatchObject({ status: 'dispute-rejected', details: { dispute: { note: reason } } });
    expect(t.desk.services.store.all('credits')).toEqual([]);
    expect(t.desk.services.store.events().at(-1)).toMatchObject({ actor: 'sup1', action: 'billing.dispute-rejected', reason });
    expect(await t.ok(t.supervisor, 'approvals.list', {})).toEqual([]);
  });

  it('four eyes: nobody decides what they submitted or disputed; agents may not decide; nothing changes', async () => {
    const reward = await icp(t.supervisor);
    const recovery = await accessRecovery(t.supervisor);
    const billing = await dispute(t.supervisor);
    const items = await t.ok(t.supervisor, 'approvals.list', {});
    expect(items.map((i) => i.canDecide)).toEqual([false, false, false]);
    expect((await t.ok(t.supervisor2, 'approvals.list', {})).map((i) => i.canDecide)).toEqual([true, true, true]);
    const before = t.snapshot();
    for (const { id } of [reward, recovery, billing]) {
      expect(await t.desk.dispatch(t.supervisor, 'approvals.approve', { id })).toMatchObject({ ok: false, error: { code: 'forbidden', field: 'id' } });
      expect(await t.desk.dispatch(t.supervisor, 'approvals.reject', { id, reason: 'mine' })).toMatchObject({ ok: false, error: { code: 'forbidden', field: 'id' } });
      expect(await t.desk.dispatch(t.agent, 'approvals.approve', { id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(t.snapshot()).toBe(before);
    // A dispute raised by another agent on the case is not theirs to decide either.
    const raisedByOther = await t.ok(t.agent, 'billing.open', { customerAccount: 'acme-01', invoicePeriod: '2026-03', items: [{ service: 'cdn', amount: '5.00' }], question: 'q' });
    await t.ok(t.supervisor2, 'billing.dispute', { id: raisedByOther.id, expectedAmount: '4', billedAmount: '5', reason: 'double charge' });
    expect((await t.ok(t.supervisor2, 'approvals.list', {})).find((i) => i.id === raisedByOther.id)?.canDecide).toBe(false);
    expect(await t.desk.dispatch(t.supervisor2, 'approvals.approve', { id: raisedByOther.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('refuses a case that is not reviewed, an unknown id, a decided one, and a rejection without a reason', async () => {
    const call = await t.ok(t.agent, 'calls.log', { customerAccount: 'acme-01', channel: 'hotline', category: 'console', summary: 'asked about the console' });
    expect(await t.desk.dispatch(t.supervisor, 'approvals.approve', { id: call.id })).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'id' } });
    expect(await t.desk.dispatch(t.supervisor, 'approvals.approve', { id: 'C-999999' })).toMatchObject({ ok: false, error: { code: 'not-found', field: 'id' } });
    const reward = await icp(t.agent);
    expect(await t.desk.dispatch(t.supervisor, 'approvals.reject', { id: reward.id, reason: '' })).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'reason' } });
    await t.ok(t.supervisor, 'approvals.approve', { id: reward.id });
    expect(await t.desk.dispatch(t.supervisor2, 'approvals.approve', { id: reward.id })).toMatchObject({ ok: false, error: { code: 'conflict', field: 'id' } });
  });
});
