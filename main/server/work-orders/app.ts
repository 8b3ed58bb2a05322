// Work orders (policy sections 3, 4, 8): create with quality check and key-event severity,
// lifecycle, structured updates, escalation, SLA figures. Every decision from main/rules.
import {
  type KeyEventRecord,
  type QualityView,
  type WorkOrderDetails,
  type WorkOrderRecord,
  type WorkOrderStatus,
} from '../../../shared/contract/work-orders.js';
import type { CaseRecord, Customer } from '../../../shared/domain/case.js';
import { assessWorkOrderQuality, classifyScope, nextEscalationLevel, openingSeverity, type WorkOrderDraft } from '../../rules/index.js';
import type { HandlerContext, Handlers, Services } from '../context.js';
import { DeskError, notFound } from '../errors.js';
import { currentPolicy, deskRules } from '../policy/rules-context.js';
import { storeAttachments } from './attachments.js';
import { isWorkOrder, slaOfCase, toSlaView, TRANSITIONS } from './model.js';
import { queueHandlers } from './queue.js';
import { CASES, CUSTOMERS, KEY_EVENTS } from '../../../shared/domain/entities.js';
import { allocateId } from '../ids.js';
import { caseOrigin } from '../workspace/workflow.js';
import { caseHistory } from '../cases/history.js';
import { assignee } from '../cases/assignment.js';
import { levelRank } from '../../../shared/domain/ownership.js';

type Stored<T> = T & { [key: string]: unknown };


export function keyEventsOf(services: Pick<Services, 'store'>, account: string): KeyEventRecord[] {
  return services.store.ofAccount<Stored<KeyEventRecord>>(KEY_EVENTS, account);
}

function toDraft(record: WorkOrderRecord): WorkOrderDraft {
  const d = record.details;
  return {
    summary: record.summary,
    ...(record.severity ? { severity: record.severity } : {}),
    businessImpact: d.businessImpact,
    evidence: [...d.evidence, ...d.attachments.map((a) => a.name)],
    errorCodes: record.errorCodes,
    stepsTried: d.stepsTried,
    updates: d.updates.map((u) => ({ done: u.done, observed: u.observed })),
    ...(d.incident ? { incident: d.incident } : {}),
  };
}

function quality(draft: WorkOrderDraft, services: Pick<Services, 'store' | 'now'>): QualityView {
  const report = assessWorkOrderQuality(draft, currentPolicy(services));
  return { score: report.score, missing: report.missing, policyVersion: report.policyVersion, rules: report.rules };
}

function loadWorkOrder(ctx: HandlerContext, id: string): WorkOrderRecord {
  const record = ctx.store.get<Stored<CaseRecord>>(CASES, id);
  if (!record) throw notFound('case', 'id');
  if (!isWorkOrder(record)) throw new DeskError('conflict', `${id} is a ${record.type} case, not a work order`, 'id');
  return record;
}

/** Records one change to a work order as one event (the desk tells every window). */
function save(
  ctx: HandlerContext,
  record: WorkOrderRecord,
  action: string,
  patch: Partial<CaseRecord> & { details: WorkOrderDetails },
  reason?: string,
): WorkOrderRecord {
  const now = ctx.now().toISOString();
  const full = { ...patch, updatedAt: now };
  ctx.store.append({
    actor: ctx.operator.username,
    action,
    ...(reason ? { reason } : {}),
    changes: [{ entity: CASES, id: record.id, op: 'patch', patch: full }],
  });
  return { ...record, ...full } as WorkOrderRecord;
}

/** Closing an open SLA pause when the case stops waiting for the customer. */
function closePauses(pauses: WorkOrderDetails['pauses'], now: string) {
  return pauses.map((p) => (p.end === undefined ? { ...p, end: now } : p));
}

/** Resolving needs a response to the customer: a case with no first response and no update cannot be resolved. */
function requireResponse(record: WorkOrderRecord) {
  const d = record.details;
  if (d.firstResponseAt === undefined && d.updates.length === 0) {
    throw new DeskError(
      'conflict',
      `${record.id} (${record.severity ?? d.requestedSeverity}) has had no response and no update: record a structured update (what was done, what was observed) before resolving`,
      'status',
    );
  }
}

export function nextStatuses(record: CaseRecord): string[] {
  if (!isWorkOrder(record)) return [];
  return [...(TRANSITIONS[record.status as WorkOrderStatus] ?? [])];
}

