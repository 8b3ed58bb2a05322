// A joined desk's working set: which cases its replica keeps. Every open case (isOpenCase: not in
// its type's finished statuses; so every queue, whoever's, works offline), every case changed in
// the last `replicaDays` (what this desk and the others touched lately), and every case one of
// this desk's waiting or refused changes names.
// Older settled cases stay on the server: team.search finds them. Customers, operators, policy
// and the other shared records are always kept whole.
import { replicaDays as replicaDaysSchema, type DeskSettings } from '../../../shared/contract/settings.js';
import type { CaseRecord } from '../../../shared/domain/case.js';
import { CASES } from '../../../shared/domain/entities.js';
import { isOpenCase } from '../../../shared/domain/ownership.js';
import type { CaseStore, StoredRecord } from '../../store/types.js';
import { CONFLICTS, recordKey, SHADOW, type ConflictRecord } from './entities.js';

export const DEFAULT_REPLICA_DAYS = 90;
const DAY = 86_400_000;

/** The window in days from the settings; a bad value is said once (naming the field) and the default used. */
export function replicaDays(settings: Pick<DeskSettings, 'replicaDays'>): number {
  if (settings.replicaDays === undefined) return DEFAULT_REPLICA_DAYS;
  const parsed = replicaDaysSchema.safeParse(settings.replicaDays);
  if (parsed.success) return parsed.data;
  console.error(`[team] setting replicaDays: ${parsed.error.issues[0]?.message}; using ${DEFAULT_REPLICA_DAYS}`);
  return DEFAULT_REPLICA_DAYS;
}

/** Whether a case belongs to every desk's working set at `now` (the part all desks share). */
export function sharedScope(record: StoredRecord, now: Date, days: number): boolean {
  if (typeof record.status !== 'string' || isOpenCase(record as unknown as CaseRecord)) return true;
  const changed = [record.updatedAt, record.openedAt].filter((t): t is string => typeof t === 'string').sort().at(-1);
  return changed === undefined || Date.parse(changed) >= now.getTime() - days * DAY;
}

export interface ReplicaScope {
  /** Whether the replica keeps this record (true for everything but cases out of the working set). */
  keeps(entity: string, record: StoredRecord): boolean;
  /** The same, without this desk's own pins: what every desk with this window holds alike. */
  shared(entity: string, record: StoredRecord): boolean;
}

export function replicaScope(store: CaseStore, settings: () => Pick<DeskSettings, 'replicaDays'>, now: () => Date): ReplicaScope {
  const shared = (entity: string, record: StoredRecord) => entity !== CASES || sharedScope(record, now(), replicaDays(settings()));
  return {
    shared,
    keeps: (entity, record) => shared(entity, record) || pinned(store, recordKey(entity, record.id)),
  };
}

/** A record one of this desk's waiting changes (shadow) or refused ones (kept for redo) names. */
function pinned(store: CaseStore, key: string): boolean {
  return store.get(SHADOW, key) !== undefined || store.all<ConflictRecord>(CONFLICTS).some((c) => c.touched.includes(key));
}

/** The cases the replica holds that have left the working set (time passed, or they settled long ago). */
export function outOfScope(store: CaseStore, scope: ReplicaScope): StoredRecord[] {
  return store.all(CASES).filter((record) => !scope.keeps(CASES, record));
}
