// Files a renderer downloads from the host instead of receiving them inside a message: a file kept
// on a case (files.link) or a finished report export (reports.export). Each gets a random token
// that the host (browser host route, Electron's app:// protocol) exchanges for the bytes, streamed
// from disk, for a few minutes, and only while the window or tab that asked is open and signed in
// as the same operator. An export's file is the desk's own and is removed when its link ends.
import { randomBytes } from 'node:crypto';
import { rmSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { FILES_PATH, type FileLink } from '../../../shared/contract/uploads.js';
import type { Connection } from '../context.js';
import type { Sessions } from '../operators/sessions.js';

const LINK_MS = 5 * 60_000;
const MAX_LINKS = 1000;
const TOKEN = /^[A-Za-z0-9_-]{32}$/;

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

/** What a host answers for a link it does not know (both languages: no page is there to translate it). */
export const EXPIRED_LINK =
  '此下载链接未知或已过期：请从案件中重新打开文件，或重新导出。 / This download link is unknown or expired: open the file from the case, or export it, again.';

export interface ServedFile {
  file: string;
  headers: Record<string, string>;
}

export interface Offered {
  /** The file to serve. */
  file: string;
  /** The name it is saved under. */
  name: string;
  /** Removed (a file or a folder) when the link ends: the export's own temp folder. */
  removeAfter?: string;
}

interface Link extends Offered {
  owner: Connection;
  operator: string;
  expires: number;
  timer?: ReturnType<typeof setTimeout>;
}

export class Downloads {
  private readonly links = new Map<string, Link>();

  constructor(private readonly sessions: Sessions) {}

  /** A link for `owner`, signed in as `operator`, relative to the page (`files/<token>`). */
  offer(owner: Connection, operator: string, offered: Offered, now: number): FileLink {
    for (const [token, link] of this.links) if (link.expires < now || this.links.size >= MAX_LINKS) this.drop(token);
    const token = randomBytes(24).toString('base64url');
    const link: Link = { ...offered, owner, operator, expires: now + LINK_MS };
    // A file of the desk's own goes when its link ends, even if nobody asks for a link again.
    if (offered.removeAfter) (link.timer = setTimeout(() => this.drop(token), LINK_MS)).unref();
    this.links.set(token, link);
    return { url: `${FILES_PATH.slice(1)}${token}`, name: offered.name };
  }

  /** What a host serves for `/files/<token>`, or null: unknown, expired, or its window closed or signed out. */
  served(pathname: string, now: number): ServedFile | null {
    if (!pathname.startsWith(FILES_PATH)) return null;
    const token = pathname.slice(FILES_PATH.length);
    if (!TOKEN.test(token)) return null;
    const link = this.links.get(token);
    if (!link) return null;
    if (link.expires < now || !this.sessions.has(link.owner) || link.owner.operator?.username !== link.operator) {
      this.drop(token);
      return null;
    }
    let size: number;
    try {
      size = statSync(link.file).size;
    } catch {
      this.drop(token);
      return null;
    }
    const ascii = link.name.replace(/[^\x20-\x7e]|["\\]/g, '_');
    return {
      file: link.file,
      headers: {
        'Content-Type': SAFE_TYPES[extname(link.name).toLowerCase()] ?? 'application/octet-stream',
        'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(link.name)}`,
        'Content-Length': String(size),
        'X-Content-Type-Options': 'nosniff',
        'Content-Security-Policy': "default-src 'none'; sandbox",
        'Cache-Control': 'no-store',
      },
    };
  }

  /** The window or tab is gone: its links end. */
  dropOwner(owner: Connection) {
    for (const [token, link] of this.links) if (link.owner === owner) this.drop(token);
  }

  /** Every link ends (the desk closes): the desk's own files go. */
  close() {
    for (const token of [...this.links.keys()]) this.drop(token);
  }

  private drop(token: string) {
    const link = this.links.get(token);
    if (!link) return;
    this.links.delete(token);
    clearTimeout(link.timer);
    if (!link.removeAfter) return;
    try {
      // A file being streamed stays readable to that stream until it ends (the name goes, not the bytes).
      rmSync(link.removeAfter, { recursive: true, force: true, maxRetries: 2 });
    } catch (error) {
      console.error('[desk] a finished download could not be removed:', error); // Windows, while it is still being read
    }
  }
}
