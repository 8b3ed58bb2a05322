// Export benchmark: `npx tsx test/bench/export.ts --cases N [--json] [--keep]`.
// Seeds N generated cases into a temp directory, then runs each export (the `cases` report
// over the whole range, CSV and XLSX) in a FRESH child process: cold store open, building the
// rows, writing the file; peak RSS is the child's own. Goal at 100k: XLSX ≤ 5 s.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { openCaseStore, openStoreForReading } from '../../main/store/index.js';
import { generateDesk } from '../../main/seed/generate.js';
import type { EventInput } from '../../main/store/types.js';
import { buildReport, type ReportName } from '../../main/reports/rows.js';
import { writeReportFile } from '../../main/reports/formats.js';

interface Args {
  cases: number;
  json: boolean;
  keep: boolean;
  phase: 'all' | 'export';
  dir?: string;
  format: 'csv' | 'xlsx';
  report: ReportName;
}

function parseArgs(argv: string[]): Args {
  const a: Args = { cases: 10_000, json: false, keep: false, phase: 'all', format: 'csv', report: 'cases' };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i];
    const v = argv[i + 1];
    if (k === '--cases') a.cases = Number(v), i++;
    else if (k === '--dir') a.dir = v, i++;
    else if (k === '--phase') a.phase = v as Args['phase'], i++;
    else if (k === '--format') a.format = v as Args['format'], i++;
    else if (k === '--report') a.report = v as ReportName, i++;
    else if (k === '--json') a.json = true;
    else if (k === '--keep') a.keep = true;
  }
  if (!Number.isInteger(a.cases) || a.cases < 1) throw new Error('--cases must be a positive integer');
  return a;
}

async function seed(dir: string, n: number): Promise<number> {
  const t0 = performance.now();
  const { customers, cases } = generateDesk({ customers: Math.max(50, Math.round(n / 50)), cases: n, seed: 2026 });
  const store = await openCaseStore(dir, { autoBackup: false, snapshotEvery: Number.MAX_SAFE_INTEGER });
  const ops: EventInput[] = [
    ...customers.map((c) => ({ actor: 'system', action: 'customer.imported', changes: [{ entity: 'customers', id: c.id, op: 'put' as const, record: { ...c } }] })),
    ...cases.map((c) => ({ actor: c.agent, action: 'case.opened', changes: [{ entity: 'cases', id: c.id, op: 'put' as const, record: { ...c } }] })),
  ];
  for (let i = 0; i < ops.length; i += 2000) store.appendMany(ops.slice(i, i + 2000));
  await store.compact();
  await store.close();
  return Math.round(performance.now() - t0);
}

/** Child: one export, timed by phase. */
async function exportPhase(args: Args): Promise<void> {
  const dir = args.dir!;
  const t0 = performance.now();
  // As the command line opens it: no search index (building it in the background slowed the write ~3x).
  const reading = await openStoreForReading(dir, { search: false });
  const store = reading.store;
  const t1 = performance.now();
  const section = await buildReport(store, args.report, { fromMs: 0, toMs: Number.MAX_SAFE_INTEGER });
  const t2 = performance.now();
  const file = path.join(dir, `export.${args.format}`);
  fs.rmSync(file, { force: true });
  let rows = 0;
  await writeReportFile(file, args.format, section, { timeZone: 'Asia/Shanghai', subtitle: 'all', onProgress: (done) => (rows = done) });
  const t3 = performance.now();
  await reading.close();
  process.stdout.write(
    JSON.stringify({
      format: args.format,
      rows,
      openMs: Math.round(t1 - t0),
      pickMs: Math.round(t2 - t1),
      writeMs: Math.round(t3 - t2),
      totalMs: Math.round(t3 - t0),
      fileMb: Math.round((fs.statSync(file).size / 1048576) * 10) / 10,
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    }) + '\n',
  );
}

function runChild(self: string, args: Args, dir: string, format: Args['format']): Promise<Record<string, number | string>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', self, '--phase', 'export', '--dir', dir, '--format', format, '--report', args.report, '--cases', String(args.cases)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let text = '';
    child.stdout.on('data', (d: Buffer) => (text += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(text.trim())) : reject(new Error(`export child exited ${code}`))));
  });
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.phase === 'export') return exportPhase(args);
  const self = fileURLToPath(import.meta.url);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-bench-export-'));
  try {
    const seedMs = await seed(dir, args.cases);
    const csv = await runChild(self, args, dir, 'csv');
    const xlsx = await runChild(self, args, dir, 'xlsx');
    const cpus = os.cpus();
    const machine = { cpu: cpus[0]?.model ?? 'unknown', cores: cpus.length, node: process.version, platform: `${os.platform()} ${os.release()}`, memGb: Math.round(os.totalmem() / 2 ** 30) };
    const result = { cases: args.cases, report: args.report, seedMs, csv, xlsx, loadavg: os.loadavg().map((n) => Math.round(n * 100) / 100), machine };
    if (args.json) {
      process.stdout.write(JSON.stringify(result, null, 2) + '\n');
      return;
    }
    const line = (r: Record<string, number | string>) =>
      `${String(r.format).padEnd(4)}  ${r.rows} rows  total ${r.totalMs} ms (open ${r.openMs}, pick ${r.pickMs}, build and write ${r.writeMs})  ${r.fileMb} MB  peak RSS ${r.peakRssMb} MB`;
    process.stdout.write(
      [
        `export benchmark: ${args.cases} cases, report ${args.report} (seeded in ${seedMs} ms)`,
        `machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memGb} GB, Node ${machine.node}, ${machine.platform}`,
        line(csv),
        line(xlsx),
        `goal at 100k: XLSX ≤ 5000 ms`,
        '',
      ].join('\n'),
    );
  } finally {
    if (args.keep) process.stdout.write(`kept ${dir}\n`);
    else fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
