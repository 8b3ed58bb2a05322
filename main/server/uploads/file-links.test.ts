// Opening a file kept on a case through the browser host, on a real desk and a real host: the
// access recovery's verification document comes back whole as a download; a file the case does
// not keep, a path out of the attachments folder, an unknown link or a request without the
// page's token get nothing.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openTestDesk } from '../../../test/support/desk.js';
import { startWebHost, type WebHost } from '../../web/host.js';

let t: Awaited<ReturnType<typeof openTestDesk>>;
let host: WebHost;
let rendererDir: string;
const DOCUMENT = Buffer.from('%PDF-1.4 business licence \u00ff', 'latin1');

beforeAll(async () => {
  t = await openTestDesk();
  rendererDir = mkdtempSync(join(tmpdir(), 'desk-renderer-'));
  host = await startWebHost({ desk: t.desk, rendererDir, port: 0 });
});
afterAll(async () => {
  await host?.close();
  await t?.close();
  rmSync(rendererDir, { recursive: true, force: true });
});

it('serves a case’s verification document as a download behind the page’s token, and nothing else', async () => {
  const agent = await t.signedIn('agent', 'wang');
  await t.ok(agent, 'customers.create', { account: 'acme-01', name: 'Acme', vip: false, region: 'cn-hangzhou', contacts: [{ name: 'Li Lei', phone: '13812345678' }] });
  const recovery = await t.ok(agent, 'accessRecovery.submit', {
    customerAccount: 'acme-01',
    reason: 'admin-left',
    role: 'account administrator',
    previousHolder: 'Li Lei',
    newHolder: 'Han Meimei',
    documents: [await t.upload(agent, '营业执照.pdf', DOCUMENT)],
  });
  const path = recovery.details.documents![0]!.path;
  const link = await t.ok(agent, 'files.link', { caseId: recovery.id, path });
  const origin = `http://127.0.0.1:${host.port}`;

  const answer = await fetch(`${origin}/${link.url}?token=${host.token}`);
  expect(answer.status).toBe(200);
  expect(Buffer.from(await answer.arrayBuffer()).equals(DOCUMENT)).toBe(true);
  expect(answer.headers.get('content-type')).toBe('application/pdf');
  // 营业执照 is four characters outside ASCII: four _ in the plain filename, the real name in filename*.
  expect(answer.headers.get('content-disposition')).toBe(`attachment; filename="____.pdf"; filename*=UTF-8''${encodeURIComponent('营业执照.pdf')}`);
  expect(answer.headers.get('x-content-type-options')).toBe('nosniff');

  expect((await fetch(`${origin}/${link.url}`)).status).toBe(403); // no token
  expect((await fetch(`${origin}/files/not-a-link?token=${host.token}`)).status).toBe(404);
  for (const bad of ['attachments/../settings.json', '../channel-secrets.json', 'journal.jsonl']) {
    expect(await t.desk.dispatch(agent, 'files.link', { caseId: recovery.id, path: bad })).toMatchObject({ ok: false, error: { code: 'not-found', field: 'path' } });
  }
});
