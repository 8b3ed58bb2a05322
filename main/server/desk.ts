// The desk's core: every call from any host (Electron IPC, the browser host's WebSocket,
// tests) goes through dispatch(), which checks sign-in and role, validates the input
// against the contract, and runs the domain's handler.
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import {
  contract,
  isCallName,
  roleAllows,
  type CallName,
  type DeskErrorShape,
  type DeskEvents,
  type EventName,
  type Outcome,
} from '../../shared/contract/index.js';
import { storeChanges } from '../store/changes.js';
import type { Connection, Handler, HandlerContext, Services } from './context.js';
import { DeskError } from './errors.js';
import { handlers } from './handlers.js';
import { traceMark } from './mem-trace.js';
import { toView } from './operators/app.js';
import { Sessions } from './operators/sessions.js';
import { Uploads } from './uploads/uploads.js';
import { Downloads } from './uploads/downloads.js';
import { OPERATORS } from '../../shared/domain/entities.js';

export type EventListener = <E extends EventName>(event: E, payload: DeskEvents[E]) => void;

export interface Desk {
  /** A new link for one window or tab; it starts signed out. */
  connect(): Connection;
  /** The window or tab is gone: forget the link, its unfinished uploads and its download links. */
  disconnect(connection: Connection): void;
  dispatch(connection: Connection, name: unknown, input: unknown): Promise<Outcome<unknown>>;
  onEvent(listener: EventListener): () => void;
  readonly services: Services;
}

export function createDesk(base: Omit<Services, 'emit' | 'uploads' | 'downloads' | 'sessions'>): Desk {
  const listeners = new Set<EventListener>();
  const sessions = new Sessions();
  const services: Services = {
    ...base,
    emit: (event, payload) => listeners.forEach((listener) => listener(event, payload)),
    uploads: new Uploads(base.dataDir),
    downloads: new Downloads(sessions),
    sessions,
  };
  const allHandlers = handlers(services);
  // Every durable change reaches every window once, whichever handler (or the SLA monitor) made it.
  base.store.subscribe((event) => storeChanges(event).forEach((change) => services.emit('store.changed', change)));

  return {
    services,
    connect() {
      const connection: Connection = { id: randomUUID(), operator: null };
      services.sessions.add(connection);
      return connection;
    },
    disconnect(connection) {
      services.sessions.remove(connection);
      services.uploads.dropOwner(connection.id);
      services.downloads.dropOwner(connection);
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async dispatch(connection, name, input) {
      try {
        if (!isCallName(name)) throw new DeskError('not-found', `there is no call named ${JSON.stringify(name)}`);
        const def = contract[name];
        const operator = refreshOperator(services, connection);
        if (def.access !== 'public') {
          if (!operator) throw new DeskError('unauthenticated', 'sign in first');
          if (!roleAllows(operator.role, def.access)) {
            throw new DeskError('forbidden', `this needs the ${def.access} role; you are signed in as ${operator.role}`);
          }
        }
        const parsed = (def.input as z.ZodType).safeParse(input ?? {});
        if (!parsed.success) throw invalidInput(parsed.error);
        const ctx = { ...services, connection, operator } as HandlerContext;
        const handler = allHandlers[name] as Handler<CallName>;
        const started = traceMark(`call ${name}`);
        const value = await handler(parsed.data as never, ctx);
        traceMark(`done ${name}`, started);
        return { ok: true, value };
      } catch (error) {
        return { ok: false, error: toErrorShape(error) };
      }
    },
  };
}

/** Role or active state may have changed since sign-in: the store is the truth, on every call. */
function refreshOperator(services: Services, connection: Connection) {
  if (!connection.operator) return null;
  const record = services.store.get(OPERATORS, connection.operator.username) as Parameters<typeof toView>[0] | undefined;
  connection.operator = record?.active ? toView(record) : null;
  return connection.operator;
}

/** The first issue, with the field it concerns; an unknown extra field (a client's misspelling) comes first and is named as that field. */
function invalidInput(error: z.ZodError): DeskError {
  const issue = error.issues.find((i) => i.code === 'unrecognized_keys') ?? error.issues[0];
  if (issue?.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    return new DeskError('invalid-input', `unknown field "${key.slice(0, 100)}"`, [...issue.path.map(String), key.slice(0, 100)].join('.'));
  }
  const field = issue?.path.map(String).join('.') ?? '';
  return new DeskError('invalid-input', issue?.message ?? 'invalid input', field || undefined);
}

function toErrorShape(error: unknown): DeskErrorShape {
  if (error instanceof DeskError) return error.toShape();
  if (isDiskFull(error)) {
    console.error('[desk] disk full:', error);
    return { code: 'disk-full', message: 'the disk is full: nothing was saved; free some space and try again' };
  }
  console.error('[desk] call failed:', error);
  return { code: 'internal', message: 'the desk hit an unexpected error (written to its log); check the case before trying again' };
}

/** No space (or quota) left, on the error or on its cause. */
function isDiskFull(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, cause } = error as { code?: unknown; cause?: unknown };
  return code === 'ENOSPC' || code === 'EDQUOT' || (cause !== undefined && cause !== error && isDiskFull(cause));
}
