// CSV export: papaparse, guarded against formula injection, UTF-8 with a BOM for Excel, streamed.
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import Papa from 'papaparse';
import type { ReportSection, Row } from './rows.js';

/**
 * Cells a spreadsheet would read as a formula: = + - @ (and their full-width forms
 * ＝＋－＠, which some Excel builds normalise), or a leading tab / carriage return.
 * papaparse prefixes them with `'` (numbers are left alone).
 */
export const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

const BOM = '\uFEFF';
const CHUNK = 1000;

const OPTIONS = { newline: '\r\n', escapeFormulae: FORMULA_START } as const;

/** The header line, CRLF-terminated. */
const headerLine = (section: Pick<ReportSection, 'columns'>) => Papa.unparse([section.columns.map((c) => c.header)], OPTIONS) + '\r\n';

/** Rows, each CRLF-terminated ('' when none). */
const rowLines = (rows: Row[]) => (rows.length ? Papa.unparse(rows, OPTIONS) + '\r\n' : '');

/** The whole CSV text of rows built already (BOM included). */
export function toCsv(section: Pick<ReportSection, 'columns'> & { rows: Row[] }): string {
  return BOM + headerLine(section) + rowLines(section.rows);
}

/** Writes one section to `out` as CSV and ends it, a chunk of rows at a time as they come. */
export async function writeCsv(section: ReportSection, out: Writable): Promise<void> {
  const done = finished(out);
  done.catch(() => undefined); // a stopped export (the rows threw) leaves it unawaited
  const write = async (text: string) => {
    if (!out.write(text)) await Promise.race([once(out, 'drain'), done]);
  };
  await write(BOM + headerLine(section));
  let chunk: Row[] = [];
  for await (const row of section.rows) {
    chunk.push(row);
    if (chunk.length === CHUNK) {
      await write(rowLines(chunk));
      chunk = [];
    }
  }
  await write(rowLines(chunk));
  out.end();
  await done;
}
