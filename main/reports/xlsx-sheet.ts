// One worksheet's XML (SpreadsheetML), a row at a time: text as inline strings, numbers and money
// as numbers, instants as date cells (Excel serial days, UTC as the headers say), the header bold
// and frozen, each column's width. Every cell has the same style whatever its row: STYLE below
// is the cellXfs table of xlsx.ts's styles.
import type { Column, ColumnType, Row } from './rows.js';

const MONEY = /^-?\d+(\.\d+)?$/;

/** A money decimal string as a number for a spreadsheet cell (nearest double of the exact decimal). */
export function moneyCell(value: string): number {
  if (!MONEY.test(value)) throw new Error(`not a decimal amount: ${JSON.stringify(value)}`);
  return Number(value); // ECMAScript string-to-number is correctly rounded; no float arithmetic
}

/** Indexes into styles.xml's cellXfs (xlsx.ts). */
export const STYLE = { header: 1, integer: 2, money: 3, instant: 4 } as const;
export const INSTANT_FORMAT = 'yyyy-mm-dd hh:mm:ss';

// Characters XML 1.0 cannot hold (C0 controls but tab and newline, U+FFFE/U+FFFF, lone
// surrogates), a carriage return (a parser turns it into a newline), the markup characters, and
// text that reads as Excel's own _xHHHH_ escape (ECMA-376 ST_Xstring: its underscore is escaped).
const NEEDS_ESCAPE = /[&<>"\r\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]|_x[0-9a-fA-F]{4}_/;
const ESCAPES = /[\ud800-\udbff][\udc00-\udfff]|[&<>"\r\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]|_x[0-9a-fA-F]{4}_/g;
const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\r': '&#13;' };
const hex4 = (code: number) => code.toString(16).toUpperCase().padStart(4, '0');

function escapeOne(s: string): string {
  if (s.length === 2 && s.charCodeAt(0) >= 0xd800 && s.charCodeAt(0) <= 0xdbff) return s; // a surrogate pair: one character, kept
  if (s.length > 1) return `_x005F${s}`; // a literal "_xHHHH_": its underscore as _x005F_
  const entity = ENTITY[s];
  if (entity) return entity;
  const code = s.charCodeAt(0);
  if (code >= 0xd800 && code <= 0xdfff) return '\ufffd'; // half a surrogate pair is no character at all
  return `_x${hex4(code)}_`; // how Excel writes a control character; it reads it back as that character
}

/** Text as XML element content or an attribute value in double quotes. */
export function xmlText(s: string): string {
  return NEEDS_ESCAPE.test(s) ? s.replace(ESCAPES, escapeOne) : s;
}

/** A, B, …, Z, AA, … for a zero-based column index. */
export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

const EXCEL_EPOCH_DAYS = 25569; // 1970-01-01 as an Excel (1900 system) serial day
const DAY_MS = 86_400_000;

const spaced = (s: string) => s.length > 0 && (s.charCodeAt(0) <= 32 || s.charCodeAt(s.length - 1) <= 32);
const textCell = (ref: string, s: string, style = '') =>
  `<c r="${ref}"${style} t="inlineStr"><is><t${spaced(s) ? ' xml:space="preserve"' : ''}>${xmlText(s)}</t></is></c>`;
const numberCell = (ref: string, n: number, style: number) => `<c r="${ref}" s="${style}"><v>${n}</v></c>`;

function cell(type: ColumnType, ref: string, value: Row[number]): string {
  if (value === null || value === undefined) return '';
  switch (type) {
    case 'integer': {
      const n = typeof value === 'number' ? value : Number(value);
      return Number.isFinite(n) ? numberCell(ref, n, STYLE.integer) : textCell(ref, String(value));
    }
    case 'money':
      return numberCell(ref, moneyCell(String(value)), STYLE.money);
    case 'instant': {
      const ms = Date.parse(String(value));
      return Number.isNaN(ms) ? textCell(ref, String(value)) : numberCell(ref, ms / DAY_MS + EXCEL_EPOCH_DAYS, STYLE.instant);
    }
    case 'string':
      return textCell(ref, String(value));
  }
}

export const columnWidth = (c: Column) => (c.type === 'instant' ? 20 : Math.max(10, Math.min(40, c.header.length + 2)));

/** The XML of one sheet: start() with the header row, then row() for each row, then end(). */
export function sheetXml(columns: Column[]) {
  const letters = columns.map((_, i) => columnName(i));
  const types = columns.map((c) => c.type);
  let rowNumber = 1;
  return {
    start(): string {
      const cols = columns.map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${columnWidth(c)}" customWidth="1"/>`).join('');
      const header = columns.map((c, i) => textCell(`${letters[i]}1`, c.header, ` s="${STYLE.header}"`)).join('');
      return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
        '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/></sheetView></sheetViews>' +
        `<sheetFormatPr defaultRowHeight="15"/><cols>${cols}</cols><sheetData><row r="1">${header}</row>`
      );
    },
    row(values: Row): string {
      const r = ++rowNumber;
      let xml = `<row r="${r}">`;
      for (let i = 0; i < types.length; i++) xml += cell(types[i]!, letters[i]! + r, values[i] ?? null);
      return xml + '</row>';
    },
    end: () => '</sheetData></worksheet>',
  };
}
