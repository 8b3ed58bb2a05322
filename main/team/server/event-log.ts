// The center's event log in PostgreSQL. Gap-free order: an appending transaction first takes
// the 'position' counter's row lock (held to COMMIT), reads the committed head under it, writes
// its events at head+1…, sets the counter and commits. So positions commit in order and a
// reader of `position > cursor` never sees #102 before #101 (docs/team.md has the proof).
import type pg from 'pg';
import type { EventFilter, EventPage, StoredEvent, StoredRecord } from '../../store/types.js';
import type { TeamEvent } from '../protocol.js';

export const NOTIFY_CHANNEL = 'team_events';

type Queryable = Pick<pg.ClientBase, 'query'>;

interface EventRow {
  position: string;
  command_id: string | null;
  desk_id: string | null;
  actor: string;
  action: string;
  reason: string | null;
  at: Date;
  changes: StoredEvent['changes'];
}

/** Opens the transaction and takes the order lock (held until COMMIT/ROLLBACK): the committed head. */
export async function beginLocked(client: Queryable): Promise<number> {
  const results = (await client.query("BEGIN; UPDATE counters SET value = value WHERE name = 'position' RETURNING value")) as unknown as pg.QueryResult<{
    value: string;
  }>[];
  return Number(results[1]!.rows[0]!.value);
}

export async function headPosition(client: Queryable): Promise<number> {
  const { rows } = await client.query<{ value: string }>("SELECT value FROM counters WHERE name = 'position'");
  return Number(rows[0]!.value);
}

export async function readEvents(client: Queryable, after: number, limit: number): Promise<TeamEvent[]> {
  return (await readEventsAndHead(client, after, limit)).events;
}

/** Events after a position and the committed head, from one snapshot (one statement). */
export async function readEventsAndHead(client: Queryable, after: number, limit: number): Promise<{ events: TeamEvent[]; head: number }> {
  const { rows } = await client.query<Partial<EventRow> & { head: string }>(
    `SELECT h.value AS head, e.* FROM (SELECT value FROM counters WHERE name = 'position') h
     LEFT JOIN LATERAL (SELECT position, command_id, desk_id, actor, action, reason, at, changes FROM events
                        WHERE position > $1 ORDER BY position LIMIT $2) e ON true
     ORDER BY e.position`,
    [after, limit],
  );
  const head = Number(rows[0]?.head ?? 0);
  const events = rows.filter((row): row is EventRow & { head: string } => row.position != null).map(toTeamEvent);
  return { events, head };
}

const toTeamEvent = (row: EventRow): TeamEvent => ({
  position: Number(row.position),
  commandId: row.command_id,
  deskId: row.desk_id,
  actor: row.actor,
  action: row.action,
  ...(row.reason === null ? {} : { reason: row.reason }),
  at: row.at.toISOString(),
  changes: row.changes,
});

/** Every event of each record, in position order (keyed `entity\0id`). */
export async function readHistories(client: Queryable, records: Array<{ entity: string; id: string }>): Promise<Map<string, StoredEvent[]>> {
  const { rows } = await client.query<EventRow & { r_entity: string; r_id: string }>(
    `SELECT r.entity AS r_entity, r.id AS r_id, e.* FROM record_events r JOIN events e USING (position)
     WHERE (r.entity, r.id) IN (SELECT * FROM unnest($1::text[], $2::text[])) ORDER BY e.position`,
    [records.map((r) => r.entity), records.map((r) => r.id)],
  );
  const histories = new Map<string, StoredEvent[]>(records.map((r) => [`${r.entity}\u0000${r.id}`, []]));
  for (const row of rows) histories.get(`${row.r_entity}\u0000${row.r_id}`)?.push(toStoredEvent(toTeamEvent(row)));
  return histories;
}