export const workOrderHandlers: Pick<
  Handlers,
  | 'workOrders.quality'
  | 'workOrders.create'
  | 'workOrders.get'
  | 'workOrders.transition'
  | 'workOrders.update'
  | 'workOrders.escalate'
  | 'keyEvents.register'
  | 'keyEvents.list'
  | 'queue.list'
> = {
  ...queueHandlers,

  'workOrders.quality'(input, ctx) {
    const evidence = [...input.evidence, ...Array.from({ length: input.attachmentCount }, () => 'attached file')];
    return quality({ ...input, evidence }, ctx);
  },

  'workOrders.create'(input, ctx) {
    const customer = ctx.store.get<Stored<Customer>>(CUSTOMERS, input.customerAccount);
    if (!customer) throw notFound('customer', 'customerAccount');
    const origin = caseOrigin(ctx, input);
    const category = origin.category ?? 'technical-issue';
    if (input.incident?.startTime && Date.parse(input.incident.startTime) > ctx.now().getTime()) {
      throw new DeskError('invalid-input', 'the incident cannot start in the future', 'incident.startTime');
    }
    const files = ctx.uploads.claim(ctx.connection.id, input.attachments, 'attachments'); // all finished before anything is written
    const policy = currentPolicy(ctx);
    const now = ctx.now().toISOString();
    const inForce = keyEventsOf(ctx, customer.id).filter((e) => !e.rejected);
    // Key-event assurance is a VIP service (section 8): a common customer's windows do not count.
    const opening = openingSeverity(input.severity, now, customer.vip ? inForce : [], deskRules(ctx).timeZone);
    const id = allocateId(ctx.store, CASES);
    const attachments = storeAttachments(ctx.dataDir, id, files, ctx.uploads);
    const incident = input.incident
      ? Object.fromEntries(Object.entries(input.incident).filter(([, v]) => v !== '' && !(Array.isArray(v) && v.length === 0)))
      : undefined;
    const draft: WorkOrderDraft = {
      summary: input.summary,
      severity: input.severity,
      businessImpact: input.businessImpact,
      evidence: [...input.evidence, ...attachments.map((a) => a.name)],
      errorCodes: input.errorCodes,
      stepsTried: input.stepsTried,
      ...(input.incident ? { incident: incident ?? {} } : {}),
    };
    const level = policy.sla.escalationLevels[0] ?? 'L1';
    const details: WorkOrderDetails = {
      workOrder: true,
      policyVersion: policy.id,
      requestedSeverity: input.severity,
      severityRule: opening.rule,
      flagSupervisor: opening.flagSupervisor,
      businessImpact: input.businessImpact,
      evidence: input.evidence,
      attachments,
      stepsTried: input.stepsTried,
      ...(incident ? { incident } : {}),
      updates: [],
      escalationLevel: level,
      escalations: [],
      pauses: [],
      breached: false,
      breaches: [],
      qualityScore: quality(draft, ctx).score,
    };
    const record: WorkOrderRecord = {
      id,
      type: 'work-order',
      ...origin,
      customerAccount: customer.id,
      customerName: customer.name,
      vip: customer.vip,
      category,
      inScope: classifyScope(category, policy).inScope,
      severity: opening.severity,
      status: 'new',
      summary: input.summary,
      notes: input.notes,
      errorCodes: input.errorCodes,
      agent: ctx.operator.username,
      owner: ctx.operator.username,
      level,
      openedAt: now,
      updatedAt: now,
      details,
    };
    ctx.store.append({
      actor: ctx.operator.username,
      action: 'work-order.opened',
      ...(opening.raised ? { reason: opening.rule.reason } : {}),
      changes: [{ entity: CASES, id, op: 'put', record: structuredClone(record) as unknown as Stored<WorkOrderRecord> }],
    });
    return record;
  },

  'workOrders.get'(input, ctx) {
    const record = ctx.store.get<Stored<CaseRecord>>(CASES, input.id);
    if (!record) throw notFound('case', 'id');
    const history = caseHistory(ctx.store, input.id);
    // The one SLA reading, for every case with a severity (a closed one as it stood when closed).
    const a = slaOfCase(record, ctx);
    const sla = a ? { sla: toSlaView(record, a) } : {};
    if (!isWorkOrder(record)) return { case: record, history, nextStatuses: [], ...sla };
    return { case: record, history, quality: quality(toDraft(record), ctx), nextStatuses: nextStatuses(record), ...sla };
  },

  'workOrders.transition'(input, ctx) {
    const record = loadWorkOrder(ctx, input.id);
    const from = record.status as WorkOrderStatus;
    if (input.status === 'escalated') {
      throw new DeskError('conflict', 'escalate with a reason: use Escalate, not a status change', 'status');
    }
    if (!(TRANSITIONS[from] ?? []).includes(input.status)) {
      const allowed = TRANSITIONS[from]?.join(', ') || 'nothing (closed)';
      throw new DeskError('conflict', `a ${from} work order cannot become ${input.status}; it may become ${allowed}`, 'status');
    }
    if (input.status === 'resolved') requireResponse(record);
    const now = ctx.now().toISOString();
    let pauses = record.details.pauses;
    if (from === 'waiting-for-customer') pauses = closePauses(pauses, now);
    if (input.status === 'waiting-for-customer') pauses = [...pauses, { start: now, ...(input.reason ? { reason: input.reason } : {}) }];
    if (input.status === 'resolved' || input.status === 'closed') pauses = closePauses(pauses, now);
    return save(ctx, record, `work-order.${input.status}`, { status: input.status, details: { ...record.details, pauses } }, input.reason);
  },

  'workOrders.update'(input, ctx) {
    const record = loadWorkOrder(ctx, input.id);
    if (record.status === 'closed') throw new DeskError('conflict', `${record.id} is closed: reopen it first`, 'id');
    const now = ctx.now().toISOString();
    const d = record.details;
    const details: WorkOrderDetails = {
      ...d,
      updates: [...d.updates, { at: now, by: ctx.operator.username, done: input.done, observed: input.observed }],
      firstResponseAt: d.firstResponseAt ?? now,
      lastUpdateAt: now,
    };
    // The first update is the first response: a new work order is then in progress.
    const status = record.status === 'new' ? { status: 'in-progress' } : {};
    return save(ctx, record, 'work-order.updated', { ...status, details });
  },

  'workOrders.escalate'(input, ctx) {
    const record = loadWorkOrder(ctx, input.id);
    if (record.status === 'resolved' || record.status === 'closed') {
      throw new DeskError('conflict', `a ${record.status} work order cannot be escalated; reopen it first`, 'status');
    }
    const from = record.details.escalationLevel;
    // Up one level into its queue, or to the person named (who works at a higher level).
    const target = input.operator !== undefined ? assignee(ctx, input.operator) : { owner: null, level: nextEscalationLevel(from, currentPolicy(ctx)) };
    const to = target.level;
    if (to === from && target.owner === null) throw new DeskError('conflict', `${record.id} is already at the top level (${from})`, 'reason');
    if (levelRank(to) <= levelRank(from)) throw new DeskError('conflict', `escalation goes up: ${target.owner} works at ${to} and ${record.id} is at ${from}`, 'operator');
    const now = ctx.now().toISOString();
    const d = record.details;
    const details: WorkOrderDetails = {
      ...d,
      escalationLevel: to,
      escalations: [...d.escalations, { at: now, by: ctx.operator.username, from, to, reason: input.reason, automatic: false }],
      pauses: closePauses(d.pauses, now),
    };
    return save(ctx, record, 'work-order.escalated', { status: 'escalated', owner: target.owner, level: to, details }, input.reason);
  },

  'keyEvents.register'(input, ctx) {
    const customer = ctx.store.get<Stored<Customer>>(CUSTOMERS, input.customerAccount);
    if (!customer) throw notFound('customer', 'customerAccount');
    if (!customer.vip) throw new DeskError('conflict', 'key-event assurance is a VIP service; this customer is common', 'customerAccount');
    if (Date.parse(input.end) <= Date.parse(input.start)) throw new DeskError('invalid-input', 'the end must be after the start', 'end');
    const record: KeyEventRecord = {
      id: allocateId(ctx.store, KEY_EVENTS),
      customerAccount: customer.id,
      name: input.name,
      start: new Date(input.start).toISOString(),
      end: new Date(input.end).toISOString(),
      registeredBy: ctx.operator.username,
      registeredAt: ctx.now().toISOString(),
      approved: false,
    };
    ctx.store.append({
      actor: ctx.operator.username,
      action: 'key-event.registered',
      changes: [{ entity: KEY_EVENTS, id: record.id, op: 'put', record: { ...record } }],
    });
    return record;
  },

  'keyEvents.list'(input, ctx) {
    return keyEventsOf(ctx, input.customerAccount).map((e) => ({ ...e }));
  },
};

