// The browser host serves only the desk's own pages, only on loopback, only with the launch token.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import WebSocket from 'ws';
import { openTestDesk } from '../../test/support/desk.js';
import { startWebHost, type WebHost } from './host.js';

let t: Awaited<ReturnType<typeof openTestDesk>>;
let host: WebHost;
let rendererDir: string;

beforeAll(async () => {
  t = await openTestDesk();
  rendererDir = mkdtempSync(join(tmpdir(), 'desk-renderer-'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>desk</title>');
  host = await startWebHost({ desk: t.desk, rendererDir });
});
afterAll(async () => {
  await host.close();
  await t.close();
  rmSync(rendererDir, { recursive: true, force: true });
});

function get(path: string, headers: Record<string, string> = {}, hostname = '127.0.0.1') {
  return new Promise<{ status: number; body: string; headers: Record<string, unknown> }>((done, fail) => {
    const req = request({ hostname, port: host.port, path, headers }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => done({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', fail);
    req.end();
  });
}

function openSocket(headers: Record<string, string>) {
  return new Promise<WebSocket>((done, fail) => {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/api`, { headers });
    ws.once('open', () => done(ws));
    ws.once('unexpected-response', (_req, res) => fail(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', fail);
  });
}

it('prints an address on 127.0.0.1 with a random token', () => {
  expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{32}$/);
});

it('refuses a page request without the token, or with a wrong one', async () => {
  expect((await get('/')).status).toBe(403);
  expect((await get('/?token=guess')).status).toBe(403);
  expect((await get('/assets/index.js')).status).toBe(403);
});

it('serves the page with the token, sets a cookie for its assets, and sends the CSP', async () => {
  const page = await get(`/?token=${host.token}`);
  expect(page.status).toBe(200);
  expect(page.body).toContain('<title>desk</title>');
  expect(String(page.headers['content-security-policy'])).toContain("default-src 'self'");
  const cookie = String(page.headers['set-cookie']).split(';')[0]!;
  expect((await get('/index.html', { cookie })).status).toBe(200);
});

it('refuses another Host header (DNS rebinding)', async () => {
  expect((await get(`/?token=${host.token}`, { host: `evil.example:${host.port}` })).status).toBe(403);
});

it('refuses a WebSocket without the token or from another origin, and answers one with both', async () => {
  const origin = `http://127.0.0.1:${host.port}`;
  await expect(openSocket({ origin })).rejects.toThrow('403');
  await expect(openSocket({ origin: 'http://evil.example', cookie: `desk_token_${host.port}=${host.token}` })).rejects.toThrow('403');
  const ws = await openSocket({ origin, cookie: `desk_token_${host.port}=${host.token}` });
  const reply = await new Promise<string>((done) => {
    ws.once('message', (data) => done(String(data)));
    ws.send(JSON.stringify({ id: 1, name: 'session.current', input: {} }));
  });
  expect(JSON.parse(reply)).toEqual({ id: 1, outcome: { ok: true, value: { operator: null, needsSetup: false } } });
  ws.close();
});

it('listens on loopback only: the machine’s other addresses refuse the connection', async () => {
  const external = Object.values(networkInterfaces())
    .flat()
    .find((address) => address && address.family === 'IPv4' && !address.internal);
  if (!external) return; // a machine with no other interface has nothing else to refuse on
  await expect(get(`/?token=${host.token}`, {}, external.address)).rejects.toThrow(/ECONNREFUSED/);
});
