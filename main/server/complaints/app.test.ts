import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NOW, workspaceDesk } from '../workspace/test-fixtures.js';

let t: Awaited<ReturnType<typeof workspaceDesk>>;
beforeEach(async () => {
  t = await workspaceDesk();
});
afterEach(() => t.close());

describe('complaints', () => {
  it('opens with the due time from the rules, acknowledges, refuses to close without a response, then closes', async () => {
    const opened = await t.ok(t.agent, 'complaints.open', { customerAccount: 'acme-01', subject: 'processing-efficiency', summary: 'Work order took a week' });
    expect(opened).toMatchObject({ type: 'complaint', status: 'open', details: { subject: 'processing-efficiency', acknowledgeHours: 24 } });
    expect(Date.parse(String(opened.details!.acknowledgeBy)) - Date.parse(NOW)).toBe(24 * 3_600_000);

    const acknowledged = await t.ok(t.agent, 'complaints.acknowledge', { id: opened.id });
    expect(acknowledged).toMatchObject({ status: 'acknowledged', details: { acknowledgedInTime: true } });

    const before = t.snapshot();
    expect(await t.desk.dispatch(t.agent, 'complaints.close', { id: opened.id })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', field: 'response' },
    });
    expect(await t.desk.dispatch(t.agent, 'complaints.respond', { id: opened.id, response: '   ' })).toMatchObject({ ok: false, error: { field: 'response' } });
    expect(t.snapshot()).toBe(before);

    await t.ok(t.agent, 'complaints.respond', { id: opened.id, response: 'We apologised and assigned a senior engineer.' });
    const closed = await t.ok(t.agent, 'complaints.close', { id: opened.id });
    expect(closed).toMatchObject({ status: 'closed', details: { response: 'We apologised and assigned a senior engineer.' } });
    expect(await t.desk.dispatch(t.agent, 'complaints.close', { id: opened.id })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('refuses an unknown subject category naming the field', async () => {
    const before = t.snapshot();
    expect(await t.desk.dispatch(t.agent, 'complaints.open', { customerAccount: 'acme-01', subject: 'weather', summary: 'x' })).toMatchObject({
      ok: false,
      error: { field: 'subject' },
    });
    expect(t.snapshot()).toBe(before);
  });
});
