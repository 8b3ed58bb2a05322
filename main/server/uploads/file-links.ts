// Opening a file kept on a case: an agent asks for a link (files.link) naming the case and the
// file; the desk checks the file is one the case keeps and hands out a random token that the
// host (browser host route, Electron's app:// protocol) exchanges for the bytes for a few
// minutes. Only files under <data>/attachments are ever served, as a download, never sniffed.
import { randomBytes } from 'node:crypto';
import { statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { FILES_PATH } from '../../../shared/contract/uploads.js';
import type { CaseRecord } from '../../../shared/domain/case.js';
import { CASES } from '../../../shared/domain/entities.js';
import { filesKept } from '../../../shared/domain/case-files.js';
import type { Handlers, Services } from '../context.js';
import { DeskError, notFound } from '../errors.js';

const LINK_MS = 5 * 60_000;
const MAX_LINKS = 1000;

/** Types a browser may show; anything else is served as bytes to save. Always as a download. */
const SAFE_TYPES: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.zip': 'application/zip',
};

interface Link {
  file: string;
  name: string;
  expires: number;
}

const links = new WeakMap<Services['store'], Map<string, Link>>();

export const fileLinkHandlers: Pick<Handlers, 'files.link'> = {
  'files.link'(input, ctx) {
    const record = ctx.store.get<CaseRecord>(CASES, input.caseId);
    if (!record) throw notFound('case', 'caseId');
    const kept = filesKept(record.details).find((f) => f.path === input.path);
    if (!kept) throw new DeskError('not-found', 'this case keeps no such file', 'path');
    const file = confined(ctx.dataDir, kept.path);
    if (!file) throw new DeskError('not-found', 'the file is no longer in the attachments folder', 'path');
    const table = links.get(ctx.store) ?? new Map<string, Link>();
    links.set(ctx.store, table);
    const now = ctx.now().getTime();
    for (const [token, link] of table) if (link.expires < now || table.size > MAX_LINKS) table.delete(token);
    const token = randomBytes(24).toString('base64url');
    table.set(token, { file, name: kept.name, expires: now + LINK_MS });
    return { url: `${FILES_PATH.slice(1)}${token}`, name: kept.name };
  },
};

/** The file under <data>/attachments that a stored path names, or null for anything outside it or missing. */
function confined(dataDir: string, path: string): string | null {
  const root = normalize(join(dataDir, 'attachments') + sep);
  const file = normalize(join(dataDir, path));
  if (!file.startsWith(root)) return null;
  try {
    return statSync(file).isFile() ? file : null;
  } catch {
    return null;
  }
}

/** What a host answers for a link it does not know (both languages: no page is there to translate it). */
export const EXPIRED_LINK = '此链接未知或已过期：请从案件中重新打开文件。 / This link is unknown or expired: open the file from the case again.';

export interface ServedFile {
  file: string;
  headers: Record<string, string>;
}

/** What a host serves for `files/<token>`: the file and its download headers, or null (unknown or expired link). */
export function servedFile(services: Pick<Services, 'store' | 'now'>, pathname: string): ServedFile | null {
  if (!pathname.startsWith(FILES_PATH)) return null;
  const link = links.get(services.store)?.get(pathname.slice(FILES_PATH.length));
  if (!link || link.expires < services.now().getTime()) return null;
  const ascii = link.name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return {
    file: link.file,
    headers: {
      'Content-Type': SAFE_TYPES[extname(link.name).toLowerCase()] ?? 'application/octet-stream',
      'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(link.name)}`,
      'Content-Length': String(statSync(link.file).size),
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'Cache-Control': 'no-store',
    },
  };
}
