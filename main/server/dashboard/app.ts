// The manager's dashboard and report exports. Exports use the report format table of
// main/reports/formats.ts (the same files as the `export` command), written to a temp file that
// the renderer downloads through a link (uploads/downloads.ts), never inside a message. An export
// is written in slices of the event loop (the desk answers other calls meanwhile), reports its
// progress and can be cancelled by its id.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Handlers, Services } from '../context.js';
import { DeskError } from '../errors.js';
import { buildReport, parseBound } from '../../reports/rows.js';
import { REPORT_FORMAT_TABLE, writeReportFile } from '../../reports/formats.js';
import { currentPolicy, deskRules } from '../policy/rules-context.js';
import { findCjkFont } from '../../reports/cjk-font.js';
import { renderDashboardPdf } from '../../reports/dashboard-pdf.js';
import { dashboardProjection } from './projection.js';
import type { SummaryQuery } from './summary.js';

/** The figures from the projection kept as events are applied. */
export function deskSummary(ctx: Pick<Services, 'store' | 'settings' | 'now'>, query: SummaryQuery) {
  return dashboardProjection(ctx).summary(query, () => deskRules(ctx), () => ctx.now().getTime());
}

/** The exports running on a store, by the id their caller gave. */
const runningExports = new WeakMap<object, Map<string, AbortController>>();
const exportsOf = (store: object) => {
  let running = runningExports.get(store);
  if (!running) runningExports.set(store, (running = new Map()));
  return running;
};

export const dashboardHandlers: Pick<Handlers, 'dashboard.summary' | 'reports.export' | 'reports.cancelExport' | 'reports.dashboardPdf'> = {
  'dashboard.summary'(input, ctx) {
    return deskSummary(ctx, input);
  },

  async 'reports.dashboardPdf'(input, ctx) {
    const summary = await deskSummary(ctx, input);
    let font;
    try {
      font = findCjkFont();
    } catch (error) {
      throw new DeskError('conflict', error instanceof Error ? error.message : String(error));
    }
    const filters = [input.channel, input.severity, input.agent].filter(Boolean).join(' · ');
    const pdf = await renderDashboardPdf(summary, { generatedAt: ctx.now().toISOString(), filters, font, currency: currentPolicy(ctx).currency });
    return { fileName: `dashboard-${input.from}-${input.to}.pdf`, mimeType: 'application/pdf', base64: pdf.toString('base64'), rows: summary.totalCases };
  },

  async 'reports.export'(input, ctx) {
    const timeZone = ctx.settings.get().timeZone;
    const fromMs = parseBound(input.from, 'from', timeZone);
    const toMs = parseBound(input.to, 'to', timeZone);
    if (fromMs === undefined) throw new DeskError('invalid-input', 'a date YYYY-MM-DD', 'from');
    if (toMs === undefined) throw new DeskError('invalid-input', 'a date YYYY-MM-DD', 'to');
    if (toMs <= fromMs) throw new DeskError('invalid-input', 'must not be before the start date', 'to');
    const running = exportsOf(ctx.store);
    if (input.exportId !== undefined && running.has(input.exportId)) throw new DeskError('conflict', 'an export with this id is running', 'exportId');
    const { exportId } = input;
    const progress = (done: number, total: number) => ctx.emit('export.progress', { report: input.report, ...(exportId === undefined ? {} : { exportId }), done, total });
    const cancel = new AbortController();
    if (exportId !== undefined) running.set(exportId, cancel);
    const dir = mkdtempSync(join(tmpdir(), 'desk-export-'));
    const format = REPORT_FORMAT_TABLE[input.format];
    const file = join(dir, `report.${format.ext}`);
    try {
      // Picked after the id is taken: the pick runs in slices, and a cancel meanwhile stops the export at its first row.
      const section = await buildReport(ctx.store, input.report, { fromMs, toMs }, ctx.now().getTime(), deskRules(ctx));
      let rows = 0;
      await writeReportFile(file, input.format, section, { timeZone, subtitle: `${input.from} – ${input.to}`, onProgress: (done, total) => progress((rows = done), total), signal: cancel.signal });
      const fileName = `${input.report}-${input.from}-${input.to}.${format.ext}`;
      const bytes = statSync(file).size;
      const { url } = ctx.downloads.offer(ctx.connection, ctx.operator.username, { file, name: fileName, removeAfter: dir }, ctx.now().getTime());
      return { fileName, mimeType: format.mime, url, bytes, rows };
    } catch (error) {
      rmSync(dir, { recursive: true, force: true });
      if (cancel.signal.aborted) throw new DeskError('conflict', 'the export was cancelled', 'exportId');
      throw error;
    } finally {
      if (exportId !== undefined) running.delete(exportId);
    }
  },

  'reports.cancelExport'(input, ctx) {
    const cancel = exportsOf(ctx.store).get(input.exportId);
    cancel?.abort();
    return { cancelled: cancel !== undefined };
  },
};

/** Reads every case's figures in the background, so the first dashboard is quick. */
export function warmDashboard(services: Pick<Services, 'store' | 'settings' | 'now'>): Promise<void> {
  return dashboardProjection(services).catchUp(() => deskRules(services), () => services.now().getTime());
}
