// A report's rows handed to a writer one at a time, so an export never holds them all and never
// holds the event loop: a turn of the loop every few milliseconds (the desk answers its other
// calls meanwhile, a cancel among them), progress as rows go, and a stop once it is cancelled.
import { performance } from 'node:perf_hooks';
import type { Row } from './rows.js';

/** Rows handed to the writer so far, of all the report has. */
export type ExportProgress = (done: number, total: number) => void;

export interface FeedOptions {
  total: number;
  signal?: AbortSignal | undefined;
  onProgress?: ExportProgress | undefined;
  /** At most one progress call per this many ms (besides the first and the last). */
  progressEveryMs?: number;
}

/** How long a piece of an export may hold the event loop before it lets others run. */
const SLICE_MS = 8;
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** For a long loop: `await pace()` gives the event loop a turn once SLICE_MS have passed since the last one. */
export function pacer(): () => Promise<void> {
  let since = performance.now();
  return async () => {
    if (performance.now() - since < SLICE_MS) return;
    await turn();
    since = performance.now();
  };
}

/**
 * The rows, paced; throws the signal's reason (an AbortError) once it is aborted. Progress starts
 * at 0 of all, before a turn of the loop (a cancel sent on seeing it stops the export before its
 * first row), and ends at every row handed over, of that many (the SLA report's total counts the
 * cases with a severity, which the engine times unless the desk has no policy version at all).
 */
export async function* feed(rows: Iterable<Row> | AsyncIterable<Row>, { total, signal, onProgress, progressEveryMs = 100 }: FeedOptions): AsyncGenerator<Row> {
  onProgress?.(0, total);
  await turn();
  let done = 0;
  let slice = performance.now();
  let reported = slice;
  for await (const row of rows) {
    signal?.throwIfAborted();
    yield row;
    done++;
    if ((done & 127) !== 0) continue;
    const now = performance.now();
    if (now - reported >= progressEveryMs) {
      onProgress?.(done, total);
      reported = now;
    }
    if (now - slice >= SLICE_MS) {
      await turn();
      slice = performance.now();
    }
  }
  signal?.throwIfAborted();
  onProgress?.(done, done);
}
