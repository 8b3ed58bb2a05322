// Files go to the desk in chunks (uploads.begin, then uploads.chunk in order), so a 10 MB
// attachment never has to fit in one message; a case then names the uploads by id.
import { UPLOAD_CHUNK_BYTES } from '../../../shared/contract/uploads.js';
import { ApiError, call } from './client.js';

/** The browser's own base64 of a slice (a data: URL), far faster than encoding by hand. */
function toBase64(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).slice(String(reader.result).indexOf(',') + 1));
    reader.onerror = () => reject(reader.error ?? new Error('cannot read the file'));
    reader.readAsDataURL(blob);
  });
}

/** One file in chunks; the ref a call names it by. */
export async function uploadFile(file: File): Promise<{ uploadId: string }> {
  const { uploadId } = await call('uploads.begin', { name: file.name, bytes: file.size });
  for (let offset = 0; offset < file.size; offset += UPLOAD_CHUNK_BYTES) {
    const contentBase64 = await toBase64(file.slice(offset, offset + UPLOAD_CHUNK_BYTES));
    await call('uploads.chunk', { uploadId, offset, contentBase64 });
  }
  return { uploadId };
}

/** Uploads the files one after another; a refusal is shown at the list (`field`). */
export async function uploadFiles(files: File[], field: string): Promise<{ uploadId: string }[]> {
  const refs: { uploadId: string }[] = [];
  for (const file of files) {
    try {
      refs.push(await uploadFile(file));
    } catch (error) {
      if (error instanceof ApiError) throw new ApiError({ ...error.shape, field, message: `${file.name}: ${error.message}` });
      throw error;
    }
  }
  return refs;
}
