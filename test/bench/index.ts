// Case store benchmark: `npm run bench -- --cases N [--json] [--writes W] [--searches Q] [--keep]`.
// Seeds N generated cases into a temp directory (bulk path: appendMany, one fsync per
// batch), then measures in a FRESH child process (a real cold start, honest peak RSS):
// cold open to ready, search-index warm-up, durable single writes through append(), the
// longest event-loop block during writes + a snapshot (compaction) + a backup, and search.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { openCaseStore } from '../../main/store/index.js';
import { generateDesk, mulberry32 } from '../../main/seed/generate.js';
import type { EventInput } from '../../main/store/types.js';
import { SEARCH_QUERIES } from './search-queries.js';

interface Args {
  cases: number;
  json: boolean;
  writes: number;
  searches: number;
  keep: boolean;
  phase: 'all' | 'serve';
  dir?: string;
}

function parseArgs(argv: string[]): Args {
  const a: Args = { cases: 10_000, json: false, writes: 2000, searches: 400, keep: false, phase: 'all' };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i];
    const v = argv[i + 1];
    if (k === '--cases') a.cases = Number(v), i++;
    else if (k === '--writes') a.writes = Number(v), i++;
    else if (k === '--searches') a.searches = Number(v), i++;
    else if (k === '--dir') a.dir = v, i++;
    else if (k === '--phase') a.phase = v as Args['phase'], i++;
    else if (k === '--json') a.json = true;
    else if (k === '--keep') a.keep = true;
  }
  if (!Number.isInteger(a.cases) || a.cases < 1) throw new Error('--cases must be a positive integer');
  return a;
}

function pct(values: number[], p: number): number {
  if (!values.length) return 0;
  const s = [...values].sort((x, y) => x - y);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
}
const r2 = (n: number) => Math.round(n * 100) / 100;

async function seed(dir: string, n: number): Promise<{ seedMs: number; journalMb: number; snapshotMb: number }> {
  const t0 = performance.now();
  const { customers, cases } = generateDesk({ customers: Math.max(50, Math.round(n / 50)), cases: n, seed: 2026 });
  const store = await openCaseStore(dir, { autoBackup: false, snapshotEvery: Number.MAX_SAFE_INTEGER });
  const ops: EventInput[] = [
    ...Array.from({ length: 20 }, (_, i) => {
      const id = `agent${String(i + 1).padStart(2, '0')}`;
      return { actor: 'system', action: 'operator.created', changes: [{ entity: 'operators', id, op: 'put' as const, record: { id, name: id, role: 'agent' } }] };
    }),
    ...customers.map((c) => ({ actor: 'system', action: 'customer.imported', changes: [{ entity: 'customers', id: c.id, op: 'put' as const, record: { ...c } }] })),
    ...cases.map((c) => ({ actor: c.agent, action: 'case.opened', reason: `${c.channel} contact`, changes: [{ entity: 'cases', id: c.id, op: 'put' as const, record: { ...c } }] })),
  ];
  for (let i = 0; i < ops.length; i += 2000) store.appendMany(ops.slice(i, i + 2000));
  await store.compact();
  await store.close();
  return {
    seedMs: Math.round(performance.now() - t0),
    journalMb: r2(fs.statSync(path.join(dir, 'journal.jsonl')).size / 1048576),
    snapshotMb: r2(fs.statSync(path.join(dir, 'snapshot.ndjson')).size / 1048576),
  };
}

/** Tracks the longest gap between 1 ms timer ticks (= longest event-loop block). */
function blockMonitor() {
  let last = performance.now();
  let max = 0;
  const timer = setInterval(() => {
    const t = performance.now();
    max = Math.max(max, t - last - 1);
    last = t;
  }, 1);
  const h = monitorEventLoopDelay({ resolution: 1 });
  h.enable();
  return {
    reset() {
      max = 0;
      last = performance.now();
      h.reset();
    },
    read() {
      return Math.max(max, h.max / 1e6 - 1);
    },
    stop() {
      clearInterval(timer);
      h.disable();
    },
  };
}

