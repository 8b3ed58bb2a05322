// The manager's dashboard figures and report exports (issue 6). Money as exact decimal strings.
import { z } from 'zod';
import { CHANNELS, SEVERITIES } from '../domain/case.js';
import { call } from './define.js';
import { LIMITS, requiredName } from './bounds.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const date = z.string().regex(DATE, 'a date YYYY-MM-DD');
const exportId = requiredName(LIMITS.id);

export const REPORT_NAMES = ['cases', 'refunds', 'compensation', 'sla'] as const;
/** The report file formats; main/reports/formats.ts has one writer per name. */
export const REPORT_FORMATS = ['csv', 'xlsx', 'pdf'] as const;
export type ReportFormatName = (typeof REPORT_FORMATS)[number];

export interface Counted {
  key: string;
  count: number;
}
export interface SeriesPoint {
  /** The day or week (its Monday), YYYY-MM-DD in the desk's zone. */
  period: string;
  count: number;
}
export interface AgentFigures {
  agent: string;
  cases: number;
  refunds: number;
  compensation: number;
  complaints: number;
  firstResponseMet: number;
  firstResponseBreached: number;
}
export interface DashboardSummary {
  from: string;
  to: string;
  bucket: 'day' | 'week';
  totalCases: number;
  series: SeriesPoint[];
  byChannel: Counted[];
  byCategory: Counted[];
  bySeverity: Counted[];
  sla: { assessed: number; met: number; breached: number; pending: number; compliancePercent: string };
  escalations: { count: number; byLevel: Counted[] };
  /** `amount` = `completedAmount` (paid out) + `pendingAmount` (submitted or approved, not yet paid). */
  refunds: { count: number; amount: string; completedAmount: string; pendingAmount: string; rejected: number; rejectionReasons: Counted[] };
  compensation: { claims: number; minutes: number; amount: string; rejected: number; exclusionReasons: Counted[] };
  complaints: { count: number; bySubject: Counted[] };
  agents: AgentFigures[];
}

export interface ExportedFile {
  fileName: string;
  mimeType: string;
  base64: string;
  rows: number;
}

/**
 * A finished report export: the file stays with the desk and the renderer downloads it from
 * `url` (relative to the page, as a file link: `files/<token>`), for a few minutes and only from the
 * window that asked; a report of 100k rows is ~16 MB, too much for one message.
 */
export interface ExportedReport {
  fileName: string;
  mimeType: string;
  url: string;
  bytes: number;
  rows: number;
}

const summaryInput = z
  .object({
    from: date,
    to: date,
    bucket: z.enum(['day', 'week']).default('day'),
    channel: z.enum(CHANNELS).optional(),
    severity: z.enum(SEVERITIES).optional(),
    agent: requiredName(LIMITS.id).optional(),
  })
  .strict();

export const dashboardCalls = {
  'dashboard.summary': call<DashboardSummary>()({ access: 'manager', input: summaryInput }),
  /** The same figures as a PDF (bilingual labels, CJK font). */
  'reports.dashboardPdf': call<ExportedFile>()({ access: 'manager', input: summaryInput }),
  /** Progress comes as `export.progress` events with the same `exportId`. */
  'reports.export': call<ExportedReport>()({
    access: 'manager',
    input: z
      .object({
        report: z.enum(REPORT_NAMES),
        format: z.enum(REPORT_FORMATS),
        from: date,
        to: date,
        /** Chosen by the caller, so it can follow and cancel this export. */
        exportId: exportId.optional(),
      })
      .strict(),
  }),
  /** Stops a running export: it answers a conflict and leaves no file; false when none was running under that id. */
  'reports.cancelExport': call<{ cancelled: boolean }>()({ access: 'manager', input: z.object({ exportId }).strict() }),
};