/** One audit page over the whole log, newest first (the desk store's eventPage, in SQL). */
export async function readEventPage(client: Queryable, filter: EventFilter, page: { offset: number; limit: number }): Promise<EventPage> {
  const { rows } = await client.query<EventRow & { total: string }>(
    `WITH m AS (SELECT position FROM events
                WHERE ($1::text IS NULL OR actor = $1) AND ($2::text IS NULL OR action = $2)
                  AND ($3::timestamptz IS NULL OR at >= $3) AND ($4::timestamptz IS NULL OR at < $4)
                  AND ($5::text IS NULL OR EXISTS (SELECT 1 FROM jsonb_array_elements(changes) c WHERE c->>'entity' = $5)))
     SELECT t.total, e.* FROM (SELECT count(*) AS total FROM m) t
     LEFT JOIN LATERAL (SELECT * FROM events WHERE position IN (SELECT position FROM m ORDER BY position DESC OFFSET $6 LIMIT $7)) e ON true
     ORDER BY e.position DESC`,
    [filter.actor ?? null, filter.action ?? null, filter.from ?? null, filter.to ?? null, filter.entity ?? null, page.offset, Math.min(page.limit, 100_000)],
  );
  const events = rows.filter((row) => row.position != null).map((row) => toStoredEvent(toTeamEvent(row)));
  return { total: Number(rows[0]?.total ?? 0), events };
}

export const toStoredEvent = (event: TeamEvent): StoredEvent => ({
  seq: event.position,
  at: event.at,
  actor: event.actor,
  action: event.action,
  ...(event.reason === undefined ? {} : { reason: event.reason }),
  changes: event.changes,
  prevHash: '',
  hash: '',
});

export interface EventTag {
  commandId: string | null;
  deskId: string | null;
}

export interface CommandRow {
  command_id: string;
  desk_id: string;
  operator: string;
  call: string;
  input: unknown;
  status: 'applied' | 'refused';
  result: unknown;
}

export interface CommitWrite {
  events: StoredEvent[];
  tagOf: (event: StoredEvent) => EventTag;
  current: (entity: string, id: string) => StoredRecord | undefined;
  commands: CommandRow[];
}

/**
 * Writes, in ONE statement, the events, the records they leave behind, the command answers and
 * the new head, and queues the notice PostgreSQL delivers at COMMIT (never before). Inside the
 * transaction beginLocked opened.
 */
export async function writeCommit(client: Queryable, write: CommitWrite): Promise<void> {
  if (write.events.length === 0 && write.commands.length === 0) return;
  const { text, values } = commitStatement(write);
  await client.query(text, values);
}

/** The head moved on since the state a push was run against: run it again the careful way. */
export const STALE_HEAD = '40001';

/**
 * The same write as a whole transaction in ONE round trip (BEGIN; write; COMMIT as one simple
 * query), for a batch run against the state at `expectedHead` without holding the order lock:
 * the statement takes the lock itself and fails (STALE_HEAD, or a unique violation on events or
 * commands) if anyone committed after `expectedHead` or answered one of the commands; nothing
 * is then written, and the caller rolls back and goes the locked way.
 */
export async function commitInOneTrip(client: pg.ClientBase, write: CommitWrite, expectedHead: number): Promise<void> {
  const { text, values } = commitStatement(write, expectedHead);
  const literal = text.replace(/\$(\d+)/g, (_, n: string) => {
    const value = values[Number(n) - 1];
    return typeof value === 'number' ? String(value) : escapeLiteral(String(value));
  });
  await client.query(`BEGIN; ${literal}; COMMIT`);
}

/** pg's escapeLiteral, by two native replaces instead of its loop over every character of the batch's JSON. */
function escapeLiteral(text: string): string {
  const quoted = `'${text.replace(/'/g, "''")}'`;
  return text.includes('\\') ? ` E${quoted.replace(/\\/g, '\\\\')}` : quoted;
}

