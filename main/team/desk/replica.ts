// The local replica follows the server's truth: pulled events are applied in position order, and
// a command the server answered is settled: the records it touched become the server's version
// again (the optimistic local version is replaced, a refused one is undone).
import type { CaseStore, Change, StoredRecord } from '../../store/types.js';
import type { DecidedBy, TeamEvent } from '../protocol.js';
import {
  CONFLICTS,
  isLocalEntity,
  LINK,
  OUTBOX,
  recordKey,
  SHADOW,
  splitKey,
  type ConflictRecord,
  type QueuedCommand,
  type ShadowRecord,
} from './entities.js';
import { queuedCommands, readLink } from './outbox.js';
import { outOfScope, type ReplicaScope } from './scope.js';
import { CASES } from '../../../shared/domain/entities.js';

function applyTo(record: StoredRecord | null, change: Change): StoredRecord | null {
  if (change.op === 'put') return change.record;
  if (change.op === 'delete') return null;
  return record ? ({ ...record, ...change.patch, id: change.id } as StoredRecord) : null;
}

/**
 * The changes that settle `command`: it leaves the outbox, and each record it touched that no
 * other queued command touches goes back to the server's version (`shadows` holds versions
 * updated in the same step, ahead of the stored shadow).
 */
function settle(store: CaseStore, command: QueuedCommand, shadows: Map<string, StoredRecord | null>): Change[] {
  const stillTouched = new Set(queuedCommands(store).filter((c) => c.id !== command.id).flatMap((c) => c.touched));
  const changes: Change[] = [{ entity: OUTBOX, id: command.id, op: 'delete' }];
  for (const key of command.touched) {
    if (stillTouched.has(key)) continue;
    const server = shadows.has(key) ? shadows.get(key)! : (store.get<ShadowRecord>(SHADOW, key)?.record ?? null);
    const { entity, id } = splitKey(key);
    changes.push(server ? { entity, id, op: 'put', record: server } : { entity, id, op: 'delete' });
    changes.push({ entity: SHADOW, id: key, op: 'delete' });
    shadows.delete(key);
  }
  return changes;
}

const shadowPuts = (shadows: Map<string, StoredRecord | null>): Change[] =>
  [...shadows].map(([key, record]) => ({ entity: SHADOW, id: key, op: 'put', record: { id: key, record } }));

/** What applying pulled events needs beyond the store: the working set, and where to report what it takes out. */
export interface ApplyScope {
  scope: ReplicaScope;
  /** Records the event took out of the replica (deleted on the server, or out of the working set). */
  removed: StoredRecord[];
}

/**
 * Applies one pulled event (the next position) to the replica in one local event. Returns false if
 * already applied. With a scope, a case out of the working set is left out (or taken out), and a
 * patch of a case the replica lacks puts it on the link's `wanted` list, in the same local event
 * that moves the cursor, so it is fetched whole (fetchWhole in sync.ts) even after a crash: the
 * cursor moves over every event, and none is lost for a case that comes back.
 */
export function applyServerEvent(store: CaseStore, event: TeamEvent, scoped?: ApplyScope): boolean {
  const link = readLink(store);
  if (event.position <= link.cursor) return false;
  if (event.position !== link.cursor + 1) throw new Error(`team event ${event.position} arrived after ${link.cursor}: a pull skipped events`);
  const shadows = new Map<string, StoredRecord | null>();
  const direct: Change[] = [];
  const wanted = new Set(link.wanted ?? []);
  for (const change of event.changes) {
    if (isLocalEntity(change.entity)) continue;
    const key = recordKey(change.entity, change.id);
    const shadow = shadows.has(key) ? { record: shadows.get(key)! } : store.get<ShadowRecord>(SHADOW, key);
    if (shadow) {
      shadows.set(key, applyTo(shadow.record, change));
      continue;
    }
    const held = store.get(change.entity, change.id) ?? null;
    if (change.op === 'patch' && !held) {
      if (scoped && change.entity === CASES) wanted.add(key);
      else console.error(`[team] event ${event.position} patches ${key}, which this replica lacks`);
      continue;
    }
    const after = applyTo(held, change);
    if (!scoped || !after || scoped.scope.keeps(change.entity, after)) {
      if (!after && held) scoped?.removed.push(held);
      direct.push(change);
    } else if (held) {
      scoped.removed.push(held);
      direct.push({ entity: change.entity, id: change.id, op: 'delete' }); // it left the working set
    }
  }
  const own = event.commandId ? store.get<QueuedCommand>(OUTBOX, event.commandId) : undefined;
  const settled = own ? settle(store, own, shadows) : [];
  store.append({
    actor: event.actor,
    // This desk already recorded its own command when it made it; the server's run confirms it.
    action: own ? 'team.confirmed' : event.action,
    reason: own ? `${event.action} at #${event.position}` : event.reason,
    changes: [
      ...direct,
      ...settled,
      ...shadowPuts(shadows),
      { entity: LINK, id: 'link', op: 'patch', patch: { cursor: event.position, ...(wanted.size > (link.wanted?.length ?? 0) ? { wanted: [...wanted] } : {}) } },
    ],
  });
  return true;
}

