import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const TOKEN_COOKIE = 'desk_token';


const sameSecret = (given: string | undefined | null, token: string) => {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
};

function cookie(request: IncomingMessage, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

/** A request is the desk's own when it carries the launch token (query or cookie) and names our loopback host. */
export function authorise(request: IncomingMessage, token: string, port: number): { ok: boolean; fromQuery: boolean } {
  const host = request.headers.host ?? '';
  if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) return { ok: false, fromQuery: false };
  const url = new URL(request.url ?? '/', `http://${host}`);
  const fromQuery = sameSecret(url.searchParams.get('token'), token);
  return { ok: fromQuery || sameSecret(cookie(request, TOKEN_COOKIE), token), fromQuery };
}

/** WebSocket upgrades must also come from a page of ours (browsers always send Origin). */
export function originAllowed(request: IncomingMessage, port: number): boolean {
  const origin = request.headers.origin;
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}
