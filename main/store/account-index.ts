// Which records of an entity belong to a customer account, so what a live call asks about one
// account (its earlier refunds and claims, its orders, its key events) reads that account's
// records, not every record of the center. Each entity's index is built at its first use, in
// slices of the event loop (at 1M cases a build in one go blocked the desk for ~3 s); until it is
// built, that entity is answered by a scan, as before. Every record the store sets, undoes or
// deletes is filed at once, so the index also sees a transaction's provisional records (the team
// server runs a batch of commands in one).
//
// An id filed under an account is only a lead: ofAccount reads the record again and keeps it
// only while it still names that account, so a deleted record, or one moved to another account,
// needs no bookkeeping when it changes.
import type { StoredRecord } from './types.js';

type Ids = Map<string, Set<string>>;
const SLICE = 20_000;

export class AccountIndex {
  /** Per entity: the index, and whether its build has gone through every record. */
  readonly #entities = new Map<string, { ids: Ids; built: boolean }>();

  constructor(
    private readonly all: (entity: string) => StoredRecord[],
    private readonly get: (entity: string, id: string) => StoredRecord | undefined,
    private readonly slice = SLICE,
  ) {}

  /** A record of `entity` was set (undefined: deleted). */
  noteSet(entity: string, id: string, record: StoredRecord | undefined): void {
    const kept = this.#entities.get(entity);
    if (kept && record) file(kept.ids, id, record);
  }

  /** The records of `entity` whose customerAccount is `account` (by index once built: in the order they were filed under it). */
  ofAccount<T extends { id: string }>(entity: string, account: string): T[] {
    const kept = this.#entities.get(entity) ?? this.#build(entity);
    if (!kept.built) return this.all(entity).filter((r) => r.customerAccount === account) as unknown as T[];
    const ids = kept.ids.get(account);
    if (!ids) return [];
    const out: T[] = [];
    for (const id of ids) {
      const record = this.get(entity, id);
      if (record?.customerAccount === account) out.push(record as unknown as T);
      else ids.delete(id);
    }
    return out;
  }

  /** Whether `entity`'s index is built (until then ofAccount scans). */
  built(entity: string): boolean {
    return this.#entities.get(entity)?.built ?? false;
  }

  clear(): void {
    this.#entities.clear();
  }

  #build(entity: string): { ids: Ids; built: boolean } {
    const kept = { ids: new Map() as Ids, built: false };
    this.#entities.set(entity, kept);
    // The records as they are now; one changed meanwhile is filed again by noteSet, and a stale lead is dropped on read.
    const records = this.all(entity);
    let at = 0;
    const step = () => {
      if (this.#entities.get(entity) !== kept) return; // cleared meanwhile
      for (const end = Math.min(at + this.slice, records.length); at < end; at++) file(kept.ids, records[at]!.id, records[at]!);
      if (at < records.length) setImmediate(step);
      else kept.built = true;
    };
    step();
    return kept;
  }
}

function file(ids: Ids, id: string, record: StoredRecord): void {
  const account = record.customerAccount;
  if (typeof account !== 'string') return;
  let set = ids.get(account);
  if (!set) ids.set(account, (set = new Set()));
  set.add(id);
}
