// What the refund, compensation, ICP-reward and complaint handlers share: finding the customer,
// opening a case, moving it through its workflow with four eyes on every review.
import type { CaseRecord, Category, Channel, Customer } from '../../../shared/domain/case.js';
import type { Decision, RuleResult } from '../../../shared/rules/decision.js';
import { classifyScope } from '../../rules/index.js';
import type { Change, StoredRecord } from '../../store/types.js';
import type { HandlerContext } from '../context.js';
import { DeskError, notFound } from '../errors.js';
import { currentPolicy } from '../policy/rules-context.js';
import { CASES, CUSTOMERS } from '../../../shared/domain/entities.js';
import { allocateId } from '../ids.js';

export type StoredCase = CaseRecord & { [key: string]: unknown };

export function customerOf(ctx: HandlerContext, account: string): Customer {
  const customer = ctx.store.get(CUSTOMERS, account) as (Customer & StoredRecord) | undefined;
  if (!customer) throw notFound('customer', 'customerAccount');
  return customer;
}

/** A new case of this type for this customer; the caller appends it with its own action. */
export function newCase(
  ctx: HandlerContext,
  customer: Customer,
  fields: { type: CaseRecord['type']; channel: Channel; summary: string; notes: string; status: string; details: Record<string, unknown>; category?: Category },
): CaseRecord {
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
    openedAt: now,
    updatedAt: now,
    details: fields.details,
  };
}

export function recordNewCase(ctx: HandlerContext, record: CaseRecord, action: string, extra: Change[] = []): CaseRecord {
  ctx.store.append({
    actor: ctx.operator.username,
    action,
    changes: [{ entity: CASES, id: record.id, op: 'put', record: { ...record } as StoredRecord }, ...extra],
  });
  return record;
}

/** The case, of this type and in one of these statuses, or a typed error naming `id`. */
export function caseInStatus(ctx: HandlerContext, id: string, type: CaseRecord['type'], statuses: string[]): StoredCase {
  const record = ctx.store.get<StoredCase>(CASES, id);
  if (!record || record.type !== type) throw notFound(`${type} case`, 'id');
  if (!statuses.includes(record.status)) {
    throw new DeskError('conflict', `case ${id} is ${record.status}; this needs it to be ${statuses.join(' or ')}`, 'id');
  }
  return record;
}

/** Four eyes: nobody reviews a request they submitted themselves. */
export function requireFourEyes(ctx: HandlerContext, record: CaseRecord) {
  if (record.agent === ctx.operator.username) {
    throw new DeskError('forbidden', `four eyes: ${ctx.operator.username} submitted ${record.id} and cannot review it; another supervisor must`, 'id');
  }
}

/** Moves a case on: status and details merged, one event with the operator's reason. */
export function advanceCase(
  ctx: HandlerContext,
  record: StoredCase,
  action: string,
  status: string,
  details: Record<string, unknown>,
  options: { reason?: string; extra?: Change[] } = {},
): CaseRecord {
  const updatedAt = ctx.now().toISOString();
  const patch = { status, updatedAt, details: { ...(record.details ?? {}), ...details } };
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

/** The review record stored with an approved or rejected request. */
export function review(ctx: HandlerContext, decision: Decision, outcome: 'approved' | 'rejected', reason?: string) {
  return {
    by: ctx.operator.username,
    at: ctx.now().toISOString(),
    outcome,
    policyVersion: decision.policyVersion,
    ...(reason ? { reason } : {}),
  };
}

