// The report formats, in one table the command line (`export`) and the desk (reports.export)
// both use: the file extension, the MIME type, and a writer from a report section (the row
// source) to an output stream. A new format is one entry here and its name in the contract.
import { randomBytes } from 'node:crypto';
import { createWriteStream, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { ReportFormatName } from '../../shared/contract/dashboard.js';
import { writeCsv } from './csv.js';
import { feed, type ExportProgress } from './feed.js';
import type { ReportSection } from './rows.js';
import { writeWorkbook } from './xlsx.js';

export interface WriteOptions {
  /** The desk's zone: instants a person reads (the PDF) are shown in it. */
  timeZone: string;
  /** What the report covers, e.g. "2026-06-01 – 2026-06-30". */
  subtitle: string;
  onProgress?: ExportProgress | undefined;
  /** Cancels the export: the writing stops and no file is left. */
  signal?: AbortSignal | undefined;
}

export interface ReportFormat {
  ext: string;
  mime: string;
  /** Writes the section to `out` and ends it. */
  write(section: ReportSection, out: Writable, options: WriteOptions): Promise<void>;
}

export const REPORT_FORMAT_TABLE: { [F in ReportFormatName]: ReportFormat } = {
  csv: { ext: 'csv', mime: 'text/csv;charset=utf-8', write: (section, out) => writeCsv(section, out) },
  xlsx: {
    ext: 'xlsx',
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    write: (section, out) => writeWorkbook([section], out),
  },
  // pdfkit and its fonts load only for a PDF: most of a CSV or XLSX export's start-up otherwise.
  pdf: { ext: 'pdf', mime: 'application/pdf', write: async (section, out, o) => (await import('./report-pdf.js')).writeReportPdf(section, out, o) },
};

/**
 * Writes the section's rows as they are built, paced (feed.ts), beside `file`, and renames at the
 * end: a failure or a cancel never leaves half a file.
 */
export async function writeReportFile(file: string, format: ReportFormatName, section: ReportSection, options: WriteOptions): Promise<void> {
  const temp = join(dirname(file), `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const out = createWriteStream(temp, { flags: 'wx' });
  const closed = finished(out).catch(() => undefined); // an error of the stream is the writer's to throw
  try {
    const rows = feed(section.rows, { total: section.total, signal: options.signal, onProgress: options.onProgress });
    await REPORT_FORMAT_TABLE[format].write({ ...section, rows }, out, options);
    renameSync(temp, file);
  } catch (error) {
    out.destroy();
    await closed;
    rmSync(temp, { force: true });
    throw error;
  }
}
