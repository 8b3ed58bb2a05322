// Refunds through the bridge, on a real store: live decision, submit, four-eyes review, R3 counting.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { order, workspaceDesk } from '../workspace/test-fixtures.js';

let t: Awaited<ReturnType<typeof workspaceDesk>>;
beforeEach(async () => {
  t = await workspaceDesk();
  t.addOrders(
    order('O-1', { reward: { granted: '100.00', spent: '60.00' } }),
    order('O-2', { billingMode: 'on-demand', paid: '50.00' }),
    order('O-3', { purchasedAt: '2026-04-20T02:00:00.000Z' }),
    ...['O-4', 'O-5', 'O-6', 'O-7'].map((id) => order(id, { paid: '10.00' })),
  );
});
afterEach(() => t.close());

const submit = (orderIds: string[], who = t.agent) =>
  t.desk.dispatch(who, 'refunds.submit', { customerAccount: 'acme-01', orderIds, dataMigrationConfirmed: true });

describe('refunds', () => {
  it('lists the customer’s orders, newest first', async () => {
    const orders = await t.ok(t.agent, 'orders.forCustomer', { customerAccount: 'acme-01' });
    expect(orders.map((o) => o.id)).toContain('O-1');
    expect(orders.at(-1)!.id).toBe('O-3');
  });

  it('previews an eligible refund with the reward deduction and submits it with its decision', async () => {
    const preview = await t.ok(t.agent, 'refunds.preview', { customerAccount: 'acme-01', orderIds: ['O-1'], dataMigrationConfirmed: true });
    expect(preview).toMatchObject({ outcome: 'eligible', amount: '940.00', rewardDeducted: '60.00', rewardCancelled: '40.00', policyVersion: '2026.1' });
    const record = await t.ok(t.agent, 'refunds.submit', { customerAccount: 'acme-01', orderIds: ['O-1'], dataMigrationConfirmed: true });
    expect(record).toMatchObject({ type: 'refund', status: 'submitted', agent: 'agent1' });
    expect(record.details).toMatchObject({ amount: '940.00', policyVersion: '2026.1', orderIds: ['O-1'] });
    expect(record.details.decision!.rules.map((r) => r.id)).toEqual(['R1', 'R2', 'R3', 'R4', 'R5', 'R6']);
  });

  it('records an ineligible request as rejected by the rules with its failed rules; it cannot be approved', async () => {
    const preview = await t.ok(t.agent, 'refunds.preview', { customerAccount: 'acme-01', orderIds: ['O-2', 'O-3'], dataMigrationConfirmed: true });
    expect(preview.outcome).toBe('ineligible');
    expect(preview.rules.find((r) => r.id === 'R1' && r.subject === 'O-2')!.result).toBe('failed');
    // O-3 bought 2026-04-20T02:00Z, asked 2026-05-06T02:00Z: 16 days = 384 h > 120 h, R2 fails.
    expect(preview.rules.find((r) => r.id === 'R2' && r.subject === 'O-3')!.result).toBe('failed');
    const record = await t.ok(t.agent, 'refunds.submit', { customerAccount: 'acme-01', orderIds: ['O-2', 'O-3'], dataMigrationConfirmed: true });
    // O-2 on-demand fails R1; O-3 fails R2 (above): nothing refunded, both rules named.
    expect(record).toMatchObject({ type: 'refund', status: 'rejected-by-rules', details: { amount: '0.00', failedRules: ['R1', 'R2'], orderIds: ['O-2', 'O-3'] } });
    expect(record.details.decision!.outcome).toBe('ineligible');
    // Without the R6 confirmation it is recorded too, R6 named.
    const unconfirmed = await t.ok(t.agent, 'refunds.submit', { customerAccount: 'acme-01', orderIds: ['O-1'] });
    expect(unconfirmed).toMatchObject({ status: 'rejected-by-rules', details: { failedRules: ['R6'], dataMigrationConfirmed: false } });
    // A request with no order fails R4 and is recorded as well.
    const empty = await t.ok(t.agent, 'refunds.submit', { customerAccount: 'acme-01', orderIds: [] });
    expect(empty.details.failedRules).toEqual(['R4', 'R6']);

    const history = await t.ok(t.agent, 'cases.get', { id: record.id });
    expect(history.history.map((h) => h.action)).toEqual(['refund.rejected-by-rules']);
    const page = await t.ok(t.agent, 'cases.search', { type: ['refund'], customerAccount: 'acme-01' });
    expect(page.cases.map((c) => c.id)).toEqual(expect.arrayContaining([record.id, unconfirmed.id, empty.id]));

    const before = t.snapshot();
    expect(await t.desk.dispatch(t.supervisor, 'refunds.approve', { id: record.id })).toMatchObject({ ok: false, error: { code: 'conflict', field: 'id' } });
    expect(await t.desk.dispatch(t.supervisor, 'refunds.reject', { id: record.id, reason: 'again' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(t.snapshot()).toBe(before);
    // Its orders are not held: O-1, recorded unconfirmed above, is refundable once confirmed.
    expect(await t.ok(t.agent, 'refunds.submit', { customerAccount: 'acme-01', orderIds: ['O-1'], dataMigrationConfirmed: true })).toMatchObject({ status: 'submitted' });
  });

  it('rejects bad input with a typed error naming the field and changes nothing', async () => {
    const before = t.snapshot();
    expect(await t.desk.dispatch(t.agent, 'refunds.submit', { customerAccount: 'acme-01', orderIds: ['O-1', 'O-1'], dataMigrationConfirmed: true })).toMatchObject({
      ok: false,
      error: { field: 'orderIds' },
    });
    expect(await t.desk.dispatch(t.agent, 'refunds.preview', { customerAccount: 'acme-01', orderIds: ['nope'] })).toMatchObject({
      ok: false,
      error: { code: 'not-found', field: 'orderIds.0' },
    });
    expect(await t.desk.dispatch(t.agent, 'refunds.preview', { customerAccount: 'acme-01', orderIds: 'O-1' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', field: 'orderIds' },
    });
    expect(await t.desk.dispatch(t.agent, 'refunds.reject', { id: 'C-000001', reason: ' ' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await t.desk.dispatch(t.supervisor, 'refunds.reject', { id: 'C-000001', reason: ' ' })).toMatchObject({ ok: false, error: { field: 'reason' } });
    expect(t.snapshot()).toBe(before);
  });

  it('enforces four eyes: an agent cannot approve at all, a supervisor not their own request', async () => {
    const own = await t.ok(t.supervisor, 'refunds.submit', { customerAccount: 'acme-01', orderIds: ['O-1'], dataMigrationConfirmed: true });
    const before = t.snapshot();
    expect(await t.desk.dispatch(t.agent, 'refunds.approve', { id: own.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await t.desk.dispatch(t.supervisor, 'refunds.approve', { id: own.id })).toMatchObject({ ok: false, error: { code: 'forbidden', field: 'id' } });
    expect(await t.desk.dispatch(t.supervisor, 'refunds.reject', { id: own.id, reason: 'mine' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(t.snapshot()).toBe(before);

    const approved = await t.ok(t.supervisor2, 'refunds.approve', { id: own.id });
    expect(approved.status).toBe('approved');
    expect(approved.details).toMatchObject({
      review: { by: 'sup2', outcome: 'approved', policyVersion: '2026.1' },
      receipt: { amount: '940.00', rewardDeducted: '60.00', approvedBy: 'sup2' },
    });
    expect(await t.desk.dispatch(t.supervisor2, 'refunds.approve', { id: own.id })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const completed = await t.ok(t.supervisor2, 'refunds.complete', { id: own.id });
    expect(completed.status).toBe('completed');
    const history = await t.ok(t.agent, 'cases.get', { id: own.id });
    expect(history.history.map((h) => h.action)).toEqual(['refund.submitted', 'refund.approved', 'refund.completed']);
  });

  it('counts approved and in-progress refunds for R3 but not rejected ones', async () => {
    const first = await t.ok(t.agent, 'refunds.submit', { customerAccount: 'acme-01', orderIds: ['O-4'], dataMigrationConfirmed: true });
    await t.ok(t.agent, 'refunds.submit', { customerAccount: 'acme-01', orderIds: ['O-5'], dataMigrationConfirmed: true });
    const third = await t.ok(t.agent, 'refunds.submit', { customerAccount: 'acme-01', orderIds: ['O-6'], dataMigrationConfirmed: true });
    // Three in progress: R3 needs fewer than 3, so O-7 is recorded as rejected by the rules.
    const blocked = await t.ok(t.agent, 'refunds.submit', { customerAccount: 'acme-01', orderIds: ['O-7'], dataMigrationConfirmed: true });
    expect(blocked).toMatchObject({ status: 'rejected-by-rules', details: { failedRules: ['R3'] } });
    await t.ok(t.supervisor, 'refunds.reject', { id: third.id, reason: 'customer withdrew the request' });
    await t.ok(t.supervisor, 'refunds.approve', { id: first.id });
    const preview = await t.ok(t.agent, 'refunds.preview', { customerAccount: 'acme-01', orderIds: ['O-7'], dataMigrationConfirmed: true });
    expect(preview.rules.find((r) => r.id === 'R3')).toMatchObject({ result: 'passed' });
    // Counted: first (approved) + second (submitted) = 2; not counted: third (rejected at review)
    // + the O-7 request (rejected by the rules) = 2.
    expect(preview.rules.find((r) => r.id === 'R3')!.reason).toContain('2 earlier refund(s) completed or in-progress (2 not counted)');
    // an order already in a live refund cannot be refunded twice; a rejected one frees it
    expect(await submit(['O-4'])).toMatchObject({ ok: false, error: { code: 'conflict', field: 'orderIds.0' } });
    expect((await submit(['O-6'])).ok).toBe(true);
  });
});
