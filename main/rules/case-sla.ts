// The one reading of a stored case's SLA: the queue, the case page, the SLA monitor, the
// dashboard and the SLA report all call caseSla, so they can never disagree. A case is timed
// with the policy version in force when it opened, in the desk's zone and edited calendar.
import type { CaseRecord } from '../../shared/domain/case.js';
import { isOpenCase } from '../../shared/domain/ownership.js';
import type { RuleResult } from '../../shared/rules/decision.js';
import type { Policy } from '../../shared/rules/policy.js';
import type { DeskSettings } from './context.js';
import { BUNDLED_POLICIES, policyInForce } from './policy.js';
import type { SlaPause } from './service-clock.js';
import { assessSla, slaState, type SlaAssessment, type SlaCase, type SlaOptions, type SlaState } from './sla.js';

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

/** Statuses in which a case waits for the customer (work orders say the first, other cases the second). */
export const WAITING_STATUSES: readonly string[] = ['waiting-for-customer', 'pending-customer'];

/** The SLA input of a case with a severity (undefined without one). */
export function slaInputOf(record: CaseRecord): SlaCase | undefined {
  const d: Record<string, unknown> = { ...record.details }; // read defensively: imported cases carry any of it
  const severity = record.severity ?? (text(d.requestedSeverity) as SlaCase['severity'] | undefined);
  if (!severity) return undefined;
  const firstResponseAt = text(d.firstResponseAt);
  const updates = Array.isArray(d.updates)
    ? (d.updates as { at?: unknown }[]).map((u) => text(u?.at)).filter((at): at is string => at !== undefined)
    : [];
  const lastUpdateAt = text(d.lastUpdateAt);
  if (lastUpdateAt && !updates.includes(lastUpdateAt)) updates.push(lastUpdateAt);
  const escalationLevel = text(d.escalationLevel) as SlaCase['escalationLevel'];
  const severityRule = d.severityRule as RuleResult | undefined;
  return {
    severity,
    vip: record.vip,
    category: record.category,
    openedAt: record.openedAt,
    ...(firstResponseAt ? { firstResponseAt } : {}),
    ...(updates.length ? { updates } : {}),
    ...(escalationLevel ? { escalationLevel } : {}),
    waitingForCustomer: pausesOf(record),
    ...(severityRule ? { opening: { rule: severityRule, flagSupervisor: d.flagSupervisor === true } } : {}),
  };
}

/**
 * The stretches a case waited for the customer: those recorded in its details, and, for a case
 * whose status says it is waiting with no open stretch recorded (imported or seeded cases), one
 * from its last change (when the status was set) until now.
 */
function pausesOf(record: CaseRecord): SlaPause[] {
  const d: Record<string, unknown> = { ...record.details }; // read defensively: imported cases carry any of it
  const recorded = Array.isArray(d.pauses) ? (d.pauses as SlaPause[]) : [];
  if (WAITING_STATUSES.includes(record.status) && !recorded.some((p) => p.end === undefined)) {
    return [...recorded, { start: record.updatedAt, reason: `status ${record.status}` }];
  }
  return recorded;
}

/**
 * When a finished case's clocks stopped (undefined while it is open): its timers read as they stood
 * then. "Finished" is isOpenCase's, the queues' own notion: an approved compensation or a logged
 * call is no longer worked on, so its clock does not run on (policy section 3 times open cases).
 */
export function slaStoppedAt(record: CaseRecord): string | undefined {
  if (isOpenCase(record)) return undefined;
  const d: Record<string, unknown> = { ...record.details };
  return text(d.resolvedAt) ?? record.updatedAt;
}

/** The instant a case is read at: now while it is open, the moment it was closed afterwards. */
function readAt(record: CaseRecord, nowMs: number): number {
  const stopped = slaStoppedAt(record);
  return stopped === undefined ? nowMs : Math.min(nowMs, Date.parse(stopped));
}

/** The version a case is timed with: in force when it opened; before the first version, the earliest. */
export function policyAtOpening(record: Pick<CaseRecord, 'openedAt'>, policies: readonly Policy[] = BUNDLED_POLICIES): { policy: Policy; note?: string } | undefined {
  const inForce = policyInForce(policies, record.openedAt);
  if (inForce) return { policy: inForce };
  const earliest = [...policies].sort((a, b) => Date.parse(a.effectiveFrom) - Date.parse(b.effectiveFrom))[0];
  if (!earliest) return undefined;
  return { policy: earliest, note: `no policy version was in force when the case opened (${record.openedAt}); timed with the earliest, ${earliest.id}` };
}

/** The SLA of a stored case at `nowMs`, explained (undefined for a case without a severity). */
export function caseSla(record: CaseRecord, nowMs: number, desk: DeskSettings = {}): SlaAssessment | undefined {
  const read = readCase(record, nowMs, desk);
  if (!read) return undefined;
  const a = assessSla(read.slaCase, read.at, read.options);
  if (read.note) a.notes.push(read.note);
  return a;
}

/** The same reading as caseSla without its reasons: for the thousands of cases a queue or a report orders and counts. */
export function caseSlaState(record: CaseRecord, nowMs: number, desk: DeskSettings = {}): SlaState | undefined {
  const read = readCase(record, nowMs, desk);
  return read && slaState(read.slaCase, read.at, read.options);
}

function readCase(record: CaseRecord, nowMs: number, desk: DeskSettings): { slaCase: SlaCase; at: number; options: SlaOptions; note?: string } | undefined {
  const slaCase = slaInputOf(record);
  if (!slaCase) return undefined;
  const chosen = desk.policy ? { policy: desk.policy } : policyAtOpening(record, desk.policies ?? BUNDLED_POLICIES);
  if (!chosen) return undefined;
  const options: SlaOptions = {
    policy: chosen.policy,
    ...(desk.timeZone ? { timeZone: desk.timeZone } : {}),
    ...(desk.calendar ? { calendar: desk.calendar } : {}),
  };
  return { slaCase, at: readAt(record, nowMs), options, ...(chosen.note ? { note: chosen.note } : {}) };
}
