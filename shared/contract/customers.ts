import { z } from 'zod';
import type { Customer } from '../domain/case.js';
import { call } from './define.js';
import { accountId, nameText, requiredName, requiredText } from './bounds.js';

export interface CustomerMatch {
  customer: Customer;
  /** What matched: the account id, a contact's phone number, or the name. */
  matchedOn: 'account' | 'phone' | 'name';
  /** For a phone match: the contact(s) whose number it is. */
  contacts: string[];
}

const contact = z
  .object({
    name: requiredName(80),
    phone: nameText(40).optional(),
    email: z.email('not an email address').max(254).optional(),
  })
  .strict();

export const customerCalls = {
  'customers.lookup': call<CustomerMatch[]>()({
    access: 'agent',
    input: z
      .object({ query: requiredName(100, 'type an account, a phone number or a name'), limit: z.number().int().min(1).max(50).default(10) })
      .strict(),
  }),
  'customers.get': call<Customer>()({
    access: 'agent',
    input: z.object({ account: accountId() }).strict(),
  }),
  /** Checks and replaces a customer's registered contacts (e.g. during access recovery); the reason is audited. */
  'customers.updateContacts': call<Customer>()({
    access: 'agent',
    input: z
      .object({
        account: accountId(),
        contacts: z.array(contact).min(1, 'at least one contact').max(20),
        reason: requiredText(500, 'say why the contacts change'),
      })
      .strict(),
  }),
  'customers.create': call<Customer>()({
    access: 'agent',
    input: z
      .object({
        account: z
          .string()
          .trim()
          .regex(/^[a-z0-9][a-z0-9-]{1,39}$/, 'use 2–40 lower-case letters, digits or dashes'),
        name: requiredName(120),
        vip: z.boolean().default(false),
        region: requiredName(40),
        contacts: z.array(contact).min(1, 'at least one contact').max(20),
      })
      .strict(),
  }),
};
