// XLSX export: the workbook's few fixed parts and one sheet per section, streamed into a zip
// (zip-writer.ts) a slice of rows at a time, so memory stays flat however many rows and the text
// is deflated off the event loop. exceljs (little maintained, 80–100 µs a row when streaming)
// is kept for reading only. The sheet's XML is xlsx-sheet.ts.
import type { Writable } from 'node:stream';
import type { ReportSection } from './rows.js';
import { INSTANT_FORMAT, sheetXml, STYLE, xmlText } from './xlsx-sheet.js';
import { ZipWriter, type ZipEntry } from './zip-writer.js';

export { moneyCell } from './xlsx-sheet.js';

/** Sheet names: at most 31 characters, none of []:*?/\ . */
export function sheetName(name: string, used: Set<string>): string {
  const base = name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Sheet';
  let candidate = base;
  for (let n = 2; used.has(candidate.toLowerCase()); n++) candidate = `${base.slice(0, 31 - String(n).length - 1)} ${n}`;
  used.add(candidate.toLowerCase());
  return candidate;
}

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const SHEET_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';

function fixedParts(names: string[]): [string, string][] {
  const sheets = names.map((_, i) => i + 1);
  const styles = sheets.length + 1;
  return [
    [
      '[Content_Types].xml',
      `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
        sheets.map((n) => `<Override PartName="/xl/worksheets/sheet${n}.xml" ContentType="${SHEET_TYPE}"/>`).join('') +
        '</Types>',
    ],
    ['_rels/.rels', `${XML}<Relationships xmlns="${PACKAGE_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`],
    [
      'xl/workbook.xml',
      `${XML}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><bookViews><workbookView/></bookViews><sheets>` +
        names.map((name, i) => `<sheet name="${xmlText(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
        '</sheets></workbook>',
    ],
    [
      'xl/_rels/workbook.xml.rels',
      `${XML}<Relationships xmlns="${PACKAGE_REL}">` +
        sheets.map((n) => `<Relationship Id="rId${n}" Type="${REL}/worksheet" Target="worksheets/sheet${n}.xml"/>`).join('') +
        `<Relationship Id="rId${styles}" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    ],
    ['xl/styles.xml', STYLES],
  ];
}

// cellXfs in the order of STYLE: 0 plain, then the header (bold), integer (built-in format 1,
// "0"), money (built-in 2, "0.00") and instant (format 164).
const xf = (numFmtId: number, fontId = 0) => `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="0" borderId="0" xfId="0"${numFmtId ? ' applyNumberFormat="1"' : ''}${fontId ? ' applyFont="1"' : ''}/>`;
const CELL_XFS: Record<number, string> = { 0: xf(0), [STYLE.header]: xf(0, 1), [STYLE.integer]: xf(1), [STYLE.money]: xf(2), [STYLE.instant]: xf(164) };
const STYLES =
  `${XML}<styleSheet xmlns="${MAIN}">` +
  `<numFmts count="1"><numFmt numFmtId="164" formatCode="${INSTANT_FORMAT}"/></numFmts>` +
  '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  `<cellXfs count="${Object.keys(CELL_XFS).length}">${Object.values(CELL_XFS).join('')}</cellXfs>` +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

const CHUNK_BYTES = 1 << 18;

/**
 * A sheet's text encoded a row at a time into buffers of CHUNK_BYTES, each handed to the entry
 * when full (one long string of rows cost more to flatten and encode than the rows took to build).
 */
function bufferedText(part: ZipEntry) {
  let buf = Buffer.allocUnsafe(CHUNK_BYTES);
  let used = 0;
  return {
    async put(text: string): Promise<void> {
      if (used + text.length * 3 > buf.length) {
        await part.write(buf.subarray(0, used));
        buf = Buffer.allocUnsafe(Math.max(CHUNK_BYTES, text.length * 3));
        used = 0;
      }
      used += buf.write(text, used, 'utf8');
    },
    flush: () => part.write(buf.subarray(0, used)),
  };
}

/** Writes the sections to `out` as an .xlsx workbook, one sheet each, and ends it. */
export async function writeWorkbook(sections: ReportSection[], out: Writable): Promise<void> {
  const used = new Set<string>();
  const names = sections.map((s) => sheetName(s.name, used));
  const zip = new ZipWriter(out);
  for (const [name, text] of fixedParts(names)) {
    const part = zip.entry(name);
    await part.write(text);
    await part.close();
  }
  try {
    for (const [i, section] of sections.entries()) {
      const sheet = sheetXml(section.columns);
      const part = zip.entry(`xl/worksheets/sheet${i + 1}.xml`);
      const text = bufferedText(part);
      await text.put(sheet.start());
      for await (const row of section.rows) await text.put(sheet.row(row));
      await text.put(sheet.end());
      await text.flush();
      await part.close();
    }
  } catch (error) {
    zip.abort();
    throw error;
  }
  await zip.end();
}
