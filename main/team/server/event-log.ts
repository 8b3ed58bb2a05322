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

/** Takes the order lock (until COMMIT/ROLLBACK) and returns the committed head position. */
export async function lockPosition(client: Queryable): Promise<number> {
  const { rows } = await client.query<{ value: string }>("UPDATE counters SET value = value WHERE name = 'position' RETURNING value");
  return Number(rows[0]!.value);
}

export async function headPosition(client: Queryable): Promise<number> {
  const { rows } = await client.query<{ value: string }>("SELECT value FROM counters WHERE name = 'position'");
  return Number(rows[0]!.value);
}

export async function readEvents(client: Queryable, after: number, limit: number): Promise<TeamEvent[]> {
  const { rows } = await client.query<EventRow>(
    'SELECT position, command_id, desk_id, actor, action, reason, at, changes FROM events WHERE position > $1 ORDER BY position LIMIT $2',
    [after, limit],
  );
  return rows.map((row) => ({
    position: Number(row.position),
    commandId: row.command_id,
    deskId: row.desk_id,
    actor: row.actor,
    action: row.action,
    ...(row.reason === null ? {} : { reason: row.reason }),
    at: row.at.toISOString(),
    changes: row.changes,
  }));
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

/** Writes the events, the records they leave behind, and the new head; then notifies at COMMIT. */
export async function appendEvents(
  client: Queryable,
  events: StoredEvent[],
  tagOf: (event: StoredEvent) => EventTag,
  current: (entity: string, id: string) => StoredRecord | undefined,
): Promise<void> {
  if (events.length === 0) return;
  const rows = events.map((event) => {
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
  await client.query(
    `INSERT INTO events (position, command_id, desk_id, actor, action, reason, at, changes)
     SELECT position, command_id, desk_id, actor, action, reason, at, changes
     FROM jsonb_to_recordset($1::jsonb) AS x(position bigint, command_id uuid, desk_id text, actor text, action text, reason text, at timestamptz, changes jsonb)`,
    [JSON.stringify(rows)],
  );

  const touched = new Map<string, { entity: string; id: string; position: number }>();
  for (const event of events) for (const c of event.changes) touched.set(`${c.entity}\u0000${c.id}`, { entity: c.entity, id: c.id, position: event.seq });
  const puts: object[] = [];
  const deletes: object[] = [];
  for (const { entity, id, position } of touched.values()) {
    const data = current(entity, id);
    if (data) puts.push({ entity, id, data, search_text: entity === 'cases' ? searchText(data) : null, updated_position: position });
    else deletes.push({ entity, id });
  }
  if (puts.length > 0) {
    await client.query(
      `INSERT INTO records (entity, id, data, search_text, updated_position)
       SELECT entity, id, data, search_text, updated_position
       FROM jsonb_to_recordset($1::jsonb) AS x(entity text, id text, data jsonb, search_text text, updated_position bigint)
       ON CONFLICT (entity, id) DO UPDATE SET data = EXCLUDED.data, search_text = EXCLUDED.search_text, updated_position = EXCLUDED.updated_position`,
      [JSON.stringify(puts)],
    );
  }
  if (deletes.length > 0) {
    await client.query(
      'DELETE FROM records r USING jsonb_to_recordset($1::jsonb) AS x(entity text, id text) WHERE r.entity = x.entity AND r.id = x.id',
      [JSON.stringify(deletes)],
    );
  }
  const head = events.at(-1)!.seq;
  await client.query("UPDATE counters SET value = $1 WHERE name = 'position'", [head]);
  await client.query('SELECT pg_notify($1, $2)', [NOTIFY_CHANNEL, String(head)]);
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
