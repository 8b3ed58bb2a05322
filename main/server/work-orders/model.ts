// Work orders: lifecycle, the SLA figures from the rules engine, and the in-memory set of
// open work orders the SLA monitor and the queue work from (never a scan of every case).
import type { SlaView, WorkOrderDetails, WorkOrderRecord, WorkOrderStatus } from '../../../shared/contract/work-orders.js';
import type { CaseRecord } from '../../../shared/domain/case.js';
import { isOpenCase } from '../../../shared/domain/ownership.js';
import { isWorkOrder } from '../../../shared/domain/work-order.js';
import { caseSla, slaStoppedAt, WAITING_STATUSES, type SlaAssessment, type SlaState } from '../../rules/index.js';
import type { CaseStore, StoredEvent } from '../../store/types.js';
import type { Services } from '../context.js';
import { deskRules } from '../policy/rules-context.js';
import { CASES } from '../../../shared/domain/entities.js';

/** Where each status may go next. Escalation goes through workOrders.escalate (it needs a reason). */
export const TRANSITIONS: Record<WorkOrderStatus, readonly WorkOrderStatus[]> = {
  new: ['in-progress', 'waiting-for-customer', 'resolved'],
  'in-progress': ['waiting-for-customer', 'resolved'],
  'waiting-for-customer': ['in-progress', 'resolved'],
  escalated: ['in-progress', 'waiting-for-customer', 'resolved'],
  resolved: ['in-progress', 'closed'],
  closed: [],
};

export { isWorkOrder };

export const isOpenWorkOrder = (record: CaseRecord | undefined): record is WorkOrderRecord =>
  isWorkOrder(record) && isOpenCase(record);

/** The desk's one SLA reading of a case (the rules engine's caseSla), undefined without a severity. */
export function slaOfCase(record: CaseRecord, services: Pick<Services, 'store' | 'settings' | 'now'>): SlaAssessment | undefined {
  return caseSla(record, services.now().getTime(), deskRules(services));
}

/** The SLA of a work order: timed with the policy in force when it opened, with VIP targets and pauses. */
export function assessWorkOrder(record: WorkOrderRecord, services: Pick<Services, 'store' | 'settings' | 'now'>): SlaAssessment {
  return slaOfCase(record, services)!; // a work order always has a severity
}

export function toSlaView(record: CaseRecord, a: SlaAssessment): SlaView {
  const view: SlaView = {
    policyVersion: a.policyVersion,
    severity: a.severity,
    flagSupervisor: a.flagSupervisor,
    outcome: a.outcome,
    firstResponse: a.firstResponse,
    breached: a.breached,
    paused: a.nextUpdate?.state === 'paused' || WAITING_STATUSES.includes(record.status),
    pausedMinutes: a.pausedMinutes,
    clock: a.clock,
    rules: a.rules,
    notes: a.notes,
  };
  if (a.nextUpdate) view.nextUpdate = a.nextUpdate;
  if (a.escalateTo) view.escalateTo = a.escalateTo;
  const stoppedAt = slaStoppedAt(record);
  if (stoppedAt) view.stoppedAt = stoppedAt;
  return view;
}

/** The running timer that is due soonest (the one the agent counts down to). */
export function runningDue(a: SlaState): { at: string; kind: 'firstResponse' | 'nextUpdate' } | undefined {
  if (a.firstResponse.state !== 'met') return { at: a.firstResponse.due, kind: 'firstResponse' };
  if (a.nextUpdate) return { at: a.nextUpdate.due, kind: 'nextUpdate' };
  return undefined;
}

/** Timers of an assessment that are breached and not yet recorded as breaches. */
export function newBreaches(record: WorkOrderRecord, a: SlaState) {
  const known = new Set(record.details.breaches.map((b) => `${b.timer}@${b.due}`));
  const timers = [
    { timer: 'firstResponse' as const, t: a.firstResponse },
    ...(a.nextUpdate ? [{ timer: 'nextUpdate' as const, t: a.nextUpdate }] : []),
  ];
  return timers.filter(({ timer, t }) => t.state === 'breached' && !known.has(`${timer}@${t.due}`)).map(({ timer, t }) => ({ timer, due: t.due }));
}

/** An open case the SLA clock runs for: it has a severity and is not closed (work orders and others alike). */
export const isTimedOpenCase = (record: unknown): record is CaseRecord => {
  const r = record as CaseRecord | undefined;
  if (!r || typeof r !== 'object' || !isOpenCase(r)) return false;
  return r.severity !== undefined || typeof r.details?.requestedSeverity === 'string';
};

/** The ids of open cases with an SLA, and of VIP cases still worked on, kept current from the store's events (one scan at start). */
export interface OpenWorkOrders {
  ids: ReadonlySet<string>;
  /** VIP cases still worked on: the queue puts them right after the breached ones. */
  vip: ReadonlySet<string>;
  /** Bumped on every change to a case, so cached queue orderings know to rebuild. */
  version(): number;
}

const isOpenVip = (r: CaseRecord | undefined) => r?.vip === true && isOpenCase(r);

const trackers = new WeakMap<CaseStore, OpenWorkOrders>();

export function openWorkOrders(store: CaseStore): OpenWorkOrders {
  let tracker = trackers.get(store);
  if (tracker) return tracker;
  const ids = new Set<string>();
  const vip = new Set<string>();
  let version = 0;
  const note = (id: string, record: CaseRecord | undefined) => {
    if (isTimedOpenCase(record)) ids.add(id);
    else ids.delete(id);
    if (isOpenVip(record)) vip.add(id);
    else vip.delete(id);
  };
  for (const record of store.all<CaseRecord>(CASES)) note(record.id, record);
  store.subscribe((event: StoredEvent) => {
    for (const change of event.changes) {
      if (change.entity !== CASES) continue;
      version++;
      note(change.id, change.op === 'delete' ? undefined : store.get<CaseRecord>(CASES, change.id));
    }
  });
  tracker = { ids, vip, version: () => version };
  trackers.set(store, tracker);
  return tracker;
}
