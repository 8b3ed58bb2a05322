// How far V8 lets the desk's heap grow past what is live before a full collection. By default
// it picks a factor of up to 4 from how fast it collects: at 100k cases ~270 MB stay live, and
// the warm-ups' garbage (the search index's build; the snapshot's 80 MB of bytes, freed only by a
// full collection once every record is parsed) took the host's RSS to 850–950 MB on a quiet
// machine. A fixed 25% keeps the old generation near 1.25 × live for about the same GC time.
import { setFlagsFromString } from 'node:v8';

export const HEAP_GROWING_PERCENT = 25;

/** Called once by a desk host (Electron's main process, the browser host) before it opens the store; applies to its worker threads too. */
export function limitHeapGrowth(percent = HEAP_GROWING_PERCENT): void {
  setFlagsFromString(`--heap-growing-percent=${percent}`);
}
