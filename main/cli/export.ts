// `export`: a manager report (cases, refunds, compensation, SLA) as CSV or XLSX, for scheduled use.
import { randomBytes } from 'node:crypto';
import { existsSync, rmSync, renameSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { openStoreForReading } from '../store/index.js';
import { storeRules } from '../server/policy/rules-context.js';
import { lowdbSettings } from '../server/settings/lowdb-settings.js';
import { buildReport, parseBound, REPORTS, type ReportName } from '../reports/rows.js';
import { writeCsv } from '../reports/csv.js';
import { writeWorkbook } from '../reports/xlsx.js';
import { writeReportPdf } from '../reports/report-pdf.js';
import type { Command } from './commands.js';
import { parseOptions, UsageError } from './options.js';

const FORMATS = ['csv', 'xlsx', 'pdf'] as const;
type Format = (typeof FORMATS)[number];

function choice<T extends string>(name: string, raw: unknown, allowed: readonly T[]): T {
  if (typeof raw !== 'string') throw new UsageError(`--${name}: required, one of ${allowed.join(', ')}`);
  if (!(allowed as readonly string[]).includes(raw)) throw new UsageError(`--${name}: expected one of ${allowed.join(', ')}, got ${JSON.stringify(raw)}`);
  return raw as T;
}

function bound(name: 'from' | 'to', raw: unknown): number {
  if (typeof raw !== 'string') throw new UsageError(`--${name}: required, a date YYYY-MM-DD (Asia/Shanghai) or an ISO instant`);
  const ms = parseBound(raw, name);
  if (ms === undefined) throw new UsageError(`--${name}: expected a date YYYY-MM-DD (Asia/Shanghai) or an ISO instant, got ${JSON.stringify(raw)}`);
  return ms;
}

/** Rows written so far, on stderr: one line rewritten in a terminal, a line per quarter otherwise. */
function commandLineProgress(report: string) {
  let quarter = 0;
  let finished = false;
  return (done: number, total: number) => {
    if (finished || total === 0) return;
    finished = done >= total;
    const line = `${report}: ${done.toLocaleString('en')} of ${total.toLocaleString('en')} rows written`;
    if (process.stderr.isTTY) process.stderr.write(`\r${line}${finished ? '\n' : ''}`);
    else if (Math.floor((done * 4) / total) > quarter) {
      quarter = Math.floor((done * 4) / total);
      process.stderr.write(`${line}\n`);
    }
  };
}

export const exportCommand: Command = {
  name: 'export',
  summary: 'export a manager report (cases, refunds, compensation, sla) as CSV, XLSX or PDF',
  usage: [
    'Usage: assurance-desk export --report cases|refunds|compensation|sla --format csv|xlsx|pdf --from DATE --to DATE --out FILE [--data DIR]',
    '  DATE: YYYY-MM-DD in the desk time zone (Asia/Shanghai), --to includes that whole day; or an ISO instant (inclusive).',
    '  Cases are picked by when they were opened.',
  ].join('\n'),
  async run(args) {
    const { values, dataDir } = parseOptions(args, {
      report: { type: 'string' },
      format: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      out: { type: 'string' },
    });
    const report: ReportName = choice('report', values.report, REPORTS);
    const format: Format = choice('format', values.format, FORMATS);
    const fromMs = bound('from', values.from);
    const toMs = bound('to', values.to);
    if (toMs <= fromMs) throw new UsageError(`--to: must not be before --from`);
    if (typeof values.out !== 'string' || values.out === '') throw new UsageError('--out: required, the file to write');
    const out = resolve(values.out);
    if (!existsSync(dirname(out)) || !statSync(dirname(out)).isDirectory()) throw new UsageError(`--out: no such directory ${dirname(out)}`);
    if (existsSync(out) && statSync(out).isDirectory()) throw new UsageError(`--out: ${out} is a directory`);
    if (!existsSync(dataDir)) throw new UsageError(`--data: no such directory ${dataDir}`);

    // Scheduled exports run while the desk is open: then they read a verified copy.
    const reading = await openStoreForReading(dataDir);
    let section;
    try {
      // The desk's SLA reading: its policy versions, edited calendar and time zone.
      const rules = storeRules(reading.store, lowdbSettings(dataDir).get().timeZone);
      section = buildReport(reading.store, report, { fromMs, toMs }, Date.now(), rules);
    } finally {
      await reading.close();
    }
    // Write beside the target and rename at the end: a failure never leaves half a file.
    const temp = join(dirname(out), `.${basename(out)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    try {
      const progress = commandLineProgress(report);
      if (format === 'csv') await writeCsv(temp, section, progress);
      else if (format === 'xlsx') await writeWorkbook(temp, [section], progress);
      else await writeReportPdf(temp, section, `${values.from} – ${values.to}`);
      renameSync(temp, out);
    } catch (error) {
      rmSync(temp, { force: true });
      throw error;
    }
    process.stdout.write(`exported ${section.rows.length} rows of ${report} to ${out}\n`);
    return 0;
  },
};
