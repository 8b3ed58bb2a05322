// Every way the browser host was taken down (issue 13) now gets a 400 or closes that one
// socket, and the host keeps serving a tab that was already open and a new one.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import WebSocket from 'ws';
import { openTestDesk, PASSWORD } from '../../test/support/desk.js';
import { startWebHost, type WebHost } from './host.js';

let t: Awaited<ReturnType<typeof openTestDesk>>;
let host: WebHost;
let rendererDir: string;
let bystander: WebSocket;

beforeAll(async () => {
  t = await openTestDesk();
  rendererDir = mkdtempSync(join(tmpdir(), 'desk-renderer-'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>desk</title>');
  host = await startWebHost({ desk: t.desk, rendererDir });
  bystander = await openSocket();
});
afterAll(async () => {
  bystander.close();
  await host.close();
  await t.close();
  rmSync(rendererDir, { recursive: true, force: true });
});

const origin = () => `http://127.0.0.1:${host.port}`;
const cookie = () => `desk_token_${host.port}=${host.token}`;

function openSocket(): Promise<WebSocket> {
  return new Promise((done, fail) => {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/api`, { headers: { origin: origin(), cookie: cookie() } });
    ws.once('open', () => done(ws));
    ws.once('error', fail);
  });
}

function ask(ws: WebSocket, name: string, input: unknown = {}): Promise<unknown> {
  const id = Math.floor(Math.random() * 1e9);
  return new Promise((done) => {
    const onMessage = (data: WebSocket.RawData) => {
      const reply = JSON.parse(String(data)) as { id?: number; outcome?: unknown };
      if (reply.id !== id) return;
      ws.off('message', onMessage);
      done(reply.outcome);
    };
    ws.on('message', onMessage);
    ws.send(JSON.stringify({ id, name, input }));
  });
}

/** Raw bytes to the port; resolves with the start of the host's answer ('' if it closed without one). */
function raw(bytes: string | Buffer): Promise<string> {
  return new Promise((done, fail) => {
    const socket = connect(host.port, '127.0.0.1', () => socket.write(bytes));
    socket.once('data', (d) => {
      done(String(d));
      socket.destroy();
    });
    socket.on('close', () => done(''));
    socket.on('error', fail);
  });
}

/** The close code the host gave a socket after `act`. */
async function closeCodeAfter(act: (ws: WebSocket) => void): Promise<number> {
  const ws = await openSocket();
  ws.on('error', () => {}); // the client side reports the close too
  const closed = new Promise<number>((done) => ws.once('close', (code) => done(code)));
  act(ws);
  return closed;
}

async function stillServing() {
  expect(await ask(bystander, 'session.current')).toMatchObject({ ok: true });
  const fresh = await openSocket();
  expect(await ask(fresh, 'session.current')).toMatchObject({ ok: true });
  fresh.close();
  expect(await raw(`GET /?token=${host.token} HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nConnection: close\r\n\r\n`)).toMatch(/^HTTP\/1\.1 200/);
}

it('closes the socket of a work order carrying two 7 MB files in one message (1009) and keeps serving', async () => {
  const agent = await openSocket();
  await t.signedIn('agent', 'sender');
  expect(await ask(agent, 'session.signIn', { username: 'sender', password: PASSWORD })).toMatchObject({ ok: true });
  const file = { name: 'dump.bin', contentBase64: Buffer.alloc(7 * 1024 * 1024).toString('base64') };
  const closed = new Promise<number>((done) => agent.once('close', (code) => done(code)));
  agent.on('error', () => {});
  agent.send(JSON.stringify({ id: 1, name: 'workOrders.create', input: { summary: 'x', attachments: [file, file] } }));
  expect(await closed).toBe(1009);
  await stillServing();
});

it('closes a socket sending any message over the cap (1009)', async () => {
  expect(await closeCodeAfter((ws) => ws.send('x'.repeat(17 * 1024 * 1024)))).toBe(1009);
  await stillServing();
});

it('closes a socket sending a text frame that is not UTF-8 (1007)', async () => {
  expect(await closeCodeAfter((ws) => ws.send(Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), { binary: false }))).toBe(1007);
  await stillServing();
});

it.each(['null', '[]', '42', '"call"', '{}', '{"id":{},"name":"session.current"}', 'not json'])(
  'closes a socket sending %s, which is not a call (1008)',
  async (message) => {
    expect(await closeCodeAfter((ws) => ws.send(message))).toBe(1008);
    await stillServing();
  },
);

it('closes a socket sending a binary frame (1008)', async () => {
  expect(await closeCodeAfter((ws) => ws.send(Buffer.from('{"id":1}'), { binary: true }))).toBe(1008);
  await stillServing();
});

it('answers 400 to `GET http://[` without a token, as a page request and as an upgrade', async () => {
  expect(await raw(`GET http://[ HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\n\r\n`)).toMatch(/^HTTP\/1\.1 400/);
  const upgrade = `GET http://[ HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n`;
  expect(await raw(upgrade)).toMatch(/^HTTP\/1\.1 400/);
  await stillServing();
});

it('answers 400 to a malformed %-escape in a path, with or without the token', async () => {
  const headers = `Host: 127.0.0.1:${host.port}\r\nConnection: close\r\n`;
  expect(await raw(`GET /%E0%A4%A HTTP/1.1\r\n${headers}Cookie: ${cookie()}\r\n\r\n`)).toMatch(/^HTTP\/1\.1 400/);
  expect(await raw(`GET /%zz?token=${host.token} HTTP/1.1\r\n${headers}\r\n`)).toMatch(/^HTTP\/1\.1 400/);
  expect(await raw(`GET /%E0%A4%A HTTP/1.1\r\n${headers}\r\n`)).toMatch(/^HTTP\/1\.1 (400|403)/);
  await stillServing();
});

it('answers 400 to bytes that are not HTTP, and survives a client that resets mid-request', async () => {
  expect(await raw(Buffer.from([0x16, 0x03, 0x01, 0x00, 0xff, 0x0d, 0x0a, 0x0d, 0x0a]))).toMatch(/^HTTP\/1\.1 400/);
  await new Promise<void>((done) => {
    const socket = connect(host.port, '127.0.0.1', () => {
      socket.write(`GET /?token=${host.token} HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\n`);
      setImmediate(() => {
        socket.resetAndDestroy();
        done();
      });
    });
  });
  const ws = await openSocket();
  (ws as unknown as { _socket: { resetAndDestroy(): void } })._socket.resetAndDestroy(); // a tab killed mid-connection
  await stillServing();
});

it('refuses the cookie on a request another loopback port’s page makes (Sec-Fetch-Site: same-site)', async () => {
  const request = (site: string) =>
    raw(`GET /index.html HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nCookie: ${cookie()}\r\nSec-Fetch-Site: ${site}\r\nConnection: close\r\n\r\n`);
  expect(await request('same-site')).toMatch(/^HTTP\/1\.1 403/);
  expect(await request('cross-site')).toMatch(/^HTTP\/1\.1 403/);
  expect(await request('same-origin')).toMatch(/^HTTP\/1\.1 200/);
  expect(await request('none')).toMatch(/^HTTP\/1\.1 200/);
});

it('survives random frames and random requests from many sockets (fast-check)', async () => {
  let frames = 0;
  await fc.assert(
    fc.asyncProperty(
      fc.oneof(fc.jsonValue().map((v) => JSON.stringify(v)), fc.string({ unit: 'binary', maxLength: 200 }), fc.uint8Array({ maxLength: 200 })),
      async (frame) => {
        frames++;
        const ws = await openSocket();
        ws.on('error', () => {});
        const closed = new Promise<void>((done) => ws.once('close', () => done()));
        const answered = new Promise<void>((done) => ws.once('message', () => done()));
        ws.send(frame, { binary: typeof frame !== 'string' && frames % 2 === 0 });
        await Promise.race([closed, answered]);
        ws.terminate();
      },
    ),
    { numRuns: 100 },
  );
  await fc.assert(
    fc.asyncProperty(fc.string({ unit: 'binary-ascii', maxLength: 80 }), async (target) => {
      const answer = await raw(`GET ${target.replace(/[\r\n ]/g, '')}/ HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nConnection: close\r\n\r\n`);
      expect(answer).toMatch(/^(HTTP\/1\.1 (200|400|403|404)|)/);
    }),
    { numRuns: 100 },
  );
  await stillServing();
}, 120_000);
