import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterEach, expect, it } from 'vitest';
import { REPORT_FORMATS } from '../../shared/contract/dashboard.js';
import { openCaseStore } from '../store/index.js';
import { writeReportFile } from './formats.js';
import { buildReport, sectionOf, type Row } from './rows.js';
import { aCase, cleanTempDirs, storeWith, tempDir } from './test-helpers.js';

afterEach(cleanTempDirs);

const range = { fromMs: Date.parse('2026-03-01T00:00:00Z'), toMs: Date.parse('2026-03-02T00:00:00Z') };
const options = { timeZone: 'Asia/Shanghai', subtitle: '2026-03-01' };

it('streams the SLA report into an XLSX and a CSV with the values the rules engine gives', async () => {
  const dir = await storeWith([
    // SEV-2, not VIP: first response due 60 min after opening, updates every 2 h (policy section 3).
    aCase({ id: 'C-000001', severity: 'SEV-2', status: 'open', openedAt: '2026-03-01T02:00:00.000Z', details: { firstResponseAt: '2026-03-01T03:30:00.000Z' } }),
    aCase({ id: 'C-000002', severity: 'SEV-1', status: 'open', openedAt: '2026-03-01T05:50:00.000Z', details: { firstResponseAt: '2026-03-01T05:55:00.000Z' } }),
  ]);
  const store = await openCaseStore(dir, { autoBackup: false });
  const out = tempDir('out');
  const now = Date.parse('2026-03-01T06:00:00Z');
  try {
    await writeReportFile(join(out, 'sla.xlsx'), 'xlsx', await buildReport(store, 'sla', range, now), options);
    await writeReportFile(join(out, 'sla.csv'), 'csv', await buildReport(store, 'sla', range, now), options);
  } finally {
    await store.close();
  }
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(out, 'sla.xlsx'));
  const sheet = wb.getWorksheet('SLA')!;
  const header = (sheet.getRow(1).values as unknown[]).slice(1);
  const at = (row: number, column: string) => sheet.getRow(row).getCell(header.indexOf(column) + 1).value;
  expect(sheet.rowCount).toBe(3);
  // C-000001: due 02:00 + 60 min = 03:00; answered 03:30, 30 min late (S2, breached for good).
  expect(at(2, 'case')).toBe('C-000001');
  expect((at(2, 'first response due (UTC)') as Date).toISOString()).toBe('2026-03-01T03:00:00.000Z');
  expect(at(2, 'first response')).toBe('breached');
  expect(at(2, 'first response late (min)')).toBe(30);
  // Next update due at the first response + 2 h = 05:30; at 06:00 it is 30 min overdue (S3, S4).
  expect((at(2, 'next update due (UTC)') as Date).toISOString()).toBe('2026-03-01T05:30:00.000Z');
  expect(at(2, 'next update')).toBe('breached');
  expect(at(2, 'next update late (min)')).toBe(30);
  expect(at(2, 'breached')).toBe('yes');
  // C-000002, SEV-1: due 05:50 + 15 min = 06:05, answered 05:55 (met); next update 05:55 + 30 min = 06:25, running.
  expect((at(3, 'first response due (UTC)') as Date).toISOString()).toBe('2026-03-01T06:05:00.000Z');
  expect(at(3, 'first response')).toBe('met');
  expect(at(3, 'first response late (min)')).toBeNull();
  expect((at(3, 'next update due (UTC)') as Date).toISOString()).toBe('2026-03-01T06:25:00.000Z');
  expect(at(3, 'breached')).toBe('no');

  const csv = Papa.parse<string[]>(readFileSync(join(out, 'sla.csv'), 'utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true });
  expect(csv.errors).toEqual([]);
  expect(csv.data[0]).toEqual(header);
  // The same rows, as text: the XLSX's cells are the CSV's values, typed.
  expect(csv.data.slice(1).map((r) => [r[0], r[header.indexOf('first response')], r[header.indexOf('next update late (min)')]])).toEqual([
    ['C-000001', 'breached', '30'],
    ['C-000002', 'met', ''],
  ]);
  expect(readdirSync(out).sort()).toEqual(['sla.csv', 'sla.xlsx']);
});

/** 600 rows; the export is cancelled as row 300 is built. */
function cancelledAt300(cancel: AbortController) {
  function* rows(): Generator<Row> {
    for (let i = 0; i < 600; i++) {
      if (i === 300) cancel.abort();
      yield [`C-${i}`, '云服务器无法连接', i];
    }
  }
  const columns = sectionOf('Cases', [{ key: 'id', header: 'case', type: 'string' }, { key: 'summary', header: 'summary', type: 'string' }, { key: 'n', header: 'n', type: 'integer' }], []).columns;
  return { name: 'Cases', columns, total: 600, rows: rows() };
}

// The PDF embeds a CJK font (pdfkit loads with the first PDF): slow on a loaded machine.
it.each(REPORT_FORMATS)('a cancelled %s export leaves no partial file, and the file already there untouched', { timeout: 30_000 }, async (format) => {
  const dir = tempDir('out');
  const file = join(dir, `report.${format}`);
  writeFileSync(file, 'the export of last week');
  const cancel = new AbortController();
  const events: number[] = [];
  const run = writeReportFile(file, format, cancelledAt300(cancel), { ...options, signal: cancel.signal, onProgress: (done) => events.push(done) });
  await expect(run).rejects.toMatchObject({ name: 'AbortError' });
  expect(readFileSync(file, 'utf8')).toBe('the export of last week');
  expect(readdirSync(dir)).toEqual([`report.${format}`]); // no temp file beside it
  expect(events[0]).toBe(0);
  expect(events.every((d) => d < 300)).toBe(true);
});
