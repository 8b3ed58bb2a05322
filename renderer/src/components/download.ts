// Saves a file in the renderer through a Blob URL (works offline, no navigation): a file the
// main process built (base64), or one made on the page.
import { call } from '../api/client.js';

export function downloadBlob(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
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
