// Files a desk attached to a case (work-order attachments, imports, verification documents),
// kept by the team server in PostgreSQL by their SHA-256 so every desk can fetch them. A command
// that used uploads names them (`TeamCommand.files`); the server turns each into an upload of its
// own desk core before replaying the command, so the same handler attaches the same bytes.
import { createHash } from 'node:crypto';
import type pg from 'pg';
import { MAX_ATTACHMENT_BYTES } from '../../../shared/contract/work-orders.js';
import { UPLOAD_CHUNK_BYTES } from '../../../shared/contract/uploads.js';
import { DeskError } from '../../server/errors.js';
import type { Uploads } from '../../server/uploads/uploads.js';
import type { TeamCommand } from '../protocol.js';

type Queryable = Pick<pg.ClientBase, 'query'>;

export const SHA256 = /^[0-9a-f]{64}$/;

/** Stores the bytes under their SHA-256 (checked); storing the same file again changes nothing. */
export async function putFile(db: Queryable, sha256: string, bytes: Buffer): Promise<void> {
  if (!SHA256.test(sha256)) throw new DeskError('invalid-input', 'a file is named by its SHA-256 (64 hex digits)', 'sha256');
  if (bytes.length > MAX_ATTACHMENT_BYTES) throw new DeskError('invalid-input', 'a file is at most 10 MB', 'bytes');
  if (createHash('sha256').update(bytes).digest('hex') !== sha256) throw new DeskError('invalid-input', 'the bytes do not have this SHA-256', 'sha256');
  await db.query('INSERT INTO files (sha256, size, bytes) VALUES ($1, $2, $3) ON CONFLICT (sha256) DO NOTHING', [sha256, bytes.length, bytes]);
}

export async function getFile(db: Queryable, sha256: string): Promise<Buffer | null> {
  if (!SHA256.test(sha256)) return null;
  const { rows } = await db.query<{ bytes: Buffer }>('SELECT bytes FROM files WHERE sha256 = $1', [sha256]);
  return rows[0]?.bytes ?? null;
}

/**
 * The command's input with each desk upload id replaced by an upload of the server's own desk
 * core holding the same bytes (from `files`), owned by `owner`. Refused, naming `files`, when
 * the desk has not sent a file.
 */
export async function asServerUploads(db: Queryable, uploads: Uploads, owner: string, command: TeamCommand, now: number): Promise<unknown> {
  if (!command.files?.length) return command.input;
  const ids = new Map<string, string>();
  for (const [i, file] of command.files.entries()) {
    const bytes = await getFile(db, file.sha256);
    if (!bytes) throw new DeskError('invalid-input', `the desk has not sent "${file.name}" to the team server yet`, `files.${i}`);
    const upload = uploads.begin(owner, file.name, bytes.length, now);
    for (let offset = 0; offset < bytes.length; offset += UPLOAD_CHUNK_BYTES) uploads.chunk(owner, upload.uploadId, offset, bytes.subarray(offset, offset + UPLOAD_CHUNK_BYTES), now);
    ids.set(file.uploadId, upload.uploadId);
  }
  const swap = (value: unknown): unknown =>
    typeof value === 'string'
      ? (ids.get(value) ?? value)
      : Array.isArray(value)
        ? value.map(swap)
        : value && typeof value === 'object'
          ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, swap(v)]))
          : value;
  return swap(command.input);
}
