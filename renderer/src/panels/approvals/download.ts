// Saves a file the main process returned as base64, through a Blob URL (works offline, no navigation).
import { call } from '../../api/client.js';

export function saveBase64(fileName: string, base64: string, type = 'application/pdf') {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Asks for a refund's receipt PDF and saves it. */
export async function downloadReceipt(caseId: string) {
  const file = await call('refunds.receipt', { id: caseId });
  saveBase64(file.fileName, file.base64);
}
