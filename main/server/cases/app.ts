import type { HistoryEntry } from '../../../shared/contract/index.js';
import type { StoredEvent } from '../../store/types.js';
import type { Handlers } from '../context.js';
import { notFound } from '../errors.js';
import { customerOf, newCase, recordNewCase, type StoredCase } from '../workspace/workflow.js';
import { CASES } from '../../../shared/domain/entities.js';
import { linkPhoneCall } from '../cti/phone-calls.js';

function toHistoryEntry(event: StoredEvent, id: string): HistoryEntry {
  const change = event.changes.find((c) => c.entity === CASES && c.id === id);
  const changes = change?.op === 'put' ? change.record : change?.op === 'patch' ? change.patch : {};
  return { seq: event.seq, at: event.at, actor: event.actor, action: event.action, reason: event.reason, changes };
}

export const caseHandlers: Pick<Handlers, 'calls.log' | 'cases.search' | 'cases.get'> = {
  'calls.log'(input, ctx) {
    const { phoneCallId, ...fields } = input;
    const customer = customerOf(ctx, fields.customerAccount);
    const record = newCase(ctx, customer, { ...fields, type: 'call', status: 'logged', details: {} });
    const phone = phoneCallId ? linkPhoneCall(ctx.store, phoneCallId, record.id) : { details: {}, changes: [] };
    return recordNewCase(ctx, { ...record, details: phone.details }, 'call.logged', phone.changes);
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
