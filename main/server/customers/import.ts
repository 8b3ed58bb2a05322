// The registry import: customers or orders from billing's export, every row checked against the
// same schemas as the forms, refused rows reported, the accepted ones in one event (all or none).
import { readFile } from 'node:fs/promises';
import type { z } from 'zod';
import { customerFields, orderFields, type ImportReport, type IMPORT_KINDS } from '../../../shared/contract/customers.js';
import type { Customer } from '../../../shared/domain/case.js';
import { instantInZone } from '../../../shared/rules/zone.js';
import type { Change, StoredRecord } from '../../store/types.js';
import type { HandlerContext, Handlers } from '../context.js';
import { DeskError } from '../errors.js';
import { CUSTOMERS, ORDERS } from '../../../shared/domain/entities.js';
import { readTable } from './import-table.js';
import { normalizePhone } from './phone.js';

type Kind = (typeof IMPORT_KINDS)[number];

/** Each field and the headers billing exports use for it (matched ignoring case and spaces). */
const HEADERS: Record<Kind, Record<string, string[]>> = {
  customers: {
    account: ['account', 'accountid', 'customeraccount', '账号', '客户账号', '账户'],
    name: ['name', 'customer', 'customername', 'company', '客户名称', '名称', '客户', '公司'],
    vip: ['vip', '是否vip'],
    region: ['region', '地域', '区域'],
    contactName: ['contact', 'contactname', '联系人'],
    phone: ['phone', 'mobile', 'contactphone', '电话', '手机', '手机号', '联系电话'],
    email: ['email', 'e-mail', '邮箱'],
  },
  orders: {
    id: ['order', 'orderid', 'ordernumber', '订单号', '订单', '订单编号'],
    customerAccount: ['account', 'customeraccount', 'accountid', '账号', '客户账号'],
    product: ['product', 'productname', '产品', '商品', '产品名称'],
    billingMode: ['billingmode', 'billing', '计费方式', '付费方式'],
    purchasedAt: ['purchasedat', 'purchasetime', 'purchasedate', 'ordertime', '购买时间', '下单时间'],
    paid: ['paid', 'amount', 'amountpaid', '实付金额', '金额', '实付'],
  },
};
const REQUIRED: Record<Kind, string[]> = {
  customers: ['account', 'name', 'region', 'contactName'],
  orders: ['id', 'customerAccount', 'product', 'billingMode', 'purchasedAt', 'paid'],
};
const BILLING_MODES: Record<string, string> = { 按量付费: 'on-demand', 按小时: 'hourly', 包月: 'monthly', 包年: 'yearly', 后付费: 'postpaid' };
const YES = /^(true|yes|y|1|是|vip)$/i;
const key = (header: string) => header.toLowerCase().replace(/[\s_]/g, '');

function mappingFor(kind: Kind, columns: string[], given: Record<string, string>): Record<string, string> {
  const mapping: Record<string, string> = {};
  for (const [field, names] of Object.entries(HEADERS[kind])) {
    const chosen = given[field] ?? columns.find((column) => names.includes(key(column)));
    if (chosen !== undefined && chosen !== '') {
      if (!columns.includes(chosen)) throw new DeskError('invalid-input', `the file has no column "${chosen}"`, `mapping.${field}`);
      mapping[field] = chosen;
    }
  }
  for (const field of Object.keys(given)) {
    if (!(field in HEADERS[kind])) throw new DeskError('invalid-input', `${kind} have no field "${field}"`, `mapping.${field}`);
  }
  const missing = REQUIRED[kind].find((field) => !mapping[field]);
  if (missing) throw new DeskError('invalid-input', `choose the column that holds ${missing}`, `mapping.${missing}`);
  return mapping;
}

