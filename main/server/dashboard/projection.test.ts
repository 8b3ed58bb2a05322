// The projection kept as events are applied must give exactly the figures read afresh from
// every case, after any sequence of events (fast-check), at any later now; and a case's kept
// first-response SLA must be judged later as the rules engine judges it then.
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATEGORIES, CHANNELS, SEVERITIES, type CaseRecord } from '../../../shared/domain/case.js';
import { CALENDAR, CASES } from '../../../shared/domain/entities.js';
import { openCaseStore, type EventInput, type StoredRecord } from '../../store/index.js';
import { caseSla, deskCalendar } from '../../rules/index.js';
import { storeRules } from '../policy/rules-context.js';
import { DashboardProjection } from './projection.js';
import { FigureColumns } from './columns.js';
import { keptSla } from '../work-orders/sla-reading.js';
import { memorySettings } from '../settings/settings-store.js';
import { caseFigures, dashboardSummary, Summing, type SummaryQuery } from './summary.js';

const BASE = Date.parse('2026-03-01T00:00:00Z');
const HOUR = 3_600_000;
const ZONE = 'Asia/Shanghai';
const calendar = deskCalendar();
const at = (hours: number) => new Date(BASE + hours * HOUR).toISOString();

const caseArb = fc.record({
  n: fc.integer({ min: 1, max: 12 }),
  type: fc.constantFrom('call', 'work-order', 'refund', 'compensation', 'complaint'),
  channel: fc.constantFrom(...CHANNELS),
  category: fc.constantFrom(...CATEGORIES.slice(0, 4)),
  severity: fc.option(fc.constantFrom(...SEVERITIES), { nil: undefined }),
  agent: fc.constantFrom('agent01', 'agent02', 'agent03'),
  status: fc.constantFrom('new', 'open', 'pending-customer', 'resolved', 'closed', 'rejected', 'rejected-by-rules', 'approved'),
  vip: fc.boolean(),
  openedH: fc.integer({ min: 0, max: 24 * 40 }),
  respondedAfterH: fc.option(fc.integer({ min: 0, max: 48 }), { nil: undefined }),
  updatedAfterH: fc.integer({ min: 0, max: 72 }),
  amount: fc.option(fc.constantFrom('12.30', '0.00', '1.005', '99999999.99', 'n/a', '7'), { nil: undefined }),
  faultMinutes: fc.option(fc.integer({ min: 0, max: 600 }), { nil: undefined }),
  reason: fc.option(fc.constantFrom('not eligible', '超过五天'), { nil: undefined }),
  escalationLevel: fc.option(fc.constantFrom('L1', 'L2', 'L3'), { nil: undefined }),
  failed: fc.boolean(),
});
type CaseSpec = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;

function record(s: CaseSpec): StoredRecord {
  const id = `C-${String(s.n).padStart(6, '0')}`;
  const details: Record<string, unknown> = {};
  if (s.amount !== undefined) details.amount = s.amount;
  if (s.faultMinutes !== undefined) details.faultMinutes = s.faultMinutes;
  if (s.reason !== undefined) details.review = { reason: s.reason };
  if (s.escalationLevel) details.escalationLevel = s.escalationLevel;
  if (s.respondedAfterH !== undefined) details.firstResponseAt = at(s.openedH + s.respondedAfterH);
  if (s.failed) {
    details.failedRules = ['R1', 'R5'];
    details.decision = { rules: [{ id: 'C3', result: 'failed' }, { id: 'C1', result: 'passed' }] };
  }
  if (s.type === 'complaint') details.subject = s.reason ?? 'service-attitude';
  return {
    id,
    type: s.type,
    channel: s.channel,
    category: s.category,
    ...(s.severity ? { severity: s.severity } : {}),
    agent: s.agent,
    status: s.status,
    vip: s.vip,
    customerAccount: 'acme-01',
    customerName: 'Acme Ltd',
    summary: 'x',
    openedAt: at(s.openedH),
    updatedAt: at(s.openedH + s.updatedAfterH),
    details,
  };
}

