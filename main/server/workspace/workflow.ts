// What the refund, compensation, ICP-reward and complaint handlers share: finding the customer,
// opening a case, moving it through its workflow with four eyes on every review.
import { isCaseOf, type CaseDetails, type CaseOf, type CaseRecord, type CaseType, type Category, type Channel, type Customer } from '../../../shared/domain/case.js';
import type { CaseReview } from '../../../shared/domain/review.js';
import type { Decision, RuleResult } from '../../../shared/rules/decision.js';
import { classifyScope } from '../../rules/index.js';
import type { Change, StoredRecord } from '../../store/types.js';
import type { HandlerContext } from '../context.js';
import { DeskError, notFound } from '../errors.js';
import { currentPolicy } from '../policy/rules-context.js';
import { CASES, CREDITS, CUSTOMERS } from '../../../shared/domain/entities.js';
import { allocateId } from '../ids.js';
import { CHANNEL_ACTORS } from '../../../shared/domain/ownership.js';


export function customerOf(ctx: HandlerContext, account: string): Customer {
  const customer = ctx.store.get(CUSTOMERS, account) as (Customer & StoredRecord) | undefined;
  if (!customer) throw notFound('customer', 'customerAccount');
  return customer;
}

/**
 * The channel the agent chose and, for a converted call, that call and its category: every case
 * form sends the same origin, and every case type keeps it the same way.
 */
export function caseOrigin(ctx: HandlerContext, input: { channel: Channel; fromCase?: string | undefined }): { channel: Channel; fromCase?: string; category?: Category } {
  if (!input.fromCase) return { channel: input.channel };
  const from = ctx.store.get<CaseRecord>(CASES, input.fromCase);
  if (!isCaseOf(from, 'call')) throw notFound('call', 'fromCase');
  return { channel: input.channel, fromCase: from.id, category: from.category };
}

/** A new case of this type for this customer; the caller appends it with its own action. */
export function newCase<T extends CaseType>(
  ctx: HandlerContext,
  customer: Customer,
  fields: { type: T; channel: Channel; summary: string; notes: string; status: string; details: CaseDetails[T]; category?: Category; fromCase?: string },
): CaseOf<T> {
  const now = ctx.now().toISOString();
  const category = fields.category ?? 'product-function';
  return {
    id: allocateId(ctx.store, CASES),
    type: fields.type,
    channel: fields.channel,
    customerAccount: customer.id,
    customerName: customer.name,
    vip: customer.vip,
    category,
    inScope: classifyScope(category, currentPolicy(ctx)).inScope,
    status: fields.status,
    summary: fields.summary,
    notes: fields.notes,
    errorCodes: [],
    agent: ctx.operator.username,
    // Opened by a person: theirs at L1; arrived through a channel (mail): waiting in the L1 queue.
    owner: CHANNEL_ACTORS.includes(ctx.operator.username) ? null : ctx.operator.username,
    level: 'L1',
    openedAt: now,
    updatedAt: now,
    details: fields.details,
    ...(fields.fromCase ? { fromCase: fields.fromCase } : {}),
  };
}

export function recordNewCase<C extends CaseRecord>(ctx: HandlerContext, record: C, action: string, extra: Change[] = []): C {
  ctx.store.append({
    actor: ctx.operator.username,
    action,
    changes: [{ entity: CASES, id: record.id, op: 'put', record: { ...record } as StoredRecord }, ...extra],
  });
  return record;
}

/** The case, of this type and in one of these statuses, or a typed error naming `id`. */
export function caseInStatus<T extends CaseType>(ctx: HandlerContext, id: string, type: T, statuses: string[]): CaseOf<T> {
  const record = ctx.store.get<CaseRecord>(CASES, id);
  if (!isCaseOf(record, type)) throw notFound(`${type} case`, 'id');
  if (!statuses.includes(record.status)) {
    throw new DeskError('conflict', `case ${id} is ${record.status}; this needs it to be ${statuses.join(' or ')}`, 'id');
  }
  return record;
}

/** Four eyes: nobody reviews a request they submitted themselves. */
export function requireFourEyes(ctx: HandlerContext, record: Pick<CaseRecord, 'id' | 'agent'>) {
  if (record.agent === ctx.operator.username) {
    throw new DeskError('forbidden', `four eyes: ${ctx.operator.username} submitted ${record.id} and cannot review it; another supervisor must`, 'id');
  }
}

/** A submitted request as a supervisor reviews it: still submitted, and not their own (four eyes). */
export function submittedForReview<T extends CaseType>(ctx: HandlerContext, id: string, type: T): CaseOf<T> {
  const record = caseInStatus(ctx, id, type, ['submitted']);
  requireFourEyes(ctx, record);
  return record;
}

/** Moves a case on: status and details merged, one event with the operator's reason. */
export function advanceCase<C extends CaseRecord>(
  ctx: HandlerContext,
  record: C,
  action: string,
  status: string,
  details: Partial<C['details']>,
  options: { reason?: string; extra?: Change[] } = {},
): C {
  const updatedAt = ctx.now().toISOString();
  const patch = { status, updatedAt, details: { ...record.details, ...details } };
  ctx.store.append({
    actor: ctx.operator.username,
    action,
    ...(options.reason ? { reason: options.reason } : {}),
    changes: [{ entity: CASES, id: record.id, op: 'patch', patch }, ...(options.extra ?? [])],
  });
  return { ...record, ...patch };
}

/** An ineligible decision cannot be submitted: the error names the field behind the first failed rule. */
export function requireEligible(decision: Decision, fieldOf: (failed: RuleResult[]) => string | undefined) {
  if (decision.outcome === 'eligible') return;
  const failed = decision.rules.filter((r) => r.result === 'failed');
  const message = failed.map((r) => `${r.id}${r.subject ? ` (${r.subject})` : ''}: ${r.reason}`).join('; ');
  throw new DeskError('invalid-input', `not eligible — ${message || 'no amount is due'}`, fieldOf(failed));
}

/** The engine's decision the agent submitted; seeded cases have none and cannot be reviewed here. */
export function decisionOf<D>(record: { id: string; details: { decision?: D } }): D {
  if (!record.details.decision) throw new DeskError('conflict', `case ${record.id} carries no decision of the rules engine (seeded or imported); submit it again from the desk`, 'id');
  return record.details.decision;
}

/** The review record stored with an approved or rejected request. */
export function review(ctx: HandlerContext, decision: Pick<Decision, 'policyVersion'>, outcome: 'approved' | 'rejected', reason?: string): CaseReview {
  return {
    by: ctx.operator.username,
    at: ctx.now().toISOString(),
    outcome,
    policyVersion: decision.policyVersion,
    ...(reason ? { reason } : {}),
  };
}


/** An approved amount credited to the customer's account (a bonus recharge, never cash): the change to append with the approval. */
export function accountCredit(ctx: HandlerContext, record: Pick<CaseRecord, 'id' | 'customerAccount'>, kind: 'compensation' | 'icp-reward', amount: string, approval: CaseReview) {
  const credit = {
    id: allocateId(ctx.store, CREDITS),
    customerAccount: record.customerAccount,
    amount,
    kind,
    caseId: record.id,
    createdAt: approval.at ?? ctx.now().toISOString(),
    approvedBy: approval.by ?? ctx.operator.username,
  };
  return { creditId: credit.id, change: { entity: CREDITS, id: credit.id, op: 'put', record: credit } satisfies Change };
}
