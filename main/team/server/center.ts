// One team-server process's view of the center: the same desk core (createDesk, its handlers,
// roles and rules) over an in-memory store kept in step with PostgreSQL. Every write runs in
// one PostgreSQL transaction: take the order lock, catch up from `events`, run the handlers
// in a provisional layer, write events + records + command answers, COMMIT, keep the layer.
// Any failure rolls both back. Stateless apart from PostgreSQL: processes work side by side.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, normalize, sep } from 'node:path';
import type pg from 'pg';
import type { OperatorView } from '../../../shared/contract/index.js';
import { createDesk, type Desk } from '../../server/desk.js';
import { DeskError } from '../../server/errors.js';
import { toView } from '../../server/operators/app.js';
import { memorySettings } from '../../server/settings/settings-store.js';
import { memorySecretStore, type SecretStore } from '../../server/secrets/secret-store.js';
import type { StoredEvent } from '../../store/types.js';
import { type CommandResult, type RecordsResponse, type SignInRequest, type SignInResponse, type TeamCommand } from '../protocol.js';
import { beginLocked, commitInOneTrip, headPosition, STALE_HEAD, readEventPage, readEvents, readEventsAndHead, readHistories, toStoredEvent, writeCommit, type EventTag } from './event-log.js';
import { pageKey, TeamMemoryStore, WriteInReadOnly, type Loaded } from './memory-store.js';
import { fileRefs } from '../desk/files.js';
import { getFile, putFile } from './files.js';
import { RecentEvents } from './recent-events.js';
import { Serial } from './serial.js';
import { CommandReplay, type PushJob, type PushTiming, type Tx } from './replay.js';
import { findSession, issueSession, joinDesk, type TeamSession } from './sessions.js';

export type { PushTiming } from './replay.js';

export interface CenterOptions {
  /** For reads: pulls, search, reports, sessions. */
  pool: pg.Pool;
  /** For the writing transactions, apart so a burst of pulls never queues a commit behind it. */
  writePool?: pg.Pool;
  clock?: () => Date;
  /** How long a team sign-in lasts (hours). */
  sessionHours?: number;
  /** A command made on a desk up to this long ago keeps its own time; older ones take the server's. */
  offlineHours?: number;
  /** Committed events kept in memory (for pulls, and the records' recent history); older ones stay in PostgreSQL. */
  eventsInMemory?: number;
  /** The center's passwords and tokens (the mailbox's): kept in PostgreSQL by the server. */
  secrets?: SecretStore;
}

const CATCH_UP_PAGE = 5000;
const UNIQUE_VIOLATION = '23505';
/** A call that needs older history than memory holds is run again with it loaded, at most this often. */
const LOAD_ATTEMPTS = 3;

export class TeamCenter {
  readonly store: TeamMemoryStore;
  readonly desk: Desk;
  readonly #pool: pg.Pool;
  readonly #writePool: pg.Pool;
  readonly #serial = new Serial();
  readonly #clock: () => Date;
  readonly #sessionHours: number;
  readonly #offlineMs: number;
  /** The desk-side time of the command being replayed, if any. */
  #commandTime: Date | undefined;
  readonly #waiting: PushJob[] = [];
  readonly #replay: CommandReplay;
  /** Sessions are never changed once issued (only expire), so each process may remember them. */
  readonly #sessions = new Map<string, TeamSession>();
  /** The newest committed events, serialised for pulls. */
  readonly #recent: RecentEvents;
  /** The highest head any notice or read told this process of (others may have committed past its state). */
  #knownHead = 0;

