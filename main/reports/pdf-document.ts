// A pdfkit document set up for the desk: A4, the embedded CJK font; streamed to a file, or
// collected into a buffer for a small document.
import PDFDocument from 'pdfkit';
import type { CjkFont } from './cjk-font.js';

export interface PdfSetUp {
  title: string;
  margin: number;
  layout?: 'portrait' | 'landscape';
  /** From findCjkFont() (cjk-font.ts), so Chinese text renders. */
  font: CjkFont;
}

/** The document; pages are written out as each is finished (pipe it to a stream). */
export function newPdf(options: PdfSetUp): PDFKit.PDFDocument {
  const { font } = options;
  const doc = new PDFDocument({
    size: 'A4',
    layout: options.layout ?? 'portrait',
    margin: options.margin,
    info: { Title: options.title, Producer: 'Assurance Desk' },
  });
  if (font.family) doc.registerFont('cjk', font.path, font.family);
  else doc.registerFont('cjk', font.path);
  doc.font('cjk');
  return doc;
}

/** A document collected in memory; `finish` ends it and resolves with its bytes. */
export function startPdf(options: PdfSetUp) {
  const doc = newPdf(options);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const finish = () => {
    doc.end();
    return done;
  };
  return { doc, finish };
}
