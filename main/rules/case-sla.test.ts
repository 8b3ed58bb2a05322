import { describe, expect, it } from 'vitest';
import type { CaseBase, CaseRecord, CaseType } from '../../shared/domain/case.js';
import { caseSla, slaInputOf, slaStoppedAt } from './case-sla.js';

// Test data of any type, taken as stored (imported cases carry any of these details).
const record = (over: Partial<CaseBase> & { type?: CaseType; details?: object } = {}): CaseRecord => ({
  id: 'C-000001',
  type: 'work-order',
  channel: 'hotline',
  customerAccount: 'acme-01',
  customerName: 'Acme',
  vip: true,
  category: 'console',
  inScope: true,
  severity: 'SEV-2',
  status: 'waiting-for-customer',
  summary: 's',
  notes: '',
  errorCodes: [],
  agent: 'a',
  openedAt: '2026-05-04T06:00:00.000Z',
  updatedAt: '2026-05-04T06:00:00.000Z',
  details: {},
  ...over,
}) as CaseRecord;

it('reads severity, category (which picks the support calendar), response times, level and pauses', () => {
  const pauses = [{ start: '2026-05-04T07:00:00.000Z', end: '2026-05-04T08:00:00.000Z' }];
  expect(
    slaInputOf(record({ status: 'in-progress', details: { firstResponseAt: '2026-05-04T06:20:00.000Z', escalationLevel: 'L2', pauses, ignored: 1 } })),
  ).toEqual({
    severity: 'SEV-2',
    vip: true,
    category: 'console',
    openedAt: '2026-05-04T06:00:00.000Z',
    firstResponseAt: '2026-05-04T06:20:00.000Z',
    escalationLevel: 'L2',
    waitingForCustomer: pauses,
  });
});

it('falls back to the requested severity, and has nothing to say of a case without one', () => {
  expect(slaInputOf(record({ severity: undefined, details: { requestedSeverity: 'SEV-3' } }))?.severity).toBe('SEV-3');
  expect(slaInputOf(record({ severity: undefined, details: {} }))).toBeUndefined();
});

describe('caseSla: the one reading of a stored case', () => {
  // A seeded SEV-1 case (no work-order details), common customer, opened 2026-06-01T02:00Z.
  const seeded = (over: Partial<CaseRecord> = {}) =>
    record({ type: 'call', vip: false, severity: 'SEV-1', status: 'new', openedAt: '2026-06-01T02:00:00.000Z', updatedAt: '2026-06-01T02:00:00.000Z', details: {}, ...over });

  it('an open case with no response is breached 15 min after opening, escalating L1 → L2', () => {
    // 02:00Z + 15 min = 02:15Z; read at 03:00Z: 45 min overdue.
    const a = caseSla(seeded(), Date.parse('2026-06-01T03:00:00Z'))!;
    expect(a.firstResponse).toMatchObject({ due: '2026-06-01T02:15:00Z', state: 'breached', breachedByMinutes: 45 });
    expect(a.escalateTo).toBe('L2');
  });

  it('a pending-customer case pauses its update clock from the moment its status was set', () => {
    // SEV-2: answered 02:10Z → update due 04:10Z; pending since 03:00Z (updatedAt); read at 05:00Z:
    // 120 min paused so far → due 06:10Z, state paused.
    const a = caseSla(
      seeded({ severity: 'SEV-2', status: 'pending-customer', updatedAt: '2026-06-01T03:00:00.000Z', details: { firstResponseAt: '2026-06-01T02:10:00.000Z' } }),
      Date.parse('2026-06-01T05:00:00Z'),
    )!;
    expect(a.nextUpdate).toMatchObject({ due: '2026-06-01T06:10:00Z', state: 'paused' });
    expect(a.breached).toBe(false);
  });

  it('a closed case is read as it stood when it was closed', () => {
    // Resolved at 02:10Z (updatedAt) with no response: at that instant 5 min remained; it never breaches afterwards.
    const a = caseSla(seeded({ status: 'resolved', updatedAt: '2026-06-01T02:10:00.000Z' }), Date.parse('2026-12-01T00:00:00Z'))!;
    expect(a.firstResponse).toMatchObject({ state: 'running', remainingMinutes: 5 });
    expect(a.breached).toBe(false);
  });

  it('a case finished in its own workflow stops its clock there too: an approved compensation, a logged call', () => {
    // SEV-2 common: first response due 02:00Z + 60 min = 03:00Z. Approved at 03:30Z (updatedAt) with
    // no response: 30 min overdue then, and still 30 months later. Still submitted, read at 05:00Z: 120 min.
    const claim = { type: 'compensation' as const, severity: 'SEV-2' as const, updatedAt: '2026-06-01T03:30:00.000Z' };
    const approved = seeded({ ...claim, status: 'approved' });
    expect(slaStoppedAt(approved)).toBe('2026-06-01T03:30:00.000Z');
    expect(caseSla(approved, Date.parse('2026-12-01T00:00:00Z'))!.firstResponse).toMatchObject({ state: 'breached', breachedByMinutes: 30 });
    const submitted = seeded({ ...claim, status: 'submitted' });
    expect(slaStoppedAt(submitted)).toBeUndefined();
    expect(caseSla(submitted, Date.parse('2026-06-01T05:00:00Z'))!.firstResponse).toMatchObject({ state: 'breached', breachedByMinutes: 120 });
    // A SEV-1 call logged at 02:05Z: 10 of its 15 min were left, and they do not run out afterwards.
    const logged = caseSla(seeded({ status: 'logged', updatedAt: '2026-06-01T02:05:00.000Z' }), Date.parse('2026-12-01T00:00:00Z'))!;
    expect(logged.firstResponse).toMatchObject({ state: 'running', remainingMinutes: 10 });
    expect(logged.breached).toBe(false);
  });

  it('a case opened before the first policy version is timed with the earliest, and says so', () => {
    const a = caseSla(seeded({ openedAt: '2025-12-01T02:00:00.000Z', updatedAt: '2025-12-01T02:00:00.000Z' }), Date.parse('2025-12-01T02:05:00Z'))!;
    expect(a.policyVersion).toBe('2026.1');
    expect(a.notes.join(' ')).toContain('no policy version was in force');
  });

  it('has nothing to say of a case without a severity', () => {
    expect(caseSla(seeded({ severity: undefined }), Date.now())).toBeUndefined();
  });
});
