// Saves a file without leaving the page: one the desk serves through a download link (a case's
// file, a report export), or through a Blob URL one the main process built (base64) or the page made.
import { call } from '../api/client.js';

/** Saves what a link points at (a desk link `files/<token>`, a Blob URL) under `fileName`. */
export function downloadLink(url: string, fileName: string) {
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
}

export function downloadBlob(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  downloadLink(url, fileName);
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadBase64(base64: string, mimeType: string, fileName: string) {
  const bytes = Uint8Array.from(atob(base64), (ch) => ch.charCodeAt(0));
  downloadBlob(new Blob([bytes], { type: mimeType }), fileName);
}

/** Asks for a refund's receipt PDF and saves it. */
export async function downloadReceipt(caseId: string) {
  const file = await call('refunds.receipt', { id: caseId });
  downloadBase64(file.base64, 'application/pdf', file.fileName);
}
