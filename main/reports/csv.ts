// CSV export: papaparse, guarded against formula injection, UTF-8 with a BOM for Excel.
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import Papa from 'papaparse';
import type { ReportSection } from './rows.js';

/**
 * Cells a spreadsheet would read as a formula: = + - @ (and their full-width forms
 * ＝＋－＠, which some Excel builds normalise), or a leading tab / carriage return.
 * papaparse prefixes them with `'` (numbers are left alone).
 */
export const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

const BOM = '\uFEFF';
const CHUNK = 5000;

const OPTIONS = { newline: '\r\n', escapeFormulae: FORMULA_START } as const;

/** The header line, CRLF-terminated. */
const headerLine = (section: ReportSection) => Papa.unparse([section.columns.map((c) => c.header)], OPTIONS) + '\r\n';

/** Rows [from, to), each CRLF-terminated ('' when none). */
function rowLines(section: ReportSection, from: number, to: number): string {
  const rows = section.rows.slice(from, to);
  return rows.length ? Papa.unparse(rows, OPTIONS) + '\r\n' : '';
}

/** The whole CSV text of one section (BOM included). */
export function toCsv(section: ReportSection): string {
  return BOM + headerLine(section) + rowLines(section, 0, section.rows.length);
}

/** Rows written so far of all; called after each chunk. */
export type ExportProgress = (done: number, total: number) => void;

/** Writes one section to `out` as CSV and ends it, in chunks so large reports never build one huge string. */
export async function writeCsv(section: ReportSection, out: Writable, onProgress?: ExportProgress): Promise<void> {
  const done = finished(out);
  const write = async (text: string) => {
    if (!out.write(text)) await Promise.race([once(out, 'drain'), done]);
  };
  await write(BOM + headerLine(section));
  for (let i = 0; i < section.rows.length; i += CHUNK) {
    await write(rowLines(section, i, i + CHUNK));
    onProgress?.(Math.min(i + CHUNK, section.rows.length), section.rows.length);
  }
  out.end();
  await done;
}