const eventArb = fc.oneof(
  { weight: 5, arbitrary: caseArb.map((s) => ({ kind: 'put' as const, s })) },
  { weight: 2, arbitrary: fc.record({ n: fc.integer({ min: 1, max: 12 }), status: fc.constantFrom('open', 'resolved', 'closed', 'rejected') }).map((p) => ({ kind: 'patch' as const, ...p })) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 12 }).map((n) => ({ kind: 'delete' as const, n })) },
  { weight: 1, arbitrary: fc.constant({ kind: 'calendar' as const }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'look' as const }) },
);

const queryArb = fc.record({
  fromDay: fc.integer({ min: 0, max: 30 }),
  days: fc.integer({ min: 1, max: 60 }),
  bucket: fc.constantFrom('day' as const, 'week' as const),
  channel: fc.option(fc.constantFrom(...CHANNELS), { nil: undefined }),
  severity: fc.option(fc.constantFrom(...SEVERITIES), { nil: undefined }),
  agent: fc.option(fc.constantFrom('agent01', 'agent02'), { nil: undefined }),
});
const toQuery = (q: typeof queryArb extends fc.Arbitrary<infer T> ? T : never): SummaryQuery => ({
  from: new Date(BASE + q.fromDay * 24 * HOUR).toISOString().slice(0, 10),
  to: new Date(BASE + (q.fromDay + q.days) * 24 * HOUR).toISOString().slice(0, 10),
  bucket: q.bucket,
  ...(q.channel ? { channel: q.channel } : {}),
  ...(q.severity ? { severity: q.severity } : {}),
  ...(q.agent ? { agent: q.agent } : {}),
});