async function serve(dir: string, args: Args) {
  let peakRss = process.memoryUsage().rss;
  const rssTimer = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
  const mon = blockMonitor();
  const t0 = performance.now();
  const store = await openCaseStore(dir, { autoBackup: true, snapshotEvery: Math.max(500, Math.floor(args.writes / 2)), backupEvery: args.writes });
  const openMs = performance.now() - t0;
  const openBlockMs = mon.read();
  const ready = await store.searchReady;
  const searchReadyMs = performance.now() - t0;
  const warmBlockMs = mon.read();
  if (store.report.status !== 'ok') throw new Error(`store opened with status ${store.report.status}: ${store.report.notices.join(' ')}`);

  // durable single writes through append(), one per macrotask (like IPC calls)
  const rnd = mulberry32(7);
  const caseIds = store.all('cases').map((c) => c.id);
  const writeMs: number[] = [];
  await new Promise((r) => setTimeout(r, 20));
  mon.reset();
  const statuses = ['open', 'pending-customer', 'escalated', 'resolved', 'closed'];
  let nextCase = caseIds.length + 1;
  const tw = performance.now();
  for (let i = 0; i < args.writes; i++) {
    let input: EventInput;
    if (i % 4 === 0) {
      const id = `C-${String(nextCase++).padStart(6, '0')}`;
      input = {
        actor: 'agent03',
        action: 'call.logged',
        reason: 'hotline call',
        changes: [{ entity: 'cases', id, op: 'put', record: { id, type: 'call', channel: 'hotline', customerAccount: 'acme-01', customerName: 'Acme Ltd', vip: false, category: 'technical-issue', inScope: true, severity: 'SEV-2', status: 'new', summary: `云服务器无法连接 ECS-5003 #${i}`, notes: 'Customer reports SSH timeouts since this morning.', errorCodes: ['ECS-5003'], agent: 'agent03', openedAt: new Date().toISOString(), updatedAt: new Date().toISOString() } }],
      };
    } else {
      const id = caseIds[Math.floor(rnd() * caseIds.length)]!;
      input = { actor: 'agent05', action: 'case.status-changed', reason: 'customer confirmed', changes: [{ entity: 'cases', id, op: 'patch', patch: { status: statuses[i % statuses.length], updatedAt: new Date().toISOString() } }] };
    }
    const t = performance.now();
    store.append(input);
    writeMs.push(performance.now() - t);
    await new Promise((r) => setImmediate(r));
  }
  const writesWallMs = performance.now() - tw;
  // make sure a full compaction (and the automatic backup) ran while we watch the loop
  const tc = performance.now();
  await store.compact();
  await store.idle();
  const compactMs = performance.now() - tc;
  const maxBlockMs = mon.read();

  // search
  const queries = SEARCH_QUERIES;
  const searchMs: number[] = [];
  let hits = 0;
  mon.reset();
  for (let i = 0; i < args.searches; i++) {
    const q = queries[i % queries.length]!;
    const t = performance.now();
    const r = await store.searchCases(q);
    searchMs.push(performance.now() - t);
    hits += r.total;
  }
  const searchBlockMs = mon.read();

  // one account's cases, as a live-call preview asks: the old whole scan once, then the index
  const accounts = store.all('customers').map((c) => c.id);
  const scanned = performance.now();
  store.all('cases').filter((c) => c.customerAccount === accounts[0]);
  const accountScanMs = performance.now() - scanned;
  const first = performance.now();
  store.ofAccount('cases', accounts[0]!); // starts the index's sliced build and answers by a scan
  const accountFirstCallMs = performance.now() - first;
  const building = performance.now();
  for (let i = 0; i < 100; i++) await new Promise((r) => setImmediate(r)); // its slices (20k records each) run meanwhile
  const accountIndexWaitMs = performance.now() - building;
  const lookupMs: number[] = [];
  for (let i = 0; i < args.searches; i++) {
    const t = performance.now();
    store.ofAccount('cases', accounts[Math.floor(rnd() * accounts.length)]!);
    lookupMs.push(performance.now() - t);
  }
  const tclose = performance.now();
  await store.close();
  const closeMs = performance.now() - tclose;
  mon.stop();
  clearInterval(rssTimer);
  peakRss = Math.max(peakRss, process.resourceUsage().maxRSS * 1024);
  return {
    openMs: r2(openMs),
    openBlockMs: r2(openBlockMs),
    searchReadyMs: r2(searchReadyMs),
    indexBuildMs: ready.ms,
    warmBlockMs: r2(warmBlockMs),
    writes: args.writes,
    writeP50Ms: r2(pct(writeMs, 50)),
    writeP95Ms: r2(pct(writeMs, 95)),
    writeP99Ms: r2(pct(writeMs, 99)),
    writeMaxMs: r2(Math.max(...writeMs)),
    writesWallMs: Math.round(writesWallMs),
    compactMs: Math.round(compactMs),
    maxBlockMs: r2(maxBlockMs),
    searches: args.searches,
    searchP50Ms: r2(pct(searchMs, 50)),
    searchP95Ms: r2(pct(searchMs, 95)),
    searchMaxMs: r2(Math.max(...searchMs)),
    searchBlockMs: r2(searchBlockMs),
    searchHitsAvg: Math.round(hits / Math.max(1, args.searches)),
    accountScanMs: r2(accountScanMs),
    accountFirstCallMs: r2(accountFirstCallMs),
    accountIndexWaitMs: r2(accountIndexWaitMs),
    accountLookupP95Ms: r2(pct(lookupMs, 95)),
    closeMs: Math.round(closeMs),
    rssMb: Math.round(peakRss / 1048576),
  };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.phase === 'serve') {
    const result = await serve(args.dir!, args);
    process.stdout.write(JSON.stringify(result) + '\n');
    return;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ad-bench-'));
  try {
    const seeded = await seed(dir, args.cases);
    const self = fileURLToPath(import.meta.url);
    const out = await new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', self, '--phase', 'serve', '--dir', dir, '--cases', String(args.cases), '--writes', String(args.writes), '--searches', String(args.searches)], { stdio: ['ignore', 'pipe', 'inherit'] });
      let s = '';
      child.stdout.on('data', (d) => (s += String(d)));
      child.on('error', reject);
      child.on('exit', (code) => (code === 0 ? resolve(s) : reject(new Error(`bench child exited with ${code}`))));
    });
    const served = JSON.parse(out.trim().split('\n').pop()!) as Record<string, number>;
    const cpus = os.cpus();
    const result = {
      cases: args.cases,
      ...served,
      ...seeded,
      machine: { cpu: cpus[0]?.model ?? 'unknown', cores: cpus.length, node: process.version, platform: `${os.platform()} ${os.release()}`, memGb: Math.round(os.totalmem() / 2 ** 30) },
    };
    if (args.json) process.stdout.write(JSON.stringify(result) + '\n');
    else {
      const m = result.machine;
      const lines = [
        `Case store benchmark — ${args.cases.toLocaleString('en')} cases`,
        `machine: ${m.cpu}, ${m.cores} cores, Node ${m.node}, ${m.platform}`,
        `seed (bulk appendMany + snapshot): ${seeded.seedMs} ms; journal ${seeded.journalMb} MB, snapshot ${seeded.snapshotMb} MB`,
        `cold open to ready:        ${served.openMs} ms   (longest block during open ${served.openBlockMs} ms)`,
        `search index ready:        ${served.searchReadyMs} ms after open began (build ${served.indexBuildMs} ms; longest block ${served.warmBlockMs} ms)`,
        `durable write (append+fsync), ${served.writes} writes: p50 ${served.writeP50Ms} ms, p95 ${served.writeP95Ms} ms, p99 ${served.writeP99Ms} ms, max ${served.writeMaxMs} ms`,
        `longest event-loop block during writes + snapshot + backup: ${served.maxBlockMs} ms (compaction ${served.compactMs} ms in the worker)`,
        `search, ${served.searches} queries: p50 ${served.searchP50Ms} ms, p95 ${served.searchP95Ms} ms, max ${served.searchMaxMs} ms`,
        `one account's cases: whole scan ${served.accountScanMs} ms; first call ${served.accountFirstCallMs} ms (a scan; the index builds in slices: ${served.accountIndexWaitMs} ms of turns), then p95 ${served.accountLookupP95Ms} ms`,
        `peak RSS (serving process): ${served.rssMb} MB`,
        `dir: ${dir}${args.keep ? ' (kept)' : ''}`,
      ];
      process.stdout.write(lines.join('\n') + '\n');
    }
  } finally {
    if (!args.keep) fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exitCode = 1;
});
