// The center's event log in PostgreSQL. Gap-free order: an appending transaction first takes
// the 'position' counter's row lock (held to COMMIT), reads the committed head under it, writes
// its events at head+1…, sets the counter and commits. So positions commit in order and a
// reader of `position > cursor` never sees #102 before #101 (docs/team.md has the proof).
import type pg from 'pg';
import type { StoredEvent, StoredRecord } from '../../store/types.js';
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
  const events = rows.filter((row): row is EventRow & { head: string } => row.position != null).map((row) => ({
    position: Number(row.position),
    commandId: row.command_id,
    deskId: row.desk_id,
    actor: row.actor,
    action: row.action,
    ...(row.reason === null ? {} : { reason: row.reason }),
    at: row.at.toISOString(),
    changes: row.changes,
  }));
  return { events, head };
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

/**
 * Writes, in ONE statement, the events, the records they leave behind, the command answers and
 * the new head, and queues the notice PostgreSQL delivers at COMMIT (never before).
 */
export async function writeCommit(
  client: Queryable,
  write: {
    events: StoredEvent[];
    tagOf: (event: StoredEvent) => EventTag;
    current: (entity: string, id: string) => StoredRecord | undefined;
    commands: CommandRow[];
  },
): Promise<void> {
  const { events, tagOf, current, commands } = write;
  if (events.length === 0 && commands.length === 0) return;
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
  for (const event of events) for (const c of event.changes) touched.set(`${c.entity}\u0000${c.id}`, { entity: c.entity, id: c.id, position: event.seq });
  const puts: object[] = [];
  const deletes: object[] = [];
  for (const { entity, id, position } of touched.values()) {
    const data = current(entity, id);
    if (data) puts.push({ entity, id, data, search_text: entity === 'cases' ? searchText(data) : null, updated_position: position });
    else deletes.push({ entity, id });
  }
  const head = events.at(-1)?.seq ?? 0;
  await client.query(
    `WITH
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
       h AS (UPDATE counters SET value = $5 WHERE name = 'position' AND value < $5 RETURNING value)
     SELECT pg_notify('${NOTIFY_CHANNEL}', value::text) FROM h`,
    [JSON.stringify(eventRows), JSON.stringify(puts), JSON.stringify(deletes), JSON.stringify(commands), head],
  );
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
