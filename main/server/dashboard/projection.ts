// The dashboard's figures kept as events are applied: every case's figures (summary.ts) are
// read once, when the case changes, into its slot of the columns (columns.ts), so a request only
// adds up flat arrays instead of reading every case through the rules engine. Reading is sliced (setImmediate between slices of a few
// milliseconds), so neither the first build nor a bulk import blocks the main process; a change
// of policy versions, calendar or time zone reads every case again.
import type { CaseRecord } from '../../../shared/domain/case.js';
import type { DashboardSummary } from '../../../shared/contract/dashboard.js';
import { CALENDAR, CASES, POLICY_VERSIONS } from '../../../shared/domain/entities.js';
import type { DeskSettings, SlaState } from '../../rules/index.js';
import type { CaseStore } from '../../store/types.js';
import { caseFigures, Summing, summaryRange, type SummaryQuery } from './summary.js';
import { FigureColumns } from './columns.js';
import type { Services } from '../context.js';
import { keptSla } from '../work-orders/sla-reading.js';

const SLICE_MS = 8;
/** Slots added up between two looks at the clock. */
const CHUNK = 16_384;
const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export class DashboardProjection {
  private readonly columns = new FigureColumns();
  /** Cases to read again (changed since last read); null: every case. */
  private pending: Set<string> | null = null;
  private timeZone: string | undefined;
  private draining: Promise<void> | null = null;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly store: Pick<CaseStore, 'all' | 'get' | 'subscribe'>,
    /** The SLA reading of a case (default: the rules engine's, afresh). */
    private readonly assess?: (c: CaseRecord) => SlaState | undefined,
  ) {
    this.unsubscribe = store.subscribe((event) => {
      for (const change of event.changes) {
        if (change.entity === POLICY_VERSIONS || change.entity === CALENDAR) this.pending = null;
        else if (change.entity === CASES) this.pending?.add(change.id);
      }
    });
  }

  /** The figures for a query, once every changed case is read (in slices). */
  async summary(query: SummaryQuery, rules: () => DeskSettings, now: () => number): Promise<DashboardSummary> {
    const settings = rules();
    const nowMs = now();
    summaryRange(query, settings); // checks the query first
    await this.catchUp(rules, now);
    const { columns } = this;
    // Added up in slices (a million cases can take longer than one); when a case was read
    // meanwhile, added up again in one go, so every case counts once and as one reading.
    for (let sliced = true; ; sliced = false) {
      const version = columns.version;
      const sum = new Summing(query, settings, nowMs, columns);
      let t = performance.now();
      for (let start = 0; start < columns.size && columns.version === version; start += CHUNK) {
        sum.addSlots(start, Math.min(columns.size, start + CHUNK));
        if (sliced && performance.now() - t > SLICE_MS) {
          await yieldToLoop();
          t = performance.now();
        }
      }
      if (columns.version === version) return sum.result();
    }
  }

  /** Reads what changed; starts at once (used to warm the projection when the desk opens). */
  catchUp(rules: () => DeskSettings, now: () => number): Promise<void> {
    const zone = rules().timeZone;
    if (zone !== this.timeZone) this.pending = null;
    this.draining ??= this.drain(rules, now).finally(() => (this.draining = null));
    return this.draining;
  }

  private async drain(rules: () => DeskSettings, now: () => number) {
    for (;;) {
      const settings = rules();
      let ids: string[];
      if (this.pending === null) {
        this.pending = new Set();
        this.columns.clear();
        this.timeZone = settings.timeZone;
        ids = this.store.all<CaseRecord>(CASES).map((c) => c.id);
      } else {
        if (this.pending.size === 0 && settings.timeZone === this.timeZone) return;
        if (settings.timeZone !== this.timeZone) {
          this.pending = null;
          continue;
        }
        ids = [...this.pending];
        this.pending.clear();
      }
      let t = performance.now();
      for (let i = 0; i < ids.length; i++) {
        const id = ids[i]!;
        const c = this.store.get<CaseRecord>(CASES, id);
        if (c) this.columns.set(id, caseFigures(c, settings, now(), this.assess));
        else this.columns.delete(id);
        if (performance.now() - t > SLICE_MS) {
          await yieldToLoop();
          if (this.pending === null) break; // the rules changed meanwhile: start over
          t = performance.now();
        }
      }
    }
  }

  stop() {
    this.unsubscribe();
  }
}

const projections = new WeakMap<object, DashboardProjection>();

/** The store's one projection, made on first use. */
export function dashboardProjection(services: Pick<Services, 'store' | 'settings' | 'now'>): DashboardProjection {
  const { store, settings, now } = services;
  let p = projections.get(store);
  // The queue and the SLA monitor read the same open cases: one kept reading serves all three.
  if (!p) projections.set(store, (p = new DashboardProjection(store, (c) => keptSla(c, { store, settings, now }, false))));
  return p;
}
