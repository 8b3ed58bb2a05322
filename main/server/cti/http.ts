// POST /api/v1/cti/<token>: the phone system's endpoint, as in Zammad's generic CTI. Its own
// token (a manager's setting), a small body limit, a typed error naming the field; nothing is
// stored unless the whole post is valid, and no post can take the desk down.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DeskErrorShape } from '../../../shared/contract/index.js';
import type { Services } from '../context.js';
import { readChannelSecrets } from '../mail/channel-secrets.js';
import { ctiEventSchema, ctiFields } from './cti-event.js';
import { recordCtiEvent } from './phone-calls.js';

export const CTI_PATH = '/api/v1/cti/';
/** A CTI post is a few hundred bytes; anything near this is not one. */
export const MAX_CTI_BODY = 64 * 1024;

/** Handles the request when it is for the CTI endpoint (true), or leaves it to the host (false). */
export function handleCtiRequest(services: Services, request: IncomingMessage, response: ServerResponse): boolean {
  const pathname = new URL(request.url ?? '/', 'http://localhost').pathname;
  if (!pathname.startsWith(CTI_PATH)) return false;
  void serve(services, request, response, decodeURIComponent(pathname.slice(CTI_PATH.length)).replace(/\/$/, '')).catch((error: unknown) => {
    console.error('[cti] request failed:', error);
    if (!response.headersSent) reply(response, 500, { code: 'internal', message: 'the desk hit an unexpected error' });
  });
  return true;
}

async function serve(services: Services, request: IncomingMessage, response: ServerResponse, token: string) {
  if (!tokenMatches((await readChannelSecrets(services.secrets)).ctiToken, token)) {
    request.resume();
    return reply(response, 401, { code: 'unauthenticated', message: 'unknown CTI token: copy the endpoint from the desk’s Channels settings', field: 'token' });
  }
  if (request.method !== 'POST') return reply(response, 405, { code: 'invalid-input', message: 'post the call event' });
  const body = await readBody(request);
  if (body === null) return reply(response, 413, { code: 'invalid-input', message: `the body is larger than ${MAX_CTI_BODY / 1024} KB`, field: 'body' });
  let fields: Record<string, unknown>;
  try {
    fields = ctiFields(body, request.headers['content-type'] ?? '');
  } catch {
    return reply(response, 400, { code: 'invalid-input', message: 'the body is not valid JSON', field: 'body' });
  }
  const parsed = ctiEventSchema.safeParse(fields);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return reply(response, 400, { code: 'invalid-input', message: issue?.message ?? 'invalid call event', field: issue?.path.map(String).join('.') || 'body' });
  }
  recordCtiEvent(services, parsed.data);
  reply(response, 200, {});
}

function tokenMatches(expected: string | null, given: string): boolean {
  if (!expected || !given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The body, or null once it passes the limit (the rest is drained, not kept). */
function readBody(request: IncomingMessage): Promise<string | null> {
  const declared = Number(request.headers['content-length'] ?? 0);
  return new Promise((resolve, reject) => {
    if (declared > MAX_CTI_BODY) {
      request.resume();
      return resolve(null);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_CTI_BODY) chunks.push(chunk);
    });
    request.on('end', () => resolve(size > MAX_CTI_BODY ? null : Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function reply(response: ServerResponse, status: number, body: DeskErrorShape | Record<string, never>) {
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  response.end(JSON.stringify(body));
}
