// `export`: a manager report (cases, refunds, compensation, SLA) as CSV, XLSX or PDF, for scheduled
// use: the same format table (main/reports/formats.ts) and the same zone setting as the desk.
import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { REPORT_FORMATS } from '../../shared/contract/dashboard.js';
import { openStoreForReading } from '../store/index.js';
import { storeRules } from '../server/policy/rules-context.js';
import { lowdbSettings } from '../server/settings/lowdb-settings.js';
import { buildReport, parseBound, REPORTS, type ReportName } from '../reports/rows.js';
import { writeReportFile } from '../reports/formats.js';
import type { Command } from './command.js';
import { parseOptions, UsageError } from './options.js';

function choice<T extends string>(name: string, raw: unknown, allowed: readonly T[]): T {
  if (typeof raw !== 'string') throw new UsageError(`--${name}: required, one of ${allowed.join(', ')}`);
  if (!(allowed as readonly string[]).includes(raw)) throw new UsageError(`--${name}: expected one of ${allowed.join(', ')}, got ${JSON.stringify(raw)}`);
  return raw as T;
}

function bound(name: 'from' | 'to', raw: unknown, timeZone: string): number {
  if (typeof raw !== 'string') throw new UsageError(`--${name}: required, a date YYYY-MM-DD (${timeZone}) or an ISO instant`);
  const ms = parseBound(raw, name, timeZone);
  if (ms === undefined) throw new UsageError(`--${name}: expected a date YYYY-MM-DD (${timeZone}) or an ISO instant, got ${JSON.stringify(raw)}`);
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
    '  DATE: YYYY-MM-DD in the desk\'s time zone (its setting; Asia/Shanghai by default), --to includes that whole day; or an ISO instant (inclusive).',
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
    const format = choice('format', values.format, REPORT_FORMATS);
    if (!existsSync(dataDir)) throw new UsageError(`--data: no such directory ${dataDir}`);
    const timeZone = lowdbSettings(dataDir).get().timeZone;
    const fromMs = bound('from', values.from, timeZone);
    const toMs = bound('to', values.to, timeZone);
    if (toMs <= fromMs) throw new UsageError(`--to: must not be before --from`);
    if (typeof values.out !== 'string' || values.out === '') throw new UsageError('--out: required, the file to write');
    const out = resolve(values.out);
    if (!existsSync(dirname(out)) || !statSync(dirname(out)).isDirectory()) throw new UsageError(`--out: no such directory ${dirname(out)}`);
    if (existsSync(out) && statSync(out).isDirectory()) throw new UsageError(`--out: ${out} is a directory`);

    // Scheduled exports run while the desk is open: then they read a verified copy.
    const reading = await openStoreForReading(dataDir, { search: false });
    const cancel = new AbortController();
    let rows;
    try {
      // The desk's SLA reading: its policy versions, edited calendar and time zone.
      const rules = storeRules(reading.store, timeZone);
      const section = await buildReport(reading.store, report, { fromMs, toMs }, Date.now(), rules);
      // Rows are built as they are written: the store stays open until the file is complete.
      // Ctrl-C (or a scheduler's SIGTERM) cancels: the half-written file is removed, none is left at --out.
      const stop = () => cancel.abort();
      process.once('SIGINT', stop).once('SIGTERM', stop);
      let written = 0;
      const progress = commandLineProgress(report);
      const onProgress = (done: number, total: number) => progress((written = done), total);
      await writeReportFile(out, format, section, { timeZone, subtitle: `${values.from} – ${values.to}`, onProgress, signal: cancel.signal }).finally(() => {
        process.off('SIGINT', stop).off('SIGTERM', stop);
      });
      rows = written;
    } catch (error) {
      if (!cancel.signal.aborted) throw error;
      process.stderr.write(`\nexport cancelled: nothing written to ${out}\n`);
      return 130;
    } finally {
      await reading.close();
    }
    process.stdout.write(`exported ${rows} rows of ${report} to ${out}\n`);
    return 0;
  },
};
