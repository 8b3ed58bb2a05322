import type { HistoryEntry } from '../../../shared/contract/index.js';
import type { CaseRecord, Customer } from '../../../shared/domain/case.js';
import { classifyScope } from '../../rules/index.js';
import type { StoredEvent } from '../../store/types.js';
import type { Handlers } from '../context.js';
import { notFound } from '../errors.js';
import { CUSTOMERS } from '../customers/directory.js';
import { currentPolicy } from '../policy/rules-context.js';
import { CASES, nextCaseId } from './case-ids.js';

type StoredCase = CaseRecord & { [key: string]: unknown };

function toHistoryEntry(event: StoredEvent, id: string): HistoryEntry {
  const change = event.changes.find((c) => c.entity === CASES && c.id === id);
  const changes = change?.op === 'put' ? change.record : change?.op === 'patch' ? change.patch : {};
  return { seq: event.seq, at: event.at, actor: event.actor, action: event.action, reason: event.reason, changes };
}

export const caseHandlers: Pick<Handlers, 'calls.log' | 'cases.search' | 'cases.get'> = {
  'calls.log'(input, ctx) {
    const customer = ctx.store.get(CUSTOMERS, input.customerAccount) as Customer | undefined;
    if (!customer) throw notFound('customer', 'customerAccount');
    const now = ctx.now().toISOString();
    const record: CaseRecord = {
      id: nextCaseId(ctx.store),
      type: 'call',
      channel: input.channel,
      customerAccount: customer.id,
      customerName: customer.name,
      vip: customer.vip,
      category: input.category,
      inScope: classifyScope(input.category, currentPolicy(ctx)).inScope,
      status: 'logged',
      summary: input.summary,
      notes: input.notes,
      errorCodes: [],
      agent: ctx.operator.username,
      openedAt: now,
      updatedAt: now,
    };
    ctx.store.append({
      actor: ctx.operator.username,
      action: 'call.logged',
      changes: [{ entity: CASES, id: record.id, op: 'put', record: { ...record } }],
    });
    ctx.emit('case.changed', { id: record.id, action: 'call.logged' });
    return record;
  },

  async 'cases.search'(input, { store }) {
    const { total, ids } = await store.searchCases(input);
    return { total, cases: ids.map((id) => store.get<StoredCase>(CASES, id)).filter((c): c is StoredCase => !!c) };
  },

  'cases.get'(input, { store }) {
    const record = store.get<StoredCase>(CASES, input.id);
    if (!record) throw notFound('case', 'id');
    return { case: record, history: store.history(CASES, input.id).map((event) => toHistoryEntry(event, input.id)) };
  },
};
