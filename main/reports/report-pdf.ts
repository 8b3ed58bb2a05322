// A report section as a printable PDF table: landscape A4, the CJK font, the header on every
// page, every cell wrapped in full (a summary is never cut), instants in the desk's zone.
// Streamed: each page goes out to the file when the next one starts.
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { localTimeInZone } from '../../shared/rules/zone.js';
import { findCjkFont, type CjkFont } from './cjk-font.js';
import { newPdf } from './pdf-document.js';
import type { Cell, Column, ReportSection } from './rows.js';

const MARGIN = 36;
const FONT_SIZE = 7;
const PADDING = 3;
/** Free text gets more room than codes and figures. */
const WIDE = new Set(['summary', 'customerName', 'errorCodes', 'reason', 'rejectionReason']);

export interface PdfOptions {
  subtitle: string;
  timeZone: string;
  font?: CjkFont;
}

function show(column: Column, cell: Cell, timeZone: string): string {
  if (cell === null) return '';
  if (column.type === 'instant') {
    const ms = Date.parse(String(cell));
    return Number.isNaN(ms) ? String(cell) : localTimeInZone(ms, timeZone);
  }
  return String(cell);
}

/** Writes the section to `out` as a PDF and ends it. */
export async function writeReportPdf(section: ReportSection, out: Writable, options: PdfOptions): Promise<void> {
  const doc = newPdf({ title: section.name, margin: MARGIN, layout: 'landscape', font: options.font ?? findCjkFont() });
  doc.pipe(out);
  // An instant column is as wide as "2026-05-06 10:00"; the rest share what is left, free text most.
  doc.fontSize(FONT_SIZE);
  const instantWidth = doc.widthOfString('0000-00-00 00:00') + 2 * PADDING;
  const weights = section.columns.map((c): number => (c.type === 'instant' ? 0 : WIDE.has(c.key) ? 3 : 1));
  const free = doc.page.width - 2 * MARGIN - instantWidth * weights.filter((w) => w === 0).length;
  const unit = free / Math.max(1, weights.reduce((a, b) => a + b, 0));
  const widths = weights.map((w) => (w === 0 ? instantWidth : w * unit));
  const lefts = widths.map((_, i) => MARGIN + widths.slice(0, i).reduce((a, b) => a + b, 0));
  const bottom = () => doc.page.height - MARGIN;
  const headers = section.columns.map((c) => c.header.replace('(UTC)', `(${options.timeZone})`));

  const heightOf = (cells: string[]) => Math.max(...cells.map((text, i) => doc.heightOfString(text || ' ', { width: widths[i]! - PADDING })));
  const line = (cells: string[], y: number) => cells.forEach((text, i) => doc.text(text, lefts[i]!, y, { width: widths[i]! - PADDING }));
  const header = (y: number) => {
    doc.fontSize(FONT_SIZE).fillColor('#0b5cad');
    line(headers, y);
    doc.fillColor('#000');
    return y + heightOf(headers) + PADDING;
  };

  doc.fontSize(14).text(section.name, MARGIN, MARGIN);
  doc.fontSize(9).fillColor('#555').text(`${options.subtitle} · ${section.total} rows · ${options.timeZone}`);
  doc.moveDown(0.5);
  let y = header(doc.y);
  for await (const row of section.rows) {
    const cells = section.columns.map((c, i) => show(c, row[i] ?? null, options.timeZone));
    const height = heightOf(cells);
    if (y + height > bottom()) {
      doc.addPage();
      y = header(MARGIN);
    }
    line(cells, y);
    y += height + PADDING;
  }
  doc.end();
  await finished(out);
}
