// The registry import on a real desk: billing's CSV and XLSX exports, every row checked, refused
// rows reported with their field, accepted rows in one event, a preview that writes nothing.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDesk } from '../../../test/support/desk.js';
import type { Connection } from '../context.js';

let t: Awaited<ReturnType<typeof openTestDesk>>;
let supervisor: Connection;
let agent: Connection;
/** The file goes up in chunks first (uploads.begin/chunk), as the renderer sends it; the import names the upload. */
const file = async (connection: Connection, name: string, content: string | Buffer) => t.upload(connection, name, Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8'));

beforeAll(async () => {
  t = await openTestDesk();
  supervisor = await t.signedIn('supervisor', 'zhou');
  agent = await t.signedIn('agent', 'wang');
});
afterAll(() => t.close());

const CUSTOMERS_CSV = [
  '\uFEFF客户账号,客户名称,VIP,地域,联系人,手机号,邮箱',
  'hz-yunfan-01,杭州云帆科技有限公司,是,cn-hangzhou,王伟,138 1234 5678,wang@yunfan.example',
  'Acme-02,Acme Ltd,no,cn-shanghai,Alice,,alice@acme.example',
  'bad account!,Broken Co,,cn-beijing,Bob,,',
  'hz-yunfan-01,Duplicate Co,,cn-hangzhou,Li,,',
  'nophone-01,No Phone Co,,cn-hangzhou,Zhao,call me,',
].join('\r\n');

describe('customers.import', () => {
  it('previews without writing, then imports the valid rows in one event and reports the rest', async () => {
    const before = t.snapshot();
    const input = { kind: 'customers' as const, fileName: 'billing.csv', file: await file(supervisor, 'billing.csv', CUSTOMERS_CSV) };
    const preview = await t.ok(supervisor, 'customers.import', input);
    expect(preview).toMatchObject({ accepted: 2, imported: false, mapping: { account: '客户账号', phone: '手机号', contactName: '联系人' } });
    // Rows are numbered as a spreadsheet shows them: the header is row 1.
    expect(preview.refused).toEqual([
      { row: 4, field: 'account', message: 'use 2–40 lower-case letters, digits or dashes' },
      { row: 5, field: 'account', message: 'account hz-yunfan-01 is listed twice in the file' },
      { row: 6, field: 'phone', message: 'not a phone number' },
    ]);
    expect(t.snapshot()).toBe(before);

    const events = t.desk.services.store.events().length;
    const done = await t.ok(supervisor, 'customers.import', { ...input, preview: false });
    expect(done).toMatchObject({ accepted: 2, imported: true });
    expect(t.desk.services.store.events().length).toBe(events + 1);
    const yunfan = await t.ok(agent, 'customers.get', { account: 'hz-yunfan-01' });
    expect(yunfan).toMatchObject({ name: '杭州云帆科技有限公司', vip: true, contacts: [{ name: '王伟', phone: '+8613812345678', email: 'wang@yunfan.example' }] });
    expect(await t.ok(agent, 'customers.get', { account: 'acme-02' })).toMatchObject({ vip: false });
    // Found by the caller lookup at once, by phone in another format.
    expect((await t.ok(agent, 'customers.lookup', { query: '+86 138-1234-5678' })).map((m) => m.customer.id)).toEqual(['hz-yunfan-01']);
    // The import used the upload up; importing the same file again takes nothing: both accounts are registered now.
    expect(await t.desk.dispatch(supervisor, 'customers.import', { ...input, preview: false })).toMatchObject({ ok: false, error: { code: 'not-found', field: 'file.uploadId' } });
    const again = await t.ok(supervisor, 'customers.import', { ...input, file: await file(supervisor, 'billing.csv', CUSTOMERS_CSV), preview: false });
    expect(again).toMatchObject({ accepted: 0, imported: false });
  });

  it('imports orders from XLSX, reading zone-less times in the desk’s zone (Asia/Shanghai)', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('订单');
    sheet.addRow(['订单号', '客户账号', '产品', '计费方式', '购买时间', '实付金额']);
    sheet.addRow(['O-9001', 'hz-yunfan-01', 'ECS ecs.g7.large', '包月', '2026-06-01 10:00', '1,280.50']);
    sheet.addRow(['O-9002', 'nobody-01', 'OSS', 'monthly', '2026-06-01 10:00', '10']);
    sheet.addRow(['O-9003', 'acme-02', 'RDS', 'weekly', '2026-06-01 10:00', '10']);
    sheet.addRow(['O-9004', 'acme-02', 'RDS', 'yearly', 'yesterday', '10']);
    const xlsx = await file(supervisor, 'orders.XLSX', Buffer.from(await workbook.xlsx.writeBuffer()));
    const report = await t.ok(supervisor, 'customers.import', { kind: 'orders', fileName: 'orders.XLSX', file: xlsx, preview: false });
    expect(report.accepted).toBe(1);
    expect(report.refused.map((r) => [r.row, r.field])).toEqual([
      [3, 'customerAccount'],
      [4, 'billingMode'],
      [5, 'purchasedAt'],
    ]);
    const [order] = await t.ok(agent, 'orders.forCustomer', { customerAccount: 'hz-yunfan-01' });
    // 10:00 in Shanghai (UTC+8) is 02:00 UTC; "1,280.50" is 1280.50.
    expect(order).toMatchObject({ id: 'O-9001', billingMode: 'monthly', purchasedAt: '2026-06-01T02:00:00.000Z', paid: '1280.50' });
  });

  it('refuses a missing column, an unknown mapping, an unreadable file and an agent, changing nothing', async () => {
    const other = await t.signedIn('supervisor');
    const before = t.snapshot();
    const noRegion = await t.desk.dispatch(supervisor, 'customers.import', { kind: 'customers', fileName: 'a.csv', file: await file(supervisor, 'a.csv', 'account,name,contact\nx-01,X,Y') });
    expect(noRegion).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'mapping.region' } });
    const wrongColumn = await t.desk.dispatch(supervisor, 'customers.import', { kind: 'customers', fileName: 'a.csv', file: await file(supervisor, 'a.csv', CUSTOMERS_CSV), mapping: { region: 'Region' } });
    expect(wrongColumn).toMatchObject({ ok: false, error: { field: 'mapping.region' } });
    const junk = await t.desk.dispatch(supervisor, 'customers.import', { kind: 'orders', fileName: 'a.xlsx', file: await file(supervisor, 'a.xlsx', 'not a zip') });
    expect(junk).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'file' } });
    const notCsv = await t.desk.dispatch(supervisor, 'customers.import', { kind: 'orders', fileName: 'a.pdf', file: await file(supervisor, 'a.pdf', 'x') });
    expect(notCsv).toMatchObject({ ok: false, error: { field: 'fileName' } });
    const byAgent = await t.desk.dispatch(agent, 'customers.import', { kind: 'customers', fileName: 'a.csv', file: await file(agent, 'a.csv', CUSTOMERS_CSV) });
    expect(byAgent).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // another connection's upload is not found
    const notMine = await t.desk.dispatch(other, 'customers.import', { kind: 'customers', fileName: 'a.csv', file: await file(supervisor, 'a.csv', CUSTOMERS_CSV) });
    expect(notMine).toMatchObject({ ok: false, error: { code: 'not-found', field: 'file.uploadId' } });
    expect(t.snapshot()).toBe(before);
  });

  it('takes a file larger than one message allows (it arrives in chunks)', async () => {
    // 24,000 rows of ~150 bytes: over 3.2 MB, over 4.3 MB in base64, above MAX_MESSAGE_BYTES (4 MB)
    const rows = Array.from({ length: 24_000 }, (_, i) => `big-${String(i).padStart(6, '0')},Big Customer ${i} 有限公司,no,cn-hangzhou,Contact person ${i} of Big Customer,,contact${i}@big-customer-${i}.example.com`);
    const csv = ['account,name,vip,region,contact,phone,email', ...rows].join('\n');
    expect(Buffer.byteLength(csv)).toBeGreaterThan(3_000_000);
    const report = await t.ok(supervisor, 'customers.import', { kind: 'customers', fileName: 'big.csv', file: await file(supervisor, 'big.csv', csv) });
    expect(report).toMatchObject({ accepted: 24_000, refused: [], imported: false });
  }, 60_000);
});

