// The manager's dashboard figures. Each case is read once into its figures (caseFigures: what it
// adds to the dashboard, with its first-response SLA kept as a state or a due instant so it can
// be judged at any later now), held in columns (columns.ts), and the figures of the cases in
// range are added up (Summing).
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
import { FigureColumns, FR, KIND, PAID, REJECTED, type Names } from './columns.js';

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

/** A name table's counts as a list, most first (ties by name). */
function counted(names: readonly string[], counts: ArrayLike<number>): Counted[] {
  const list: Counted[] = [];
  for (let i = 0; i < names.length; i++) if (counts[i]! > 0) list.push({ key: names[i]!, count: counts[i]! });
  return list.sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1));
}

/** Exact sum: whole cents in a safe integer, folded into a Decimal before it could lose a cent. */
class Money {
  private cents = 0;
  private decimal = new Decimal(0);
  /** Whole cents, or (cents NaN) an amount with more decimals. */
  add(cents: number, amount: string | undefined) {
    if (cents === cents) {
      if (Math.abs(this.cents) > Number.MAX_SAFE_INTEGER / 2) this.fold();
      this.cents += cents;
    } else if (amount !== undefined) this.decimal = this.decimal.plus(amount);
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

/** No case has the value a filter asks for. */
const NONE = -2;
/** No filter. */
const ANY = -1;

/** Adds up the figures of the cases a query selects, from a FigureColumns' slots. */
export class Summing {
  private readonly perDay: Int32Array;
  private readonly perChannel: Int32Array;
  private readonly perCategory: Int32Array;
  private readonly perSeverity: Int32Array;
  private readonly perLevel: Int32Array;
  private readonly rejections: Int32Array;
  private readonly subjects: Int32Array;
  private readonly perExclusionList: Int32Array;
  /** Per agent: cases, refunds, compensation, complaints, first response met, breached. */
  private readonly perAgent: Int32Array;
  private readonly sla = { assessed: 0, met: 0, breached: 0, pending: 0 };
  private total = 0;
  private escalations = 0;
  private readonly refunds = { count: 0, amount: new Money(), paid: new Money(), toPay: new Money(), rejected: 0 };
  private readonly compensation = { claims: 0, minutes: 0, amount: new Money(), rejected: 0 };
  private complaints = 0;
  private readonly fromMs: number;
  private readonly toMs: number;
  private readonly channel: number;
  private readonly severity: number;
  private readonly agent: number;

  constructor(
    private readonly query: SummaryQuery,
    private readonly rules: DeskSettings,
    private readonly nowMs: number,
    private readonly columns: FigureColumns,
  ) {
    ({ fromMs: this.fromMs, toMs: this.toMs } = summaryRange(query, rules));
    const c = columns;
    const filter = (value: string | undefined, names: Names, offset: number) => {
      if (!value) return ANY;
      const at = names.find(value);
      return at >= 0 ? at + offset : NONE;
    };
    this.channel = filter(query.channel, c.channels, 0);
    this.severity = filter(query.severity, c.severities, 1);
    this.agent = filter(query.agent, c.agents, 0);
    this.perDay = new Int32Array(c.days.list.length);
    this.perChannel = new Int32Array(c.channels.list.length);
    this.perCategory = new Int32Array(c.categories.list.length);
    this.perSeverity = new Int32Array(c.severities.list.length + 1);
    this.perLevel = new Int32Array(c.levels.list.length + 1);
    this.rejections = new Int32Array(c.reasons.list.length + 1);
    this.subjects = new Int32Array(c.reasons.list.length + 1);
    this.perExclusionList = new Int32Array(c.exclusionLists.list.length + 1);
    this.perAgent = new Int32Array(c.agents.list.length * 6);
  }

  /** Adds the selected cases among slots [start, end); the columns must not change meanwhile. */
  addSlots(start: number, end: number) {
    const { fromMs, toMs, nowMs, sla, refunds, compensation, perAgent, perDay, perChannel, perCategory, perSeverity } = this;
    const c = this.columns;
    const { opened, day, channel, category, severity, agent, flags, fr, cents, amount } = c;
    const amounts = c.amounts.list;
    const [channelWanted, severityWanted, agentWanted] = [this.channel, this.severity, this.agent];
    for (let i = start; i < end; i++) {
      const o = opened[i]!;
      if (!(o >= fromMs && o < toMs)) continue;
      if (channelWanted !== ANY && channel[i] !== channelWanted) continue;
      if (severityWanted !== ANY && severity[i] !== severityWanted) continue;
      if (agentWanted !== ANY && agent[i] !== agentWanted) continue;
      this.total++;
      perDay[day[i]!]!++;
      perChannel[channel[i]!]!++;
      perCategory[category[i]!]!++;
      perSeverity[severity[i]!]!++;
      const a = agent[i]! * 6;
      perAgent[a]!++;
      const level = c.escalation[i]!;
      if (level) {
        this.escalations++;
        this.perLevel[level]!++;
      }
      let state = fr[i]!;
      if (state !== FR.none) {
        // Still due (pending) until min(now, the moment it stopped) passes the due time.
        if (state === FR.due && Math.min(nowMs, c.cap[i]!) > c.due[i]!) state = FR.breached;
        sla.assessed++;
        if (state === FR.met) {
          sla.met++;
          perAgent[a + 4]!++;
        } else if (state === FR.breached) {
          sla.breached++;
          perAgent[a + 5]!++;
        } else sla.pending++;
      }
      const f = flags[i]!;
      const kind = f & 3;
      if (kind === KIND.refund) {
        perAgent[a + 1]!++;
        if (f & REJECTED) {
          refunds.rejected++;
          this.rejections[c.reason[i]!]!++;
        } else {
          const ct = cents[i]!;
          const decimal = amount[i] ? amounts[amount[i]! - 1] : undefined;
          refunds.count++;
          refunds.amount.add(ct, decimal);
          (f & PAID ? refunds.paid : refunds.toPay).add(ct, decimal);
        }
      } else if (kind === KIND.compensation) {
        perAgent[a + 2]!++;
        if (f & REJECTED) {
          compensation.rejected++;
          this.rejections[c.reason[i]!]!++;
        } else {
          compensation.claims++;
          compensation.minutes += c.minutes[i]!;
          compensation.amount.add(cents[i]!, amount[i] ? amounts[amount[i]! - 1] : undefined);
        }
        this.perExclusionList[c.exclusions[i]!]!++;
      } else if (kind === KIND.complaint) {
        perAgent[a + 3]!++;
        this.complaints++;
        this.subjects[c.reason[i]!]!++;
      }
    }
  }

  result(): DashboardSummary {
    const { query, sla, columns: c } = this;
    const timeZone = this.rules.timeZone ?? DEFAULT_TIME_ZONE;
    const series = new Map<string, number>();
    c.days.list.forEach((day, i) => {
      if (!this.perDay[i]) return;
      const period = query.bucket === 'week' ? weekOf(day) : day;
      series.set(period, (series.get(period) ?? 0) + this.perDay[i]!);
    });
    // Every period of the range, empty ones too, so the chart's axis is honest.
    const points: { period: string; count: number }[] = [];
    const first = dateInZone(this.fromMs, timeZone);
    const last = dateInZone(this.toMs - 1, timeZone);
    let p = query.bucket === 'week' ? weekOf(first) : first;
    for (let guard = 0; p <= last && guard < 1000; guard++, p = addDays(p, query.bucket === 'week' ? 7 : 1)) {
      points.push({ period: p, count: series.get(p) ?? 0 });
    }
    // Counts kept by number + 1 (0: none) are listed from their second entry.
    const optional = (names: Names, counts: Int32Array) => counted(names.list, counts.subarray(1));
    const excluded = new Map<string, number>();
    c.exclusionLists.list.forEach((ids, i) => {
      const n = this.perExclusionList[i + 1]!;
      if (n) for (const id of ids.split('\n')) excluded.set(id, (excluded.get(id) ?? 0) + n);
    });
    const agents: AgentFigures[] = [];
    c.agents.list.forEach((agent, i) => {
      const [cases, refunds, compensation, complaints, firstResponseMet, firstResponseBreached] = this.perAgent.subarray(i * 6, i * 6 + 6);
      if (cases) agents.push({ agent, cases, refunds: refunds!, compensation: compensation!, complaints: complaints!, firstResponseMet: firstResponseMet!, firstResponseBreached: firstResponseBreached! });
    });
    const judged = sla.met + sla.breached;
    return {
      from: query.from,
      to: query.to,
      bucket: query.bucket,
      totalCases: this.total,
      series: points,
      byChannel: counted(c.channels.list, this.perChannel),
      byCategory: counted(c.categories.list, this.perCategory),
      bySeverity: optional(c.severities, this.perSeverity),
      sla: { ...sla, compliancePercent: judged === 0 ? '—' : new Decimal(sla.met).times(100).dividedBy(judged).toFixed(1) },
      escalations: { count: this.escalations, byLevel: optional(c.levels, this.perLevel) },
      refunds: {
        count: this.refunds.count,
        amount: this.refunds.amount.toFixed(),
        completedAmount: this.refunds.paid.toFixed(),
        pendingAmount: this.refunds.toPay.toFixed(),
        rejected: this.refunds.rejected,
        rejectionReasons: optional(c.reasons, this.rejections),
      },
      compensation: {
        claims: this.compensation.claims,
        minutes: this.compensation.minutes,
        amount: this.compensation.amount.toFixed(),
        rejected: this.compensation.rejected,
        exclusionReasons: counted([...excluded.keys()], [...excluded.values()]),
      },
      complaints: { count: this.complaints, bySubject: optional(c.reasons, this.subjects) },
      agents: agents.sort((a, b) => b.cases - a.cases || (a.agent < b.agent ? -1 : 1)),
    };
  }
}

/** The figures read afresh from every case (the reference; the desk answers from projection.ts). */
export function dashboardSummary(store: Pick<CaseStore, 'all'>, rules: DeskSettings, query: SummaryQuery, nowMs: number): DashboardSummary {
  summaryRange(query, rules);
  const columns = new FigureColumns();
  for (const c of store.all<CaseRecord>(CASES)) columns.set(c.id, caseFigures(c, rules, nowMs));
  const sum = new Summing(query, rules, nowMs, columns);
  sum.addSlots(0, columns.size);
  return sum.result();
}
