// A report section as a printable PDF table: landscape A4, the CJK font, header on every page.
import { writeFile } from 'node:fs/promises';
import { startPdf } from './pdf-document.js';
import { findCjkFont, type CjkFont } from './receipt-pdf.js';
import type { Cell, ReportSection } from './rows.js';

const MARGIN = 36;
const FONT_SIZE = 7;
const ROW_HEIGHT = 11;

const show = (cell: Cell) => (cell === null ? '' : String(cell));

export async function renderReportPdf(section: ReportSection, options: { subtitle: string; font?: CjkFont }): Promise<Buffer> {
  const { doc, finish } = startPdf({ title: section.name, margin: MARGIN, layout: 'landscape', font: options.font ?? findCjkFont() });
  const width = doc.page.width - 2 * MARGIN;
  const columnWidth = width / Math.max(1, section.columns.length);
  const bottom = () => doc.page.height - MARGIN - ROW_HEIGHT;

  const line = (cells: string[], y: number) =>
    cells.forEach((text, i) =>
      doc.text(text, MARGIN + i * columnWidth, y, { width: columnWidth - 4, height: ROW_HEIGHT, lineBreak: false, ellipsis: true }),
    );
  const header = () => {
    doc.fontSize(FONT_SIZE).fillColor('#0b5cad');
    line(section.columns.map((c) => c.header), doc.y);
    doc.fillColor('#000');
    return doc.y + ROW_HEIGHT;
  };

  doc.fontSize(14).text(section.name, MARGIN, MARGIN);
  doc.fontSize(9).fillColor('#555').text(`${options.subtitle} · ${section.rows.length} rows`);
  doc.moveDown(0.5);
  let y = header();
  for (const row of section.rows) {
    if (y > bottom()) {
      doc.addPage();
      doc.y = MARGIN;
      y = header();
    }
    line(row.map(show), y);
    y += ROW_HEIGHT;
  }
  return finish();
}

export async function writeReportPdf(file: string, section: ReportSection, subtitle: string) {
  await writeFile(file, await renderReportPdf(section, { subtitle }));
}
