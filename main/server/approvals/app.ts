// The supervisor's desk: the approval queue (ordered here, breached then oldest first) of every
// reviewable case the review registry (workspace/review.ts) names, supervisor-level escalations and
// key events; approve / reject through the registry, key-event review with four eyes, the refund
// receipt PDF and the audit trail.
import type { ApprovalItem, AuditEvent } from '../../../shared/contract/approvals.js';
import type { KeyEventRecord, WorkOrderRecord } from '../../../shared/contract/work-orders.js';
import { isCaseOf, type CaseRecord, type Customer } from '../../../shared/domain/case.js';
import { renderReceiptPdf, type Receipt } from '../../reports/receipt-pdf.js';
import type { VerifyResult } from '../../store/core.js';
import type { CaseStore } from '../../store/types.js';
import type { HandlerContext, Handlers } from '../context.js';
import { DeskError, notFound } from '../errors.js';
import { assessWorkOrder, isOpenWorkOrder } from '../work-orders/model.js';
import { roleAllows } from '../../../shared/contract/index.js';
import { isReviewable, type ReviewableType } from '../../../shared/domain/reviewable.js';
import { pendingReview, REVIEWS } from '../workspace/review.js';
import { CASES, CUSTOMERS, KEY_EVENTS } from '../../../shared/domain/entities.js';
import { withSummaryParts } from '../../../shared/domain/summary.js';

type Stored<T> = T & { [key: string]: unknown };
type KeyEventStored = Stored<KeyEventRecord>;

export const AUDIT_PAGE_SIZE = 200;

/** Breached first, then the longest waiting; ties by id so the order is stable. */
export function approvalOrder(a: ApprovalItem, b: ApprovalItem): number {
  if (a.breached !== b.breached) return a.breached ? -1 : 1;
  return a.since.localeCompare(b.since) || a.id.localeCompare(b.id);
}

function pendingKeyEvent(ctx: HandlerContext, id: string): KeyEventStored {
  const record = ctx.store.get<KeyEventStored>(KEY_EVENTS, id);
  if (!record) throw notFound('key event', 'id');
  if (record.approved || record.rejected) {
    throw new DeskError('conflict', `key event ${id} is already ${record.approved ? 'approved' : 'rejected'}`, 'id');
  }
  if (record.registeredBy === ctx.operator.username) {
    throw new DeskError('forbidden', `four eyes: ${ctx.operator.username} registered ${id} and cannot review it; another supervisor must`, 'id');
  }
  return record;
}

function reviewKeyEvent(ctx: HandlerContext, record: KeyEventStored, approved: boolean, reason?: string): KeyEventRecord {
  const patch = {
    approved,
    ...(approved ? {} : { rejected: true, rejectedReason: reason }),
    reviewedBy: ctx.operator.username,
    reviewedAt: ctx.now().toISOString(),
  };
  const action = approved ? 'key-event.approved' : 'key-event.rejected';
  ctx.store.append({
    actor: ctx.operator.username,
    action,
    ...(reason ? { reason } : {}),
    changes: [{ entity: KEY_EVENTS, id: record.id, op: 'patch', patch }],
  });
  return { ...record, ...patch };
}

function lastEscalation(record: WorkOrderRecord) {
  return record.details.escalations.at(-1);
}

function approvalItems(ctx: HandlerContext): ApprovalItem[] {
  const me = ctx.operator.username;
  const items: ApprovalItem[] = [];
  for (const c of ctx.store.all<CaseRecord>(CASES)) {
    const review = pendingReview(c);
    if (review) {
      items.push({
        kind: review.type,
        id: c.id,
        customerAccount: c.customerAccount,
        customerName: c.customerName,
        vip: c.vip,
        summary: c.summary,
        ...withSummaryParts(c),
        ...(review.amount ? { amount: review.amount } : {}),
        submittedBy: review.submitters.at(-1) ?? c.agent,
        since: review.since,
        breached: false,
        canDecide: !review.submitters.includes(me),
      });
    } else if (isOpenWorkOrder(c) && c.status === 'escalated' && c.details.escalationLevel === 'supervisor') {
      const escalation = lastEscalation(c);
      items.push({
        kind: 'escalation',
        id: c.id,
        customerAccount: c.customerAccount,
        customerName: c.customerName,
        vip: c.vip,
        summary: escalation?.reason ? `${c.summary} — ${escalation.reason}` : c.summary,
        submittedBy: escalation?.by ?? c.agent,
        since: escalation?.at ?? c.updatedAt,
        breached: assessWorkOrder(c, ctx).breached,
        canDecide: false,
      });
    }
  }
  for (const e of ctx.store.all<KeyEventStored>(KEY_EVENTS)) {
    if (e.approved || e.rejected) continue;
    const customer = ctx.store.get<Stored<Customer>>(CUSTOMERS, e.customerAccount);
    items.push({
      kind: 'keyEvent',
      id: e.id,
      customerAccount: e.customerAccount,
      customerName: customer?.name ?? e.customerAccount,
      vip: customer?.vip ?? false,
      summary: `${e.name} (${e.start} – ${e.end})`,
      summaryParts: { kind: 'key-event', name: e.name, start: e.start, end: e.end },
      submittedBy: e.registeredBy,
      since: e.registeredAt,
      breached: false,
      canDecide: e.registeredBy !== me,
    });
  }
  return items.sort(approvalOrder);
}

