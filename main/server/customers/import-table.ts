// Reads the first sheet of a billing CSV/XLSX export into header → text rows (exceljs kept here).
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { DeskError } from '../errors.js';

export interface Table {
  columns: string[];
  rows: Record<string, string>[];
}

export async function readTable(fileName: string, content: Buffer): Promise<Table> {
  return /\.xlsx$/i.test(fileName) ? readXlsx(content) : readCsv(content.toString('utf8').replace(/^\uFEFF/, ''));
}

function readCsv(text: string): Table {
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: 'greedy', transformHeader: (h) => h.trim() });
  const fatal = parsed.errors.find((e) => e.type === 'Quotes');
  if (fatal) throw new DeskError('invalid-input', `not a readable CSV file: ${fatal.message} (row ${(fatal.row ?? 0) + 2})`, 'file');
  return { columns: parsed.meta.fields ?? [], rows: parsed.data };
}

async function readXlsx(content: Buffer): Promise<Table> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    throw new DeskError('invalid-input', 'not a readable .xlsx file', 'file');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { columns: [], rows: [] };
  const columns: string[] = [];
  sheet.getRow(1).eachCell({ includeEmpty: true }, (cell, index) => (columns[index - 1] = cell.text.trim()));
  const rows: Record<string, string>[] = [];
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    const values: Record<string, string> = {};
    columns.forEach((column, index) => (values[column] = cellText(row.getCell(index + 1))));
    if (Object.values(values).some((v) => v !== '')) rows.push(values);
  });
  return { columns: columns.filter(Boolean), rows };
}

/** Dates as ISO instants (exceljs reads a date cell as UTC), everything else as its shown text. */
function cellText(cell: ExcelJS.Cell): string {
  return cell.value instanceof Date ? cell.value.toISOString() : cell.text.trim();
}
