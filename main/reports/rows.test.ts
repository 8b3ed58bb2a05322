import { afterEach, describe, expect, it } from 'vitest';
import { openCaseStore } from '../store/index.js';
import { buildReport, parseBound } from './rows.js';
import { aCase, cleanTempDirs, storeWith } from './test-helpers.js';

afterEach(cleanTempDirs);

describe('parseBound', () => {
  it('reads a date as a day in Asia/Shanghai: --from its first instant, --to the whole day', () => {
    expect(parseBound('2026-03-01', 'from')).toBe(Date.parse('2026-02-28T16:00:00Z'));
    expect(parseBound('2026-03-01', 'to')).toBe(Date.parse('2026-03-01T16:00:00Z'));
  });
  it('reads an ISO instant with a zone, both ends inclusive', () => {
    expect(parseBound('2026-03-01T08:00:00+08:00', 'from')).toBe(Date.parse('2026-03-01T00:00:00Z'));
    expect(parseBound('2026-03-01T00:00:00Z', 'to')).toBe(Date.parse('2026-03-01T00:00:00Z') + 1);
  });
  it.each(['2026-02-30', '2026/03/01', '01-03-2026', '2026-03-01T10:00', 'yesterday', '', '2026-13-01T00:00:00Z'])('rejects %j', (raw) => {
    expect(parseBound(raw, 'from')).toBeUndefined();
  });
});