/**
 * Whole cases the server sent (as of its head, at or after this desk's cursor) for the `asked`
 * keys of the wanted list: kept when they belong to the working set, and the keys leave the list. The events after the cursor that
 * follow re-apply onto them harmlessly (puts replace, patches set the same fields to the same
 * values the newer record has), so the case ends as the server has it.
 */
export function applyWholeRecords(
  store: CaseStore,
  asked: string[],
  records: Array<{ entity: string; id: string; record: StoredRecord | null }>,
  scope: ReplicaScope,
): StoredRecord[] {
  const kept = records.filter(
    (r): r is { entity: string; id: string; record: StoredRecord } =>
      r.record !== null && r.entity === CASES && !store.get(r.entity, r.id) && !store.get(SHADOW, recordKey(r.entity, r.id)) && scope.keeps(r.entity, r.record),
  );
  const answered = new Set(asked);
  const wanted = (readLink(store).wanted ?? []).filter((key) => !answered.has(key));
  store.append({
    actor: 'system',
    action: 'team.fetched',
    changes: [...kept.map((r) => ({ entity: r.entity, id: r.id, op: 'put' as const, record: r.record })), { entity: LINK, id: 'link', op: 'patch', patch: { wanted } }],
  });
  return kept.map((r) => r.record);
}

/** Takes out of the replica the cases that left the working set, in one local event; returns them. */
export function pruneReplica(store: CaseStore, scope: ReplicaScope): StoredRecord[] {
  const leaving = outOfScope(store, scope);
  if (leaving.length > 0) {
    store.append({ actor: 'system', action: 'team.pruned', reason: `${leaving.length} settled cases older than the working set`, changes: leaving.map((r) => ({ entity: CASES, id: r.id, op: 'delete' as const })) });
  }
  return leaving;
}

/** The server applied a command that changed nothing there: undo its local changes. */
export function settleUnchanged(store: CaseStore, commandId: string) {
  const command = store.get<QueuedCommand>(OUTBOX, commandId);
  if (!command) return;
  store.append({ actor: command.operator, action: 'team.confirmed', reason: `${command.call}: nothing to change on the server`, changes: settle(store, command, new Map()) });
}

/** The server refused a command: keep it as a conflict (input kept for redo) and undo it locally. */
export function recordRefusal(
  store: CaseStore,
  commandId: string,
  error: ConflictRecord['error'],
  decidedBy: DecidedBy | undefined,
  now: Date,
) {
  const command = store.get<QueuedCommand>(OUTBOX, commandId);
  if (!command) return;
  const conflict: ConflictRecord = {
    id: command.id,
    call: command.call,
    input: command.input,
    operator: command.operator,
    at: command.at,
    refusedAt: now.toISOString(),
    error: error.field === undefined ? { code: error.code, message: error.message } : { ...error },
    touched: command.touched,
    ...(decidedBy ? { decidedBy: { actor: decidedBy.actor, action: decidedBy.action, at: decidedBy.at, deskId: decidedBy.deskId } } : {}),
  };
  store.append({
    actor: command.operator,
    action: 'team.refused',
    reason: `${command.call}: ${error.message}`,
    changes: [...settle(store, command, new Map()), { entity: CONFLICTS, id: conflict.id, op: 'put', record: conflict }],
  });
}
