// Files attached to a case: moved from their finished upload into
// <dataDir>/attachments/<caseId>/<sha256-prefix>-<safe-name>.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_ATTACHMENT_BYTES, type AttachmentRef } from '../../../shared/contract/work-orders.js';
import { DeskError } from '../errors.js';
import type { ClaimedUpload, Uploads } from '../uploads/uploads.js';

/** A file name safe on every platform: no path separators, no control or reserved characters. */
export function safeName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .normalize('NFC')
    .replace(/[\u0000-\u001f<>:"|?*\u007f\u202a-\u202e\u2066-\u2069]/g, '_')
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .slice(0, 120);
  return cleaned || 'file';
}

function place(dataDir: string, caseId: string, name: string, bytes: Buffer, put: (target: string) => void): AttachmentRef {
  const dir = join(dataDir, 'attachments', caseId);
  mkdirSync(dir, { recursive: true });
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const fileName = `${sha256.slice(0, 12)}-${safeName(name)}`;
  put(join(dir, fileName));
  return { name, path: `attachments/${caseId}/${fileName}`, sha256, bytes: bytes.length };
}

/** Files the agent uploaded: each finished part file is moved into the case folder. */
export function storeAttachments(dataDir: string, caseId: string, files: ClaimedUpload[], uploads: Uploads): AttachmentRef[] {
  return files.map(({ uploadId, name, file }) => {
    const ref = place(dataDir, caseId, name, readFileSync(file), (target) => renameSync(file, target));
    uploads.forget(uploadId);
    return ref;
  });
}

/** Files the desk received whole (a mail's attachments), size-checked all before any is written. */
export function storeAttachmentBytes(dataDir: string, caseId: string, files: { name: string; bytes: Buffer }[]): AttachmentRef[] {
  files.forEach(({ name, bytes }, i) => {
    if (bytes.length > MAX_ATTACHMENT_BYTES) throw new DeskError('invalid-input', `"${name}" is larger than 10 MB`, `attachments.${i}`);
  });
  return files.map(({ name, bytes }) => place(dataDir, caseId, name, bytes, (target) => writeFileSync(target, bytes)));
}
