// The no-reasons SLA reading (slaState, caseSlaState) the queue and the SLA monitor order and
// count by must give exactly the figures of the explained one (assessSla, caseSla): every timer,
// state, due time, breach and escalation, on any case, 24/7 or on business hours, at any instant.
import fc from 'fast-check';
import { expect, it } from 'vitest';
import type { CaseRecord } from '../../shared/domain/case.js';
import { CATEGORIES, SEVERITIES } from '../../shared/domain/case.js';
import type { Policy } from '../../shared/rules/policy.js';
import { caseSla, caseSlaState } from './case-sla.js';
import { DEFAULT_POLICY } from './policy.js';
import { assessSla, slaState, type SlaAssessment, type SlaCase } from './sla.js';

const START = Date.parse('2026-01-01T00:00:00Z');
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();
const offset = fc.integer({ min: 0, max: 20 * DAY });

/** DEFAULT_POLICY with SEV-3 and console cases on business hours, so both clocks are exercised. */
const BUSINESS: Policy = {
  ...DEFAULT_POLICY,
  sla: { ...DEFAULT_POLICY.sla, supportHours: { businessHours: { start: '09:00', end: '18:00' }, bySeverity: { 'SEV-3': 'business-hours' }, byCategory: { console: 'business-hours' } } },
};

const slaCaseArb = fc
  .record({
    severity: fc.constantFrom(...SEVERITIES),
    vip: fc.boolean(),
    category: fc.option(fc.constantFrom(...CATEGORIES), { nil: undefined }),
    opened: offset,
    firstResponse: fc.option(fc.integer({ min: 0, max: 3 * DAY }), { nil: undefined }),
    updates: fc.array(fc.integer({ min: 0, max: 6 * DAY }), { maxLength: 4 }),
    escalationLevel: fc.option(fc.constantFrom(...DEFAULT_POLICY.sla.escalationLevels), { nil: undefined }),
    pauses: fc.array(fc.record({ start: fc.integer({ min: 0, max: 6 * DAY }), length: fc.option(fc.integer({ min: 1, max: 2 * DAY }), { nil: undefined }) }), { maxLength: 3 }),
    // Key-event windows around the opening (S1 raises the severity inside one).
    keyEvents: fc.array(fc.record({ start: fc.integer({ min: -2 * DAY, max: DAY }), length: fc.integer({ min: 1, max: 3 * DAY }) }), { maxLength: 2 }),
  })
  .map(
    (c): SlaCase => ({
      severity: c.severity,
      vip: c.vip,
      ...(c.category ? { category: c.category } : {}),
      openedAt: iso(START + c.opened),
      ...(c.firstResponse !== undefined ? { firstResponseAt: iso(START + c.opened + c.firstResponse) } : {}),
      updates: c.updates.map((u) => iso(START + c.opened + u)),
      ...(c.escalationLevel ? { escalationLevel: c.escalationLevel } : {}),
      keyEvents: c.keyEvents.map((e, i) => ({ name: `event ${i}`, start: iso(START + c.opened + e.start), end: iso(START + c.opened + e.start + e.length) })),
      waitingForCustomer: c.pauses.map((p) => ({
        start: iso(START + c.opened + p.start),
        ...(p.length !== undefined ? { end: iso(START + c.opened + p.start + p.length) } : {}),
      })),
    }),
  );

const figures = ({ rules: _rules, notes: _notes, ...state }: SlaAssessment) => state;

it('slaState gives the figures of assessSla, without reasons', () => {
  fc.assert(
    fc.property(slaCaseArb, fc.integer({ min: 0, max: 30 * DAY }), fc.constantFrom(DEFAULT_POLICY, BUSINESS), fc.constantFrom('Asia/Shanghai', 'Europe/Berlin'), (slaCase, at, policy, timeZone) => {
      const now = START + at;
      const state = slaState(slaCase, now, { policy, timeZone });
      expect(state).toEqual(figures(assessSla(slaCase, now, { policy, timeZone })));
      expect(state).not.toHaveProperty('rules');
    }),
    { numRuns: 400 },
  );
});

it('caseSlaState reads a stored case as caseSla does, open or closed', () => {
  const statuses = ['new', 'in-progress', 'waiting-for-customer', 'pending-customer', 'resolved', 'closed'] as const;
  fc.assert(
    fc.property(slaCaseArb, fc.constantFrom(...statuses), fc.integer({ min: 0, max: 30 * DAY }), (c, status, at) => {
      const record = {
        id: 'C-000001',
        type: 'work-order',
        channel: 'hotline',
        customerAccount: 'acme-01',
        customerName: 'Acme',
        vip: c.vip,
        category: c.category ?? 'console',
        inScope: true,
        severity: c.severity,
        status,
        summary: 's',
        notes: '',
        errorCodes: [],
        agent: 'a',
        openedAt: c.openedAt,
        updatedAt: c.updates?.at(-1) ?? c.openedAt,
        details: { firstResponseAt: c.firstResponseAt, updates: (c.updates ?? []).map((u) => ({ at: u })), pauses: c.waitingForCustomer, escalationLevel: c.escalationLevel },
      } as unknown as CaseRecord;
      const now = START + at;
      const explained = caseSla(record, now, { timeZone: 'Asia/Shanghai' });
      expect(caseSlaState(record, now, { timeZone: 'Asia/Shanghai' })).toEqual(explained && figures(explained));
    }),
    { numRuns: 300 },
  );
});
