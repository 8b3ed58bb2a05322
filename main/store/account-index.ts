// Which records of an entity belong to a customer account, so what a live call asks about one
// account (its earlier refunds and claims, its orders, its key events) reads that account's
// records, not every record of the center. Each entity's index is built at its first use, then
// kept by every record the store sets, undoes or deletes, so it also sees a transaction's
// provisional records (the team server runs a batch of commands in one).
//
// An id filed under an account is only a lead: ofAccount reads the record again and keeps it
// only while it still names that account, so a deleted record, or one moved to another account,
// needs no bookkeeping when it changes.
import type { StoredRecord } from './types.js';

type Ids = Map<string, Set<string>>;

export class AccountIndex {
  readonly #entities = new Map<string, Ids>();

  constructor(
    private readonly all: (entity: string) => Iterable<StoredRecord>,
    private readonly get: (entity: string, id: string) => StoredRecord | undefined,
  ) {}

  /** A record of `entity` was set (undefined: deleted). */
  noteSet(entity: string, id: string, record: StoredRecord | undefined): void {
    const ids = this.#entities.get(entity);
    if (ids && record) file(ids, id, record);
  }

  /** The records of `entity` whose customerAccount is `account`, in the order they were filed under it. */
  ofAccount<T extends { id: string }>(entity: string, account: string): T[] {
    const ids = this.#built(entity).get(account);
    if (!ids) return [];
    const out: T[] = [];
    for (const id of ids) {
      const record = this.get(entity, id);
      if (record?.customerAccount === account) out.push(record as unknown as T);
      else ids.delete(id);
    }
    return out;
  }

  clear(): void {
    this.#entities.clear();
  }

  #built(entity: string): Ids {
    let ids = this.#entities.get(entity);
    if (ids) return ids;
    ids = new Map();
    for (const record of this.all(entity)) file(ids, record.id, record);
    this.#entities.set(entity, ids);
    return ids;
  }
}

function file(ids: Ids, id: string, record: StoredRecord): void {
  const account = record.customerAccount;
  if (typeof account !== 'string') return;
  let set = ids.get(account);
  if (!set) ids.set(account, (set = new Set()));
  set.add(id);
}
