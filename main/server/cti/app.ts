// The phone channel's calls: calls the phone system reported (missed ones for call-back) and
// the caller pop-up's card.
import type { CallerCard, PhoneCall } from '../../../shared/contract/channels.js';
import type { CaseRecord, Customer } from '../../../shared/domain/case.js';
import type { StoredRecord } from '../../store/types.js';
import type { Handlers } from '../context.js';
import { DeskError, notFound } from '../errors.js';
import { keyEventsOf } from '../work-orders/app.js';
import { CASES, CUSTOMERS, PHONE_CALLS } from '../../../shared/domain/entities.js';

/** Statuses after which a case needs nothing more from anyone. */
const DONE = new Set(['closed', 'resolved', 'completed', 'rejected', 'rejected-by-rules', 'logged', 'approved', 'credited', 'cancelled', 'explained', 'dispute-corrected', 'dispute-rejected']);
const RECENT = 10;

export const phoneHandlers: Pick<Handlers, 'phone.calls' | 'phone.calledBack' | 'phone.callerCard'> = {
  'phone.calls'(input, { store }) {
    const calls = store.all<PhoneCall & StoredRecord>(PHONE_CALLS).filter((c) => !input.state || input.state.includes(c.state));
    return calls.sort((a, b) => b.startedAt.localeCompare(a.startedAt)).slice(0, input.limit);
  },

  'phone.calledBack'(input, ctx) {
    const call = ctx.store.get<PhoneCall & StoredRecord>(PHONE_CALLS, input.id);
    if (!call) throw notFound('call', 'id');
    if (call.state !== 'missed') throw new DeskError('conflict', `call ${input.id} was not missed`, 'id');
    const next = { ...call, calledBack: { at: ctx.now().toISOString(), by: ctx.operator.username } };
    ctx.store.append({ actor: ctx.operator.username, action: 'phone.called-back', changes: [{ entity: PHONE_CALLS, id: call.id, op: 'put', record: next }] });
    ctx.emit('phone.call', next);
    return next;
  },

  async 'phone.callerCard'(input, { store, now }): Promise<CallerCard> {
    const customer = store.get<Customer & StoredRecord>(CUSTOMERS, input.account);
    if (!customer) throw notFound('customer', 'account');
    const { ids } = await store.searchCases({ customerAccount: customer.id, limit: 200 });
    const cases = ids.map((id) => store.get<CaseRecord>(CASES, id)).filter((c): c is CaseRecord => !!c);
    const at = now().toISOString();
    const keyEvents = keyEventsOf({ store }, customer.id)
      .filter((e) => !e.rejected && Date.parse(e.end) >= Date.parse(at))
      .sort((a, b) => a.start.localeCompare(b.start))
      .map((e) => ({ ...e }));
    return { customer, open: cases.filter((c) => !DONE.has(c.status)), recent: cases.slice(0, RECENT), keyEvents };
  },
};
