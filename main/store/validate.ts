// What the store refuses before anything is written (see docs/store.md "Validation").
import { StoreValidationError } from './errors.js';
import { core } from './node-core.js';
import type { Change, EventInput, StoredRecord } from './types.js';

const ENTITY_RE = /^[A-Za-z][A-Za-z0-9_.-]*$/;

export type RecordValidator = (entity: string, record: StoredRecord) => string | null | undefined;

function checkJson(v: unknown, where: string): void {
  switch (typeof v) {
    case 'string':
    case 'boolean':
      return;
    case 'number':
      if (!Number.isFinite(v)) throw new StoreValidationError(`${where} is not a finite number`);
      return;
    case 'object':
      if (v === null) return;
      if (Array.isArray(v)) {
        v.forEach((x, i) => checkJson(x, `${where}[${i}]`));
        return;
      }
      if (Object.getPrototypeOf(v) !== Object.prototype && Object.getPrototypeOf(v) !== null)
        throw new StoreValidationError(`${where} is not plain JSON data (a ${(v as object).constructor?.name ?? 'special object'})`);
      for (const [k, x] of Object.entries(v)) checkJson(x, `${where}.${k}`);
      return;
    default:
      throw new StoreValidationError(`${where} is ${typeof v}, which cannot be stored (use null for "no value")`);
  }
}

/** Checks the event's own fields and returns a private copy of its changes. */
export function stageInput(input: EventInput): Change[] {
  if (!input || typeof input !== 'object') throw new StoreValidationError('an event must be an object');
  if (typeof input.actor !== 'string' || !input.actor.trim()) throw new StoreValidationError('an event needs an actor (who)');
  if (typeof input.action !== 'string' || !input.action.trim()) throw new StoreValidationError('an event needs an action (what)');
  if (input.reason !== undefined && typeof input.reason !== 'string') throw new StoreValidationError('the reason (why) must be text');
  if (!Array.isArray(input.changes) || input.changes.length === 0) throw new StoreValidationError('an event needs at least one change');
  checkJson(input.changes, 'changes');
  return JSON.parse(JSON.stringify(input.changes)) as Change[];
}

/**
 * Checks changes against the current records as changed by earlier changes of the same
 * batch (`overlay`, key → record or null for deleted), and adds their outcome to it.
 */
export function validateChanges(
  changes: Change[],
  overlay: Map<string, StoredRecord | null>,
  recGet: (entity: string, id: string) => StoredRecord | undefined,
  validate?: RecordValidator,
): void {
  const current = (entity: string, id: string) => {
    const k = core.key(entity, id);
    return overlay.has(k) ? (overlay.get(k) ?? undefined) : recGet(entity, id);
  };
  changes.forEach((c, i) => {
    const where = `change ${i + 1}`;
    if (!c || typeof c !== 'object') throw new StoreValidationError(`${where} is not an object`);
    if (typeof c.entity !== 'string' || !ENTITY_RE.test(c.entity)) throw new StoreValidationError(`${where} has no valid entity name`);
    if (typeof c.id !== 'string' || !c.id) throw new StoreValidationError(`${where} has no record id`);
    const before = current(c.entity, c.id);
    let after: StoredRecord | null;
    if (c.op === 'put') {
      if (!c.record || typeof c.record !== 'object' || Array.isArray(c.record)) throw new StoreValidationError(`${where} (put) has no record`);
      if (c.record.id !== c.id) throw new StoreValidationError(`${where} (put): the record's id '${String(c.record.id)}' is not '${c.id}'`);
      after = c.record;
    } else if (c.op === 'patch') {
      if (!c.patch || typeof c.patch !== 'object' || Array.isArray(c.patch)) throw new StoreValidationError(`${where} (patch) has no patch`);
      if (!before) throw new StoreValidationError(`${where}: ${c.entity} '${c.id}' does not exist, so it cannot be changed`);
      if ('id' in c.patch && c.patch.id !== c.id) throw new StoreValidationError(`${where}: a patch cannot change a record's id`);
      after = { ...before, ...c.patch, id: c.id };
    } else if (c.op === 'delete') {
      if (!before) throw new StoreValidationError(`${where}: ${c.entity} '${c.id}' does not exist, so it cannot be deleted`);
      after = null;
    } else throw new StoreValidationError(`${where} has an unknown operation '${String((c as { op?: unknown }).op)}'`);
    if (after && validate) {
      const msg = validate(c.entity, after);
      if (msg) throw new StoreValidationError(`${where}: ${msg}`);
    }
    overlay.set(core.key(c.entity, c.id), after);
  });
}
