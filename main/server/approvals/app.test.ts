// The supervisor's desk through the bridge: the approval queue and its order, key-event four eyes,
// roles, the refund receipt PDF (its text checked with pdftotext) and the audit trail.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { order, workOrderInput, workspaceDesk } from '../workspace/test-fixtures.js';
import { findCjkFont } from '../../reports/cjk-font.js';
import { approvalOrder } from './app.js';

let t: Awaited<ReturnType<typeof workspaceDesk>>;
beforeEach(async () => {
  t = await workspaceDesk();
  await t.ok(t.agent, 'customers.create', {
    account: 'zhang-01',
    name: '张伟科技',
    region: 'cn-beijing',
    vip: true,
    contacts: [{ name: '张伟', phone: '+8613800000002' }],
  });
  t.addOrders(
    order('O-1', { reward: { granted: '100.00', spent: '60.00' } }),
    order('O-2', { paid: '88.80' }),
    order('Z-1', { customerAccount: 'zhang-01', paid: '1234.50' }),
  );
});
afterEach(() => t.close());

const refund = (account: string, orderIds: string[], who = t.agent) =>
  t.ok(who, 'refunds.submit', { customerAccount: account, orderIds, dataMigrationConfirmed: true });

describe('approval queue', () => {
  it('lists refunds, compensation and key events for a supervisor, marks own items undecidable, oldest first', async () => {
    const r1 = await refund('acme-01', ['O-1']);
    const ke = await t.ok(t.agent, 'keyEvents.register', {
      customerAccount: 'zhang-01',
      name: '双十一大促',
      start: '2026-05-10T00:00:00Z',
      end: '2026-05-11T00:00:00Z',
    });
    const r2 = await refund('zhang-01', ['Z-1'], t.supervisor);
    const items = await t.ok(t.supervisor, 'approvals.list', {});
    expect(items.map((i) => [i.kind, i.id, i.canDecide])).toEqual([
      ['refund', r1.id, true],
      ['refund', r2.id, false],
      ['keyEvent', ke.id, true],
    ]);
    expect(items.find((i) => i.id === r1.id)).toMatchObject({ amount: '940.00', submittedBy: 'agent1', customerName: 'Acme Ltd' });
    expect(await t.desk.dispatch(t.agent, 'approvals.list', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('lists work orders escalated to the supervisor level, decided in the work order itself', async () => {
    const wo = await t.ok(t.agent, 'workOrders.create', workOrderInput());
    for (const reason of ['needs L2', 'needs L3']) await t.ok(t.agent, 'workOrders.escalate', { id: wo.id, reason });
    expect(await t.ok(t.supervisor, 'approvals.list', {})).toEqual([]);
    await t.ok(t.agent, 'workOrders.escalate', { id: wo.id, reason: 'customer lost production' });
    expect(await t.ok(t.supervisor, 'approvals.list', {})).toMatchObject([
      { kind: 'escalation', id: wo.id, submittedBy: 'agent1', breached: false, canDecide: false, summary: expect.stringContaining('customer lost production') },
    ]);
  });

  it('orders breached items first, then the longest waiting', () => {
    const base = { customerAccount: 'a', customerName: 'A', vip: false, summary: '', submittedBy: 'x', canDecide: true };
    const items = [
      { ...base, kind: 'refund' as const, id: 'C-000003', since: '2026-05-01T00:00:00Z', breached: false },
      { ...base, kind: 'escalation' as const, id: 'C-000002', since: '2026-05-05T00:00:00Z', breached: true },
      { ...base, kind: 'keyEvent' as const, id: 'KE-00001', since: '2026-04-01T00:00:00Z', breached: false },
    ];
    expect(items.sort(approvalOrder).map((i) => i.id)).toEqual(['C-000002', 'KE-00001', 'C-000003']);
  });

  it('key events: four eyes, reasons required, one decision only, agents refused', async () => {
    const ke = await t.ok(t.supervisor, 'keyEvents.register', {
      customerAccount: 'zhang-01',
      name: 'Launch',
      start: '2026-05-10T00:00:00Z',
      end: '2026-05-11T00:00:00Z',
    });
    const before = t.snapshot();
    expect(await t.desk.dispatch(t.supervisor, 'keyEvents.approve', { id: ke.id })).toMatchObject({ ok: false, error: { code: 'forbidden', field: 'id' } });
    expect(await t.desk.dispatch(t.agent, 'keyEvents.approve', { id: ke.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await t.desk.dispatch(t.supervisor2, 'keyEvents.reject', { id: ke.id, reason: ' ' })).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'reason' } });
    expect(t.snapshot()).toBe(before);
    const approved = await t.ok(t.supervisor2, 'keyEvents.approve', { id: ke.id });
    expect(approved).toMatchObject({ approved: true, reviewedBy: 'sup2' });
    expect(await t.desk.dispatch(t.manager, 'keyEvents.reject', { id: ke.id, reason: 'late' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const other = await t.ok(t.agent, 'keyEvents.register', { customerAccount: 'zhang-01', name: 'B', start: '2026-06-10T00:00:00Z', end: '2026-06-11T00:00:00Z' });
    expect(await t.ok(t.supervisor, 'keyEvents.reject', { id: other.id, reason: 'not a VIP launch' })).toMatchObject({ approved: false, rejected: true });
    expect((await t.ok(t.supervisor, 'approvals.list', {})).filter((i) => i.kind === 'keyEvent')).toEqual([]);
    const events = await t.ok(t.supervisor, 'audit.events', { action: 'key-event.rejected' });
    expect(events.events).toMatchObject([{ actor: 'sup1', reason: 'not a VIP launch', targets: [`keyEvents:${other.id}`] }]);
  });
});

describe('refund receipt', () => {
  it('exists once approved; the supervisor or the case agent may download it, another agent may not', async () => {
    const r = await refund('zhang-01', ['Z-1']);
    expect(await t.desk.dispatch(t.supervisor, 'refunds.receipt', { id: r.id })).toMatchObject({ ok: false, error: { code: 'conflict', field: 'id' } });
    await t.ok(t.supervisor, 'refunds.approve', { id: r.id });
    const other = await t.signedIn('agent', 'agent2');
    expect(await t.desk.dispatch(other, 'refunds.receipt', { id: r.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const mine = await t.ok(t.agent, 'refunds.receipt', { id: r.id });
    expect(mine.fileName).toBe(`RR-${r.id.slice(2)}.pdf`);
    const file = await t.ok(t.supervisor2, 'refunds.receipt', { id: r.id });
    const pdf = Buffer.from(file.base64, 'base64');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');

    const dir = mkdtempSync(join(tmpdir(), 'receipt-'));
    try {
      writeFileSync(join(dir, 'r.pdf'), pdf);
      const text = execFileSync('pdftotext', ['-layout', join(dir, 'r.pdf'), '-'], { encoding: 'utf8' });
      expect(text).toContain('张伟科技');
      expect(text).toContain('退款回执');
      expect(text).toContain('1234.50');
      expect(text).toContain('zhang-01');
      expect(text).toContain('sup1');
      expect(text).toContain('2026.1');
      execFileSync('pdftoppm', ['-png', '-r', '60', join(dir, 'r.pdf'), join(dir, 'page')]);
      const png = readdirSync(dir).find((f) => f.endsWith('.png'));
      expect(png && statSync(join(dir, png)).size).toBeGreaterThan(1000);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('findCjkFont: the environment first, a clear error when nothing is found', () => {
    expect(findCjkFont({ ASSURANCE_DESK_CJK_FONT: '/x/font.ttf' }, (p) => p === '/x/font.ttf')).toEqual({ path: '/x/font.ttf' });
    expect(findCjkFont({ ASSURANCE_DESK_CJK_FONT: '/x/f.ttc#Face' }, () => true)).toEqual({ path: '/x/f.ttc', family: 'Face' });
    expect(() => findCjkFont({}, () => false)).toThrow(/no CJK font found.*ASSURANCE_DESK_CJK_FONT/);
  });
});

describe('audit', () => {
  it('pages events newest first, filters by operator and action, and verifies the chain', async () => {
    const r = await refund('acme-01', ['O-1']);
    await t.ok(t.supervisor, 'refunds.reject', { id: r.id, reason: '客户撤回' });
    const all = await t.ok(t.supervisor, 'audit.events', {});
    expect(all.events[0]).toMatchObject({ action: 'refund.rejected', actor: 'sup1', reason: '客户撤回' });
    expect(all.events.map((e) => e.seq)).toEqual([...all.events.map((e) => e.seq)].sort((a, b) => b - a));
    expect(all.total).toBe(all.events.length);
    const byAgent = await t.ok(t.supervisor, 'audit.events', { actor: 'agent1' });
    expect(byAgent.events.every((e) => e.actor === 'agent1')).toBe(true);
    expect((await t.ok(t.supervisor, 'audit.events', { page: 1 })).events).toEqual([]);
    expect((await t.ok(t.supervisor, 'audit.events', { from: '2026-05-06T02:00:00Z', to: '2026-05-06T02:00:01Z' })).total).toBe(all.total);
    expect((await t.ok(t.supervisor, 'audit.events', { from: '2026-05-06T10:00:01+08:00' })).total).toBe(0);
    expect(await t.desk.dispatch(t.agent, 'audit.events', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await t.desk.dispatch(t.agent, 'audit.verify', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await t.ok(t.supervisor, 'audit.verify', {})).toMatchObject({ ok: true });
  });
});
