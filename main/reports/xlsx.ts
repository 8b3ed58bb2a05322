// XLSX export behind a small interface (exceljs 4.4 is little maintained: keep it here).
// exceljs's streaming WorkbookWriter: each row is written (and dropped) as it comes, so memory
// stays flat however many rows; typed cells, one sheet per section.
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import type { Column, ReportSection, Row } from './rows.js';

const MONEY = /^-?\d+(\.\d+)?$/;

/** A money decimal string as a number for a spreadsheet cell (nearest double of the exact decimal). */
export function moneyCell(value: string): number {
  if (!MONEY.test(value)) throw new Error(`not a decimal amount: ${JSON.stringify(value)}`);
  return Number(value); // ECMAScript string-to-number is correctly rounded; no float arithmetic
}

/** Sheet names: at most 31 characters, none of []:*?/\ . */
export function sheetName(name: string, used: Set<string>): string {
  const base = name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Sheet';
  let candidate = base;
  for (let n = 2; used.has(candidate.toLowerCase()); n++) candidate = `${base.slice(0, 31 - String(n).length - 1)} ${n}`;
  used.add(candidate.toLowerCase());
  return candidate;
}

function cell(column: Column, value: Row[number]): ExcelJS.CellValue {
  if (value === null || value === undefined) return null;
  switch (column.type) {
    case 'integer':
      return typeof value === 'number' ? value : Number(value);
    case 'money':
      return moneyCell(String(value));
    case 'instant': {
      const ms = Date.parse(String(value));
      return Number.isNaN(ms) ? String(value) : new Date(ms);
    }
    case 'string':
      return String(value);
  }
}

const FORMAT: Record<Column['type'], string | undefined> = {
  string: undefined,
  integer: '0',
  money: '0.00',
  instant: 'yyyy-mm-dd hh:mm:ss',
};

/** Writes the sections to `out` as an .xlsx workbook, one sheet each, and ends it. */
export async function writeWorkbook(sections: ReportSection[], out: Writable): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const used = new Set<string>();
  for (const section of sections) {
    const sheet = workbook.addWorksheet(sheetName(section.name, used), { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = section.columns.map((c) => {
      const numFmt = FORMAT[c.type];
      return { header: c.header, key: c.key, width: c.type === 'instant' ? 20 : Math.max(10, Math.min(40, c.header.length + 2)), ...(numFmt ? { style: { numFmt } } : {}) };
    });
    sheet.getRow(1).font = { bold: true };
    sheet.getRow(1).commit();
    // One style object per column, shared by its cells: exceljs keys its style lookup on the object.
    const styles = section.columns.map((c) => (FORMAT[c.type] ? { numFmt: FORMAT[c.type] } : {}));
    for await (const row of section.rows) {
      const r = sheet.addRow(section.columns.map((c, i) => cell(c, row[i] ?? null)));
      r.eachCell({ includeEmpty: true }, (c, n) => (c.style = styles[n - 1]!));
      r.commit();
    }
    sheet.commit();
  }
  await workbook.commit();
  if (!out.writableFinished) await finished(out);
}