/** A date-time without a zone is read in the desk's zone, as a person typed it there. */
function instant(text: string, timeZone: string): string {
  const local = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(text);
  if (!local) return text;
  const [, y, mo, d, h = '0', mi = '0', s = '0'] = local;
  const date = `${y}-${mo!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
  return new Date(instantInZone(date, ((Number(h) * 60 + Number(mi)) * 60 + Number(s)) * 1000, timeZone)).toISOString();
}

type Row = { line: number; values: Record<string, string> };
type Checked = { record: StoredRecord; id: string } | { field: string; message: string };

function firstIssue(error: z.ZodError): { field: string; message: string } {
  const issue = error.issues[0]!;
  return { field: issue.path.join('.') || 'row', message: issue.message };
}

function checkCustomer({ values }: Row, ctx: HandlerContext, seen: Set<string>): Checked {
  const phone = values.phone ? normalizePhone(values.phone) : undefined;
  if (values.phone && !phone) return { field: 'phone', message: 'not a phone number' };
  const parsed = customerFields.safeParse({
    account: values.account?.toLowerCase(),
    name: values.name,
    vip: YES.test(values.vip ?? ''),
    region: values.region,
    contacts: [{ name: values.contactName, ...(phone ? { phone } : {}), ...(values.email ? { email: values.email } : {}) }],
  });
  if (!parsed.success) return firstIssue(parsed.error);
  const { account, ...rest } = parsed.data;
  if (seen.has(account)) return { field: 'account', message: `account ${account} is listed twice in the file` };
  if (ctx.store.get(CUSTOMERS, account)) return { field: 'account', message: `account ${account} is already registered` };
  seen.add(account);
  const customer: Customer = { id: account, ...rest, createdAt: ctx.now().toISOString() };
  return { id: account, record: { ...customer } };
}

function checkOrder({ values }: Row, ctx: HandlerContext, seen: Set<string>): Checked {
  const parsed = orderFields.safeParse({
    id: values.id,
    customerAccount: values.customerAccount?.toLowerCase(),
    product: values.product,
    billingMode: BILLING_MODES[values.billingMode ?? ''] ?? values.billingMode?.toLowerCase(),
    purchasedAt: instant(values.purchasedAt ?? '', ctx.settings.get().timeZone),
    paid: values.paid?.replace(/[,，¥￥\s]/g, ''),
  });
  if (!parsed.success) return firstIssue(parsed.error);
  const order = { ...parsed.data, purchasedAt: new Date(parsed.data.purchasedAt).toISOString() };
  if (seen.has(order.id)) return { field: 'id', message: `order ${order.id} is listed twice in the file` };
  if (ctx.store.get(ORDERS, order.id)) return { field: 'id', message: `order ${order.id} is already recorded` };
  if (!ctx.store.get(CUSTOMERS, order.customerAccount)) return { field: 'customerAccount', message: `no customer ${order.customerAccount}: import the customers first` };
  seen.add(order.id);
  return { id: order.id, record: order };
}

export const importHandlers: Pick<Handlers, 'customers.import'> = {
  async 'customers.import'(input, ctx) {
    const upload = ctx.uploads.finished(ctx.connection.id, input.file.uploadId, 'file.uploadId');
    const table = await readTable(input.fileName, await readFile(upload.file));
    const mapping = mappingFor(input.kind, table.columns, input.mapping);
    const check = input.kind === 'customers' ? checkCustomer : checkOrder;
    const seen = new Set<string>();
    const refused: ImportReport['refused'] = [];
    const accepted: Change[] = [];
    table.rows.forEach((raw, index) => {
      const values = Object.fromEntries(Object.entries(mapping).map(([field, column]) => [field, (raw[column] ?? '').trim()]));
      const checked = check({ line: index + 2, values }, ctx, seen);
      if ('field' in checked) refused.push({ row: index + 2, field: checked.field, message: checked.message });
      else accepted.push({ entity: input.kind === 'customers' ? CUSTOMERS : ORDERS, id: checked.id, op: 'put', record: checked.record });
    });
    const imported = !input.preview && accepted.length > 0;
    // One event for the whole file: every accepted row or, should the write fail, none.
    if (imported) {
      ctx.store.append({
        actor: ctx.operator.username,
        action: input.kind === 'customers' ? 'customers.imported' : 'orders.imported',
        reason: `import of ${input.fileName}: ${accepted.length} rows, ${refused.length} refused`,
        changes: accepted,
      });
    }
    if (!input.preview) ctx.uploads.discard(upload.uploadId); // a preview keeps the file for the import that follows
    return { kind: input.kind, columns: table.columns, mapping, accepted: accepted.length, refused, imported };
  },
};
