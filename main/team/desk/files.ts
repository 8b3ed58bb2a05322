// The bytes behind a joined desk's uploads and attachments. Each upload finished on this desk is
// also kept by content (<data>/team-files/<sha256>) so the push can send it to the team server
// before the command that uses it; a file another desk attached is fetched from the server into
// this desk's attachments folder when its record arrives, so it opens here too.
import { createHash, type Hash } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, normalize, sep } from 'node:path';
import type { Change } from '../../store/types.js';

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
  readonly #finished = new Map<string, CommandFile>();

  constructor(private readonly dataDir: string) {
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
      this.#finished.set(view.uploadId, { uploadId: view.uploadId, sha256, name: upload.name });
    }
  }

  /** The finished uploads a command's input names. */
  usedBy(input: unknown): CommandFile[] {
    const found: CommandFile[] = [];
    const visit = (value: unknown, depth: number) => {
      if (typeof value === 'string') {
        const file = this.#finished.get(value);
        if (file && !found.includes(file)) found.push(file);
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
