// Types of the store's file-format core (types only: the core parts stay self-contained).
import type * as FS from 'node:fs';
import type * as PATH from 'node:path';
import type * as CRYPTO from 'node:crypto';
import type { StoredEvent } from '../types.js';

export interface CoreDeps {
  fs: typeof FS;
  path: typeof PATH;
  crypto: typeof CRYPTO;
}

/** One problem found by verification, in plain words. */
export interface Finding {
  severity: 'error' | 'warning';
  file: string;
  seq?: number;
  message: string;
}

export interface VerifyResult {
  ok: boolean;
  events: number;
  lastHash: string;
  records: Record<string, number>;
  /** First event whose content or link is broken (tamper evidence). */
  firstBrokenSeq?: number;
  findings: Finding[];
}

export interface SnapshotHeader {
  type: 'assurance-desk-snapshot';
  schemaVersion: number;
  seq: number;
  lastHash: string;
  journalOffset: number;
  lastLineStart: number;
  /** sha256 of journal bytes [0, journalOffset): the journal prefix is immutable, so open can check it cheaply. */
  journalSha256?: string;
  createdAt: string;
}

/** The last line of a snapshot. */
export interface SnapshotEnd {
  type: 'end';
  events?: number;
  records?: number;
  sha256?: string;
  /** docMac(key, 'snapshot', end line without mac): the snapshot is the desk's own. */
  mac?: string;
}

export interface BackupManifest {
  format: 'assurance-desk-backup';
  schemaVersion: number;
  seq: number;
  lastHash: string;
  journalBytes: number;
  journalSha256: string;
  snapshot: { seq: number; bytes: number; sha256: string } | null;
  createdAt: string;
  auto: boolean;
  /** docMac(key, 'backup', manifest without mac): the backup is the desk's own. */
  mac?: string;
}

export interface SnapshotRead {
  header: SnapshotHeader;
  eventLines: number;
  records: number;
}

export type LineCheck =
  | { ok: true; event: StoredEvent }
  | { ok: false; kind: 'unreadable' | 'shape' | 'hash' | 'seq' | 'link'; message: string; event?: StoredEvent };