/** The type of a case a supervisor reviews, or a typed error naming `id`. */
function reviewableCase(ctx: HandlerContext, id: string): ReviewableType {
  const record = ctx.store.get<CaseRecord>(CASES, id);
  if (!record) throw notFound('case', 'id');
  if (!isReviewable(record.type)) throw new DeskError('invalid-input', `case ${id} is a ${record.type}; it is not reviewed in the approval queue`, 'id');
  return record.type;
}

function receiptOf(ctx: HandlerContext, id: string): Receipt {
  const record = ctx.store.get<CaseRecord>(CASES, id);
  if (!isCaseOf(record, 'refund')) throw notFound('refund case', 'id');
  if (!roleAllows(ctx.operator.role, 'supervisor') && record.agent !== ctx.operator.username) {
    throw new DeskError('forbidden', `only a supervisor or the case's agent (${record.agent}) may download this receipt`, 'id');
  }
  const receipt = record.details.receipt;
  if (!receipt) throw new DeskError('conflict', `refund ${id} is ${record.status}; a receipt exists once it is approved`, 'id');
  return receipt;
}

const toAuditEvent = (e: { seq: number; at: string; actor: string; action: string; reason?: string | undefined; changes: { entity: string; id: string }[] }): AuditEvent => ({
  seq: e.seq,
  at: e.at,
  actor: e.actor,
  action: e.action,
  ...(e.reason ? { reason: e.reason } : {}),
  targets: e.changes.map((c) => `${c.entity}:${c.id}`),
});

export const approvalHandlers: Pick<
  Handlers,
  'approvals.list' | 'approvals.approve' | 'approvals.reject' | 'keyEvents.approve' | 'keyEvents.reject' | 'refunds.receipt' | 'audit.events' | 'audit.verify'
> = {
  'approvals.list'(_input, ctx) {
    return approvalItems(ctx);
  },

  'approvals.approve'(input, ctx) {
    return REVIEWS[reviewableCase(ctx, input.id)].approve(ctx, input.id);
  },

  'approvals.reject'(input, ctx) {
    return REVIEWS[reviewableCase(ctx, input.id)].reject(ctx, input.id, input.reason);
  },

  'keyEvents.approve'(input, ctx) {
    return reviewKeyEvent(ctx, pendingKeyEvent(ctx, input.id), true);
  },

  'keyEvents.reject'(input, ctx) {
    return reviewKeyEvent(ctx, pendingKeyEvent(ctx, input.id), false, input.reason);
  },

  async 'refunds.receipt'(input, ctx) {
    const receipt = receiptOf(ctx, input.id);
    const pdf = await renderReceiptPdf(receipt, { timeZone: ctx.settings.get().timeZone });
    return { fileName: `${receipt.number}.pdf`, base64: pdf.toString('base64') };
  },

  'audit.events'(input, ctx) {
    const filter = {
      ...(input.actor ? { actor: input.actor } : {}),
      ...(input.action ? { action: input.action } : {}),
      ...(input.from ? { from: new Date(input.from).toISOString() } : {}),
      ...(input.to ? { to: new Date(input.to).toISOString() } : {}),
    };
    const { total, events } = ctx.store.eventPage(filter, { offset: input.page * AUDIT_PAGE_SIZE, limit: AUDIT_PAGE_SIZE });
    return { total, events: events.map(toAuditEvent) };
  },

  async 'audit.verify'(_input, ctx) {
    const store = ctx.store as CaseStore & { verify?: () => Promise<VerifyResult> };
    if (!store.verify) throw new DeskError('internal', 'this store cannot be verified while open');
    const result = await store.verify();
    const broken = result.findings.find((f) => f.severity === 'error');
    return {
      ok: result.ok,
      events: result.events,
      ...(result.firstBrokenSeq !== undefined ? { firstBrokenSeq: result.firstBrokenSeq } : {}),
      ...(broken ? { finding: broken.message } : {}),
    };
  },
};
