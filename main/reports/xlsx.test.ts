import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, expect, it } from 'vitest';
import { sectionOf } from './rows.js';
import { moneyCell, sheetName, writeWorkbook } from './xlsx.js';
import { cleanTempDirs, tempDir } from './test-helpers.js';

afterEach(cleanTempDirs);

const refunds = sectionOf(
  'Refunds',
  [
    { key: 'id', header: 'case', type: 'string' },
    { key: 'customer', header: 'customer', type: 'string' },
    { key: 'minutes', header: 'fault minutes', type: 'integer' },
    { key: 'amount', header: 'amount', type: 'money' },
    { key: 'openedAt', header: 'opened at (UTC)', type: 'instant' },
  ],
  [
    ['C-000001', '上海博远数据服务有限公司', 95, '1234567.89', '2026-03-01T02:00:00.000Z'],
    ['C-000002', '=HYPERLINK("x")', null, '0.10', '2026-03-02T16:30:00Z'],
  ],
);
const cases = sectionOf('Cases/2026: all', [{ key: 'id', header: 'case', type: 'string' }], [['C-000003']]);

it('writes one sheet per section with typed cells and Chinese text, read back with exceljs', async () => {
  const file = join(tempDir(), 'report.xlsx');
  await writeWorkbook([refunds, cases], createWriteStream(file));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  expect(wb.worksheets.map((s) => s.name)).toEqual(['Refunds', 'Cases 2026  all']);
  const sheet = wb.getWorksheet('Refunds')!;
  expect(sheet.getRow(1).values).toEqual([undefined, 'case', 'customer', 'fault minutes', 'amount', 'opened at (UTC)']);
  const row = sheet.getRow(2);
  expect(row.getCell(1).value).toBe('C-000001');
  expect(row.getCell(2).value).toBe('上海博远数据服务有限公司');
  expect(row.getCell(3).value).toBe(95);
  expect(row.getCell(4).value).toBe(1234567.89);
  expect(row.getCell(4).numFmt).toBe('0.00');
  expect(row.getCell(5).value).toBeInstanceOf(Date);
  expect((row.getCell(5).value as Date).toISOString()).toBe('2026-03-01T02:00:00.000Z');
  const second = sheet.getRow(3);
  expect(second.getCell(2).value).toBe('=HYPERLINK("x")'); // a string cell, never a formula
  expect(second.getCell(2).type).toBe(ExcelJS.ValueType.String);
  expect(second.getCell(3).value).toBeNull();
  expect(second.getCell(4).value).toBe(0.1);
  expect(sheet.rowCount).toBe(3);
});

it('converts money from the decimal string, never through float arithmetic', () => {
  expect(moneyCell('0.10')).toBe(0.1);
  expect(moneyCell('1.005')).toBe(1.005);
  expect(moneyCell('-20.00')).toBe(-20);
  expect(() => moneyCell('1e3')).toThrow();
  expect(() => moneyCell('12,50')).toThrow();
});

it('makes sheet names valid and unique', () => {
  const used = new Set<string>();
  expect(sheetName('A very long report name that goes on and on', used)).toHaveLength(31);
  expect(sheetName('SLA', used)).toBe('SLA');
  expect(sheetName('sla', used)).toBe('sla 2');
});
