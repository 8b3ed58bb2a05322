// A pushed command replayed on the center: through the same desk core (desk.dispatch with the
// session's operator, so roles, validation, rules and four eyes all count), in its own provisional
// layer of the in-memory store, at the desk's time while plausible, with the ids the desk gave.
// A refusal drops its layer; a conflict names who decided the record instead.
import type pg from 'pg';
import type { DeskErrorShape, OperatorView } from '../../../shared/contract/index.js';
import { ID_FORMATS, type NumberedEntity } from '../../../shared/domain/entities.js';
import type { Connection } from '../../server/context.js';
import type { Desk } from '../../server/desk.js';
import { DeskError } from '../../server/errors.js';
import { offerIds, setDeskIdPrefix, withdrawOfferedIds } from '../../server/ids.js';
import type { StoredEvent } from '../../store/types.js';
import { isPushable, type CommandResult, type DecidedBy, type TeamCommand } from '../protocol.js';
import type { CommandRow, EventTag } from './event-log.js';
import { asServerUploads } from './files.js';
import { withoutPasswords } from './mail.js';
import type { TeamMemoryStore } from './memory-store.js';
import type { TeamSession } from './sessions.js';

const NUMBERED = Object.keys(ID_FORMATS) as NumberedEntity[];

/** One writing transaction's connection, and what it records besides the events. */
export interface Tx {
  client: pg.PoolClient;
  tags: Map<number, EventTag>;
  /** Command answers to record with this transaction. */
  commands: CommandRow[];
}

/** Where one push's time went on the server (sent as a Server-Timing header). */
export interface PushTiming {
  /** Waiting for the transaction before it (group commit). */
  waitMs: number;
  /** Running the batch's commands through the handlers. */
  runMs: number;
  /** The write and COMMIT (PostgreSQL, fsync). */
  commitMs: number;
  /** Pushes in its batch. */
  batch: number;
}

/** One push waiting for the next transaction (group commit). */
export interface PushJob {
  session: TeamSession & { operator: OperatorView };
  commands: TeamCommand[];
  arrived: number;
  resolve(answer: { results: CommandResult[]; timing: PushTiming }): void;
  reject(error: unknown): void;
}

export interface ReplayDeps {
  store: TeamMemoryStore;
  desk: Desk;
  clock: () => Date;
  /** A command made on a desk up to this long ago keeps its own time. */
  offlineMs: number;
  /** The time the desk core's clock gives while a command runs (undefined: the server's). */
  setCommandTime(at: Date | undefined): void;
  /** Runs an attempt again with older history loaded from PostgreSQL when it asked for it. */
  withHistory<T>(db: Pick<pg.ClientBase, 'query'>, attempt: () => Promise<T>): Promise<T>;
}

export class CommandReplay {
  constructor(private readonly deps: ReplayDeps) {}

  /** Each job's commands in order; one answered before (in `answered`) gets that answer again, marked replayed. */
  async runJobs(tx: Tx, jobs: PushJob[], answered: Map<string, CommandResult>): Promise<CommandResult[][]> {
    const all: CommandResult[][] = [];
    for (const { session, commands } of jobs) {
      const results: CommandResult[] = [];
      for (const command of commands) {
        const earlier = answered.get(command.commandId);
        if (earlier) {
          results.push({ ...earlier, replayed: true });
          continue;
        }
        const result = await this.#apply(tx, session, command);
        answered.set(command.commandId, result);
        results.push(result);
        tx.commands.push({
          command_id: command.commandId,
          desk_id: session.deskId,
          operator: command.operator,
          call: command.call,
          input: withoutPasswords(command.call, command.input ?? null),
          status: result.ok ? 'applied' : 'refused',
          result,
        });
      }
      all.push(results);
    }
    return all;
  }

