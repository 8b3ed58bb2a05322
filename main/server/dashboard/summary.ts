// The manager's dashboard figures. Each case is read once into its figures (caseFigures: what it
// adds to the dashboard, with its first-response SLA kept as a state or a due instant so it can
// be judged at any later now), and the figures of the cases in range are added up (Summing).
// The desk keeps every case's figures as events are applied (projection.ts); dashboardSummary
// here reads every case afresh, the reference the projection is tested against.
import Decimal from 'decimal.js';
import type { CaseRecord } from '../../../shared/domain/case.js';
import type { AgentFigures, Counted, DashboardSummary } from '../../../shared/contract/dashboard.js';
import { caseSlaState, dateInZone, slaStoppedAt, DEFAULT_TIME_ZONE, type DeskSettings, type SlaState } from '../../rules/index.js';
import { addDays, dayOfWeek } from '../../../shared/rules/zone.js';
import { parseBound } from '../../reports/rows.js';
import type { CaseStore } from '../../store/types.js';
import { DeskError } from '../errors.js';
import { CASES } from '../../../shared/domain/entities.js';

export interface SummaryQuery {
  from: string;
  to: string;
  bucket: 'day' | 'week';
  channel?: string | undefined;
  severity?: string | undefined;
  agent?: string | undefined;
}

/** What one case adds to the dashboard. */
export interface CaseFigures {
  openedMs: number;
  /** YYYY-MM-DD of the opening in the desk's zone. */
  day: string;
  channel: string;
  category: string;
  severity?: string;
  agent: string;
  /** Escalated above L1: the level. */
  escalation?: string;
  /** First response: met or breached for good, or due at dueMs (judged at min(now, capMs)). */
  firstResponse?: { state: 'met' | 'breached' } | { dueMs: number; capMs: number };
  kind?: 'refund' | 'compensation' | 'complaint';
  rejected?: boolean;
  /** A refund paid out (completed); the others not rejected are still to pay. */
  paid?: boolean;
  /** A rejection's reason, a complaint's subject. */
  reason?: string;
  /** Exact money: whole cents where the amount has at most two decimals, else the decimal string. */
  cents?: number;
  amount?: string;
  faultMinutes?: number;
  /** Compensation occurrences the engine excluded: their failed rule ids. */
  exclusions?: string[];
}

const obj = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' ? (v as Record<string, unknown>) : {});
const MONEY = /^-?\d+(\.\d+)?$/;
const CENTS = /^(-?)(\d{1,13})(?:\.(\d{1,2}))?$/;

function money(amount: unknown): Pick<CaseFigures, 'cents' | 'amount'> {
  if (typeof amount !== 'string' || !MONEY.test(amount)) return {};
  const m = CENTS.exec(amount);
  if (!m) return { amount };
  const cents = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  return { cents: m[1] ? -cents : cents };
}

/** A case's figures, read as the rules engine reads it at nowMs (its SLA state stays valid later, see firstResponse). */
export function caseFigures(c: CaseRecord, rules: DeskSettings, nowMs: number, assess: (c: CaseRecord) => SlaState | undefined = (r) => caseSlaState(r, nowMs, rules)): CaseFigures {
  const timeZone = rules.timeZone ?? DEFAULT_TIME_ZONE;
  const openedMs = Date.parse(c.openedAt);
  const d = obj(c.details);
  const review = obj(d.review);
  const f: CaseFigures = { openedMs, day: Number.isNaN(openedMs) ? '' : dateInZone(openedMs, timeZone), channel: c.channel, category: c.category, agent: c.agent };
  if (c.severity) f.severity = c.severity;
  if (typeof d.escalationLevel === 'string' && d.escalationLevel !== 'L1') f.escalation = d.escalationLevel;
  // Only the parts that do not move with time are kept: a reading made earlier of the same record serves.
  const a = assess(c);
  if (a) {
    const fr = a.firstResponse;
    if (fr.metAt !== undefined) f.firstResponse = { state: fr.state === 'met' ? 'met' : 'breached' };
    else {
      // Not responded: caseSla reads a closed case at the moment it closed, an open one at now.
      const stoppedAt = slaStoppedAt(c);
      f.firstResponse = { dueMs: Date.parse(fr.due), capMs: stoppedAt === undefined ? Number.POSITIVE_INFINITY : Date.parse(stoppedAt) };
    }
  }
  if (c.type === 'refund') {
    f.kind = 'refund';
    if (c.status === 'rejected' || c.status === 'rejected-by-rules') {
      f.rejected = true;
      // Rejected by the rules: the failed rule ids are the reason.
      f.reason = typeof review.reason === 'string' ? review.reason : Array.isArray(d.failedRules) ? d.failedRules.join(', ') : '';
    } else Object.assign(f, money(d.amount), c.status === 'completed' ? { paid: true } : {});
  } else if (c.type === 'compensation') {
    f.kind = 'compensation';
    if (c.status === 'rejected') {
      f.rejected = true;
      f.reason = typeof review.reason === 'string' ? review.reason : '';
    } else {
      if (typeof d.faultMinutes === 'number') f.faultMinutes = d.faultMinutes;
      Object.assign(f, money(d.amount));
    }
    // Occurrences the engine excluded (a non-compensable cause): their rule's reason.
    const decision = obj(d.decision);
    if (Array.isArray(decision.rules)) {
      // C6 (the email subject) is advice, never an exclusion (policy section 6).
      const failed = (decision.rules as { id?: string; result?: string }[]).filter((r) => r.result === 'failed' && typeof r.id === 'string' && r.id !== 'C6').map((r) => r.id!);
      if (failed.length) f.exclusions = failed;
    }
  } else if (c.type === 'complaint') {
    f.kind = 'complaint';
    f.reason = typeof d.subject === 'string' ? d.subject : '';
  }
  return f;
}

