// Team sign-ins and desk codes, both kept in PostgreSQL so any server process honours them.
import { createHash, randomBytes } from 'node:crypto';
import type pg from 'pg';

type Queryable = Pick<pg.ClientBase, 'query'>;

export interface TeamSession {
  username: string;
  deskId: string;
  deskCode: string;
  expiresAt: string;
}

// No 0/O or 1/I: a desk code is read out over the phone inside case ids.
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** 1 → 'AB', 2 → 'AC', …: two characters for the first 1023 desks, then three. */
export function deskCode(n: number): string {
  let code = '';
  for (let rest = n; rest > 0; rest = Math.floor(rest / ALPHABET.length)) code = ALPHABET[rest % ALPHABET.length] + code;
  return code.padStart(2, ALPHABET[0]);
}

/** The desk's code, given at its first sign-in and fixed after. */
export async function joinDesk(client: Queryable, deskId: string): Promise<string> {
  const found = await client.query<{ code: string }>('SELECT code FROM desks WHERE desk_id = $1', [deskId]);
  if (found.rows[0]) return found.rows[0].code;
  const { rows } = await client.query<{ value: string }>("UPDATE counters SET value = value + 1 WHERE name = 'desk' RETURNING value");
  const code = deskCode(Number(rows[0]!.value));
  await client.query('INSERT INTO desks (desk_id, code) VALUES ($1, $2)', [deskId, code]);
  return code;
}

export async function deskCodeOf(client: Queryable, deskId: string): Promise<string | undefined> {
  const { rows } = await client.query<{ code: string }>('SELECT code FROM desks WHERE desk_id = $1', [deskId]);
  return rows[0]?.code;
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export async function issueSession(client: Queryable, username: string, deskId: string, hours: number): Promise<{ token: string; expiresAt: string }> {
  const token = randomBytes(32).toString('base64url');
  const { rows } = await client.query<{ expires_at: Date }>(
    "INSERT INTO sessions (token_hash, username, desk_id, expires_at) VALUES ($1, $2, $3, now() + make_interval(hours => $4)) RETURNING expires_at",
    [hashToken(token), username, deskId, hours],
  );
  return { token, expiresAt: rows[0]!.expires_at.toISOString() };
}

export async function findSession(client: Queryable, token: string): Promise<TeamSession | null> {
  const { rows } = await client.query<{ username: string; desk_id: string; code: string; expires_at: Date }>(
    'SELECT s.username, s.desk_id, d.code, s.expires_at FROM sessions s JOIN desks d USING (desk_id) WHERE s.token_hash = $1 AND s.expires_at > now()',
    [hashToken(token)],
  );
  const row = rows[0];
  return row ? { username: row.username, deskId: row.desk_id, deskCode: row.code, expiresAt: row.expires_at.toISOString() } : null;
}