/** A real store on a temp dir with the desk's projection on it (SLA readings kept per record, as the handler uses), and the clock. */
async function withProjection(run: (t: { store: Awaited<ReturnType<typeof openCaseStore>>; projection: DashboardProjection; rules: () => ReturnType<typeof storeRules>; clock: { nowMs: number } }) => Promise<void>) {
  const dir = mkdtempSync(join(tmpdir(), 'desk-projection-'));
  const store = await openCaseStore(dir, { autoBackup: false });
  const clock = { nowMs: BASE };
  const projection = new DashboardProjection(store, (c) => keptSla(c, { store, settings: memorySettings({ timeZone: ZONE }), now: () => new Date(clock.nowMs) }, false));
  try {
    await run({ store, projection, rules: () => storeRules(store, ZONE), clock });
  } finally {
    projection.stop();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('dashboard projection', () => {
  it('equals the figures read afresh from every case after any sequence of events', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(eventArb, { minLength: 1, maxLength: 40 }), fc.array(queryArb, { minLength: 1, maxLength: 3 }), fc.integer({ min: 0, max: 24 * 60 }), (events, queries, laterH) =>
        withProjection(async ({ store, projection, rules, clock }) => {
          const now = () => clock.nowMs;
          let holidays = 0;
          for (const e of events) {
            let input: EventInput | undefined;
            const id = (n: number) => `C-${String(n).padStart(6, '0')}`;
            if (e.kind === 'put') input = { actor: 't', action: 'case.put', changes: [{ entity: CASES, id: id(e.s.n), op: 'put', record: record(e.s) }] };
            else if (e.kind === 'patch' && store.get(CASES, id(e.n))) input = { actor: 't', action: 'case.patched', changes: [{ entity: CASES, id: id(e.n), op: 'patch', patch: { status: e.status } }] };
            else if (e.kind === 'delete' && store.get(CASES, id(e.n))) input = { actor: 't', action: 'case.deleted', changes: [{ entity: CASES, id: id(e.n), op: 'delete' }] };
            else if (e.kind === 'calendar') {
              // A manager's calendar edit changes every due time on working days: all cases are read again.
              const day = new Date(BASE + 24 * HOUR * holidays++ * 3).toISOString().slice(0, 10);
              input = { actor: 't', action: 'calendar.edited', changes: [{ entity: CALENDAR, id: 'desk', op: 'put', record: { id: 'desk', added: { holidays: [day], workingWeekends: [] }, removed: { holidays: [], workingWeekends: [] }, years: [] } }] };
            } else if (e.kind === 'look') await projection.summary(toQuery(queries[0]!), rules, now);
            if (input) store.append(input);
            clock.nowMs += HOUR;
          }
          clock.nowMs += laterH * HOUR;
          for (const q of queries) {
            const query = toQuery(q);
            expect(await projection.summary(query, rules, now)).toEqual(dashboardSummary(store, rules(), query, clock.nowMs));
          }
        }),
      ),
      { numRuns: 25 },
    );
  }, 180_000);

  it('moves a case to its new day and status, and gives a removed case’s slot to the next case', () =>
    withProjection(async ({ store, projection, rules, clock }) => {
      clock.nowMs = BASE + 100 * HOUR;
      const now = () => clock.nowMs;
      const put = (s: Partial<CaseSpec>) => {
        const spec: CaseSpec = { n: 1, type: 'refund', channel: CHANNELS[0], category: CATEGORIES[0], severity: 'SEV-2', agent: 'agent01', status: 'approved', vip: false, openedH: 0, respondedAfterH: 1, updatedAfterH: 2, amount: '12.30', faultMinutes: undefined, reason: undefined, escalationLevel: undefined, failed: false, ...s };
        store.append({ actor: 't', action: 'case.put', changes: [{ entity: CASES, id: record(spec).id, op: 'put', record: record(spec) }] });
      };
      const query: SummaryQuery = { from: '2026-03-01', to: '2026-03-10', bucket: 'day' };
      const both = async () => {
        const kept = await projection.summary(query, rules, now);
        expect(kept).toEqual(dashboardSummary(store, rules(), query, now()));
        return kept;
      };
      put({ n: 1 });
      put({ n: 2, type: 'complaint', agent: 'agent02', openedH: 30 });
      const first = await both();
      expect(first.series.find((p) => p.count === 1)?.period).toBe('2026-03-01');
      expect(first.refunds).toMatchObject({ count: 1, amount: '12.30', rejected: 0 });
      // The refund is rejected two days later (a new opening day too), the complaint removed and a third case put in its slot.
      put({ n: 1, openedH: 50, status: 'rejected', reason: 'not eligible' });
      store.append({ actor: 't', action: 'case.deleted', changes: [{ entity: CASES, id: 'C-000002', op: 'delete' }] });
      put({ n: 3, type: 'compensation', agent: 'agent03', openedH: 60, amount: '7', faultMinutes: 30 });
      const later = await both();
      expect(later.series.filter((p) => p.count > 0).map((p) => p.period)).toEqual(['2026-03-03']);
      expect(later.refunds).toMatchObject({ count: 0, amount: '0.00', rejected: 1, rejectionReasons: [{ key: 'not eligible', count: 1 }] });
      expect(later.complaints.count).toBe(0);
      expect(later.compensation).toMatchObject({ claims: 1, minutes: 30, amount: '7.00' });
      expect(later.agents.map((a) => a.agent)).toEqual(['agent01', 'agent03']);
    }), 60_000);

  it('judges a kept first response later exactly as the rules engine does then', () => {
    fc.assert(
      fc.property(caseArb, fc.integer({ min: 0, max: 24 * 10 }), fc.integer({ min: 0, max: 24 * 60 }), (s, readH, laterH) => {
        const c = record({ ...s, severity: s.severity ?? 'SEV-2' }) as unknown as CaseRecord;
        const rules = { timeZone: ZONE, calendar };
        const readMs = Date.parse(c.openedAt) + readH * HOUR;
        const laterMs = readMs + laterH * HOUR;
        const kept = new FigureColumns();
        kept.set(c.id, caseFigures(c, rules, readMs));
        const sum = new Summing({ from: '2026-01-01', to: '2026-12-31', bucket: 'week' }, rules, laterMs, kept);
        sum.addSlots(0, kept.size);
        const { sla } = sum.result();
        const state = caseSla(c, laterMs, rules)!.firstResponse.state;
        const expected = state === 'met' ? 'met' : state === 'breached' ? 'breached' : 'pending';
        expect({ met: sla.met, breached: sla.breached, pending: sla.pending }).toEqual({ met: 0, breached: 0, pending: 0, [expected]: 1 });
      }),
      { numRuns: 300 },
    );
  }, 60_000);
});
