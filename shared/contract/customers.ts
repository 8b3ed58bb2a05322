import { z } from 'zod';
import type { Customer } from '../domain/case.js';
import type { Order } from '../domain/order.js';
import { billingMode } from '../rules/fields.js';
import { call } from './define.js';

export interface CustomerMatch {
  customer: Customer;
  /** What matched: the account id, a contact's phone number, or the name. */
  matchedOn: 'account' | 'phone' | 'name';
  /** For a phone match: the contact(s) whose number it is. */
  contacts: string[];
}

const contact = z
  .object({
    name: z.string().trim().min(1, 'required').max(80),
    phone: z.string().trim().max(40).optional(),
    email: z.email('not an email address').optional(),
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
    name: z.string().trim().min(1, 'required').max(120),
    vip: z.boolean().default(false),
    region: z.string().trim().min(1, 'required').max(40),
    contacts: z.array(contact).min(1, 'at least one contact').max(20),
  })
  .strict();

const money = z.string().trim().regex(/^\d{1,10}(\.\d{1,2})?$/, 'an amount such as 1280.00');

/** An order as billing exports it, shared by the form and the import. */
export const orderFields = z
  .object({
    id: z.string().trim().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,59}$/, 'letters, digits, dots, dashes, underscores'),
    customerAccount: accountId,
    product: z.string().trim().min(1, 'required').max(120),
    billingMode,
    purchasedAt: z.iso.datetime({ offset: true, error: 'a date and time with its zone, e.g. 2026-06-01T10:00:00+08:00' }),
    paid: money,
  })
  .strict();

export const customerCalls = {
  'customers.list': call<{ total: number; customers: Customer[] }>()({
    access: 'agent',
    input: z.object({ text: z.string().trim().max(100).default(''), limit: z.number().int().min(1).max(200).default(50), offset: z.number().int().min(0).default(0) }).strict(),
  }),
  /** Edits a customer's name, VIP mark, region and contacts; the reason is audited. */
  'customers.update': call<Customer>()({
    access: 'agent',
    input: customerFields.extend({ reason: z.string().trim().min(1, 'say why the customer changes').max(500) }),
  }),
  'orders.create': call<Order>()({ access: 'agent', input: orderFields }),
  /** Customers or orders from a billing CSV/XLSX export: every row checked, refused rows reported, the rest in one write. */
  'customers.import': call<ImportReport>()({
    access: 'supervisor',
    input: z
      .object({
        kind: z.enum(IMPORT_KINDS),
        fileName: z.string().trim().regex(/\.(csv|xlsx)$/i, 'a .csv or .xlsx file').max(200),
        contentBase64: z
          .string()
          .max(14_000_000, 'the file is larger than 10 MB')
          .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'not base64'),
        mapping: z.record(z.string(), z.string().max(100)).default({}),
        preview: z.boolean().default(true),
      })
      .strict(),
  }),
  'customers.lookup': call<CustomerMatch[]>()({
    access: 'agent',
    input: z
      .object({ query: z.string().trim().min(1, 'type an account, a phone number or a name').max(100), limit: z.number().int().min(1).max(50).default(10) })
      .strict(),
  }),
  'customers.get': call<Customer>()({
    access: 'agent',
    input: z.object({ account: z.string().trim().min(1, 'required') }).strict(),
  }),
  /** Checks and replaces a customer's registered contacts (e.g. during access recovery); the reason is audited. */
  'customers.updateContacts': call<Customer>()({
    access: 'agent',
    input: z
      .object({
        account: z.string().trim().min(1, 'required'),
        contacts: z.array(contact).min(1, 'at least one contact').max(20),
        reason: z.string().trim().min(1, 'say why the contacts change').max(500),
      })
      .strict(),
  }),
  'customers.create': call<Customer>()({ access: 'agent', input: customerFields }),
};
