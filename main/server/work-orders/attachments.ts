// Files attached to a work order: copied into <dataDir>/attachments/<caseId>/<sha256-prefix>-<safe-name>.
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_ATTACHMENT_BYTES, type AttachmentRef } from '../../../shared/contract/work-orders.js';
import { DeskError } from '../errors.js';

/** A file name safe on every platform: no path separators, no control or reserved characters. */
export function safeName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .normalize('NFC')
    .replace(/[\u0000-\u001f<>:"|?*\u007f]/g, '_')
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .slice(0, 120);
  return cleaned || 'file';
}

export interface DecodedAttachment {
  name: string;
  bytes: Buffer;
}

/** Decodes and size-checks every file before anything is written (the error names the field). */
export function decodeAttachments(files: { name: string; contentBase64: string }[]): DecodedAttachment[] {
  return files.map((file, i) => {
    const bytes = Buffer.from(file.contentBase64, 'base64');
    if (bytes.length > MAX_ATTACHMENT_BYTES) {
      throw new DeskError('invalid-input', `"${file.name}" is larger than 10 MB`, `attachments.${i}.contentBase64`);
    }
    return { name: file.name, bytes };
  });
}

export function storeAttachments(dataDir: string, caseId: string, files: DecodedAttachment[]): AttachmentRef[] {
  if (files.length === 0) return [];
  const dir = join(dataDir, 'attachments', caseId);
  mkdirSync(dir, { recursive: true });
  return files.map(({ name, bytes }) => {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const fileName = `${sha256.slice(0, 12)}-${safeName(name)}`;
    writeFileSync(join(dir, fileName), bytes);
    return { name, path: `attachments/${caseId}/${fileName}`, sha256, bytes: bytes.length };
  });
}