describe('buildReport', () => {
  it('keeps cases opened within the days in Asia/Shanghai, boundaries included and excluded exactly', async () => {
    const dir = await storeWith([
      aCase({ id: 'C-000001', openedAt: '2026-02-28T15:59:59.999Z' }), // 28 Feb 23:59:59.999 in Shanghai
      aCase({ id: 'C-000002', openedAt: '2026-02-28T16:00:00.000Z' }), // 1 Mar 00:00
      aCase({ id: 'C-000003', openedAt: '2026-03-01T15:59:59.999Z' }), // 1 Mar 23:59:59.999
      aCase({ id: 'C-000004', openedAt: '2026-03-01T16:00:00.000Z' }), // 2 Mar 00:00
    ]);
    const store = await openCaseStore(dir, { autoBackup: false });
    try {
      const range = { fromMs: parseBound('2026-03-01', 'from')!, toMs: parseBound('2026-03-01', 'to')! };
      const report = await buildReport(store, 'cases', range);
      expect([...report.rows].map((r) => r[0])).toEqual(['C-000002', 'C-000003']);
      const wider = await buildReport(store, 'cases', { fromMs: parseBound('2026-02-28', 'from')!, toMs: parseBound('2026-03-02', 'to')! });
      expect(wider.total).toBe(4);
      expect([...wider.rows]).toHaveLength(4);
    } finally {
      await store.close();
    }
  });

  it('orders instants written in other forms (an offset, no milliseconds) among the stored ones, and leaves out unreadable ones', async () => {
    const dir = await storeWith([
      aCase({ id: 'C-000005', openedAt: '2026-03-01T03:00:00.000Z' }),
      aCase({ id: 'C-000006', openedAt: '2026-03-01T10:30:00+08:00' }), // 02:30Z: before C-000005
      aCase({ id: 'C-000007', openedAt: '2026-03-01T03:00:00Z' }), // the same instant as C-000005: by id after it
      aCase({ id: 'C-000008', openedAt: '2026-03-02T00:30:00+08:00' }), // 1 Mar 16:30Z = 2 Mar 00:30 in Shanghai: out of the day
      aCase({ id: 'C-000009', openedAt: 'yesterday' }),
    ]);
    const store = await openCaseStore(dir, { autoBackup: false });
    try {
      const report = await buildReport(store, 'cases', { fromMs: parseBound('2026-03-01', 'from')!, toMs: parseBound('2026-03-01', 'to')! });
      expect([...report.rows].map((r) => r[0])).toEqual(['C-000006', 'C-000005', 'C-000007']);
      expect((await buildReport(store, 'cases', { fromMs: 0, toMs: Number.MAX_SAFE_INTEGER })).total).toBe(4);
    } finally {
      await store.close();
    }
  });

  it('takes refund and compensation figures from the decision kept in details, money as decimal strings', async () => {
    const dir = await storeWith([
      aCase({
        id: 'C-000010',
        type: 'refund',
        status: 'approved',
        details: {
          orderIds: ['O-1', 'O-2'],
          amount: '1234.50',
          rewardDeducted: '0.10',
          rewardCancelled: '0.00',
          policyVersion: '2026.1',
          review: { by: 'sup01', at: '2026-03-02T01:00:00.000Z', outcome: 'approved', policyVersion: '2026.1' },
          receipt: { number: 'RR-000010', generatedAt: '2026-03-02T01:00:00.000Z', customerAccount: 'acme-01', customerName: 'Acme', amount: '1234.50', rewardDeducted: '0.10', rewardCancelled: '0.00', approvedBy: 'sup01', policyVersion: '2026.1' },
        },
      }),
      aCase({ id: 'C-000011', type: 'compensation', status: 'submitted', details: { amount: '88.88', faultMinutes: 95, claimDeadline: '2026-04-01', policyVersion: '2026.1' } }),
      aCase({ id: 'C-000012', type: 'call' }),
    ]);
    const store = await openCaseStore(dir, { autoBackup: false });
    try {
      const range = { fromMs: parseBound('2026-03-01', 'from')!, toMs: parseBound('2026-03-01', 'to')! };
      const refunds = await buildReport(store, 'refunds', range);
      const refundRows = [...refunds.rows];
      expect(refundRows).toHaveLength(1);
      const row = Object.fromEntries(refunds.columns.map((c, i) => [c.key, refundRows[0]![i]]));
      expect(row).toMatchObject({ id: 'C-000010', orders: 'O-1 O-2', amount: '1234.50', rewardDeducted: '0.10', outcome: 'approved', reviewedBy: 'sup01', receipt: 'RR-000010' });
      expect(refunds.columns.find((c) => c.key === 'amount')!.type).toBe('money');

      const comp = await buildReport(store, 'compensation', range);
      const compRows = [...comp.rows];
      expect(compRows).toHaveLength(1);
      const c = Object.fromEntries(comp.columns.map((col, i) => [col.key, compRows[0]![i]]));
      expect(c).toMatchObject({ id: 'C-000011', amount: '88.88', faultMinutes: 95, claimDeadline: '2026-04-01', outcome: null });
    } finally {
      await store.close();
    }
  });

  it('assesses the SLA of cases with a severity at the given instant', async () => {
    const dir = await storeWith([
      aCase({ id: 'C-000020', severity: 'SEV-1', openedAt: '2026-03-01T02:00:00.000Z' }),
      aCase({ id: 'C-000021', severity: 'SEV-1', openedAt: '2026-03-01T02:00:00.000Z', details: { firstResponseAt: '2026-03-01T02:01:00.000Z' } }),
      aCase({ id: 'C-000022', severity: undefined as never, type: 'billing' }),
    ]);
    const store = await openCaseStore(dir, { autoBackup: false });
    try {
      const range = { fromMs: parseBound('2026-03-01', 'from')!, toMs: parseBound('2026-03-01', 'to')! };
      const sla = await buildReport(store, 'sla', range, Date.parse('2026-03-05T00:00:00Z'));
      expect(sla.total).toBe(2); // C-000022 has no severity: the engine does not time it
      const byId = new Map([...sla.rows].map((r) => [r[0], Object.fromEntries(sla.columns.map((c, i) => [c.key, r[i]]))]));
      expect([...byId.keys()]).toEqual(['C-000020', 'C-000021']);
      expect(byId.get('C-000020')).toMatchObject({ firstResponseState: 'breached', breached: 'yes' });
      expect(byId.get('C-000020')!.firstResponseLate).toBeGreaterThan(0);
      expect(byId.get('C-000021')).toMatchObject({ firstResponseState: 'met', firstResponseAt: '2026-03-01T02:01:00Z' });
    } finally {
      await store.close();
    }
  });
});
