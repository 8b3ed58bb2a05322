// The sync loop of a joined desk: push the outbox in order, pull the center's events after the
// cursor, apply them; woken by local changes and by the server's live notices, with a poll and
// a backoff when the server cannot be reached.
import type { TeamStatusView } from '../../../shared/contract/team.js';
import { DeskError } from '../../server/errors.js';
import type { CaseStore, Change, StoredRecord } from '../../store/types.js';
import { MAX_PUSH, type CommandResult, type LiveNotice, type TeamCommand, type TeamEvent } from '../protocol.js';
import { Refused, Unreachable, type TeamClient } from './client.js';
import { CONFLICTS, splitKey, type QueuedCommand } from './entities.js';
import type { FileRef, TeamFiles } from './files.js';
import { queuedCommands, readLink } from './outbox.js';
import { applyServerEvent, applyWholeRecords, pruneReplica, recordRefusal, settleUnchanged } from './replica.js';
import type { ReplicaScope } from './scope.js';

const POLL_MS = 5_000;
// Short: a desk back on the network should show it within seconds; a failed attempt costs little.
const MAX_BACKOFF_MS = 5_000;
/** Cases age out of the working set as time passes: the replica is pruned this often (and at start). */
const PRUNE_MS = 3_600_000;

interface Session {
  token: string;
  expiresAt: number;
}

export class TeamSync {
  private readonly sessions = new Map<string, Session>();
  /** Commands the server applied whose events are not pulled yet (command id → position). */
  private readonly applied = new Map<string, number>();
  private state: TeamStatusView['state'] = 'offline';
  private lastSyncAt?: string;
  private needsSignIn?: string;
  private running: Promise<void> | null = null;
  private again = false;
  private timer: NodeJS.Timeout | null = null;
  private backoffMs = 500;
  private closeLive: (() => void) | null = null;
  private stopped = false;
  private prunedAt = 0;
  /** Live notices since the last pull; those carrying the events after the cursor spare the pull. */
  private readonly notices: LiveNotice[] = [];

  constructor(
    private readonly store: CaseStore,
    private readonly client: TeamClient,
    private readonly now: () => Date,
    private readonly onStatus: (status: TeamStatusView) => void,
    private readonly scope: ReplicaScope,
    private readonly files?: TeamFiles,
  ) {}

  /** Files other desks attached that this desk has still to fetch. */
  private readonly fetching = new Map<string, FileRef>();

  status(): TeamStatusView {
    const link = readLink(this.store);
    return {
      mode: 'team',
      state: this.state,
      waiting: this.store.count('team.outbox'),
      conflicts: this.store.count(CONFLICTS),
      cursor: link.cursor,
      serverUrl: this.client.url,
      ...(link.deskCode ? { deskCode: link.deskCode } : {}),
      ...(this.needsSignIn ? { needsSignIn: this.needsSignIn } : {}),
      ...(this.lastSyncAt ? { lastSyncAt: this.lastSyncAt } : {}),
    };
  }

  /** A token from an online sign-in: the operator's waiting commands can be pushed with it. */
  addSession(username: string, token: string, expiresAt: string) {
    this.sessions.set(username, { token, expiresAt: Date.parse(expiresAt) });
    this.connectLive();
  }

  /** Pushes one command at once, outside the outbox (calls that are never queued). Throws Unreachable offline. */
  async pushNow(command: TeamCommand): Promise<CommandResult> {
    const token = this.token(command.operator);
    if (!token) return { commandId: command.commandId, ok: false, error: { code: 'unauthenticated', message: 'sign in again while the desk is online' } };
    const { results } = await this.client.push(token, [command]);
    return results[0] ?? { commandId: command.commandId, ok: false, error: { code: 'internal', message: 'the team server did not answer the command' } };
  }

  /**
   * A read on the team server as `operator` (their token, else any signed-in one): its value, or
   * undefined while the server cannot be reached. A refusal is thrown as the server's error.
   */
  async callServer(operator: string, call: string, input: unknown): Promise<unknown> {
    const token = this.token(operator) ?? this.token();
    if (!token) return undefined;
    try {
      const answer = await this.client.call(token, call, input);
      if (!answer.ok) throw new DeskError(answer.error.code, answer.error.message, answer.error.field);
      return answer.value;
    } catch (error) {
      if (error instanceof Unreachable) return undefined;
      if (error instanceof Refused) throw new DeskError(error.shape.code, error.shape.message, error.shape.field);
      throw error;
    }
  }

  /** Syncs now (or right after the sync under way) and resolves when done. */
  sync(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.round().finally(() => {
      this.running = null;
      if (this.again && !this.stopped) {
        this.again = false;
        void this.sync();
      }
    });
    return this.running;
  }

  start() {
    this.schedule(0);
  }

  stop() {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.closeLive?.();
  }