function commitStatement(write: CommitWrite, expectedHead?: number): { text: string; values: Array<string | number> } {
  const { events, tagOf, current, commands } = write;
  const eventRows = events.map((event) => {
    const tag = tagOf(event);
    return {
      position: event.seq,
      command_id: tag.commandId,
      desk_id: tag.deskId,
      actor: event.actor,
      action: event.action,
      reason: event.reason ?? null,
      at: event.at,
      changes: event.changes,
    };
  });
  const touched = new Map<string, { entity: string; id: string; position: number }>();
  const trail: Array<{ entity: string; id: string; position: number }> = [];
  for (const event of events) {
    const seen = new Set<string>();
    for (const c of event.changes) {
      const k = `${c.entity}\u0000${c.id}`;
      touched.set(k, { entity: c.entity, id: c.id, position: event.seq });
      if (!seen.has(k)) trail.push({ entity: c.entity, id: c.id, position: event.seq });
      seen.add(k);
    }
  }
  const puts: object[] = [];
  const deletes: object[] = [];
  for (const { entity, id, position } of touched.values()) {
    const data = current(entity, id);
    if (data) puts.push({ entity, id, data, search_text: entity === 'cases' ? searchText(data) : null, updated_position: position });
    else deletes.push({ entity, id });
  }
  const head = events.at(-1)?.seq ?? expectedHead ?? 0;
  // Locked already (beginLocked): move the head on. Unlocked (one trip): take the lock here and
  // check that nobody committed since expectedHead, else fail the whole statement.
  const moveHead =
    expectedHead === undefined
      ? `h AS (UPDATE counters SET value = $5 WHERE name = 'position' AND value < $5 RETURNING value)`
      : `h AS (UPDATE counters SET value = $5 WHERE name = 'position' AND value = $7 RETURNING value)`;
  const finish =
    expectedHead === undefined
      ? `SELECT pg_notify('${NOTIFY_CHANNEL}', value::text) FROM h`
      : `SELECT CASE WHEN NOT EXISTS (SELECT 1 FROM h) THEN team_stale_head($7) WHEN $5 > $7 THEN pg_notify('${NOTIFY_CHANNEL}', ($5)::text)::text END`;
  const text = `WITH
       ${moveHead},
       e AS (INSERT INTO events (position, command_id, desk_id, actor, action, reason, at, changes)
             SELECT position, command_id, desk_id, actor, action, reason, at, changes
             FROM jsonb_to_recordset($1::jsonb) AS x(position bigint, command_id uuid, desk_id text, actor text, action text, reason text, at timestamptz, changes jsonb)),
       r AS (INSERT INTO records (entity, id, data, search_text, updated_position)
             SELECT entity, id, data, search_text, updated_position
             FROM jsonb_to_recordset($2::jsonb) AS x(entity text, id text, data jsonb, search_text text, updated_position bigint)
             ON CONFLICT (entity, id) DO UPDATE SET data = EXCLUDED.data, search_text = EXCLUDED.search_text, updated_position = EXCLUDED.updated_position),
       d AS (DELETE FROM records USING jsonb_to_recordset($3::jsonb) AS x(entity text, id text)
             WHERE records.entity = x.entity AND records.id = x.id),
       c AS (INSERT INTO commands (command_id, desk_id, operator, call, input, status, result)
             SELECT command_id, desk_id, operator, call, input, status, result
             FROM jsonb_to_recordset($4::jsonb) AS x(command_id uuid, desk_id text, operator text, call text, input jsonb, status text, result jsonb)),
       t AS (INSERT INTO record_events (entity, id, position)
             SELECT entity, id, position FROM jsonb_to_recordset($6::jsonb) AS x(entity text, id text, position bigint))
     ${finish}`;
  const values: Array<string | number> = [JSON.stringify(eventRows), JSON.stringify(puts), JSON.stringify(deletes), JSON.stringify(commands), head, JSON.stringify(trail)];
  if (expectedHead !== undefined) values.push(expectedHead);
  return { text, values };
}

/** What server-side search reads: the case's words, lower-cased (pg_trgm matches substrings, Chinese too). */
export function searchText(record: StoredRecord): string {
  const codes = Array.isArray(record.errorCodes) ? record.errorCodes.join(' ') : '';
  return [record.id, record.summary, record.notes, record.customerAccount, record.customerName, codes]
    .filter((part) => typeof part === 'string' && part)
    .join('\n')
    .normalize('NFKC')
    .toLowerCase();
}
