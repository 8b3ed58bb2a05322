// Opening a file kept on a case: an agent asks for a link (files.link) naming the case and the
// file; the desk checks the file is one the case keeps and hands out a download link
// (downloads.ts). Only files under <data>/attachments are ever served, as a download, never sniffed.
import { statSync } from 'node:fs';
import { join, normalize, sep } from 'node:path';
import type { CaseRecord } from '../../../shared/domain/case.js';
import { CASES } from '../../../shared/domain/entities.js';
import { filesKept } from '../../../shared/domain/case-files.js';
import type { Handlers } from '../context.js';
import { DeskError, notFound } from '../errors.js';

export const fileLinkHandlers: Pick<Handlers, 'files.link'> = {
  'files.link'(input, ctx) {
    const record = ctx.store.get<CaseRecord>(CASES, input.caseId);
    if (!record) throw notFound('case', 'caseId');
    const kept = filesKept(record.details).find((f) => f.path === input.path);
    if (!kept) throw new DeskError('not-found', 'this case keeps no such file', 'path');
    const file = confined(ctx.dataDir, kept.path);
    if (!file) throw new DeskError('not-found', 'the file is no longer in the attachments folder', 'path');
    return ctx.downloads.offer(ctx.connection, ctx.operator.username, { file, name: kept.name }, ctx.now().getTime());
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
