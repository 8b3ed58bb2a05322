// A zip archive streamed to a Writable, one entry after another: fflate lays out the container
// (local headers, data descriptors, central directory); each entry's bytes are deflated by
// node's zlib, which runs in the thread pool, so the event loop only builds the text.
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { createDeflateRaw, crc32, type DeflateRaw } from 'node:zlib';
import { Zip, type ZipInputFile } from 'fflate';

const DEFLATE = 8;

export class ZipWriter {
  private readonly zip: Zip;
  private readonly done: Promise<void>;
  private failure: Error | undefined;
  private current: DeflateRaw | undefined;

  constructor(private readonly out: Writable) {
    this.done = finished(out);
    this.done.catch(() => undefined); // awaited in end(); a cancelled export never gets there
    this.zip = new Zip((error, chunk, final) => {
      if (error) return void (this.failure = error);
      if (!out.write(chunk) && this.current) {
        // The file is slower than the deflater: hold its output (and so its input) until it drains.
        const paused = this.current.pause();
        out.once('drain', () => paused.resume());
      }
      if (final) out.end();
    });
  }

  /** Starts the next entry; write its text and close it before the next one. */
  entry(name: string): ZipEntry {
    const file: ZipInputFile = { filename: name, size: 0, crc: 0, compression: DEFLATE };
    this.zip.add(file);
    const deflate = createDeflateRaw({ level: 6 });
    this.current = deflate;
    deflate.on('data', (chunk: Buffer<ArrayBuffer>) => file.ondata!(null, chunk, false));
    const ended = new Promise<void>((resolve, reject) => {
      deflate.once('error', reject);
      deflate.once('end', () => {
        file.ondata!(null, new Uint8Array(0), true);
        resolve();
      });
    });
    ended.catch(() => undefined); // surfaced by write() or close()
    return {
      write: async (text: string) => {
        const bytes = Buffer.from(text, 'utf8');
        file.crc = crc32(bytes, file.crc);
        file.size += bytes.length;
        if (!deflate.write(bytes)) await Promise.race([once(deflate, 'drain'), ended]);
        this.check();
      },
      close: async () => {
        deflate.end();
        await ended;
        this.check();
      },
    };
  }

  /** Writes the central directory and resolves once `out` has everything. */
  async end(): Promise<void> {
    this.zip.end();
    this.check();
    await this.done;
  }

  private check(): void {
    if (this.failure) throw this.failure;
  }
}

export interface ZipEntry {
  /** Adds text (UTF-8) to the entry; resolves when more may be written. */
  write(text: string): Promise<void>;
  close(): Promise<void>;
}