class Tally {
  private readonly counts = new Map<string, number>();
  add(key: string) {
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }
  list(): Counted[] {
    return [...this.counts].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1));
  }
}

/** Exact sum: whole cents in a safe integer, folded into a Decimal before it could lose a cent. */
class Money {
  private cents = 0;
  private decimal = new Decimal(0);
  add(f: CaseFigures) {
    if (f.cents !== undefined) {
      if (Math.abs(this.cents) > Number.MAX_SAFE_INTEGER / 2) this.fold();
      this.cents += f.cents;
    } else if (f.amount !== undefined) this.decimal = this.decimal.plus(f.amount);
  }
  private fold() {
    this.decimal = this.decimal.plus(new Decimal(this.cents).dividedBy(100));
    this.cents = 0;
  }
  toFixed() {
    this.fold();
    return this.decimal.toFixed(2);
  }
}

/** Monday of the week of a date (ISO weeks). */
function weekOf(date: string): string {
  const dow = dayOfWeek(date); // 0 = Sunday
  return addDays(date, -((dow + 6) % 7));
}

/** The query's bounds in the desk's zone, or the field error. */
export function summaryRange(query: SummaryQuery, rules: DeskSettings): { fromMs: number; toMs: number } {
  const timeZone = rules.timeZone ?? DEFAULT_TIME_ZONE;
  const fromMs = parseBound(query.from, 'from', timeZone);
  const toMs = parseBound(query.to, 'to', timeZone);
  if (fromMs === undefined) throw new DeskError('invalid-input', 'a date YYYY-MM-DD', 'from');
  if (toMs === undefined) throw new DeskError('invalid-input', 'a date YYYY-MM-DD', 'to');
  if (toMs <= fromMs) throw new DeskError('invalid-input', 'must not be before the start date', 'to');
  return { fromMs, toMs };
}

/** Adds up the figures of the cases a query selects. */
export class Summing {
  private readonly series = new Map<string, number>();
  private readonly byChannel = new Tally();
  private readonly byCategory = new Tally();
  private readonly bySeverity = new Tally();
  private readonly escalationLevels = new Tally();
  private readonly rejectionReasons = new Tally();
  private readonly exclusionReasons = new Tally();
  private readonly complaintSubjects = new Tally();
  private readonly agents = new Map<string, AgentFigures>();
  private readonly sla = { assessed: 0, met: 0, breached: 0, pending: 0 };
  private total = 0;
  private escalations = 0;
  private readonly refunds = { count: 0, amount: new Money(), paid: new Money(), toPay: new Money(), rejected: 0 };
  private readonly compensation = { claims: 0, minutes: 0, amount: new Money(), rejected: 0 };
  private complaints = 0;
  private readonly fromMs: number;
  private readonly toMs: number;

  constructor(
    private readonly query: SummaryQuery,
    private readonly rules: DeskSettings,
    private readonly nowMs: number,
  ) {
    ({ fromMs: this.fromMs, toMs: this.toMs } = summaryRange(query, rules));
  }

