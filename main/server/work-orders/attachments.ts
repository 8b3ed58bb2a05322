// Files attached to a case: moved from their finished upload into
// <dataDir>/attachments/<caseId>/<sha256-prefix>-<safe-name>.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import type { AttachmentRef } from '../../../shared/contract/work-orders.js';
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

export function storeAttachments(dataDir: string, caseId: string, files: ClaimedUpload[], uploads: Uploads): AttachmentRef[] {
  if (files.length === 0) return [];
  const dir = join(dataDir, 'attachments', caseId);
  mkdirSync(dir, { recursive: true });
  return files.map(({ uploadId, name, bytes, file }) => {
    const sha256 = createHash('sha256').update(readFileSync(file)).digest('hex');
    const fileName = `${sha256.slice(0, 12)}-${safeName(name)}`;
    renameSync(file, join(dir, fileName));
    uploads.forget(uploadId);
    return { name, path: `attachments/${caseId}/${fileName}`, sha256, bytes };
  });
}
