import type { Customer } from '../../../shared/domain/case.js';
import type { Handlers } from '../context.js';
import { DeskError, notFound } from '../errors.js';
import type { CustomerDirectory } from './directory.js';
import { CUSTOMERS } from '../../../shared/domain/entities.js';
import { normalizePhone } from './phone.js';

export function customerHandlers(
  directory: CustomerDirectory,
): Pick<Handlers, 'customers.lookup' | 'customers.get' | 'customers.create' | 'customers.updateContacts' | 'customers.list' | 'customers.update'> {
  return {
    'customers.list'(input, { store }) {
      const text = input.text.toLowerCase();
      const all = store.all<Customer & { [k: string]: unknown }>(CUSTOMERS);
      const matching = text ? all.filter((c) => c.id.includes(text) || c.name.toLowerCase().includes(text) || c.contacts.some((p) => p.name.toLowerCase().includes(text) || p.phone?.includes(text))) : all;
      return { total: matching.length, customers: matching.slice(input.offset, input.offset + input.limit) };
    },

    'customers.update'(input, ctx) {
      const customer = ctx.store.get(CUSTOMERS, input.account) as Customer | undefined;
      if (!customer) throw notFound('customer', 'account');
      const updated: Customer = { ...customer, name: input.name, vip: input.vip, region: input.region, contacts: normalizeContacts(input.contacts) };
      ctx.store.append({
        actor: ctx.operator.username,
        action: 'customer.updated',
        reason: input.reason,
        changes: [{ entity: CUSTOMERS, id: customer.id, op: 'put', record: { ...updated } }],
      });
      return updated;
    },

    'customers.lookup': (input) => directory.lookup(input.query, input.limit),

    'customers.get'(input, { store }) {
      const customer = store.get(CUSTOMERS, input.account) as Customer | undefined;
      if (!customer) throw notFound('customer', 'account');
      return customer;
    },

    'customers.create'(input, ctx) {
      if (ctx.store.get(CUSTOMERS, input.account)) throw new DeskError('conflict', 'this account id is taken', 'account');
      const contacts = normalizeContacts(input.contacts);
      const customer: Customer = {
        id: input.account,
        name: input.name,
        vip: input.vip,
        region: input.region,
        contacts,
        createdAt: ctx.now().toISOString(),
      };
      ctx.store.append({
        actor: ctx.operator.username,
        action: 'customer.registered',
        changes: [{ entity: CUSTOMERS, id: customer.id, op: 'put', record: { ...customer } }],
      });
      return customer;
    },

    'customers.updateContacts'(input, ctx) {
      const customer = ctx.store.get(CUSTOMERS, input.account) as Customer | undefined;
      if (!customer) throw notFound('customer', 'account');
      const contacts = normalizeContacts(input.contacts);
      const updated: Customer = { ...customer, contacts };
      ctx.store.append({
        actor: ctx.operator.username,
        action: 'customer.contacts-updated',
        reason: input.reason,
        changes: [{ entity: CUSTOMERS, id: customer.id, op: 'put', record: { ...updated } }],
      });
      return updated;
    },
  };
}

type ContactInput = { name: string; phone?: string | undefined; email?: string | undefined };

/** Phones stored as E.164; a number that is not one is refused naming its field. */
function normalizeContacts(contacts: ContactInput[]): Customer['contacts'] {
  return contacts.map((contact, index) => {
    if (contact.phone === undefined || contact.phone === '') return { name: contact.name, ...(contact.email ? { email: contact.email } : {}) };
    const phone = normalizePhone(contact.phone);
    if (!phone) throw new DeskError('invalid-input', 'not a phone number', `contacts.${index}.phone`);
    return { name: contact.name, phone, ...(contact.email ? { email: contact.email } : {}) };
  });
}
