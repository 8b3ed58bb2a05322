import { z } from 'zod';
import type { Customer } from '../domain/case.js';
import type { Order } from '../domain/order.js';
import { billingMode } from '../rules/fields.js';
import { call } from './define.js';
import { uploadRef } from './uploads.js';
import { accountId as knownAccount, freeText, nameText, requiredName, requiredText } from './bounds.js';

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

/** What the registry import found: rows it takes, rows it refuses and why (1-based, the header is row 1). */
export interface ImportReport {
  kind: (typeof IMPORT_KINDS)[number];
  columns: string[];
  /** Field → the file's column it is read from. */
  mapping: Record<string, string>;
  accepted: number;
  refused: { row: number; field: string; message: string }[];
  /** False for a preview, or when there was nothing to import. */
  imported: boolean;
}

export const IMPORT_KINDS = ['customers', 'orders'] as const;

export const accountId = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9-]{1,39}$/, 'use 2–40 lower-case letters, digits or dashes');

/** A customer's registry fields, shared by the form, the import and creation. */
export const customerFields = z
  .object({
    account: accountId,
    name: requiredName(120),
    vip: z.boolean().default(false),
    region: requiredName(40),
    contacts: z.array(contact).min(1, 'at least one contact').max(20),
  })
  .strict();

const money = z.string().trim().regex(/^\d{1,10}(\.\d{1,2})?$/, 'an amount such as 1280.00');

/** An order as billing exports it, shared by the form and the import. */
export const orderFields = z
  .object({
    id: z.string().trim().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,59}$/, 'letters, digits, dots, dashes, underscores'),
    customerAccount: accountId,
    product: requiredName(120),
    billingMode,
    purchasedAt: z.iso.datetime({ offset: true, error: 'a date and time with its zone, e.g. 2026-06-01T10:00:00+08:00' }),
    paid: money,
  })
  .strict();

export const customerCalls = {
  'customers.list': call<{ total: number; customers: Customer[] }>()({
    access: 'agent',
    input: z.object({ text: freeText(100).default(''), limit: z.number().int().min(1).max(200).default(50), offset: z.number().int().min(0).default(0) }).strict(),
  }),
  /** Edits a customer's name, VIP mark, region and contacts; the reason is audited. */
  'customers.update': call<Customer>()({
    access: 'agent',
    input: customerFields.extend({ reason: requiredText(500, 'say why the customer changes') }),
  }),
  'orders.create': call<Order>()({ access: 'agent', input: orderFields }),
  /** Customers or orders from a billing CSV/XLSX export: every row checked, refused rows reported, the rest in one write. */
  'customers.import': call<ImportReport>()({
    access: 'supervisor',
    input: z
      .object({
        kind: z.enum(IMPORT_KINDS),
        fileName: requiredName(200).regex(/\.(csv|xlsx)$/i, 'a .csv or .xlsx file'),
        /** The file, sent before in chunks (uploads.begin/chunk): no message has to carry it whole. */
        file: uploadRef,
        mapping: z
          .record(nameText(100), nameText(100))
          .refine((mapping) => Object.keys(mapping).length <= 50, 'at most 50 entries')
          .default({}),
        preview: z.boolean().default(true),
      })
      .strict(),
  }),
  'customers.lookup': call<CustomerMatch[]>()({
    access: 'agent',
    input: z
      .object({ query: requiredName(100, 'type an account, a phone number or a name'), limit: z.number().int().min(1).max(50).default(10) })
      .strict(),
  }),
  'customers.get': call<Customer>()({
    access: 'agent',
    input: z.object({ account: knownAccount() }).strict(),
  }),
  /** Checks and replaces a customer's registered contacts (e.g. during access recovery); the reason is audited. */
  'customers.updateContacts': call<Customer>()({
    access: 'agent',
    input: z
      .object({
        account: knownAccount(),
        contacts: z.array(contact).min(1, 'at least one contact').max(20),
        reason: requiredText(500, 'say why the contacts change'),
      })
      .strict(),
  }),
  'customers.create': call<Customer>()({ access: 'agent', input: customerFields }),
};
