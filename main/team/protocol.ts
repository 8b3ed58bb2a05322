// The team wire protocol between a joined desk and the team server, validated on both ends.
// HTTP JSON under `<server>/team/v1/…`, plus one WebSocket for live notices. docs/team.md explains it.
import { z } from 'zod';
import type { DeskErrorShape, OperatorView } from '../../shared/contract/index.js';
import type { Change, StoredRecord } from '../store/types.js';

export const TEAM_PREFIX = '/team/v1';
export const TEAM_PATHS = {
  health: `${TEAM_PREFIX}/health`,
  setUp: `${TEAM_PREFIX}/set-up`,
  signIn: `${TEAM_PREFIX}/sign-in`,
  push: `${TEAM_PREFIX}/push`,
  pull: `${TEAM_PREFIX}/pull`,
  live: `${TEAM_PREFIX}/live`,
  call: `${TEAM_PREFIX}/call`,
  records: `${TEAM_PREFIX}/records`,
  /** `PUT`/`GET` `…/files/<sha256>`: a file's bytes (at most 10 MB), stored once per content. */
  files: `${TEAM_PREFIX}/files/`,
} as const;

/** Most commands one push may carry, most events one pull returns. */
export const MAX_PUSH = 200;
export const MAX_PULL = 1000;

const errorShape = z.object({
  code: z.enum(['invalid-input', 'unauthenticated', 'forbidden', 'not-found', 'conflict', 'internal']),
  message: z.string(),
  field: z.string().optional(),
}) satisfies z.ZodType<DeskErrorShape>;

/** A desk's id: chosen by the desk once (a UUID kept in its data directory). */
export const deskIdSchema = z.string().trim().min(8, 'a desk id of at least 8 characters').max(64, 'at most 64 characters');

// ---- set-up: the first manager of a new center, accepted only while it has no operator ----

export const setUpRequest = z
  .object({
    username: z.string().trim().min(2, 'required').max(32),
    displayName: z.string().trim().min(1, 'required').max(80),
    password: z.string().min(10, 'at least 10 characters').max(200),
  })
  .strict();

// ---- sign-in ------------------------------------------------------------------------------

export const signInRequest = z
  .object({
    username: z.string().trim().min(1, 'required').max(64),
    password: z.string().min(1, 'required').max(200),
    deskId: deskIdSchema,
  })
  .strict();
export type SignInRequest = z.infer<typeof signInRequest>;

export interface SignInResponse {
  /** Bearer token for push, pull, call and live; valid on every server process of the team. */
  token: string;
  operator: OperatorView;
  expiresAt: string; // ISO instant
  /** The desk's short code, fixed at its first sign-in: case ids it allocates read `C-<code>-<n>`. */
  deskCode: string;
  /** The center's head position at sign-in. */
  position: number;
}

// ---- push ---------------------------------------------------------------------------------

