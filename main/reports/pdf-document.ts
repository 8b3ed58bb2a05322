// A pdfkit document set up for the desk: A4, the embedded CJK font, collected into a buffer.
import PDFDocument from 'pdfkit';
import type { CjkFont } from './cjk-font.js';

/** `font`: from findCjkFont() (receipt-pdf.ts), so Chinese text renders. */
export function startPdf(options: { title: string; margin: number; layout?: 'portrait' | 'landscape'; font: CjkFont }) {
  const { font } = options;
  const doc = new PDFDocument({
    size: 'A4',
    layout: options.layout ?? 'portrait',
    margin: options.margin,
    info: { Title: options.title, Producer: 'Assurance Desk' },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  if (font.family) doc.registerFont('cjk', font.path, font.family);
  else doc.registerFont('cjk', font.path);
  doc.font('cjk');
  /** Ends the document; resolves with its bytes. */
  const finish = () => {
    doc.end();
    return done;
  };
  return { doc, finish };
}
