// A converted call keeps its channel and category on every case type, and the channel picked
// on the form is what is stored; a `fromCase` that is not a call is refused, naming the field.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseRecord } from '../../../shared/domain/case.js';
import { workspaceDesk } from './test-fixtures.js';

let t: Awaited<ReturnType<typeof workspaceDesk>>;
beforeEach(async () => {
  t = await workspaceDesk();
});
afterEach(() => t.close());

const logCall = () =>
  t.ok(t.agent, 'calls.log', { customerAccount: 'acme-01', channel: 'online', category: 'system-fault', summary: 'RDS down since 10:00' });

describe('case origin', () => {
  it('carries an online system-fault call onto a work order, a complaint, a billing case and a refund', async () => {
    const callCase = await logCall();
    const origin = { channel: 'online' as const, fromCase: callCase.id };
    const made: CaseRecord[] = [
      await t.ok(t.agent, 'workOrders.create', {
        customerAccount: 'acme-01',
        summary: 'RDS down since 10:00',
        severity: 'SEV-2',
        businessImpact: 'orders cannot be placed',
        evidence: ['RDS-1040 at 10:02'],
        stepsTried: ['restarted the instance'],
        ...origin,
      }),
      await t.ok(t.agent, 'complaints.open', { customerAccount: 'acme-01', subject: 'system-processing', summary: 'RDS down again', ...origin }),
      await t.ok(t.agent, 'billing.open', { customerAccount: 'acme-01', invoicePeriod: '2026-04', items: [{ service: 'rds', amount: '10.00' }], question: 'charged while down?', ...origin }),
      await t.ok(t.agent, 'refunds.submit', { customerAccount: 'acme-01', orderIds: [], ...origin }),
    ];
    for (const c of made) {
      expect(c).toMatchObject({ channel: 'online', category: 'system-fault', fromCase: callCase.id });
      expect((await t.ok(t.agent, 'cases.get', { id: c.id })).case).toMatchObject({ channel: 'online', category: 'system-fault', fromCase: callCase.id });
    }
  });

  it('stores the channel picked on the form, defaults to hotline, and keeps each type’s own category without a call', async () => {
    const byEmail = await t.ok(t.agent, 'complaints.open', { customerAccount: 'acme-01', subject: 'other', summary: 'slow replies', channel: 'email' });
    expect(byEmail).toMatchObject({ channel: 'email' });
    expect(byEmail.fromCase).toBeUndefined();
    const wo = await t.ok(t.agent, 'workOrders.create', { customerAccount: 'acme-01', summary: 'console slow', severity: 'SEV-3', businessImpact: 'one user', evidence: ['screenshot'], stepsTried: ['reload'] });
    expect(wo).toMatchObject({ channel: 'hotline', category: 'technical-issue' });
  });

  it('refuses a fromCase that is not a call, naming the field, and stores nothing', async () => {
    const complaint = await t.ok(t.agent, 'complaints.open', { customerAccount: 'acme-01', subject: 'other', summary: 'x' });
    const before = t.snapshot();
    for (const fromCase of [complaint.id, 'C-999999']) {
      expect(await t.desk.dispatch(t.agent, 'complaints.open', { customerAccount: 'acme-01', subject: 'other', summary: 'y', fromCase })).toMatchObject({
        ok: false,
        error: { code: 'not-found', field: 'fromCase' },
      });
    }
    expect(t.snapshot()).toBe(before);
  });
});
