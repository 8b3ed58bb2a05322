// Compensation through the bridge: live decision with an excluded occurrence, submit, four-eyes approval and the credit.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { workspaceDesk } from '../workspace/test-fixtures.js';

let t: Awaited<ReturnType<typeof workspaceDesk>>;
beforeEach(async () => {
  t = await workspaceDesk();
});
afterEach(() => t.close());

const claim = {
  customerAccount: 'acme-01',
  dailyFee: '12.00',
  occurrences: [
    { id: 'f-1', start: '2026-05-01T10:00:00+08:00', end: '2026-05-01T10:30:00+08:00', scenario: 'service-unavailable' as const, cause: 'platform' as const },
    { id: 'f-2', start: '2026-05-02T09:00:00+08:00', end: '2026-05-02T10:00:00+08:00', scenario: 'service-unavailable' as const, cause: 'carrier' as const },
  ],
};

describe('compensation', () => {
  it('excludes one occurrence, shows minutes, amount, deadline and what the subject lacks', async () => {
    const decision = await t.ok(t.agent, 'compensation.preview', { ...claim, emailSubject: 'acme-01 service problem' });
    expect(decision).toMatchObject({ outcome: 'eligible', amount: '25.00', faultMinutes: 30, subjectMissing: ['time', 'occurrences'] });
    expect(decision.rules.find((r) => r.id === 'C4' && r.subject === 'f-2')!.result).toBe('failed');
    expect(decision.claimDeadline).toMatch(/^2026-05-\d\d$/);
  });

  it('submits, refuses self-approval, and on another supervisor’s approval records a bonus-recharge credit', async () => {
    const record = await t.ok(t.supervisor, 'compensation.submit', claim);
    expect(record).toMatchObject({ type: 'compensation', status: 'submitted', details: { amount: '25.00', policyVersion: '2026.1' } });
    expect(await t.desk.dispatch(t.supervisor, 'compensation.approve', { id: record.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await t.desk.dispatch(t.agent, 'compensation.approve', { id: record.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(t.desk.services.store.all('credits')).toEqual([]);
    const approved = await t.ok(t.supervisor2, 'compensation.approve', { id: record.id });
    expect(approved.details).toMatchObject({ review: { by: 'sup2', outcome: 'approved', policyVersion: '2026.1' } });
    expect(t.desk.services.store.all('credits')).toEqual([
      expect.objectContaining({ customerAccount: 'acme-01', amount: '25.00', kind: 'compensation', caseId: record.id, approvedBy: 'sup2' }),
    ]);
  });

  it('refuses a claim with nothing compensable, naming the excluded occurrence’s cause', async () => {
    const before = t.snapshot();
    const outcome = await t.desk.dispatch(t.agent, 'compensation.submit', { ...claim, occurrences: [claim.occurrences[1]!] });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'occurrences.0.cause' } });
    expect(t.snapshot()).toBe(before);
  });

  it('rejects bad input naming the field, store unchanged', async () => {
    const before = t.snapshot();
    const badEnd = { ...claim.occurrences[0]!, end: '2026-05-01T09:00:00+08:00' };
    expect(await t.desk.dispatch(t.agent, 'compensation.submit', { ...claim, occurrences: [badEnd] })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', field: 'occurrences.0.end' },
    });
    expect(await t.desk.dispatch(t.agent, 'compensation.preview', { ...claim, dailyFee: '12.345' })).toMatchObject({ ok: false, error: { field: 'dailyFee' } });
    expect(t.snapshot()).toBe(before);
  });

  it('lets another supervisor reject with a reason', async () => {
    const record = await t.ok(t.agent, 'compensation.submit', claim);
    const rejected = await t.ok(t.supervisor, 'compensation.reject', { id: record.id, reason: 'fault was in the customer network' });
    expect(rejected).toMatchObject({ status: 'rejected', details: { review: { outcome: 'rejected', reason: 'fault was in the customer network' } } });
  });
});

describe('C7 in the desk: the earlier claims come from the store', () => {
  const outage = { id: 'f-1', start: '2026-05-01T10:00:00+08:00', end: '2026-05-01T10:30:00+08:00', scenario: 'service-unavailable' as const, cause: 'platform' as const };
  const one = { customerAccount: 'acme-01', dailyFee: '12.00', occurrences: [outage] };

  it('a second agent sees C7 failed with the earlier claim’s number before submitting, and cannot submit it', async () => {
    const agent2 = await t.signedIn('agent', 'agent2');
    const first = await t.ok(t.agent, 'compensation.submit', one); // pending
    const preview = await t.ok(agent2, 'compensation.preview', one);
    expect(preview.rules.find((r) => r.id === 'C7' && r.subject === 'f-1')).toMatchObject({ result: 'failed', params: expect.objectContaining({ claim: first.id, status: 'pending' }) });
    expect(preview).toMatchObject({ outcome: 'ineligible', amount: '0.00' });
    const before = t.snapshot();
    expect(await t.desk.dispatch(agent2, 'compensation.submit', one)).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'occurrences.0.start', message: expect.stringContaining(first.id) } });
    expect(t.snapshot()).toBe(before);
  });

  it('still fails once the earlier claim is approved; passes once it was rejected', async () => {
    const first = await t.ok(t.agent, 'compensation.submit', one);
    await t.ok(t.supervisor, 'compensation.approve', { id: first.id });
    expect((await t.ok(t.agent, 'compensation.preview', one)).rules.find((r) => r.id === 'C7')).toMatchObject({ result: 'failed', params: expect.objectContaining({ status: 'approved' }) });

    const other = { ...one, occurrences: [{ ...outage, start: '2026-05-01T12:00:00+08:00', end: '2026-05-01T12:30:00+08:00' }] };
    const second = await t.ok(t.agent, 'compensation.submit', other);
    await t.ok(t.supervisor, 'compensation.reject', { id: second.id, reason: 'duplicate of a ticket' });
    // 12 ÷ 1440 × 30 × 100 = 25.00 again: the rejected claim does not count.
    expect(await t.ok(t.agent, 'compensation.preview', other)).toMatchObject({ outcome: 'eligible', amount: '25.00' });
  });

  it('adjacent outages are separate: 10:30–11:00 right after a claimed 10:00–10:30 is paid', async () => {
    await t.ok(t.agent, 'compensation.submit', one);
    const next = { ...one, occurrences: [{ ...outage, id: 'f-2', start: '2026-05-01T10:30:00+08:00', end: '2026-05-01T11:00:00+08:00' }] };
    expect(await t.ok(t.agent, 'compensation.preview', next)).toMatchObject({ outcome: 'eligible', amount: '25.00' });
  });

  it('overlapping occurrences within one claim are refused, naming the two', async () => {
    const overlapping = { ...one, occurrences: [outage, { ...outage, id: 'f-2', start: '2026-05-01T10:29:00+08:00', end: '2026-05-01T10:45:00+08:00' }] };
    expect(await t.desk.dispatch(t.agent, 'compensation.preview', overlapping)).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', field: 'occurrences.1.start', message: expect.stringContaining('f-2 overlaps occurrence f-1') },
    });
  });
});
