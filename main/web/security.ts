import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * The token cookie's name carries the port: two desks on one machine keep their own cookies.
 * Browsers send cookies to every port of a host (and SameSite counts other ports as the same
 * site), so the name alone does not stop another loopback page from riding the cookie; the
 * Fetch Metadata check in authorise() does.
 */
export const tokenCookie = (port: number) => `desk_token_${port}`;

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

/** The request target as a URL, or null when it is not one (`GET http://[`, bytes no URL parser takes). */
export function requestUrl(request: IncomingMessage): URL | null {
  try {
    return new URL(request.url ?? '/', 'http://localhost');
  } catch {
    return null;
  }
}

/**
 * Only our own page (same origin) or a typed or clicked address (`none`) may use the cookie.
 * A page on another port of 127.0.0.1 is `same-site`, another site `cross-site`: refused.
 * Browsers too old to send the header are not the threat (they have no Fetch Metadata).
 */
const cookieUseAllowed = (request: IncomingMessage) => {
  const site = request.headers['sec-fetch-site'];
  return site === undefined || site === 'same-origin' || site === 'none';
};

/** A request is the desk's own when it carries the launch token (query or cookie) and names our loopback host. */
export function authorise(request: IncomingMessage, url: URL, token: string, port: number): { ok: boolean; fromQuery: boolean } {
  const host = request.headers.host ?? '';
  if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) return { ok: false, fromQuery: false };
  const fromQuery = sameSecret(url.searchParams.get('token'), token);
  const fromCookie = cookieUseAllowed(request) && sameSecret(cookie(request, tokenCookie(port)), token);
  return { ok: fromQuery || fromCookie, fromQuery };
}

/** WebSocket upgrades must also come from a page of ours (browsers always send Origin). */
export function originAllowed(request: IncomingMessage, port: number): boolean {
  const origin = request.headers.origin;
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}
