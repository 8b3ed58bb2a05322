import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NOW, order, workspaceDesk } from '../workspace/test-fixtures.js';

let t: Awaited<ReturnType<typeof workspaceDesk>>;
beforeEach(async () => {
  t = await workspaceDesk();
  t.addOrders(order('O-1', { reward: { granted: '100.00', spent: '60.00' } }), order('O-4', { paid: '10.10' }), order('O-5', { paid: '10.20' }));
});
afterEach(() => t.close());

const claim = {
  customerAccount: 'acme-01',
  dailyFee: '12.00',
  occurrences: [
    { id: 'f-1', start: '2026-05-01T10:00:00+08:00', end: '2026-05-01T10:30:00+08:00', scenario: 'service-unavailable' as const, cause: 'platform' as const },
    { id: 'f-2', start: '2026-05-02T09:00:00+08:00', end: '2026-05-02T10:00:00+08:00', scenario: 'service-unavailable' as const, cause: 'carrier' as const },
  ],
  // C6: the subject names the account and the time but not the number of occurrences.
  emailSubject: 'acme-01 fault 2026-05-01 10:00',
};

async function seed() {
  for (const id of ['O-1', 'O-4', 'O-5']) await t.ok(t.agent, 'refunds.submit', { customerAccount: 'acme-01', orderIds: [id], dataMigrationConfirmed: true });
  await t.ok(t.agent, 'compensation.submit', claim);
  await t.ok(t.agent, 'complaints.open', { customerAccount: 'acme-01', subject: 'processing-efficiency', summary: 'slow' });
}

const range = { from: '2026-05-01', to: '2026-05-31' };

/** The bytes behind an export's link, as a host serves them to the window that asked. */
function downloaded(file: { url: string; bytes: number }) {
  const served = t.desk.services.downloads.served(`/${file.url}`, t.desk.services.now().getTime());
  expect(served).not.toBeNull();
  const bytes = readFileSync(served!.file);
  expect(bytes.length).toBe(file.bytes);
  return bytes;
}