  add(f: CaseFigures) {
    const { query } = this;
    if (!(f.openedMs >= this.fromMs && f.openedMs < this.toMs)) return;
    if (query.channel && f.channel !== query.channel) return;
    if (query.severity && f.severity !== query.severity) return;
    if (query.agent && f.agent !== query.agent) return;
    this.total++;
    const period = query.bucket === 'week' ? weekOf(f.day) : f.day;
    this.series.set(period, (this.series.get(period) ?? 0) + 1);
    this.byChannel.add(f.channel);
    this.byCategory.add(f.category);
    if (f.severity) this.bySeverity.add(f.severity);
    let agent = this.agents.get(f.agent);
    if (!agent) this.agents.set(f.agent, (agent = { agent: f.agent, cases: 0, refunds: 0, compensation: 0, complaints: 0, firstResponseMet: 0, firstResponseBreached: 0 }));
    agent.cases++;
    if (f.escalation) {
      this.escalations++;
      this.escalationLevels.add(f.escalation);
    }
    if (f.firstResponse) {
      const fr = f.firstResponse;
      const state = 'state' in fr ? fr.state : Math.min(this.nowMs, fr.capMs) <= fr.dueMs ? 'pending' : 'breached';
      this.sla.assessed++;
      if (state === 'met') {
        this.sla.met++;
        agent.firstResponseMet++;
      } else if (state === 'breached') {
        this.sla.breached++;
        agent.firstResponseBreached++;
      } else this.sla.pending++;
    }
    if (f.kind === 'refund') {
      agent.refunds++;
      if (f.rejected) {
        this.refunds.rejected++;
        this.rejectionReasons.add(f.reason ?? '');
      } else {
        this.refunds.count++;
        this.refunds.amount.add(f);
        (f.paid ? this.refunds.paid : this.refunds.toPay).add(f);
      }
    } else if (f.kind === 'compensation') {
      agent.compensation++;
      if (f.rejected) {
        this.compensation.rejected++;
        this.rejectionReasons.add(f.reason ?? '');
      } else {
        this.compensation.claims++;
        this.compensation.minutes += f.faultMinutes ?? 0;
        this.compensation.amount.add(f);
      }
      for (const id of f.exclusions ?? []) this.exclusionReasons.add(id);
    } else if (f.kind === 'complaint') {
      agent.complaints++;
      this.complaints++;
      this.complaintSubjects.add(f.reason ?? '');
    }
  }

  result(): DashboardSummary {
    const { query, sla } = this;
    const timeZone = this.rules.timeZone ?? DEFAULT_TIME_ZONE;
    // Every period of the range, empty ones too, so the chart's axis is honest.
    const points: { period: string; count: number }[] = [];
    const first = dateInZone(this.fromMs, timeZone);
    const last = dateInZone(this.toMs - 1, timeZone);
    let p = query.bucket === 'week' ? weekOf(first) : first;
    for (let guard = 0; p <= last && guard < 1000; guard++, p = addDays(p, query.bucket === 'week' ? 7 : 1)) {
      points.push({ period: p, count: this.series.get(p) ?? 0 });
    }
    const judged = sla.met + sla.breached;
    return {
      from: query.from,
      to: query.to,
      bucket: query.bucket,
      totalCases: this.total,
      series: points,
      byChannel: this.byChannel.list(),
      byCategory: this.byCategory.list(),
      bySeverity: this.bySeverity.list(),
      sla: { ...sla, compliancePercent: judged === 0 ? '—' : new Decimal(sla.met).times(100).dividedBy(judged).toFixed(1) },
      escalations: { count: this.escalations, byLevel: this.escalationLevels.list() },
      refunds: {
        count: this.refunds.count,
        amount: this.refunds.amount.toFixed(),
        completedAmount: this.refunds.paid.toFixed(),
        pendingAmount: this.refunds.toPay.toFixed(),
        rejected: this.refunds.rejected,
        rejectionReasons: this.rejectionReasons.list() },
      compensation: {
        claims: this.compensation.claims,
        minutes: this.compensation.minutes,
        amount: this.compensation.amount.toFixed(),
        rejected: this.compensation.rejected,
        exclusionReasons: this.exclusionReasons.list(),
      },
      complaints: { count: this.complaints, bySubject: this.complaintSubjects.list() },
      agents: [...this.agents.values()].sort((a, b) => b.cases - a.cases || (a.agent < b.agent ? -1 : 1)),
    };
  }
}

/** The figures read afresh from every case (the reference; the desk answers from projection.ts). */
export function dashboardSummary(store: Pick<CaseStore, 'all'>, rules: DeskSettings, query: SummaryQuery, nowMs: number): DashboardSummary {
  const sum = new Summing(query, rules, nowMs);
  for (const c of store.all<CaseRecord>(CASES)) sum.add(caseFigures(c, rules, nowMs));
  return sum.result();
}
