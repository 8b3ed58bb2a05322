import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { exportCommand } from './export.js';
import { commands } from './commands.js';
import { UsageError } from './options.js';
import { seedCommand } from './seed.js';
import { aCase, cleanTempDirs, storeWith, tempDir } from '../reports/test-helpers.js';

let out: string[];
beforeEach(() => {
  out = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (out.push(String(chunk)), true));
});
afterEach(() => {
  vi.restoreAllMocks();
  cleanTempDirs();
});

const csvRows = (file: string) => Papa.parse<string[]>(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;

it('is a command of the command line', () => {
  expect(commands).toContain(exportCommand);
});

it('exports seeded cases as CSV and XLSX with the same rows, and says how many', async () => {
  const data = tempDir('data');
  expect(await seedCommand.run(['--cases', '400', '--seed', '3', '--until', '2026-06-30T16:00:00Z', '--data', data])).toBe(0);
  const dir = tempDir('out');
  const csv = join(dir, 'cases.csv');
  const xlsx = join(dir, 'cases.xlsx');
  const range = ['--from', '2026-04-01', '--to', '2026-06-30'];
  out = [];
  expect(await exportCommand.run(['--data', data, '--report', 'cases', '--format', 'csv', ...range, '--out', csv])).toBe(0);
  expect(await exportCommand.run(['--data', data, '--report', 'cases', '--format', 'xlsx', ...range, '--out', xlsx])).toBe(0);
  const rows = csvRows(csv);
  const n = rows.length - 1;
  expect(n).toBeGreaterThan(50);
  expect(n).toBeLessThan(200);
  expect(out).toEqual([`exported ${n} rows of cases to ${csv}\n`, `exported ${n} rows of cases to ${xlsx}\n`]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(xlsx);
  const sheet = wb.getWorksheet('Cases')!;
  expect(sheet.rowCount).toBe(n + 1);
  expect(sheet.getRow(2).getCell(1).value).toBe(rows[1]![0]);
  expect(readdirSync(dir).sort()).toEqual(['cases.csv', 'cases.xlsx']); // no temp files left
});

it('exports refunds with their amounts and overwrites an earlier export', async () => {
  const data = await storeWith([
    aCase({ id: 'C-000001', type: 'refund', status: 'approved', summary: '=HYPERLINK("x")', details: { orderIds: ['O-9'], amount: '99.90' } }),
    aCase({ id: 'C-000002', type: 'call' }),
  ]);
  const file = join(tempDir('out'), 'refunds.csv');
  writeFileSync(file, 'old');
  expect(await exportCommand.run(['--data', data, '--report', 'refunds', '--format', 'csv', '--from', '2026-03-01', '--to', '2026-03-01', '--out', file])).toBe(0);
  const rows = csvRows(file);
  expect(rows).toHaveLength(2);
  expect(rows[1]![0]).toBe('C-000001');
  expect(rows[1]).toContain('99.90');
  expect(out).toEqual([`exported 1 rows of refunds to ${file}\n`]);
});

it.each([
  [['--report', 'tickets'], '--report'],
  [['--report', undefined], '--report'],
  [['--format', 'docx'], '--format'],
  [['--from', '2026-02-30'], '--from'],
  [['--from', 'last week'], '--from'],
  [['--to', '2026-3-1'], '--to'],
  [['--to', '2026-01-01'], '--to'], // before --from
  [['--out', undefined], '--out'],
  [['--bogus', 'x'], 'bogus'],
] as const)('refuses %j naming %s, writing nothing', async (change, named) => {
  const data = await storeWith([aCase()]);
  const dir = tempDir('out');
  const file = join(dir, 'report.csv');
  const options: Record<string, string | undefined> = { '--data': data, '--report': 'cases', '--format': 'csv', '--from': '2026-03-01', '--to': '2026-03-31', '--out': file };
  options[change[0]] = change[1];
  const args = Object.entries(options).flatMap(([k, v]) => (v === undefined ? [] : [k, v]));
  const run = exportCommand.run(args);
  await expect(run).rejects.toThrow(UsageError);
  await expect(run).rejects.toThrow(named);
  expect(existsSync(file)).toBe(false);
  expect(readdirSync(dir)).toEqual([]);
  expect(out).toEqual([]);
});

it('refuses a missing data directory rather than creating one', async () => {
  const missing = join(tempDir('x'), 'nope');
  const file = join(tempDir('out'), 'r.csv');
  await expect(exportCommand.run(['--data', missing, '--report', 'cases', '--format', 'csv', '--from', '2026-03-01', '--to', '2026-03-31', '--out', file])).rejects.toThrow('--data');
  expect(existsSync(missing)).toBe(false);
  expect(existsSync(file)).toBe(false);
});

it('exports while the desk holds the data directory, from a verified copy, without touching the desk’s files', { timeout: 30_000 }, async () => {
  const data = tempDir('data');
  await seedCommand.run(['--cases', '50', '--seed', '4', '--data', data]);
  const { openCaseStore } = await import('../store/index.js');
  const desk = await openCaseStore(data, { autoBackup: false }); // the running desk
  try {
    const journal = readFileSync(join(data, 'journal.jsonl'));
    const csv = join(tempDir('out'), 'open.csv');
    out = [];
    const range = ['--from', '2025-01-01', '--to', '2026-12-31'];
    expect(await exportCommand.run(['--data', data, '--report', 'cases', '--format', 'csv', ...range, '--out', csv])).toBe(0);
    expect(csvRows(csv)).toHaveLength(51);
    expect(readFileSync(join(data, 'journal.jsonl'))).toEqual(journal);
    expect(desk.count('cases')).toBe(50);
  } finally {
    await desk.close();
  }
});

it('exports a printable PDF whose pages render and whose text carries the rows, Chinese included', { timeout: 30_000 }, async () => {
  const { execFileSync } = await import('node:child_process');
  const data = tempDir('data');
  await seedCommand.run(['--cases', '60', '--seed', '8', '--data', data]);
  const dir = tempDir('out');
  const pdf = join(dir, 'cases.pdf');
  out = [];
  expect(await exportCommand.run(['--data', data, '--report', 'cases', '--format', 'pdf', '--from', '2025-01-01', '--to', '2026-12-31', '--out', pdf])).toBe(0);
  expect(out).toEqual([`exported 60 rows of cases to ${pdf}\n`]);
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  expect(text).toContain('60 rows');
  expect(text).toContain('C-000001');
  expect(text).toMatch(/[\u4e00-\u9fff]{2,}/); // seeded Chinese summaries and names, not boxes
  execFileSync('pdftoppm', ['-png', '-r', '40', '-f', '1', '-l', '1', pdf, join(dir, 'page')]);
  expect(readdirSync(dir).some((f) => f.startsWith('page') && f.endsWith('.png'))).toBe(true);
});