describe('dashboard and exports', () => {
  it('are for managers only', async () => {
    for (const who of [t.agent, t.supervisor]) {
      expect(await t.desk.dispatch(who, 'dashboard.summary', range)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(await t.desk.dispatch(who, 'reports.export', { ...range, report: 'cases', format: 'csv' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
  });

  it('sums the figures of a known data set exactly', async () => {
    await seed();
    const s = await t.ok(t.manager, 'dashboard.summary', range);
    expect(s.totalCases).toBe(5);
    // 1000.00 paid − 60.00 reward spent = 940.00, plus 10.10 and 10.20: 960.30, none paid out yet.
    expect(s.refunds).toMatchObject({ count: 3, amount: '960.30', completedAmount: '0.00', pendingAmount: '960.30', rejected: 0 });
    // The carrier fault is excluded (C4); C6 failed too (advice on the subject) but is no exclusion.
    expect(s.compensation).toMatchObject({ claims: 1, minutes: 30, amount: '25.00', exclusionReasons: [{ key: 'C4', count: 1 }] });
    expect(s.complaints.count).toBe(1);
    expect(s.agents).toEqual([expect.objectContaining({ agent: 'agent1', cases: 5, refunds: 3, compensation: 1, complaints: 1 })]);
    expect(s.series.find((p) => p.period === NOW.slice(0, 10))!.count).toBe(5);
    expect(s.series).toHaveLength(31);
    const weekly = await t.ok(t.manager, 'dashboard.summary', { ...range, bucket: 'week' });
    expect(weekly.series.every((p) => new Date(`${p.period}T00:00:00Z`).getUTCDay() === 1)).toBe(true);
    const [first, second] = t.desk.services.store.all<{ id: string; type: string }>('cases').filter((c) => c.type === 'refund');
    await t.ok(t.supervisor, 'refunds.reject', { id: second!.id, reason: 'Order already migrated' });
    await t.ok(t.supervisor, 'refunds.approve', { id: first!.id });
    await t.ok(t.supervisor, 'refunds.complete', { id: first!.id });
    const after = await t.ok(t.manager, 'dashboard.summary', range);
    // 10.10 rejected; 940.00 paid out; 10.20 still to pay; 940.00 + 10.20 = 950.20.
    expect(after.refunds).toEqual({ count: 2, amount: '950.20', completedAmount: '940.00', pendingAmount: '10.20', rejected: 1, rejectionReasons: [{ key: 'Order already migrated', count: 1 }] });
    const filtered = await t.ok(t.manager, 'dashboard.summary', { ...range, agent: 'nobody' });
    expect(filtered.totalCases).toBe(0);
    expect(await t.desk.dispatch(t.manager, 'dashboard.summary', { from: '2026-05-31', to: '2026-05-01' })).toMatchObject({ ok: false, error: { field: 'to' } });
  });

  it('exports a CSV through the bridge that parses back, reporting progress', async () => {
    await seed();
    const events: unknown[] = [];
    const services = t.desk.services as { emit: (e: string, p: unknown) => void };
    const emit = services.emit.bind(services);
    services.emit = (e, p) => {
      if (e === 'export.progress') events.push(p);
      emit(e, p);
    };
    const file = await t.ok(t.manager, 'reports.export', { ...range, report: 'refunds', format: 'csv' });
    expect(file).toMatchObject({ fileName: 'refunds-2026-05-01-2026-05-31.csv', rows: 3 });
    const text = downloaded(file).toString('utf8').replace(/^\uFEFF/, '');
    const parsed = Papa.parse<string[]>(text.trim());
    expect(parsed.data[0]![0]).toBe('case');
    expect(parsed.data.slice(1).map((r) => r[7])).toEqual(['940.00', '10.10', '10.20']);
    expect(events.at(-1)).toEqual({ report: 'refunds', done: 3, total: 3 });
    const xlsx = await t.ok(t.manager, 'reports.export', { ...range, report: 'sla', format: 'xlsx' });
    expect(downloaded(xlsx).subarray(0, 2).toString()).toBe('PK');
  });

  it('cancels an export by its id: a conflict naming the field, no more progress, and the next export runs', async () => {
    await seed();
    const events: { exportId?: string; done: number }[] = [];
    const cancels: Promise<unknown>[] = [];
    const services = t.desk.services as { emit: (e: string, p: unknown) => void };
    const emit = services.emit.bind(services);
    services.emit = (e, p) => {
      if (e !== 'export.progress') return emit(e, p);
      const progress = p as { exportId?: string; done: number };
      events.push(progress);
      // The manager presses Cancel on seeing the bar start.
      if (progress.exportId === 'x-1' && progress.done === 0) cancels.push(t.desk.dispatch(t.manager, 'reports.cancelExport', { exportId: 'x-1' }));
      emit(e, p);
    };
    const cancelled = await t.desk.dispatch(t.manager, 'reports.export', { ...range, report: 'cases', format: 'xlsx', exportId: 'x-1' });
    expect(cancelled).toMatchObject({ ok: false, error: { code: 'conflict', field: 'exportId' } });
    expect(await Promise.all(cancels)).toEqual([{ ok: true, value: { cancelled: true } }]);
    expect(events).toEqual([{ report: 'cases', exportId: 'x-1', done: 0, total: 5 }]);
    // Nothing runs under that id any more; a new export under it runs to the end.
    expect(await t.ok(t.manager, 'reports.cancelExport', { exportId: 'x-1' })).toEqual({ cancelled: false });
    const file = await t.ok(t.manager, 'reports.export', { ...range, report: 'cases', format: 'csv', exportId: 'x-2' });
    expect(file.rows).toBe(5);
    expect(events.at(-1)).toEqual({ report: 'cases', exportId: 'x-2', done: 5, total: 5 });
    expect(await t.desk.dispatch(t.supervisor, 'reports.cancelExport', { exportId: 'x-2' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});

describe('cases PDF', () => {
  it('prints whole summaries, wrapped, and dates in the desk’s zone', async () => {
    const summary = 'ECS instances in cn-hangzhou unreachable since 09:40 after the security group change; customer checkout down for 2,000 users 张伟科技';
    await t.ok(t.agent, 'calls.log', { customerAccount: 'acme-01', channel: 'hotline', category: 'technical-issue', summary });
    const file = await t.ok(t.manager, 'reports.export', { ...range, report: 'cases', format: 'pdf' });
    expect(file).toMatchObject({ fileName: 'cases-2026-05-01-2026-05-31.pdf', mimeType: 'application/pdf', rows: 1 });
    const dir = mkdtempSync(join(tmpdir(), 'cases-pdf-'));
    try {
      writeFileSync(join(dir, 'cases.pdf'), downloaded(file));
      const text = execFileSync('pdftotext', [join(dir, 'cases.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      for (const word of summary.split(' ')) expect(text).toContain(word);
      // Opened at NOW, 2026-05-06T02:00Z: 10:00 in Asia/Shanghai (UTC+8).
      expect(text).toContain('2026-05-06 10:00');
      expect(text).not.toContain('2026-05-06T02:00');
      expect(text).toMatch(/opened at \(Asia\/ ?Shanghai\)/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('dashboard PDF', () => {
  it('renders the figures as a PDF for managers', async () => {
    await seed();
    expect(await t.desk.dispatch(t.supervisor, 'reports.dashboardPdf', range)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const file = await t.ok(t.manager, 'reports.dashboardPdf', range);
    expect(file).toMatchObject({ fileName: 'dashboard-2026-05-01-2026-05-31.pdf', mimeType: 'application/pdf', rows: 5 });
    expect(Buffer.from(file.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
  });
});
