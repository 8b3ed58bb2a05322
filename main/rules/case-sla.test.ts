import { expect, it } from 'vitest';
import type { CaseOf, CaseRecord } from '../../shared/domain/case.js';
import { slaInputOf } from './case-sla.js';

const record = (over: Partial<CaseOf<'work-order'>> = {}): CaseRecord => ({
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
});

it('reads severity, category (which picks the support calendar), response times, level and pauses', () => {
  const pauses = [{ start: '2026-05-04T07:00:00.000Z', end: '2026-05-04T08:00:00.000Z' }];
  expect(
    slaInputOf(record({ details: { firstResponseAt: '2026-05-04T06:20:00.000Z', escalationLevel: 'L2', pauses } })),
  ).toEqual({
    slaCase: {
      severity: 'SEV-2',
      vip: true,
      category: 'console',
      openedAt: '2026-05-04T06:00:00.000Z',
      firstResponseAt: '2026-05-04T06:20:00.000Z',
      escalationLevel: 'L2',
    },
    pauses,
  });
});

it('falls back to the requested severity, and has nothing to say of a case without one', () => {
  expect(slaInputOf(record({ severity: undefined, details: { requestedSeverity: 'SEV-3' } }))?.slaCase.severity).toBe('SEV-3');
  expect(slaInputOf(record({ severity: undefined, details: {} }))).toBeUndefined();
});
