import type { Handlers } from '../context.js';
import type { CaseRecord, Customer } from '../../../shared/domain/case.js';
import { DeskError, notFound } from '../errors.js';
import { customerOf, newCase, recordNewCase } from '../workspace/workflow.js';
import { CASES } from '../../../shared/domain/entities.js';
import { linkPhoneCall } from '../cti/phone-calls.js';
import { suggestScope } from '../../rules/index.js';
import { currentPolicy } from '../policy/rules-context.js';
import { caseHistory } from './history.js';


/** Who an unidentified caller said they were, until the call is linked to a customer. */
const unidentified = (caller: { name: string; phone: string } | undefined): Customer => ({
  id: '',
  name: caller?.name ?? '',
  vip: false,
  region: '',
  contacts: [],
  createdAt: '',
});

export const caseHandlers: Pick<Handlers, 'scope.suggest' | 'calls.log' | 'calls.link' | 'cases.search' | 'cases.get'> = {
  'scope.suggest'(input, ctx) {
    const suggestion = suggestScope(input.text, currentPolicy(ctx));
    return suggestion && { category: suggestion.category, inScope: suggestion.inScope, label: suggestion.label, explanation: suggestion.explanation, words: suggestion.words };
  },

  'calls.log'(input, ctx) {
    const { caller, phoneCallId, ...fields } = input;
    const customer = fields.customerAccount ? customerOf(ctx, fields.customerAccount) : unidentified(caller);
    if (!customer.id && !caller?.name && !caller?.phone) {
      throw new DeskError('invalid-input', 'look up the caller, or note the name or number of an unidentified caller', 'customerAccount');
    }
    const record = newCase(ctx, customer, { ...fields, type: 'call', status: 'logged', details: {} });
    const phone = phoneCallId ? linkPhoneCall(ctx.store, phoneCallId, record.id) : { details: {}, changes: [] };
    const details = { ...phone.details, ...(customer.id ? {} : { caller: { name: caller?.name ?? '', phone: caller?.phone ?? '' } }) };
    return recordNewCase(ctx, { ...record, details }, 'call.logged', phone.changes);
  },

  'calls.link'(input, ctx) {
    const record = ctx.store.get<CaseRecord>(CASES, input.id);
    if (!record || record.type !== 'call') throw notFound('call', 'id');
    if (record.customerAccount) throw new DeskError('conflict', `call ${record.id} is already linked to ${record.customerAccount}`, 'id');
    const customer = customerOf(ctx, input.customerAccount);
    const patch = { customerAccount: customer.id, customerName: customer.name, vip: customer.vip, updatedAt: ctx.now().toISOString() };
    ctx.store.append({ actor: ctx.operator.username, action: 'call.linked', changes: [{ entity: CASES, id: record.id, op: 'patch', patch }] });
    return { ...record, ...patch };
  },

  async 'cases.search'(input, { store }) {
    const { total, ids } = await store.searchCases(input);
    return { total, cases: ids.map((id) => store.get<CaseRecord>(CASES, id)).filter((c): c is CaseRecord => !!c) };
  },

  'cases.get'(input, { store }) {
    const record = store.get<CaseRecord>(CASES, input.id);
    if (!record) throw notFound('case', 'id');
    return { case: record, history: caseHistory(store, input.id) };
  },
};