  async #apply(tx: Tx, session: TeamSession, command: TeamCommand): Promise<CommandResult> {
    const refuse = (error: DeskErrorShape, decidedBy?: DecidedBy): CommandResult => ({
      commandId: command.commandId,
      ok: false,
      error,
      ...(decidedBy ? { decidedBy } : {}),
    });
    if (command.operator !== session.username) {
      return refuse({ code: 'forbidden', message: `this session is ${session.username}'s; it cannot push ${command.operator}'s commands`, field: 'operator' });
    }
    if (!isPushable(command.call)) return refuse({ code: 'forbidden', message: `${command.call} is not a command a desk pushes`, field: 'call' });
    const before = this.deps.store.position;
    const connection: Connection = { id: `team:${session.deskId}`, operator: { username: session.username, displayName: '', role: 'agent', level: 'L1', active: true } };
    // One attempt in its own layer, kept only if it succeeded with everything it read in memory.
    const attempt = async () => {
      this.deps.store.begin();
      this.deps.setCommandTime(this.#commandAt(command.at));
      // A desk that numbers by its code sends the ids it gave; one that does not is numbered by the center.
      setDeskIdPrefix(this.deps.store, command.ids ? session.deskCode : '');
      for (const entity of NUMBERED) offerIds(this.deps.store, entity, command.ids?.[entity] ?? []);
      const { uploads } = this.deps.desk.services;
      try {
        const input = await asServerUploads(tx.client, uploads, connection.id, command, this.deps.clock().getTime()).catch((error: unknown) => {
          if (error instanceof DeskError) return error;
          throw error;
        });
        const outcome = input instanceof DeskError ? { ok: false as const, error: input.toShape() } : await this.deps.desk.dispatch(connection, command.call, input);
        if (outcome.ok && !this.deps.store.hasMissing) this.deps.store.commit();
        else this.deps.store.rollback();
        return outcome;
      } catch (error) {
        this.deps.store.rollback();
        throw error;
      } finally {
        this.deps.setCommandTime(undefined);
        withdrawOfferedIds(this.deps.store);
        uploads.dropOwner(connection.id);
      }
    };
    const outcome = await this.deps.withHistory(tx.client, attempt);
    if (!outcome.ok) return refuse(outcome.error, outcome.error.code === 'conflict' ? await this.#decidedBy(tx, command) : undefined);
    for (const event of this.deps.store.since(before)) tx.tags.set(event.seq, { commandId: command.commandId, deskId: session.deskId });
    const position = this.deps.store.position > before ? this.deps.store.position : undefined;
    return { commandId: command.commandId, ok: true, value: outcome.value ?? null, ...(position ? { position } : {}) };
  }

  /** The desk's own time while it is plausible (not ahead of the server, not older than the offline bound). */
  #commandAt(at: string): Date {
    const now = this.deps.clock();
    const then = new Date(at);
    return then <= now && now.getTime() - then.getTime() <= this.deps.offlineMs ? then : now;
  }

  /** The latest event, after what the desk had seen, by someone else, on a record the command names. */
  async #decidedBy(tx: Tx, command: TeamCommand): Promise<DecidedBy | undefined> {
    let latest: StoredEvent | undefined;
    for (const id of stringsIn(command.input)) {
      for (const entity of this.deps.store.entities()) {
        if (!this.deps.store.get(entity, id)) continue;
        for (const event of this.deps.store.recentHistory(entity, id)) {
          if (event.seq > command.baseCursor && event.actor !== command.operator && (!latest || event.seq > latest.seq)) latest = event;
        }
      }
    }
    if (!latest) return undefined;
    const { rows } = await tx.client.query<{ desk_id: string | null }>('SELECT desk_id FROM events WHERE position = $1', [latest.seq]);
    return { actor: latest.actor, action: latest.action, at: latest.at, position: latest.seq, deskId: rows[0]?.desk_id ?? tx.tags.get(latest.seq)?.deskId ?? null };
  }
}

function stringsIn(value: unknown, depth = 0, out = new Set<string>()): Set<string> {
  if (typeof value === 'string' && value.length <= 64) out.add(value);
  else if (depth < 3 && value && typeof value === 'object') for (const inner of Object.values(value)) stringsIn(inner, depth + 1, out);
  return out;
}
