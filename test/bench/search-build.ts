// The search index's build alone, no store: `npm run bench:index -- --cases N [--json]`.
// Feeds N generated cases (as the seed makes them, made 50k at a time and then dropped, so the
// heap measured is the index's) to a CaseIndex the way the store's warm-up does, and prints the
// build time per 100k (wall; and the process's CPU time, less hurt by a loaded machine), the time
// spent in GC, the heap and typed-array bytes after a full GC, the peak RSS, and the store
// bench's search shapes timed on the built index (the slowest by its median named).
import { PerformanceObserver, performance } from 'node:perf_hooks';
import { generateDesk } from '../../main/seed/generate.js';
import { CaseIndex } from '../../main/store/search.js';
import { SEARCH_QUERIES } from './search-queries.js';

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1]! : dflt;
};
const n = Number(arg('--cases', '100000'));
const json = process.argv.includes('--json');
const CHUNK = 50_000;

let gcMs = 0;
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) gcMs += e.duration;
}).observe({ entryTypes: ['gc'] });
let peakRss = 0;
const sampleRss = () => (peakRss = Math.max(peakRss, process.memoryUsage.rss()));

const index = new CaseIndex();
index.beginBulk();
const per100k: number[] = [];
let built = 0; // ms spent feeding the index (generating the cases is not counted)
let cpuUs = 0;
let at100k = 0;
for (let start = 0; start < n; start += CHUNK) {
  const { cases } = generateDesk({ customers: 2000, cases: Math.min(CHUNK, n - start), seed: 2026 + start });
  const s = performance.now();
  const c0 = process.cpuUsage();
  for (let i = 0; i < cases.length; i++) {
    index.upsert({ ...cases[i]!, id: `C-${String(start + i + 1).padStart(6, '0')}` });
    if ((i & 15) === 0 && index.pendingDates > 4096) index.settle();
  }
  built += performance.now() - s;
  const c = process.cpuUsage(c0);
  cpuUs += c.user + c.system;
  sampleRss();
  if ((start + CHUNK) % 100_000 === 0) per100k.push(Math.round(built - at100k)), (at100k = built);
}
const s = performance.now();
index.sortNow();
const buildMs = Math.round(built + performance.now() - s);
sampleRss();
(globalThis as { gc?: () => void }).gc?.();
const mem = process.memoryUsage();
await new Promise((r) => setTimeout(r, 50)); // let the GC observer report
const times: number[] = [];
const byShape = SEARCH_QUERIES.map(() => [] as number[]);
let hits = 0;
for (let round = 0; round < 20; round++)
  SEARCH_QUERIES.forEach((q, i) => {
    const t = performance.now();
    hits += index.search(q).total;
    const ms = performance.now() - t;
    times.push(ms);
    byShape[i]!.push(ms);
  });
const at = (list: number[], p: number) => Math.round([...list].sort((a, b) => a - b)[Math.ceil(p * list.length) - 1]! * 100) / 100;
// the slowest shape by its median (a shape's first, not yet optimised, run is often its slowest)
const slowest = SEARCH_QUERIES.map((q, i) => ({ query: JSON.stringify(q), p50Ms: at(byShape[i]!, 0.5) })).sort((a, b) => b.p50Ms - a.p50Ms)[0];
const out = {
  cases: n,
  buildMs,
  cpuMs: Math.round(cpuUs / 1000),
  per100kMs: per100k,
  gcMs: Math.round(gcMs),
  heapAfterGcMb: Math.round(mem.heapUsed / 1e6),
  arrayBuffersMb: Math.round(mem.arrayBuffers / 1e6),
  peakRssMb: Math.round(peakRss / 1e6),
  searchP50Ms: at(times, 0.5),
  searchP95Ms: at(times, 0.95),
  searchHitsAvg: Math.round(hits / times.length),
  slowest,
};
console.log(json ? JSON.stringify(out) : out);
