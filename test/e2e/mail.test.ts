// The mail channel on screen: mail fetched from a real Dovecot becomes cases; the agent reads a
// compensation claim with its C6 finding and replies through a real SMTP server; a supervisor sees
// the mail that could not become a case.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startDovecot, type TestMailbox } from '../support/dovecot.js';
import { startSmtp, type TestSmtp } from '../support/smtp.js';
import { screenshot } from './support/browser.js';
import { standardOperators } from './support/desk.js';
import { openPreparedDesk, type PreparedDesk } from './support/prepared.js';

let app: PreparedDesk;
let imap: TestMailbox;
let smtp: TestSmtp;

const word = (text: string) => `=?UTF-8?B?${Buffer.from(text).toString('base64')}?=`;
const mail = (from: string, subject: string, id: string, body: string) =>
  [`From: ${from}`, 'To: support@desk.test', `Subject: ${subject}`, `Message-ID: <${id}>`, 'MIME-Version: 1.0', 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: base64', '', Buffer.from(body).toString('base64'), ''].join('\r\n');

/** A small real PDF, as a customer's mail client attaches it (base64, RFC 2047 file name). */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n\u00e9\u00ff binary tail', 'latin1');
const withPdf = (from: string, subject: string, id: string, body: string) =>
  [
    `From: ${from}`,
    'To: support@desk.test',
    `Subject: ${subject}`,
    `Message-ID: <${id}>`,
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="b1"',
    '',
    '--b1',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: base64',
    '',
    Buffer.from(body).toString('base64'),
    '--b1',
    `Content-Type: application/pdf; name="${word('故障截图.pdf')}"`,
    `Content-Disposition: attachment; filename="${word('故障截图.pdf')}"`,
    'Content-Transfer-Encoding: base64',
    '',
    PDF.toString('base64'),
    '--b1--',
    '',
  ].join('\r\n');

beforeAll(async () => {
  [imap, smtp] = await Promise.all([startDovecot(), startSmtp()]);
  await imap.deliver(
    mail(`${word('周敏')} <zhou@xingchen.test>`, word('vip-07 故障赔偿申请'), 'claim@xingchen.test', '云主机昨天中断，请赔偿。'),
    'garbage without any header\r\n',
    withPdf(`${word('周敏')} <zhou@xingchen.test>`, word('控制台报错截图'), 'pdf@xingchen.test', '附件是报错截图。'),
  );
  app = await openPreparedDesk('mail', async (desk) => {
    await standardOperators(desk);
    const manager = desk.as('mgr');
    await manager('customers.create', { account: 'vip-07', name: '星辰电商', vip: true, region: 'cn-shanghai', contacts: [{ name: '周敏', email: 'zhou@xingchen.test' }] });
    await manager('channels.update', {
      imap: { host: imap.host, port: imap.port, tls: false, user: imap.user, password: imap.password, folder: 'INBOX', afterImport: 'keep', moveTo: '' },
      smtp: { host: '127.0.0.1', port: smtp.port, tls: false, user: '', from: 'support@desk.test' },
    });
    await manager('mail.fetchNow', {});
  });
}, 120_000);

afterAll(async () => {
  await app?.close();
  await Promise.all([imap?.close(), smtp?.close()]);
});

async function pageAs(username: string): Promise<Page> {
  const page = await app.pageAs(username);
  await page.getByRole('button', { name: '邮件', exact: true }).click();
  return page;
}

it('shows a mailed claim with what its subject lacks, and sends the agent’s reply by SMTP', async () => {
  const page = await pageAs('agent1');
  await page.locator('[data-case-id]').filter({ hasText: 'vip-07 故障赔偿申请' }).click();
  const thread = page.getByTestId('mail-thread');
  await thread.waitFor();
  expect(await thread.textContent()).toContain('云主机昨天中断');
  // C6 by hand: the subject names vip-07 but no time and no number of occurrences.
  expect(await page.getByTestId('subject-rule').textContent()).toContain('主题缺少：时间、故障次数');
  await page.locator('textarea[name=reply]').fill('请补充故障时间和次数。');
  await page.getByRole('button', { name: '发送答复' }).click();
  await smtp.waitFor(1);
  expect(smtp.received[0]!.to).toEqual(['zhou@xingchen.test']);
  expect(smtp.received[0]!.mail.subject).toMatch(/^\[C-\d{6}\] vip-07 故障赔偿申请$/);
  await thread.getByText('已发送答复', { exact: false }).waitFor();
  await screenshot(page, 'mail-thread');
  await page.close();
});

it('lists the mail that could not become a case for a supervisor, with the reason', async () => {
  const page = await pageAs('sup1');
  const kept = page.getByTestId('set-aside');
  await kept.waitFor();
  expect(await kept.textContent()).toContain('没有发件人地址');
  await page.close();
});

it('opens a mail’s PDF attachment from the case: a download with the same bytes, guarded by the page’s token', async () => {
  const page = await pageAs('agent1');
  await page.locator('[data-case-id]').filter({ hasText: '控制台报错截图' }).click();
  const thread = page.getByTestId('mail-thread');
  await thread.waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), thread.getByRole('button', { name: '下载 故障截图.pdf' }).click()]);
  expect(download.suggestedFilename()).toBe('故障截图.pdf');
  const saved = await download.path();
  expect(readFileSync(saved).equals(PDF)).toBe(true);

  // The route's answer: a download, a safe type, never sniffed; without the page's token, refused.
  const caseId = await page.locator('[data-case-id]').filter({ hasText: '控制台报错截图' }).first().getAttribute('data-case-id');
  const link = await page.evaluate(async (id) => {
    type Outcome<T> = { ok: boolean; value: T };
    const api = (globalThis as unknown as { api: { call<T>(name: string, input: unknown): Promise<Outcome<T>> } }).api;
    const view = await api.call<{ case: { details: { mail: { messages: { attachments: { path: string }[] }[] } } } }>('workOrders.get', { id });
    const path = view.value.case.details.mail.messages[0]!.attachments[0]!.path;
    const answer = await api.call<{ url: string }>('files.link', { caseId: id, path });
    const response = await fetch(answer.value.url);
    return { url: answer.value.url, status: response.status, headers: Object.fromEntries(response.headers.entries()) };
  }, caseId);
  expect(link.status).toBe(200);
  expect(link.headers['content-type']).toBe('application/pdf');
  expect(link.headers['content-disposition']).toMatch(/^attachment; .*filename\*=UTF-8''%E6%95%85%E9%9A%9C%E6%88%AA%E5%9B%BE\.pdf$/);
  expect(link.headers['x-content-type-options']).toBe('nosniff');
  expect((await fetch(`${app.host.origin}/${link.url}`)).status).toBe(403); // no token, no file
  await page.close();
});
