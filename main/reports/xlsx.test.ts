import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { afterEach, expect, it } from 'vitest';
import { sectionOf } from './rows.js';
import { moneyCell, sheetName, writeWorkbook } from './xlsx.js';
import { xmlText } from './xlsx-sheet.js';
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

// Text a spreadsheet must keep as it is: markup characters, an astral character (a surrogate
// pair), CJK, a formula-looking string, tab/newline/CR, leading spaces, and what XML cannot hold.
const HOSTILE = '<b>&"x"</b> 😀𠮷 云服务器 =1+1\t\r\n  ';

it('keeps hostile text as text, and writes well-formed XML for what XML cannot hold', async () => {
  const dir = tempDir();
  const file = join(dir, 'hostile.xlsx');
  const section = sectionOf(
    'Cases',
    [
      { key: 'summary', header: 'summary <&>', type: 'string' },
      { key: 'openedAt', header: 'opened at (UTC)', type: 'instant' },
      { key: 'n', header: 'n', type: 'integer' },
    ],
    [
      [HOSTILE, '2026-06-30T16:30:00.000Z', 7],
      ['bell\u0007 lone\ud800 end\uffff _x0041_', 'not a date', 'twelve'],
    ],
  );
  await writeWorkbook([section], createWriteStream(file));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const sheet = wb.getWorksheet('Cases')!;
  expect(sheet.getRow(1).getCell(1).value).toBe('summary <&>');
  expect(sheet.getRow(2).getCell(1).value).toBe(HOSTILE); // CR kept as &#13;, spaces kept by xml:space
  expect(sheet.getRow(2).getCell(1).type).toBe(ExcelJS.ValueType.String);
  // 2026-06-30T16:30Z is 2026-07-01 00:30 in Shanghai (UTC+8): the cell is the UTC instant, as the header says.
  expect((sheet.getRow(2).getCell(2).value as Date).toISOString()).toBe('2026-06-30T16:30:00.000Z');
  expect(sheet.getRow(2).getCell(3).value).toBe(7);
  // Excel's own escapes (ECMA-376 ST_Xstring), which Excel reads back as the character (exceljs
  // does not decode them): a control character as _x0007_, a literal "_x0041_" with its underscore
  // escaped, U+FFFF as _xFFFF_; half a surrogate pair is no character and becomes U+FFFD.
  expect(sheet.getRow(3).getCell(1).value).toBe('bell_x0007_ lone\ufffd end_xFFFF_ _x005F_x0041_');
  expect(sheet.getRow(3).getCell(2).value).toBe('not a date'); // unreadable values stay as text
  expect(sheet.getRow(3).getCell(3).value).toBe('twelve');
});

it('escapes for XML only what needs it', () => {
  expect(xmlText('plain 云服务器 😀')).toBe('plain 云服务器 😀');
  expect(xmlText('a<b>&"c"\r')).toBe('a&lt;b&gt;&amp;&quot;c&quot;&#13;');
  expect(xmlText('\u0000\u001f\ufffe')).toBe('_x0000__x001F__xFFFE_');
  expect(xmlText('\udc00😀\ud83d')).toBe('\ufffd😀\ufffd');
});

it('streams many rows into a workbook exceljs reads row for row', async () => {
  const file = join(tempDir(), 'many.xlsx');
  function* rows() {
    for (let i = 0; i < 5000; i++) yield [`C-${String(i).padStart(6, '0')}`, `${i}.50`, i % 3 ? null : '2026-03-01T00:00:00Z'];
  }
  const columns = [
    { key: 'id', header: 'case', type: 'string' as const },
    { key: 'amount', header: 'amount', type: 'money' as const },
    { key: 'at', header: 'at (UTC)', type: 'instant' as const },
  ];
  await writeWorkbook([{ name: 'Many', columns, total: 5000, rows: rows() }], createWriteStream(file));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const sheet = wb.getWorksheet('Many')!;
  expect(sheet.rowCount).toBe(5001);
  expect(sheet.getRow(5001).getCell(1).value).toBe('C-004999');
  expect(sheet.getRow(5001).getCell(2).value).toBe(4999.5);
  expect(sheet.getRow(5001).getCell(3).value).toBeNull(); // 4999 % 3 = 1: no instant
  expect((sheet.getRow(5000).getCell(3).value as Date).toISOString()).toBe('2026-03-01T00:00:00.000Z'); // 4998 % 3 = 0
});

it('fails with the output’s own error (a full disk) rather than writing on', async () => {
  let writes = 0;
  const out = new Writable({
    write(_chunk, _encoding, done) {
      writes++;
      done(new Error('ENOSPC: no space left on device'));
    },
  });
  await expect(writeWorkbook([refunds, cases], out)).rejects.toThrow('ENOSPC');
  expect(writes).toBe(1);
});
