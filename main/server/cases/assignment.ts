// Moving a case between people and levels (one mechanism for every case type): claim from one's
// level's queue, transfer to a person or a level, release back to the queue. Roles are checked
// here, in the main process; every move is one event with the reason.
import type { OperatorView } from '../../../shared/contract/index.js';
import type { CaseRecord } from '../../../shared/domain/case.js';
import { CASES, OPERATORS } from '../../../shared/domain/entities.js';
import { isOpenCase, levelRank, operatorLevel, ownershipOf, sameOwnership, type Ownership } from '../../../shared/domain/ownership.js';
import { isWorkOrder } from '../../../shared/domain/work-order.js';
import type { Change, CaseStore, StoredRecord } from '../../store/types.js';
import type { Handlers, HandlerContext } from '../context.js';
import { DeskError, notFound } from '../errors.js';
import { caseQueues } from './queues.js';

/** The fields that put a case with `to`; a work order's SLA escalation level follows its level. */
export function assignmentPatch(record: CaseRecord, to: Ownership): Record<string, unknown> {
  return { owner: to.owner, level: to.level, ...(isWorkOrder(record) ? { details: { ...record.details, escalationLevel: to.level } } : {}) };
}

/** The active operator a case may be given to, with the level they work at. */
export function assignee(ctx: Pick<HandlerContext, 'store'>, username: string, field = 'operator'): Ownership {
  const operator = ctx.store.get<OperatorView & { id: string }>(OPERATORS, username);
  if (!operator) throw notFound(`operator ${username}`, field);
  if (!operator.active) throw new DeskError('conflict', `${username} is deactivated and cannot be given cases`, field);
  return { owner: operator.username, level: operatorLevel(operator) };
}

/** The changes that put every open case this operator owns back in its level's queue (they leave the desk). */
export function releaseAll(store: CaseStore, username: string, at: string): Change[] {
  return [...caseQueues(store).ownedBy(username)]
    .map((id) => store.get<CaseRecord & StoredRecord>(CASES, id)!)
    .map((record) => ({ entity: CASES, id: record.id, op: 'patch', patch: { ...assignmentPatch(record, { owner: null, level: ownershipOf(record).level }), updatedAt: at } }));
}

function openCase(ctx: HandlerContext, id: string): CaseRecord {
  const record = ctx.store.get<CaseRecord>(CASES, id);
  if (!record) throw notFound('case', 'id');
  if (!isOpenCase(record)) throw new DeskError('conflict', `${id} is ${record.status}: a finished case has no owner to change`, 'id');
  return record;
}

/** Agents move only what they own; supervisors and managers move any case. */
function requireOwnerOrSupervisor(ctx: HandlerContext, record: CaseRecord, held: Ownership, what: string) {
  if (ctx.operator.role !== 'agent' || held.owner === ctx.operator.username) return;
  const whose = held.owner ? `its owner (${held.owner})` : 'whoever claims it';
  throw new DeskError('forbidden', `only ${whose} or a supervisor may ${what} ${record.id}`, 'id');
}

function move(ctx: HandlerContext, record: CaseRecord, action: string, to: Ownership, reason?: string): CaseRecord {
  const patch = { ...assignmentPatch(record, to), updatedAt: ctx.now().toISOString() };
  ctx.store.append({ actor: ctx.operator.username, action, ...(reason ? { reason } : {}), changes: [{ entity: CASES, id: record.id, op: 'patch', patch }] });
  return { ...record, ...patch } as CaseRecord;
}

export const assignmentHandlers: Pick<Handlers, 'cases.claim' | 'cases.transfer' | 'cases.release'> = {
  'cases.claim'(input, ctx) {
    const record = openCase(ctx, input.id);
    const held = ownershipOf(record);
    const me = ctx.operator.username;
    if (held.owner === me) return record;
    if (held.owner !== null) throw new DeskError('conflict', `${record.id} is already claimed by ${held.owner}`, 'id');
    const mine = operatorLevel(ctx.operator);
    if (levelRank(mine) < levelRank(held.level)) {
      throw new DeskError('forbidden', `${record.id} waits in the ${held.level} queue; you work at ${mine}`, 'id');
    }
    return move(ctx, record, 'case.claimed', { owner: me, level: held.level });
  },

  'cases.transfer'(input, ctx) {
    const record = openCase(ctx, input.id);
    const held = ownershipOf(record);
    requireOwnerOrSupervisor(ctx, record, held, 'transfer');
    const to = input.operator !== undefined ? assignee(ctx, input.operator) : { owner: null, level: input.level! };
    if (sameOwnership(held, to)) throw new DeskError('conflict', `${record.id} is already ${to.owner ? `with ${to.owner}` : `in the ${to.level} queue`}`, input.operator ? 'operator' : 'level');
    return move(ctx, record, 'case.transferred', to, input.reason);
  },

  'cases.release'(input, ctx) {
    const record = openCase(ctx, input.id);
    const held = ownershipOf(record);
    if (held.owner === null) throw new DeskError('conflict', `${record.id} is not claimed: it waits in the ${held.level} queue`, 'id');
    requireOwnerOrSupervisor(ctx, record, held, 'release');
    return move(ctx, record, 'case.released', { owner: null, level: held.level }, input.reason);
  },
};
