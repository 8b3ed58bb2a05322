// A report export downloaded from the browser host, on a real desk and a real host: the XLSX comes
// back whole through its link, behind the page's token, to the window that asked; a bad link, an
// expired one, or one whose window signed out or closed gets the plain "unknown or expired" answer
// and the export's file is gone from the disk.
import ExcelJS from 'exceljs';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openTestDesk } from '../../../test/support/desk.js';
import { startWebHost, type WebHost } from '../../web/host.js';
import { EXPIRED_LINK } from './downloads.js';

let now = Date.parse('2026-05-06T02:00:00Z');
let t: Awaited<ReturnType<typeof openTestDesk>>;
let host: WebHost;
let rendererDir: string;
const range = { from: '2026-05-01', to: '2026-05-31' };
const SUMMARIES = ['ECS unreachable after the security group change', '云服务器无法登录', '=HYPERLINK("x")'];

beforeAll(async () => {
  t = await openTestDesk({ now: () => new Date(now) });
  rendererDir = mkdtempSync(join(tmpdir(), 'desk-renderer-'));
  host = await startWebHost({ desk: t.desk, rendererDir, port: 0 });
  const agent = await t.signedIn('agent', 'wang');
  await t.ok(agent, 'customers.create', { account: 'acme-01', name: 'Acme', vip: false, region: 'cn-hangzhou', contacts: [{ name: 'Li Lei', phone: '13812345678' }] });
  for (const summary of SUMMARIES) await t.ok(agent, 'calls.log', { customerAccount: 'acme-01', channel: 'hotline', category: 'technical-issue', summary });
}, 60_000);
afterAll(async () => {
  await host?.close();
  await t?.close();
  rmSync(rendererDir, { recursive: true, force: true });
});

const get = (url: string, token = `?token=${host.token}`) => fetch(`http://127.0.0.1:${host.port}/${url}${token}`);
const tempFileOf = (url: string) => t.desk.services.downloads.served(`/${url}`, now)!.file;

it('serves an exported XLSX through its link, whole, as a download behind the page’s token', async () => {
  const file = await t.ok(t.manager, 'reports.export', { ...range, report: 'cases', format: 'xlsx' });
  expect(file).toMatchObject({ fileName: 'cases-2026-05-01-2026-05-31.xlsx', rows: 3 });
  expect(file.url).toMatch(/^files\/[A-Za-z0-9_-]{32}$/);
  expect(file).not.toHaveProperty('base64');

  expect((await get(file.url, '')).status).toBe(403); // no token
  const answer = await get(file.url);
  expect(answer.status).toBe(200);
  expect(answer.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  expect(answer.headers.get('content-disposition')).toBe('attachment; filename="cases-2026-05-01-2026-05-31.xlsx"; filename*=UTF-8\'\'cases-2026-05-01-2026-05-31.xlsx');
  const bytes = Buffer.from(await answer.arrayBuffer());
  expect(bytes.length).toBe(file.bytes);
  expect(Number(answer.headers.get('content-length'))).toBe(file.bytes);

  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  expect(sheet.rowCount).toBe(1 + SUMMARIES.length);
  const column = (sheet.getRow(1).values as unknown[]).indexOf('summary');
  expect(column).toBeGreaterThan(0);
  const summaries = [2, 3, 4].map((r) => sheet.getRow(r).getCell(column).value);
  expect(summaries.sort()).toEqual([...SUMMARIES].sort()); // the formula-like one a string cell, as written
});

it('refuses a link it never gave, one that expired, and one whose window signed out or closed, removing the file', async () => {
  for (const bad of ['files/not-a-link', `files/${'A'.repeat(32)}`, 'files/..%2Fjournal.jsonl']) {
    const answer = await get(bad);
    expect([400, 404]).toContain(answer.status);
    if (answer.status === 404) expect(await answer.text()).toBe(`${EXPIRED_LINK}\n`);
  }

  const expiring = await t.ok(t.manager, 'reports.export', { ...range, report: 'cases', format: 'csv' });
  const expiringFile = tempFileOf(expiring.url);
  now += 5 * 60_000 + 1;
  const late = await get(expiring.url);
  expect(late.status).toBe(404);
  expect(await late.text()).toBe(`${EXPIRED_LINK}\n`);
  expect(existsSync(expiringFile)).toBe(false);

  // Another manager's window signs out: its link ends with its sign-in.
  const other = await t.signedIn('manager', 'zhao');
  const signedOut = await t.ok(other, 'reports.export', { ...range, report: 'cases', format: 'csv' });
  const signedOutFile = tempFileOf(signedOut.url);
  await t.ok(other, 'session.signOut', {});
  expect((await get(signedOut.url)).status).toBe(404);
  expect(existsSync(signedOutFile)).toBe(false);

  // The window closes (the tab goes): its file goes at once, not at the link's expiry.
  const closing = await t.signedIn('manager', 'qian');
  const closed = await t.ok(closing, 'reports.export', { ...range, report: 'refunds', format: 'csv' });
  const closedFile = tempFileOf(closed.url);
  t.desk.disconnect(closing);
  expect(existsSync(closedFile)).toBe(false);
  expect((await get(closed.url)).status).toBe(404);
}, 60_000); // two more sign-ins (scrypt) on a loaded machine
