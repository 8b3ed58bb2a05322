// Benchmark aid, off unless ASSURANCE_DESK_MEM_TRACE names a file: every 50 ms one JSON line of
// process.memoryUsage() (MB) and, through traceMark, when the desk's warm-ups start and end.
import { appendFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

const file = process.env.ASSURANCE_DESK_MEM_TRACE;
const mb = (n: number) => Math.round(n / 1048576);

function line(mark?: string, since?: number): void {
  if (!file) return;
  const m = process.memoryUsage();
  const t = performance.now();
  appendFileSync(file, `${JSON.stringify({ t: Math.round(t), ...(since === undefined ? {} : { ms: Math.round(t - since) }), rss: mb(m.rss), heapUsed: mb(m.heapUsed), heapTotal: mb(m.heapTotal), external: mb(m.external), arrayBuffers: mb(m.arrayBuffers), ...(mark ? { mark } : {}) })}\n`);
}

export function startMemTrace(): void {
  if (file) setInterval(line, 50).unref();
}

/** Notes a moment (with the ms since `since`, another mark's time); returns the time. */
export function traceMark(mark: string, since?: number): number {
  line(mark, since);
  return file ? performance.now() : 0;
}