  private schedule(ms: number) {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.sync(), ms);
    this.timer.unref();
  }

  private token(username?: string): string | undefined {
    const now = this.now().getTime();
    const valid = (s: Session | undefined) => (s && s.expiresAt > now ? s.token : undefined);
    if (username) return valid(this.sessions.get(username));
    return [...this.sessions.values()].map(valid).find(Boolean);
  }

  private setState(state: TeamStatusView['state']) {
    this.state = state;
    this.onStatus(this.status());
  }

  private async round() {
    this.prune();
    if (!this.token()) {
      this.setState('offline');
      return this.schedule(POLL_MS);
    }
    this.setState('syncing');
    try {
      await this.push();
      this.files?.tidy(queuedCommands(this.store));
      await this.pull();
      this.backoffMs = 500;
      this.lastSyncAt = this.now().toISOString();
      this.setState('online');
      this.connectLive();
      this.schedule(POLL_MS);
    } catch (error) {
      if (!(error instanceof Unreachable) && !(error instanceof Refused)) console.error('[team] sync failed:', error);
      this.setState('offline');
      this.schedule(this.backoffMs);
      this.backoffMs = Math.min(this.backoffMs * 2, MAX_BACKOFF_MS);
    }
  }

  /** Pushes the outbox in order, in runs of one operator's commands; stops at an operator without a token. */
  private async push() {
    this.needsSignIn = undefined;
    for (;;) {
      const waiting = queuedCommands(this.store).filter((c) => !this.applied.has(c.id));
      const head = waiting[0];
      if (!head) return;
      const token = this.token(head.operator);
      if (!token) {
        this.needsSignIn = head.operator;
        return;
      }
      const run: QueuedCommand[] = [];
      for (const command of waiting) {
        if (command.operator !== head.operator || run.length === MAX_PUSH) break;
        run.push(command);
      }
      // The bytes first: the server replays a command only with every file it names.
      for (const file of run.flatMap((c) => c.files ?? [])) {
        const bytes = this.files?.read(file.sha256);
        if (bytes) await this.client.putFile(token, file.sha256, bytes);
      }
      let results;
      try {
        ({ results } = await this.client.push(token, run.map(toWire)));
      } catch (error) {
        if (!(error instanceof Refused)) throw error;
        if (error.status === 401) {
          this.sessions.delete(head.operator); // expired or revoked: that operator signs in again
          continue;
        }
        // The whole push refused (say, the operator was deactivated meanwhile): each command becomes a conflict, none is stuck.
        for (const command of run) recordRefusal(this.store, command.id, error.shape, undefined, this.now());
        continue;
      }
      for (const result of results) {
        if (result.ok && result.position !== undefined) this.applied.set(result.commandId, result.position);
        else if (result.ok) settleUnchanged(this.store, result.commandId);
        else recordRefusal(this.store, result.commandId, result.error, result.decidedBy, this.now());
      }
      this.onStatus(this.status());
    }
  }

  /** Applies the live notices' events that follow the cursor; pulls unless they brought it to the newest notice's head. */
  private async pull() {
    const notices = this.notices.splice(0);
    const token = this.token();
    if (!token) return;
    for (const notice of notices) {
      if (notice.events && notice.from === readLink(this.store).cursor) await this.applyPulled(token, notice.events);
    }
    if (notices.length > 0 && readLink(this.store).cursor >= Math.max(...notices.map((n) => n.position))) return;
    for (;;) {
      const token = this.token();
      if (!token) return;
      const { events, head } = await this.client.pull(token, readLink(this.store).cursor);
      await this.applyPulled(token, events);
      if (events.length === 0 || readLink(this.store).cursor >= head) return;
    }
  }

  /** Applies a gap-free run of the center's events after the cursor, then fetches the whole cases and files they call for. */
  private async applyPulled(token: string, events: TeamEvent[]) {
    const scoped = { scope: this.scope, removed: [] as StoredRecord[] };
    for (const event of events) {
      applyServerEvent(this.store, event, scoped);
      this.wantFiles(event.changes.filter((c) => this.store.get(c.entity, c.id)));
    }
    this.files?.forget(scoped.removed);
    await this.fetchWhole(token);
    await this.fetchFiles(token);
    const now = readLink(this.store).cursor;
    for (const [id, position] of this.applied) if (position <= now) this.applied.delete(id);
  }

  /** Takes the cases that aged out of the working set out of the replica, with their files; tidies team-files/. */
  private prune() {
    const now = this.now().getTime();
    if (now - this.prunedAt < PRUNE_MS) return;
    this.prunedAt = now;
    this.files?.forget(pruneReplica(this.store, this.scope));
    this.files?.tidy(queuedCommands(this.store));
  }

  /** Cases back in the working set whose events the replica could not apply: fetched whole. */
  private async fetchWhole(token: string) {
    const asked = readLink(this.store).wanted ?? [];
    if (asked.length === 0) return;
    const lacking = asked.map(splitKey).filter((k) => !this.store.get(k.entity, k.id));
    const { records } = lacking.length ? await this.client.records(token, 'cases', lacking.map((k) => k.id)) : { records: [] };
    const kept = applyWholeRecords(this.store, asked, records, this.scope);
    this.wantFiles(kept.map((record) => ({ entity: 'cases', id: record.id, op: 'put' as const, record })));
  }

  private wantFiles(changes: Change[]) {
    for (const ref of this.files?.missing(changes) ?? []) this.fetching.set(ref.path, ref);
  }

  /** Fetches the files pulled records name; what cannot be fetched now is tried on the next round. */
  private async fetchFiles(token: string) {
    for (const [path, ref] of this.fetching) {
      const bytes = await this.client.getFile(token, ref.sha256);
      if (bytes) this.files?.write(ref, bytes);
      this.fetching.delete(path); // fetched, or the server has none (it never will)
    }
  }

  private connectLive() {
    const token = this.token();
    if (this.closeLive || !token || this.stopped) return;
    this.closeLive = this.client.live(
      token,
      (notice) => {
        if (notice.position <= readLink(this.store).cursor) return;
        this.notices.push(notice);
        void this.sync();
      },
      () => {
        this.closeLive = null;
        this.schedule(this.backoffMs);
      },
    );
  }
}

const toWire = (command: QueuedCommand): TeamCommand => ({
  commandId: command.id,
  call: command.call,
  input: command.input,
  operator: command.operator,
  at: command.at,
  baseCursor: command.baseCursor,
  // The ids its local run gave (C-<desk code>-n): the server gives its replay the same ones.
  ...(command.ids ? { ids: command.ids } : {}),
  ...(command.files?.length ? { files: command.files } : {}),
});
