// The desk's own bookkeeping of its team link. These entities live in the local store beside the
// replica (so every step is one atomic, fsynced event) but are never pushed to the team server.
import type { StoredRecord } from '../../store/types.js';

export const OUTBOX = 'team.outbox';
export const SHADOW = 'team.shadow';
export const CONFLICTS = 'team.conflicts';
export const LINK = 'team.link';
export const CREDENTIALS = 'team.credentials';

export const isLocalEntity = (entity: string) => entity.startsWith('team.');

/** Records are keyed `entity/id` in the shadow and in a command's list of touched records. */
export const recordKey = (entity: string, id: string) => `${entity}/${id}`;
export const splitKey = (key: string) => {
  const slash = key.indexOf('/');
  return { entity: key.slice(0, slash), id: key.slice(slash + 1) };
};

/** A mutating call made on this desk, applied locally and waiting for the server's answer. */
export interface QueuedCommand extends StoredRecord {
  id: string; // the command id (a UUID)
  call: string;
  input: unknown;
  operator: string;
  at: string;
  baseCursor: number;
  /** Local order: commands are pushed in this order. */
  order: number;
  /** The records its local run changed (`entity/id`). */
  touched: string[];
  /** Ids its local run numbered, per numbered entity: the server gives its replay the same ones. */
  ids: Record<string, string[]>;
  /** Uploads its input names: their bytes go to the server first (files.ts). */
  files?: Array<{ uploadId: string; sha256: string; name: string }>;
}

/** The server's version of a record that a queued command changed locally (null: the server has none). */
export interface ShadowRecord extends StoredRecord {
  id: string; // recordKey
  record: StoredRecord | null;
}

/** A command the server refused: kept with its input so the operator can redo it. */
export interface ConflictRecord extends StoredRecord {
  id: string; // the command id
  call: string;
  input: unknown;
  operator: string;
  at: string;
  refusedAt: string;
  error: { code: string; message: string; field?: string };
  decidedBy?: { actor: string; action: string; at: string; deskId: string | null };
  touched: string[];
}

/** The link's durable state: pull cursor, desk id and code. One record, id 'link'. */
export interface LinkRecord extends StoredRecord {
  id: 'link';
  deskId: string;
  deskCode?: string;
  cursor: number;
  nextOrder: number;
  /** Cases pulled events changed that the replica lacked (`cases/<id>`): to fetch whole (replica.ts). */
  wanted?: string[];
}

/** The last password verified online for an operator on this desk (scrypt), for offline sign-in. */
export interface CredentialRecord extends StoredRecord {
  id: string; // username
  verifier: string;
  verifiedAt: string;
}
