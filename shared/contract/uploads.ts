// Files travel to the desk in chunks, each well under one message, so no host has to take a
// 10 MB attachment (13.4 MB of base64) in one frame. A work order or an access recovery then
// names the finished uploads by id.
import { z } from 'zod';
import { call } from './define.js';
import { fileName } from './bounds.js';

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
/** Bytes of one chunk before base64. */
export const UPLOAD_CHUNK_BYTES = 2 * 1024 * 1024;
/** The largest message a host takes: one chunk in base64 (2.7 MB) and the call around it. Every file comes in chunks. */
export const MAX_MESSAGE_BYTES = 4 * 1024 * 1024;
const base64Length = (bytes: number) => Math.ceil(bytes / 3) * 4;

export interface UploadView {
  uploadId: string;
  name: string;
  bytes: number;
  received: number;
}

const uploadId = z.string().regex(/^U-[0-9a-f]{32}$/, 'not an upload id');

/** How a case names a file uploaded before it: the id `uploads.begin` gave. */
export const uploadRef = z.object({ uploadId }).strict();

export const uploadCalls = {
  'uploads.begin': call<UploadView>()({
    access: 'agent',
    input: z
      .object({
        name: fileName,
        bytes: z.number().int().min(0).max(MAX_ATTACHMENT_BYTES, 'the file is larger than 10 MB'),
      })
      .strict(),
  }),
  /** The next chunk, in order: `offset` is the count of bytes the desk has already. */
  'uploads.chunk': call<UploadView>()({
    access: 'agent',
    input: z
      .object({
        uploadId,
        offset: z.number().int().min(0).max(MAX_ATTACHMENT_BYTES),
        contentBase64: z
          .string()
          .max(base64Length(UPLOAD_CHUNK_BYTES), 'a chunk is at most 2 MB')
          .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'not base64'),
      })
      .strict(),
  }),
  /**
   * A short-lived address (relative to the page: `files/<token>`) that downloads one file kept on
   * a case: a mail's attachment, a work order's, an access recovery's verification document.
   */
  'files.link': call<FileLink>()({
    access: 'agent',
    input: z
      .object({
        caseId: z.string().trim().regex(/^C-(?:[A-Z0-9]{1,8}-)?\d{6,}$/, 'a case id looks like C-000123'),
        path: z.string().trim().min(1, 'required').max(400),
      })
      .strict(),
  }),
};

export interface FileLink {
  /** Relative to the page, the same under the browser host and the Electron shell. */
  url: string;
  name: string;
}

/** Where a host serves file links: `<origin>/files/<token>`. */
export const FILES_PATH = '/files/';
