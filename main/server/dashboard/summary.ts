// The manager's dashboard figures: one pass over the cases, no per-case I/O, exact money.
import Decimal from 'decimal.js';
import type { CaseRecord } from '../../../shared/domain/case.js';
import type { AgentFigures, Counted, DashboardSummary } from '../../../shared/contract/dashboard.js';
import { caseSla, dateInZone, DEFAULT_TIME_ZONE, type DeskSettings } from '../../rules/index.js';
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

const obj = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' ? (v as Record<string, unknown>) : {});
const MONEY = /^-?\d+(\.\d+)?$/;

class Tally {
  private readonly counts = new Map<string, number>();
  add(key: string, n = 1) {
    this.counts.set(key, (this.counts.get(key) ?? 0) + n);
  }
  list(): Counted[] {
    return [...this.counts].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1));
  }
}

/** Monday of the week of a date (ISO weeks). */
function weekOf(date: string): string {
  const dow = dayOfWeek(date); // 0 = Sunday
  return addDays(date, -((dow + 6) % 7));
}

export function dashboardSummary(store: Pick<CaseStore, 'all'>, rules: DeskSettings, query: SummaryQuery, nowMs: number): DashboardSummary {
  const timeZone = rules.timeZone ?? DEFAULT_TIME_ZONE;
  const fromMs = parseBound(query.from, 'from', timeZone);
  const toMs = parseBound(query.to, 'to', timeZone);
  if (fromMs === undefined) throw new DeskError('invalid-input', 'a date YYYY-MM-DD', 'from');
  if (toMs === undefined) throw new DeskError('invalid-input', 'a date YYYY-MM-DD', 'to');
  if (toMs <= fromMs) throw new DeskError('invalid-input', 'must not be before the start date', 'to');

  const series = new Map<string, number>();
  const byChannel = new Tally();
  const byCategory = new Tally();
  const bySeverity = new Tally();
  const escalationLevels = new Tally();
  const rejectionReasons = new Tally();
  const exclusionReasons = new Tally();
  const complaintSubjects = new Tally();
  const agents = new Map<string, AgentFigures>();
  const sla = { assessed: 0, met: 0, breached: 0, pending: 0 };
  let total = 0;
  let escalations = 0;
  const refunds = { count: 0, amount: new Decimal(0), rejected: 0 };
  const compensation = { claims: 0, minutes: 0, amount: new Decimal(0), rejected: 0 };
  let complaints = 0;

  for (const c of store.all<CaseRecord>(CASES)) {
    const ms = Date.parse(c.openedAt);
    if (!(ms >= fromMs && ms < toMs)) continue;
    if (query.channel && c.channel !== query.channel) continue;
    if (query.severity && c.severity !== query.severity) continue;
    if (query.agent && c.agent !== query.agent) continue;
    total++;
    const day = dateInZone(ms, timeZone);
    const period = query.bucket === 'week' ? weekOf(day) : day;
    series.set(period, (series.get(period) ?? 0) + 1);
    byChannel.add(c.channel);
    byCategory.add(c.category);
    if (c.severity) bySeverity.add(c.severity);
    let agent = agents.get(c.agent);
    if (!agent) agents.set(c.agent, (agent = { agent: c.agent, cases: 0, refunds: 0, compensation: 0, complaints: 0, firstResponseMet: 0, firstResponseBreached: 0 }));
    agent.cases++;
    const d = obj(c.details);
    const review = obj(d.review);

    if (typeof d.escalationLevel === 'string' && d.escalationLevel !== 'L1') {
      escalations++;
      escalationLevels.add(d.escalationLevel);
    }

    const a = caseSla(c, nowMs, rules);
    if (a) {
      sla.assessed++;
      if (a.firstResponse.state === 'met') {
        sla.met++;
        agent.firstResponseMet++;
      } else if (a.firstResponse.state === 'breached') {
        sla.breached++;
        agent.firstResponseBreached++;
      } else sla.pending++;
    }

    if (c.type === 'refund') {
      agent.refunds++;
      if (c.status === 'rejected' || c.status === 'rejected-by-rules') {
        refunds.rejected++;
        // Rejected by the rules: the failed rule ids are the reason.
        rejectionReasons.add(typeof review.reason === 'string' ? review.reason : Array.isArray(d.failedRules) ? d.failedRules.join(', ') : '');
      } else {
        refunds.count++;
        if (typeof d.amount === 'string' && MONEY.test(d.amount)) refunds.amount = refunds.amount.plus(d.amount);
      }
    } else if (c.type === 'compensation') {
      agent.compensation++;
      if (c.status === 'rejected') {
        compensation.rejected++;
        rejectionReasons.add(typeof review.reason === 'string' ? review.reason : '');
      } else {
        compensation.claims++;
        if (typeof d.faultMinutes === 'number') compensation.minutes += d.faultMinutes;
        if (typeof d.amount === 'string' && MONEY.test(d.amount)) compensation.amount = compensation.amount.plus(d.amount);
      }
      // Occurrences the engine excluded (a non-compensable cause): their rule's reason.
      const decision = obj(d.decision);
      if (Array.isArray(decision.rules)) {
        for (const rule of decision.rules as { id?: string; result?: string }[]) {
          if (rule.result === 'failed' && typeof rule.id === 'string') exclusionReasons.add(rule.id);
        }
      }
    } else if (c.type === 'complaint') {
      agent.complaints++;
      complaints++;
      complaintSubjects.add(typeof d.subject === 'string' ? d.subject : '');
    }
  }

  // Every period of the range, empty ones too, so the chart's axis is honest.
  const points: { period: string; count: number }[] = [];
  const first = dateInZone(fromMs, timeZone);
  const last = dateInZone(toMs - 1, timeZone);
  let p = query.bucket === 'week' ? weekOf(first) : first;
  for (let guard = 0; p <= last && guard < 1000; guard++, p = addDays(p, query.bucket === 'week' ? 7 : 1)) {
    points.push({ period: p, count: series.get(p) ?? 0 });
  }
  const judged = sla.met + sla.breached;
  return {
    from: query.from,
    to: query.to,
    bucket: query.bucket,
    totalCases: total,
    series: points,
    byChannel: byChannel.list(),
    byCategory: byCategory.list(),
    bySeverity: bySeverity.list(),
    sla: { ...sla, compliancePercent: judged === 0 ? '—' : new Decimal(sla.met).times(100).dividedBy(judged).toFixed(1) },
    escalations: { count: escalations, byLevel: escalationLevels.list() },
    refunds: { count: refunds.count, amount: refunds.amount.toFixed(2), rejected: refunds.rejected, rejectionReasons: rejectionReasons.list() },
    compensation: { claims: compensation.claims, minutes: compensation.minutes, amount: compensation.amount.toFixed(2), rejected: compensation.rejected, exclusionReasons: exclusionReasons.list() },
    complaints: { count: complaints, bySubject: complaintSubjects.list() },
    agents: [...agents.values()].sort((a, b) => b.cases - a.cases || (a.agent < b.agent ? -1 : 1)),
  };
}
