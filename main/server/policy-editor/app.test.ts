import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../rules/index.js';
import { order, workspaceDesk } from '../workspace/test-fixtures.js';

let t: Awaited<ReturnType<typeof workspaceDesk>>;
beforeEach(async () => {
  t = await workspaceDesk();
  t.addOrders(order('O-1', { reward: { granted: '100.00', spent: '60.00' } }));
});
afterEach(() => t.close());

const draft = (fields: Record<string, unknown> = {}) => ({ ...structuredClone(DEFAULT_POLICY), id: '2026.2', effectiveFrom: '2026-06-01T00:00:00+08:00', ...fields });

describe('policy editor', () => {
  it('is for managers only', async () => {
    expect(await t.desk.dispatch(t.supervisor, 'policyEditor.versions', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await t.desk.dispatch(t.supervisor, 'policyEditor.publish', { policy: draft() as never, reason: 'x' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('refuses a broken policy naming the field, changing nothing', async () => {
    const before = t.snapshot();
    const broken = draft();
    (broken.compensation.multipliers as Record<string, unknown>)['service-unavailable'] = 2;
    expect(await t.desk.dispatch(t.manager, 'policyEditor.publish', { policy: broken as never, reason: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', field: 'policy.compensation.multipliers.service-unavailable' },
    });
    expect(t.snapshot()).toBe(before);
    expect(t.desk.services.store.all('policyVersions')).toEqual([]);
  });

  it('previews a draft over recorded decisions, publishes it, and earlier decisions stay as they were', async () => {
    const refund = await t.ok(t.agent, 'refunds.submit', { customerAccount: 'acme-01', orderIds: ['O-1'], dataMigrationConfirmed: true });
    const stored = JSON.stringify(t.desk.services.store.get('cases', refund.id));
    const stricter = draft({ refund: { ...DEFAULT_POLICY.refund, windowHours: 1 } });
    const preview = await t.ok(t.manager, 'policyEditor.preview', { policy: stricter as never });
    expect(preview.rows).toEqual([expect.objectContaining({ caseId: refund.id, oldOutcome: 'eligible', oldAmount: '940.00', newOutcome: 'ineligible', changed: true })]);
    const same = await t.ok(t.manager, 'policyEditor.preview', { policy: draft() as never });
    expect(same.rows[0]).toMatchObject({ newOutcome: 'eligible', newAmount: '940.00', changed: false });

    const calendar = { added: { holidays: ['2026-06-15'], workingWeekends: [] }, removed: { holidays: [], workingWeekends: [] }, years: [2027] };
    const published = await t.ok(t.manager, 'policyEditor.publish', { policy: stricter as never, calendar, reason: 'tighter window' });
    expect(published).toMatchObject({ id: '2026.2', source: 'published', inForce: false });
    const { versions } = await t.ok(t.manager, 'policyEditor.versions', {});
    expect(versions.map((v) => v.id)).toEqual(['2026.1', '2026.2']);
    expect((await t.ok(t.manager, 'policyEditor.versions', {})).calendar).toEqual(calendar);
    expect((await t.ok(t.manager, 'policyEditor.get', { id: '2026.2' })).refund.windowHours).toBe(1);
    expect(JSON.stringify(t.desk.services.store.get('cases', refund.id))).toBe(stored);
    expect(await t.desk.dispatch(t.manager, 'policyEditor.publish', { policy: stricter as never, reason: 'again' })).toMatchObject({ ok: false, error: { field: 'policy.id' } });
  });
});