describe('unidentified callers', () => {
  it('logs a call against the name and number given, and links it to the customer later', async () => {
    const call = await t.ok(agent, 'calls.log', { caller: { name: '陈先生', phone: '13900001111' }, channel: 'hotline', category: 'technical-issue', summary: '无法登录控制台' });
    expect(call).toMatchObject({ customerAccount: '', customerName: '陈先生', details: { caller: { name: '陈先生', phone: '13900001111' } } });
    const linked = await t.ok(agent, 'calls.link', { id: call.id, customerAccount: 'acme-02' });
    expect(linked).toMatchObject({ customerAccount: 'acme-02', customerName: 'Acme Ltd' });
    const { history } = await t.ok(agent, 'cases.get', { id: call.id });
    expect(history.map((h) => h.action)).toEqual(['call.logged', 'call.linked']);
    const twice = await t.desk.dispatch(agent, 'calls.link', { id: call.id, customerAccount: 'hz-yunfan-01' });
    expect(twice).toMatchObject({ ok: false, error: { code: 'conflict', field: 'id' } });
  });

  it('refuses a call with neither a customer nor anything about the caller', async () => {
    const before = t.snapshot();
    const nothing = await t.desk.dispatch(agent, 'calls.log', { channel: 'hotline', category: 'technical-issue', summary: 'x' });
    expect(nothing).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'customerAccount' } });
    expect(t.snapshot()).toBe(before);
  });
});
