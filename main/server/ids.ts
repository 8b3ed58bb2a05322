// Id allocation for the entities the desk numbers (shared/domain/entities.ts ID_FORMATS).
// Every caller asks here, so a team desk can make ids unique across desks by giving each
// desk a prefix (setDeskIdPrefix) without touching a caller.
import { ID_FORMATS, type NumberedEntity } from '../../shared/domain/entities.js';
import type { CaseStore } from '../store/types.js';

interface Numbering {
  desk: string;
  /** Per entity: every number below this is known to be taken (ids are never reused). */
  floor: Map<string, number>;
  /** Per entity: ids to hand out first, if still free (see offerIds). */
  offered: Map<string, string[]>;
}

const numbering = new WeakMap<CaseStore, Numbering>();

function numberingOf(store: CaseStore): Numbering {
  let n = numbering.get(store);
  if (!n) numbering.set(store, (n = { desk: '', floor: new Map(), offered: new Map() }));
  return n;
}

/** From now on ids from this store read `C-<desk>-000123` (a joined team desk); '' goes back to `C-000123`. */
export function setDeskIdPrefix(store: CaseStore, desk: string): void {
  if (desk !== '' && !/^[A-Z0-9]{1,8}$/.test(desk)) throw new Error(`a desk id prefix is 1–8 capital letters or digits (got "${desk}")`);
  const n = numberingOf(store);
  n.desk = desk;
  n.floor.clear();
}

/**
 * Ids the next allocations of this entity take first, when they carry this store's desk prefix
 * and are free: the team server replaying a desk's command gives it the ids the desk chose
 * offline (no other desk can have them). `withdrawOfferedIds` drops what was not taken.
 */
export function offerIds(store: CaseStore, entity: NumberedEntity, ids: readonly string[]): void {
  numberingOf(store).offered.set(entity, [...ids]);
}

export function withdrawOfferedIds(store: CaseStore): void {
  numberingOf(store).offered.clear();
}

function format(entity: NumberedEntity, desk: string, no: number): string {
  const { prefix, digits } = ID_FORMATS[entity];
  return `${prefix}${desk ? `${desk}-` : ''}${String(no).padStart(digits, '0')}`;
}

/** An id never used in this entity (not even by a deleted record). */
function taken(store: CaseStore, entity: string, id: string): boolean {
  return store.get(entity, id) !== undefined || store.history(entity, id).length > 0;
}

/** The next free ids, in order (one per record a batch is about to create). */
export function allocateIds(store: CaseStore, entity: NumberedEntity, count: number): string[] {
  const n = numberingOf(store);
  let no = Math.max(store.count(entity) + 1, n.floor.get(entity) ?? 1);
  const ids: string[] = [];
  const chosen = new Set<string>(); // ids.includes would make seeding 1M cases quadratic
  const take = (id: string) => {
    chosen.add(id);
    ids.push(id);
  };
  const offered = n.offered.get(entity) ?? [];
  const own = format(entity, n.desk, 0).slice(0, -ID_FORMATS[entity].digits);
  while (ids.length < count && offered.length > 0) {
    const id = offered.shift()!;
    if (id.startsWith(own) && /^\d+$/.test(id.slice(own.length)) && !taken(store, entity, id) && !chosen.has(id)) take(id);
  }
  while (ids.length < count) {
    const id = format(entity, n.desk, no++);
    if (!taken(store, entity, id) && !chosen.has(id)) take(id);
    else if (ids.length === 0) n.floor.set(entity, no);
  }
  return ids;
}

/** The next free id of a numbered entity: `allocateId(store, CASES)` → `C-000123`. */
export function allocateId(store: CaseStore, entity: NumberedEntity): string {
  return allocateIds(store, entity, 1)[0]!;
}
