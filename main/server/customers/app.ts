import type { Customer } from '../../../shared/domain/case.js';
import type { Handlers } from '../context.js';
import { DeskError, notFound } from '../errors.js';
import { CUSTOMERS, type CustomerDirectory } from './directory.js';
import { normalizePhone } from './phone.js';

export function customerHandlers(
  directory: CustomerDirectory,
): Pick<Handlers, 'customers.lookup' | 'customers.get' | 'customers.create'> {
  return {
    'customers.lookup': (input) => directory.lookup(input.query, input.limit),

    'customers.get'(input, { store }) {
      const customer = store.get(CUSTOMERS, input.account) as Customer | undefined;
      if (!customer) throw notFound('customer', 'account');
      return customer;
    },

    'customers.create'(input, ctx) {
      if (ctx.store.get(CUSTOMERS, input.account)) throw new DeskError('conflict', 'this account id is taken', 'account');
      const contacts = input.contacts.map((contact, index) => {
        if (contact.phone === undefined || contact.phone === '') return { name: contact.name, email: contact.email };
        const phone = normalizePhone(contact.phone);
        if (!phone) throw new DeskError('invalid-input', 'not a phone number', `contacts.${index}.phone`);
        return { ...contact, phone };
      });
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
  };
}
