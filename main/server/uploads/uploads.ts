// Files on their way in: each upload is a part file under <dataDir>/attachments/.incoming,
// filled chunk by chunk in order by the connection that began it, then moved into its case.
import { randomBytes } from 'node:crypto';
import { appendFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { UploadView } from '../../../shared/contract/uploads.js';
import { UPLOAD_CHUNK_BYTES } from '../../../shared/contract/uploads.js';
import { DeskError } from '../errors.js';

/** At most this many unfinished or unclaimed uploads per connection (a work order takes 20). */
const MAX_PENDING = 40;
/** An upload nobody touched for this long is dropped. */
const IDLE_LIMIT_MS = 60 * 60 * 1000;

interface Pending extends UploadView {
  owner: string;
  file: string;
  touched: number;
}

export interface ClaimedUpload {
  uploadId: string;
  name: string;
  bytes: number;
  /** The part file, complete. */
  file: string;
}

export class Uploads {
  private readonly pending = new Map<string, Pending>();
  private readonly dir: string;

  constructor(dataDir: string) {
    this.dir = join(dataDir, 'attachments', '.incoming');
    rmSync(this.dir, { recursive: true, force: true }); // a restart ends every upload in flight
  }

  begin(owner: string, name: string, bytes: number, now: number): UploadView {
    this.sweep(now);
    if ([...this.pending.values()].filter((u) => u.owner === owner).length >= MAX_PENDING) {
      throw new DeskError('conflict', `at most ${MAX_PENDING} files can wait to be attached; attach or drop some first`, 'name');
    }
    const uploadId = `U-${randomBytes(16).toString('hex')}`;
    mkdirSync(this.dir, { recursive: true });
    const file = join(this.dir, `${uploadId}.part`);
    writeFileSync(file, '');
    const upload: Pending = { uploadId, name, bytes, received: 0, owner, file, touched: now };
    this.pending.set(uploadId, upload);
    return view(upload);
  }

  chunk(owner: string, uploadId: string, offset: number, content: Buffer, now: number): UploadView {
    const upload = this.find(owner, uploadId, 'uploadId');
    if (offset !== upload.received) {
      throw new DeskError('conflict', `the desk has ${upload.received} bytes of this file; send from there`, 'offset');
    }
    if (content.length > UPLOAD_CHUNK_BYTES) throw new DeskError('invalid-input', 'a chunk is at most 2 MB', 'contentBase64');
    if (upload.received + content.length > upload.bytes) {
      throw new DeskError('invalid-input', 'more bytes than the file was said to have', 'contentBase64');
    }
    appendFileSync(upload.file, content);
    upload.received += content.length;
    upload.touched = now;
    return view(upload);
  }

  /** The finished uploads a case names, checked all before any is used; `field` is the list's name. */
  claim(owner: string, refs: { uploadId: string }[], field: string): ClaimedUpload[] {
    const ids = new Set<string>();
    return refs.map(({ uploadId }, i) => {
      const at = `${field}.${i}.uploadId`;
      if (ids.has(uploadId)) throw new DeskError('invalid-input', 'this file is attached twice', at);
      ids.add(uploadId);
      return this.finished(owner, uploadId, at);
    });
  }

  /** One finished upload (an import file); `field` names it in errors. */
  finished(owner: string, uploadId: string, field: string): ClaimedUpload {
    const upload = this.find(owner, uploadId, field);
    if (upload.received !== upload.bytes) {
      throw new DeskError('invalid-input', `"${upload.name}" has not finished uploading`, field);
    }
    return { uploadId, name: upload.name, bytes: upload.bytes, file: upload.file };
  }

  /** The upload was used up where it is (an import read it): its part file goes. */
  discard(uploadId: string) {
    const upload = this.pending.get(uploadId);
    if (upload) this.drop(upload);
  }

  /** The part file now belongs to a case (it was moved). */
  forget(uploadId: string) {
    this.pending.delete(uploadId);
  }

  /** A connection went away: its unfinished uploads go too. */
  dropOwner(owner: string) {
    for (const upload of this.pending.values()) if (upload.owner === owner) this.drop(upload);
  }

  private find(owner: string, uploadId: string, field: string): Pending {
    const upload = this.pending.get(uploadId);
    if (!upload || upload.owner !== owner) throw new DeskError('not-found', 'upload not found; choose the file again', field);
    return upload;
  }

  private sweep(now: number) {
    for (const upload of this.pending.values()) if (now - upload.touched > IDLE_LIMIT_MS) this.drop(upload);
  }

  private drop(upload: Pending) {
    this.pending.delete(upload.uploadId);
    rmSync(upload.file, { force: true });
  }
}

const view = ({ uploadId, name, bytes, received }: Pending): UploadView => ({ uploadId, name, bytes, received });
