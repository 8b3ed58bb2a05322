// The one seam between the desk core and the team: while a call runs as a command, every event
// its handler appends to the local store also records, in the SAME atomic event, the command in
// the outbox and the server's version of each record it changes (the shadow). Handlers know
// nothing of this; a call whose handler appends nothing queues nothing.
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { ID_FORMATS } from '../../../shared/domain/entities.js';
import type { CaseStore, Change, EventInput } from '../../store/types.js';
import type { CommandFile } from './files.js';
import { isLocalEntity, LINK, OUTBOX, recordKey, SHADOW, splitKey, type LinkRecord, type QueuedCommand } from './entities.js';

export interface CommandScope {
  commandId: string;
  call: string;
  input: unknown;
  /** The signed-in operator when the call started. */
  operator?: string;
  at: string;
  /** The uploads its input names, sent to the server before it (files.ts). */
  files?: CommandFile[];
}

const scope = new AsyncLocalStorage<CommandScope>();

/** Runs one call as a command: what it appends is queued under command.commandId. */
export const runAsCommand = <T>(command: CommandScope, run: () => Promise<T>) => scope.run(command, run);

/** The link record, made once when the desk first opens in team mode (its desk id is chosen then). */
export function ensureLink(store: CaseStore) {
  if (store.get(LINK, 'link')) return;
  const link: LinkRecord = { id: 'link', deskId: randomUUID(), cursor: 0, nextOrder: 1 };
  store.append({ actor: 'system', action: 'team.joined', changes: [{ entity: LINK, id: 'link', op: 'put', record: link }] });
}

export const readLink = (store: CaseStore) => {
  const link = store.get<LinkRecord>(LINK, 'link');
  if (!link) throw new Error('the team link record is missing: open the desk through openTeamDesk');
  return link;
};

export const queuedCommands = (store: CaseStore) => store.all<QueuedCommand>(OUTBOX).sort((a, b) => a.order - b.order);

/** The store the desk core runs on in team mode: the local store, with the seam in append(). */
export function queueingStore<S extends CaseStore>(store: S): S {
  function append(input: EventInput) {
    const command = scope.getStore();
    const shared = input.changes.filter((change) => !isLocalEntity(change.entity));
    if (!command || shared.length === 0) return store.append(input);
    const keys = [...new Set(shared.map((change) => recordKey(change.entity, change.id)))];
    const bookkeeping: Change[] = [];
    for (const key of keys) {
      if (store.get(SHADOW, key)) continue; // an earlier queued command already keeps the server's version
      const { entity, id } = splitKey(key);
      bookkeeping.push({ entity: SHADOW, id: key, op: 'put', record: { id: key, record: store.get(entity, id) ?? null } });
    }
    const queued = store.get<QueuedCommand>(OUTBOX, command.commandId);
    const ids: Record<string, string[]> = { ...queued?.ids };
    for (const change of shared) {
      if (change.op !== 'put' || !Object.hasOwn(ID_FORMATS, change.entity) || store.get(change.entity, change.id)) continue;
      ids[change.entity] = [...(ids[change.entity] ?? []), change.id];
    }
    if (queued) {
      bookkeeping.push({ entity: OUTBOX, id: queued.id, op: 'patch', patch: { touched: [...new Set([...queued.touched, ...keys])], ids } });
    } else {
      const link = readLink(store);
      const record: QueuedCommand = {
        id: command.commandId,
        call: command.call,
        input: command.input ?? {},
        operator: command.operator ?? input.actor,
        at: command.at,
        baseCursor: link.cursor,
        order: link.nextOrder,
        touched: keys,
        ids,
        ...(command.files?.length ? { files: command.files } : {}),
      };
      bookkeeping.push({ entity: OUTBOX, id: record.id, op: 'put', record });
      bookkeeping.push({ entity: LINK, id: 'link', op: 'patch', patch: { nextOrder: link.nextOrder + 1 } });
    }
    return store.append({ ...input, changes: [...input.changes, ...bookkeeping] });
  }
  return new Proxy(store, {
    get(target, property) {
      if (property === 'append') return append;
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