  private constructor(options: CenterOptions) {
    this.#pool = options.pool;
    this.#writePool = options.writePool ?? options.pool;
    this.#clock = options.clock ?? (() => new Date());
    this.#sessionHours = options.sessionHours ?? 12;
    this.#offlineMs = (options.offlineHours ?? 72) * 3_600_000;
    const now = () => this.#commandTime ?? this.#clock();
    const inMemory = options.eventsInMemory ?? 5_000;
    this.store = new TeamMemoryStore(now, inMemory);
    this.#recent = new RecentEvents(inMemory);
    this.desk = createDesk({
      store: this.store,
      settings: memorySettings(),
      dataDir: mkdtempSync(join(tmpdir(), 'team-server-')),
      secrets: options.secrets ?? memorySecretStore(),
      now,
    });
    this.#replay = new CommandReplay({
      store: this.store,
      desk: this.desk,
      clock: this.#clock,
      offlineMs: this.#offlineMs,
      setCommandTime: (at) => (this.#commandTime = at),
      withHistory: (db, attempt) => this.#withHistory(db, attempt),
    });
  }

  static async open(options: CenterOptions): Promise<TeamCenter> {
    const center = new TeamCenter(options);
    await center.#catchUp(center.#pool);
    return center;
  }

  get pool(): pg.Pool {
    return this.#pool;
  }

  /** Applies every committed event after what this process holds. */
  async #catchUp(client: Pick<pg.ClientBase, 'query'>): Promise<void> {
    for (;;) {
      const events = await readEvents(client, this.store.position, CATCH_UP_PAGE);
      for (const event of events) {
        this.store.applyCommitted(toStoredEvent(event));
        this.#recent.add(withoutSecrets(event));
      }
      if (events.length < CATCH_UP_PAGE) return;
    }
  }

  /** A write: one PostgreSQL transaction holding the order lock; the layer is kept only after COMMIT. */
  transact<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.#serial.run(() => this.#transactNow(work));
  }

  async #transactNow<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    const client = await this.#writePool.connect();
    let layered = false;
    try {
      const head = await beginLocked(client);
      if (this.store.position < head) await this.#catchUp(client);
      if (this.store.position !== head) throw new Error(`team state at ${this.store.position}, database head ${head}`);
      this.store.begin();
      layered = true;
      const tx: Tx = { client, tags: new Map(), commands: [] };
      const result = await work(tx);
      const events = this.store.since(head);
      const tagOf = (e: StoredEvent) => tx.tags.get(e.seq) ?? { commandId: null, deskId: null };
      // Files the server itself attached (a fetched mail's) go to `files` too, so every desk can fetch them.
      for (const ref of fileRefs(events.flatMap((e) => e.changes))) {
        const root = join(this.desk.services.dataDir, 'attachments') + sep;
        const file = normalize(join(this.desk.services.dataDir, ref.path));
        if (file.startsWith(root) && existsSync(file)) await putFile(client, ref.sha256, readFileSync(file));
      }
      await writeCommit(client, { events, tagOf, current: (entity, id) => this.store.get(entity, id), commands: tx.commands });
      await client.query('COMMIT');
      layered = false;
      this.store.commit();
      client.release();
      this.#committed(events, tagOf);
      return result;
    } catch (error) {
      if (layered) this.store.rollback();
      const broken = await client.query('ROLLBACK').then(
        () => false,
        () => true,
      );
      client.release(broken); // a connection that cannot even roll back is dropped, not reused
      throw error;
    }
  }

  /** A read over the center's state: caught up, and refused if it would change anything. */
  read<T>(work: () => Promise<T>): Promise<T> {
    return this.#serial.run(async () => {
      await this.#catchUp(this.#pool);
      const before = this.store.position;
      return this.#withHistory(this.#pool, async () => {
        this.store.begin();
        try {
          const result = await work();
          if (this.store.position !== before) throw new DeskError('forbidden', 'this call changes the center: push it as a command');
          return result;
        } finally {
          this.store.rollback();
        }
      });
    });
  }

  /**
   * Runs `attempt` (which must undo its own changes when it fails or is run again); when it asked
   * for history older than memory holds, loads exactly that from PostgreSQL and runs it again.
   */
  async #withHistory<T>(db: Pick<pg.ClientBase, 'query'>, attempt: () => Promise<T>): Promise<T> {
    const loaded: Loaded = { histories: new Map(), pages: new Map() };
    this.store.takeMissing();
    for (let round = 1; ; round++) {
      let outcome: { ok: true; value: T } | { ok: false; error: unknown };
      try {
        outcome = { ok: true, value: await this.store.withLoaded(loaded, attempt) };
      } catch (error) {
        outcome = { ok: false, error };
      }
      const missing = this.store.takeMissing();
      if (round < LOAD_ATTEMPTS && (missing.histories.length > 0 || missing.pages.length > 0)) {
        if (missing.histories.length) for (const [k, events] of await readHistories(db, missing.histories)) loaded.histories.set(k, events);
        for (const { filter, page } of missing.pages) loaded.pages.set(pageKey(filter, page), await readEventPage(db, filter, page));
        continue;
      }
      if (!outcome.ok) throw outcome.error;
      return outcome.value;
    }
  }

  async head(): Promise<number> {
    return headPosition(this.#pool);
  }

  /**
   * The password check (scrypt, tens of ms) runs beside the writes, not under the order lock;
   * only the desk code and the session are written in a short transaction. Should the sign-in
   * handler ever record something (a lockout), it is run again inside the transaction.
   */
  async signIn(request: SignInRequest): Promise<SignInResponse> {
    const credentials = { username: request.username, password: request.password };
    const check = async () => {
      const outcome = await this.desk.dispatch(this.desk.connect(), 'session.signIn', credentials);
      if (!outcome.ok) throw new DeskError(outcome.error.code, outcome.error.message, outcome.error.field);
      return outcome.value as OperatorView;
    };
    let operator: OperatorView | undefined;
    try {
      await this.#serial.run(() => this.#catchUp(this.#pool));
      operator = await this.store.readOnly(check);
    } catch (error) {
      if (!(error instanceof DeskError && error.code === 'internal') && !(error instanceof WriteInReadOnly)) throw error;
    }
    return this.transact(async ({ client }) => {
      const verified = operator ?? (await check());
      const deskCode = await joinDesk(client, request.deskId);
      const { token, expiresAt } = await issueSession(client, verified.username, request.deskId, this.#sessionHours);
      return { token, operator: verified, expiresAt, deskCode, position: this.store.position };
    });
  }

  /** The first manager of a new center (only while there is no operator). */
  async setUp(input: { username: string; displayName: string; password: string }): Promise<OperatorView> {
    return this.transact(async () => {
      const outcome = await this.desk.dispatch(this.desk.connect(), 'setup.createManager', input);
      if (!outcome.ok) throw new DeskError(outcome.error.code, outcome.error.message, outcome.error.field);
      return outcome.value as OperatorView;
    });
  }

  /** The session behind a bearer token, with its operator still active. */
  async authenticate(token: string | undefined): Promise<TeamSession & { operator: OperatorView }> {
    const session = token ? (this.#sessionCache(token) ?? (await findSession(this.#pool, token))) : null;
    if (session && token) this.#sessions.set(token, session);
    if (!session) throw new DeskError('unauthenticated', 'sign in to the team again (the token is unknown or expired)');
    const record = this.store.get<Parameters<typeof toView>[0]>('operators', session.username);
    if (!record?.active) throw new DeskError('forbidden', 'this account is deactivated; ask a manager', 'username');
    return { ...session, operator: toView(record) };
  }

  #sessionCache(token: string): TeamSession | undefined {
    const session = this.#sessions.get(token);
    if (session && Date.parse(session.expiresAt) > Date.now()) return session;
    this.#sessions.delete(token);
    if (this.#sessions.size > 10_000) this.#sessions.clear();
    return undefined;
  }

  /**
   * Replays a desk's commands in order, each applied at most once. Pushes that arrive while a
   * transaction runs are taken together into the next one (group commit): one order lock, one
   * write and one COMMIT for many desks. Each command still succeeds or fails on its own.
   */
  push(session: TeamSession & { operator: OperatorView }, commands: TeamCommand[]): Promise<{ results: CommandResult[]; timing: PushTiming }> {
    return new Promise((resolve, reject) => {
      this.#waiting.push({ session, commands, arrived: performance.now(), resolve, reject });
      void this.#serial.run(() => this.#pushWaiting());
    });
  }

  async #pushWaiting(): Promise<void> {
    const jobs = this.#waiting.splice(0);
    if (jobs.length === 0) return; // an earlier run took them
    const picked = performance.now();
    const phases = { runMs: 0, commitMs: 0 };
    try {
      const answers =
        (await this.#pushInOneTrip(jobs, phases)) ??
        (await this.#transactNow(async (tx) => {
          const ids = jobs.flatMap((job) => job.commands.map((c) => c.commandId));
          const { rows } = await tx.client.query<{ command_id: string; result: CommandResult }>(
            'SELECT command_id, result FROM commands WHERE command_id = ANY($1::uuid[])',
            [ids],
          );
          return this.#replay.runJobs(tx, jobs, new Map(rows.map((row) => [row.command_id, row.result])));
        }));
      if (phases.commitMs === 0) phases.runMs = performance.now() - picked; // the careful way: not told apart
      jobs.forEach((job, i) => job.resolve({ results: answers[i]!, timing: { waitMs: picked - job.arrived, ...phases, batch: jobs.length } }));
    } catch (error) {
      for (const job of jobs) job.reject(error);
    }
  }

  /**
   * The usual case in one round trip: run the batch against this process's state, then write it
   * with the head check in the same statement (commitInOneTrip). If another process committed
   * meanwhile, or a command was answered before, nothing is written and it returns undefined:
   * the batch then runs the locked way (caught up, answers looked up).
   */
  async #pushInOneTrip(jobs: PushJob[], phases: { runMs: number; commitMs: number }): Promise<CommandResult[][] | undefined> {
    const t0 = performance.now();
    const client = await this.#writePool.connect();
    const head = this.store.position;
    this.store.begin();
    let layered = true;
    let broken = false;
    try {
      const tx: Tx = { client, tags: new Map(), commands: [] };
      const answers = await this.#replay.runJobs(tx, jobs, new Map());
      const events = this.store.since(head);
      const tagOf = (e: StoredEvent) => tx.tags.get(e.seq) ?? { commandId: null, deskId: null };
      const t1 = performance.now();
      try {
        await commitInOneTrip(client, { events, tagOf, current: (entity, id) => this.store.get(entity, id), commands: tx.commands }, head);
      } catch (error) {
        broken = await client.query('ROLLBACK').then(
          () => false,
          () => true,
        );
        const code = (error as { code?: string }).code;
        if (code === STALE_HEAD || code === UNIQUE_VIOLATION) return undefined;
        throw error;
      }
      layered = false;
      this.store.commit();
      this.#committed(events, tagOf);
      Object.assign(phases, { runMs: t1 - t0, commitMs: performance.now() - t1 });
      return answers;
    } finally {
      if (layered) this.store.rollback();
      client.release(broken);
    }
  }

  /** Committed events join the pull cache. */
  #committed(events: StoredEvent[], tagOf: (e: StoredEvent) => EventTag): void {
    for (const e of events) {
      this.#recent.add(withoutSecrets({ position: e.seq, ...tagOf(e), actor: e.actor, action: e.action, ...(e.reason === undefined ? {} : { reason: e.reason }), at: e.at, changes: e.changes }));
    }
  }

  /**
   * A desk's pull, as the JSON text of a PullResponse: from memory when the newest committed
   * events hold the next one, else one statement over PostgreSQL. Operators' password hashes
   * never leave the server.
   */
  async pullJson(after: number, limit: number): Promise<string> {
    const held = this.#recent.after(after, limit);
    if (held && held.length > 0) {
      const last = after + held.length;
      return `{"events":[${held.join(',')}],"last":${last},"head":${Math.max(last, this.#knownHead, this.#recent.last)}}`;
    }
    const { events, head } = await readEventsAndHead(this.#pool, after, limit);
    this.noticed(head);
    return JSON.stringify({ events: events.map(withoutSecrets), last: events.at(-1)?.position ?? after, head });
  }

  /** The serialised committed events after `after` this process holds (at most `limit`), for live notices. */
  heldEvents(after: number, limit: number): string[] | undefined {
    return this.#recent.after(after, limit);
  }

  /** Records as of the committed head (caught up first, so never before what a desk pulled). */
  records(entity: 'cases', ids: string[]): Promise<RecordsResponse> {
    return this.#serial.run(async () => {
      await this.#catchUp(this.#pool);
      return { position: this.store.position, records: ids.map((id) => ({ entity, id, record: this.store.get(entity, id) ?? null })) };
    });
  }

  /** A notice (or a read) said the center's head is at `position`: catch up to it, so pulls are answered from memory. */
  noticed(position: number): void {
    if (position <= this.#knownHead) return;
    this.#knownHead = position;
    if (position > this.#recent.last) void this.#serial.run(() => this.#catchUp(this.#pool)).catch(() => undefined);
  }

  /** A file a desk attached, kept by content (see files.ts). */
  putFile(sha256: string, bytes: Buffer): Promise<void> {
    return putFile(this.#pool, sha256, bytes);
  }

  getFile(sha256: string): Promise<Buffer | null> {
    return getFile(this.#pool, sha256);
  }

  /** Runs the server's SLA monitor pass (or any system job) as one write. */
  runSystem<T>(job: () => T): Promise<T> {
    return this.transact(async () => job());
  }
}

function withoutSecrets<E extends { changes: StoredEvent['changes'] }>(event: E): E {
  if (!event.changes.some((c) => c.entity === 'operators')) return event;
  return {
    ...event,
    changes: event.changes.map((c) => {
      if (c.entity !== 'operators') return c;
      if (c.op === 'put') {
        const { passwordHash: _hidden, ...record } = c.record;
        return { ...c, record };
      }
      if (c.op === 'patch' && 'passwordHash' in c.patch) {
        const { passwordHash: _hidden, ...patch } = c.patch;
        return { ...c, patch };
      }
      return c;
    }),
  };
}