/** One mutating call made on a desk, replayed by the server through the same handlers and rules. */
export const teamCommand = z
  .object({
    commandId: z.uuid('a UUID'),
    call: z.string().min(1, 'required').max(100),
    input: z.unknown(),
    /** Who made it on the desk; must be the token's operator, or the server refuses it. */
    operator: z.string().min(1, 'required').max(64),
    /** When it was made on the desk (ISO instant); the server clamps it to its own clock. */
    at: z.iso.datetime({ offset: true }),
    /** The desk's pull cursor when it made the command: what the operator had seen. */
    baseCursor: z.number().int().min(0),
    /**
     * The ids the command allocated on the desk, per numbered entity (cases, credits,
     * keyEvents), in allocation order, e.g. `{ cases: ['C-AB-000012'] }`. The server gives the
     * replayed command the same ids when they carry this desk's code and are free, so the number
     * an agent read out offline stays the case's number (an offered id with another desk's code,
     * or taken, gets the next `C-<desk>-<n>`). Without `ids` the server numbers the command's
     * records as the center (`C-000123`), as a desk on its own does.
     */
    ids: z.record(z.string().max(40), z.array(z.string().max(40)).max(100)).optional(),
    /**
     * The uploads the command used (work-order attachments, an import file): each was sent first
     * with `PUT /team/v1/files/<sha256>`; the server replays the command with the same bytes.
     */
    files: z
      .array(z.object({ uploadId: z.string().max(80), sha256: z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256'), name: z.string().max(255) }).strict())
      .max(40)
      .optional(),
  })
  .strict();
export type TeamCommand = z.infer<typeof teamCommand>;

export const pushRequest = z.object({ commands: z.array(teamCommand).min(1).max(MAX_PUSH) }).strict();
export type PushRequest = z.infer<typeof pushRequest>;

/** The event that decided a record instead of the refused command (e.g. the other supervisor's approval). */
export interface DecidedBy {
  actor: string;
  action: string;
  at: string;
  position: number;
  deskId: string | null;
}

export type CommandResult =
  | {
      commandId: string;
      ok: true;
      /** Position of the last event the command appended; absent when it appended none. */
      position?: number;
      /** The call's result as the server computed it. */
      value: unknown;
      /** True when this command had already been applied: the stored answer, not a second run. */
      replayed?: boolean;
    }
  | {
      commandId: string;
      ok: false;
      error: DeskErrorShape;
      /** Who decided the record meanwhile, when the refusal is because someone else did. */
      decidedBy?: DecidedBy;
      replayed?: boolean;
    };

export interface PushResponse {
  results: CommandResult[];
}

// ---- pull ---------------------------------------------------------------------------------

export const pullQuery = z.object({
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(MAX_PULL).default(500),
});

/** One event of the center, in position order (1, 2, 3, … without gaps). */
export interface TeamEvent {
  position: number;
  commandId: string | null; // null for the server's own events (SLA monitor)
  deskId: string | null;
  actor: string;
  action: string;
  reason?: string;
  at: string;
  changes: Change[];
}

export interface PullResponse {
  events: TeamEvent[];
  /** Position of the last event returned, or `after` when none: the desk's next cursor. */
  last: number;
  /** The center's head position when the pull was answered; `last < head` means pull again. */
  head: number;
}

// ---- whole records ------------------------------------------------------------------------

/** Cases a desk lacks whose events it pulled (a case back in its working set): sent whole. */
export const recordsRequest = z
  .object({
    entity: z.literal('cases', 'only cases are fetched whole'),
    ids: z.array(z.string().min(1, 'required').max(64)).min(1, 'name at least one id').max(MAX_PULL),
  })
  .strict();
export type RecordsRequest = z.infer<typeof recordsRequest>;

export interface RecordsResponse {
  /** The center's position the records are as of: never before the cursor of the desk that pulled their events. */
  position: number;
  records: Array<{ entity: string; id: string; record: StoredRecord | null }>;
}

// ---- live ---------------------------------------------------------------------------------

/** Sent on the live WebSocket (`?token=…` or an Authorization header) at open and after every commit. */
export interface LiveNotice {
  type: 'position';
  position: number;
  /**
   * With `events`: the events after position `from` up to `position`, as a pull would return them,
   * so a desk whose cursor is `from` applies them without pulling (one message to every desk
   * instead of one pull per desk). A desk at another cursor pulls as usual.
   */
  from?: number;
  events?: TeamEvent[];
}

/** Most events one live notice carries; a longer run is left to the desks' pulls. */
export const MAX_LIVE_EVENTS = 200;

// ---- online-only calls --------------------------------------------------------------------

export const callRequest = z.object({ call: z.string().min(1, 'required').max(100), input: z.unknown() }).strict();
export type CallRequest = z.infer<typeof callRequest>;

/** Calls the server answers over the whole center (SQL), beyond one desk's replica. */
export const teamCallNames = ['team.search', 'team.report'] as const;
export type TeamCallName = (typeof teamCallNames)[number];

// The inputs and answers of team.search and team.report are the desk's contract too (a joined
// desk forwards them): shared/contract/team.ts.
export { teamReportInput, teamSearchInput, type TeamReport, type TeamSearchResult } from '../../shared/contract/team.js';

/**
 * `/team/v1/call` answers `{ok, value}` or `{ok:false, error}`; any contract call (read-only
 * ones such as `dashboard.summary`) runs there over the whole center too.
 */
export type CallResponse = { ok: true; value: unknown } | { ok: false; error: DeskErrorShape };

// ---- health and errors --------------------------------------------------------------------

export interface HealthResponse {
  ok: true;
  position: number;
  schemaVersion: number;
  /** This process's id: two processes on one database answer with different ids. */
  serverId: string;
}

/** Every non-2xx answer's body. */
export interface ErrorResponse {
  error: DeskErrorShape;
}
export const errorResponse = z.object({ error: errorShape });

/** Calls a desk never pushes: sign-in lives in `/sign-in`, set-up on the server. */
export const isPushable = (call: string) => !call.startsWith('session.') && !call.startsWith('setup.');
