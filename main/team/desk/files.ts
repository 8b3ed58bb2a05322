// The bytes behind a joined desk's uploads and attachments. Each upload finished on this desk is
// also kept by content (<data>/team-files/<sha256>) so the push can send it to the team server
// before the command that uses it; a file another desk attached is fetched from the server into
// this desk's attachments folder when its record arrives, so it opens here too.
import { createHash, type Hash } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, normalize, sep } from 'node:path';
import type { Change, StoredRecord } from '../../store/types.js';

/** An upload made here but not (yet) used by a waiting change is kept this long, for the form that will use it. */
const UNUSED_UPLOAD_MS = 3_600_000;
/** And at most this much of them: the folder holds the files of waiting changes plus this. */
export const UNUSED_UPLOADS_BYTES = 256 * 1024 * 1024;

export interface CommandFile {
  uploadId: string;
  sha256: string;
  name: string;
}

interface Upload {
  name: string;
  bytes: number;
  received: number;
  hash: Hash;
  part: string;
}

/** A file reference inside a record (an AttachmentRef): where it lives under the data directory, and its SHA-256. */
export interface FileRef {
  path: string;
  sha256: string;
}

export class TeamFiles {
  readonly #dir: string;
  readonly #uploads = new Map<string, Upload>();
  readonly #finished = new Map<string, CommandFile & { at: number; bytes: number }>();

  constructor(
    private readonly dataDir: string,
    private readonly now: () => number = Date.now,
  ) {
    this.#dir = join(dataDir, 'team-files');
  }

  /** Follows uploads.begin / uploads.chunk as the desk core answered them. */
  observe(call: string, input: unknown, value: unknown): void {
    const view = value as { uploadId?: string; bytes?: number; received?: number; name?: string };
    if (!view?.uploadId) return;
    if (call === 'uploads.begin') {
      mkdirSync(this.#dir, { recursive: true });
      const part = join(this.#dir, `${view.uploadId}.part`);
      writeFileSync(part, '');
      this.#uploads.set(view.uploadId, { name: view.name ?? 'file', bytes: view.bytes ?? 0, received: 0, hash: createHash('sha256'), part });
    }
    const upload = this.#uploads.get(view.uploadId);
    if (!upload) return;
    if (call === 'uploads.chunk') {
      const content = Buffer.from((input as { contentBase64: string }).contentBase64, 'base64');
      appendFileSync(upload.part, content);
      upload.hash.update(content);
      upload.received += content.length;
    }
    if (upload.received === upload.bytes) {
      const sha256 = upload.hash.digest('hex');
      renameSync(upload.part, join(this.#dir, sha256));
      this.#uploads.delete(view.uploadId);
      this.#finished.set(view.uploadId, { uploadId: view.uploadId, sha256, name: upload.name, at: this.now(), bytes: upload.received });
    }
  }

  /** The finished uploads a command's input names. */
  usedBy(input: unknown): CommandFile[] {
    const found: CommandFile[] = [];
    const visit = (value: unknown, depth: number) => {
      if (typeof value === 'string') {
        const file = this.#finished.get(value);
        if (file && !found.some((f) => f.uploadId === file.uploadId)) found.push({ uploadId: file.uploadId, sha256: file.sha256, name: file.name });
      } else if (depth < 6 && value && typeof value === 'object') Object.values(value).forEach((v) => visit(v, depth + 1));
    };
    visit(input, 0);
    return found;
  }

  /** The bytes of an upload made here, to send to the server. */
  read(sha256: string): Buffer | undefined {
    const file = join(this.#dir, sha256);
    return /^[0-9a-f]{64}$/.test(sha256) && existsSync(file) ? readFileSync(file) : undefined;
  }

  /** File references in pulled changes whose bytes this desk lacks. */
  missing(changes: Change[]): FileRef[] {
    return fileRefs(changes).filter((ref) => {
      const file = this.#confined(ref.path);
      return file !== null && !existsSync(file);
    });
  }

  /** Writes fetched bytes where the record says the file is (only under attachments/, only if they match). */
  write(ref: FileRef, bytes: Buffer): void {
    const file = this.#confined(ref.path);
    if (!file || createHash('sha256').update(bytes).digest('hex') !== ref.sha256) return;
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, bytes);
  }

  /** Removes the attachment copies of records that left the replica (deleted, or out of the working set). */
  forget(records: StoredRecord[]): void {
    for (const ref of fileRefs(records.map((record) => ({ entity: '', id: record.id, op: 'put' as const, record })))) {
      const file = this.#confined(ref.path);
      if (!file) continue;
      rmSync(file, { force: true });
      try {
        rmdirSync(dirname(file)); // the case's folder, once empty
      } catch {
        // not empty, or gone already
      }
    }
  }

  /**
   * Keeps `team-files/` to what is still needed: the files waiting changes name (sent before
   * them), and this session's unused uploads for an hour and up to UNUSED_UPLOADS_BYTES (newest
   * first). Everything else there (sent and answered, left from an earlier run) is removed.
   */
  tidy(waiting: Array<{ files?: CommandFile[] }>): void {
    if (!existsSync(this.#dir)) return;
    const keep = new Set(waiting.flatMap((c) => c.files ?? []).map((f) => f.sha256));
    let room = UNUSED_UPLOADS_BYTES;
    for (const [uploadId, file] of [...this.#finished].sort(([, a], [, b]) => b.at - a.at)) {
      if (keep.has(file.sha256)) continue;
      if (this.now() - file.at <= UNUSED_UPLOAD_MS && file.bytes <= room) {
        room -= file.bytes;
        keep.add(file.sha256);
      } else this.#finished.delete(uploadId);
    }
    const parts = new Set([...this.#uploads.values()].map((u) => u.part));
    for (const name of readdirSync(this.#dir)) {
      const file = join(this.#dir, name);
      if (!keep.has(name) && !parts.has(file)) rmSync(file, { force: true });
    }
  }

  #confined(path: string): string | null {
    const root = normalize(join(this.dataDir, 'attachments') + sep);
    const file = normalize(join(this.dataDir, path));
    return file.startsWith(root) ? file : null;
  }
}

/** Every file reference ({path, sha256}) in the records and patches of some changes. */
export function fileRefs(changes: Change[]): FileRef[] {
  const refs: FileRef[] = [];
  const visit = (value: unknown, depth: number) => {
    if (depth > 8 || !value || typeof value !== 'object') return;
    const v = value as Partial<FileRef>;
    if (typeof v.path === 'string' && typeof v.sha256 === 'string') refs.push({ path: v.path, sha256: v.sha256 });
    else Object.values(value).forEach((inner) => visit(inner, depth + 1));
  };
  for (const change of changes) visit(change.op === 'put' ? change.record : change.op === 'patch' ? change.patch : null, 0);
  return refs;
}
