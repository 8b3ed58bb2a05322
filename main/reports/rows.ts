// The rows of the manager reports, built from the case store for a range of openedAt, one at a
// time as a writer asks for them (only the list of cases in range is held, never every row).
// Plain data with typed columns; csv.ts, xlsx.ts and report-pdf.ts turn them into files.
import type { CaseRecord } from '../../shared/domain/case.js';
import type { CaseStore } from '../store/types.js';
import { caseSlaState, DEFAULT_TIME_ZONE, slaInputOf, type DeskSettings, type SlaTimer } from '../rules/index.js';
import { addDays, instantInZone } from '../../shared/rules/zone.js';
import { CASES } from '../../shared/domain/entities.js';
import { pacer } from './feed.js';
import { sortInSlices } from './sliced-sort.js';

/** string: text; integer: whole number; money: decimal string ("12.50"); instant: ISO-8601 UTC. */
export type ColumnType = 'string' | 'integer' | 'money' | 'instant';
export interface Column {
  key: string;
  header: string;
  type: ColumnType;
}
export type Cell = string | number | null;
export type Row = Cell[];

export interface ReportSection {
  name: string;
  columns: Column[];
  /** How many rows `rows` gives (known before the first, for progress). */
  total: number;
  /** The rows in order; a report's are built lazily and read once (an export reads them paced: feed.ts). */
  rows: Iterable<Row> | AsyncIterable<Row>;
}

/** A section of rows already built (tests, small reports). */
export const sectionOf = (name: string, columns: Column[], rows: Row[]): ReportSection & { rows: Row[] } => ({ name, columns, total: rows.length, rows });

function* mapped(cases: CaseRecord[], row: (c: CaseRecord) => Row | undefined): Generator<Row> {
  for (const c of cases) {
    const r = row(c);
    if (r) yield r;
  }
}

export const REPORTS = ['cases', 'refunds', 'compensation', 'sla'] as const;
export type ReportName = (typeof REPORTS)[number];

/** A half-open range of instants [fromMs, toMs) on openedAt. */
export interface DateRange {
  fromMs: number;
  toMs: number;
}


const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

function validDate(raw: string): boolean {
  const m = DATE.exec(raw);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

/**
 * A range bound: a date YYYY-MM-DD in the desk's zone (--from: its first instant; --to: the
 * whole day included) or an ISO instant with a zone (both inclusive). Undefined when invalid.
 */
export function parseBound(raw: string, side: 'from' | 'to', timeZone = DEFAULT_TIME_ZONE): number | undefined {
  if (validDate(raw)) return instantInZone(side === 'from' ? raw : addDays(raw, 1), 0, timeZone);
  if (INSTANT.test(raw) && validDate(raw.slice(0, 10))) {
    const ms = Date.parse(raw);
    if (Number.isNaN(ms)) return undefined;
    return side === 'from' ? ms : ms + 1; // --to instant inclusive: exclusive bound one ms later
  }
  return undefined;
}

const MONEY = /^-?\d+(\.\d+)?$/;
const money = (v: unknown): string | null => (typeof v === 'string' && MONEY.test(v) ? v : typeof v === 'number' && Number.isInteger(v) ? String(v) : null);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : null);
const int = (v: unknown): number | null => (typeof v === 'number' && Number.isInteger(v) ? v : null);
const instant = (v: unknown): string | null => (typeof v === 'string' && !Number.isNaN(Date.parse(v)) ? v : null);
const yesNo = (v: unknown): string => (v ? 'yes' : 'no');
const obj = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' ? (v as Record<string, unknown>) : {});

const col = (key: string, header: string, type: ColumnType = 'string'): Column => ({ key, header, type });

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const LATEST = 8.64e15; // the last instant a Date holds

/**
 * An instant as toISOString() writes it, so instants order as plain strings: what the desk stores
 * is kept as it is (parsing 100k dates was most of the time a report took to pick its cases).
 */
function instantKey(v: unknown): string | undefined {
  if (typeof v !== 'string') return undefined;
  if (ISO.test(v)) return v;
  const ms = Date.parse(v);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

/**
 * Cases opened in the range, oldest first (then by id); `keep` narrows them further. Read in
 * slices of the event loop: at 100k cases the scan held the desk's main process for ~200 ms, and
 * one Array#sort of cases kept out of order (imported ones) for ~500 ms.
 */
export async function casesInRange(store: Pick<CaseStore, 'all'>, range: DateRange, keep?: (c: CaseRecord) => boolean): Promise<CaseRecord[]> {
  const from = new Date(Math.max(-LATEST, range.fromMs)).toISOString();
  const to = new Date(Math.min(LATEST, range.toMs)).toISOString();
  const out: { key: string; c: CaseRecord }[] = [];
  const all = store.all<CaseRecord>(CASES);
  const pace = pacer();
  for (let i = 0; i < all.length; i++) {
    if ((i & 1023) === 1023) await pace();
    const c = all[i]!;
    if (keep && !keep(c)) continue;
    const key = instantKey(c.openedAt);
    if (key !== undefined && key >= from && (key < to || range.toMs > LATEST)) out.push({ key, c });
  }
  const sorted = await sortInSlices(out, (a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.c.id < b.c.id ? -1 : a.c.id > b.c.id ? 1 : 0));
  return sorted.map((x) => x.c);
}

const CASE_COLUMNS = [
  col('id', 'case'),
  col('type', 'type'),
  col('channel', 'channel'),
  col('status', 'status'),
  col('severity', 'severity'),
  col('category', 'category'),
  col('inScope', 'in scope'),
  col('customerAccount', 'customer account'),
  col('customerName', 'customer'),
  col('vip', 'VIP'),
  col('agent', 'agent'),
  col('openedAt', 'opened at (UTC)', 'instant'),
  col('updatedAt', 'updated at (UTC)', 'instant'),
  col('summary', 'summary'),
  col('errorCodes', 'error codes'),
];

function caseRow(c: CaseRecord): Row {
  return [
    c.id,
    c.type,
    c.channel,
    c.status,
    c.severity ?? null,
    c.category,
    yesNo(c.inScope),
    c.customerAccount,
    c.customerName,
    yesNo(c.vip),
    c.agent,
    instant(c.openedAt),
    instant(c.updatedAt),
    c.summary,
    Array.isArray(c.errorCodes) ? c.errorCodes.join(' ') : null,
  ];
}

// Refunds and compensation claims: the case, then their own figures, then the decision's review.
const REQUEST_COLUMNS = [
  col('id', 'case'),
  col('status', 'status'),
  col('customerAccount', 'customer account'),
  col('customerName', 'customer'),
  col('agent', 'agent'),
  col('openedAt', 'opened at (UTC)', 'instant'),
];
const REVIEW_COLUMNS = [
  col('policyVersion', 'policy version'),
  col('outcome', 'review outcome'),
  col('reviewedBy', 'reviewed by'),
  col('reviewedAt', 'reviewed at (UTC)', 'instant'),
];

function requestCells(c: CaseRecord): Row {
  return [c.id, c.status, c.customerAccount, c.customerName, c.agent, instant(c.openedAt)];
}

function reviewCells(d: Record<string, unknown>): Row {
  const r = obj(d.review);
  return [str(d.policyVersion), str(r.outcome), str(r.by), instant(r.at)];
}

const REFUND_COLUMNS = [
  ...REQUEST_COLUMNS,
  col('orders', 'orders'),
  col('amount', 'refund amount', 'money'),
  col('rewardDeducted', 'reward deducted', 'money'),
  col('rewardCancelled', 'reward cancelled', 'money'),
  ...REVIEW_COLUMNS,
  col('receipt', 'receipt'),
];

function refundRow(c: CaseRecord): Row {
  const d = obj(c.details);
  const orderIds = Array.isArray(d.orderIds) ? (d.orderIds as unknown[]).filter((x) => typeof x === 'string').join(' ') : null;
  return [
    ...requestCells(c),
    orderIds,
    money(d.amount),
    money(d.rewardDeducted),
    money(d.rewardCancelled),
    ...reviewCells(d),
    str(obj(d.receipt).number),
  ];
}

const COMPENSATION_COLUMNS = [
  ...REQUEST_COLUMNS,
  col('amount', 'compensation amount', 'money'),
  col('faultMinutes', 'fault minutes', 'integer'),
  col('claimDeadline', 'claim deadline'),
  ...REVIEW_COLUMNS,
  col('creditId', 'credit'),
];

function compensationRow(c: CaseRecord): Row {
  const d = obj(c.details);
  return [...requestCells(c), money(d.amount), int(d.faultMinutes), str(d.claimDeadline), ...reviewCells(d), str(d.creditId)];
}

const SLA_COLUMNS = [
  col('id', 'case'),
  col('type', 'type'),
  col('severity', 'severity'),
  col('vip', 'VIP'),
  col('status', 'status'),
  col('openedAt', 'opened at (UTC)', 'instant'),
  col('firstResponseTarget', 'first response target'),
  col('firstResponseDue', 'first response due (UTC)', 'instant'),
  col('firstResponseAt', 'first response at (UTC)', 'instant'),
  col('firstResponseState', 'first response'),
  col('firstResponseLate', 'first response late (min)', 'integer'),
  col('nextUpdateDue', 'next update due (UTC)', 'instant'),
  col('nextUpdateState', 'next update'),
  col('nextUpdateLate', 'next update late (min)', 'integer'),
  col('breached', 'breached'),
  col('policyVersion', 'policy version'),
];

function slaRow(c: CaseRecord, nowMs: number, rules: DeskSettings): Row | undefined {
  const a = caseSlaState(c, nowMs, rules); // the engine's reading without its reasons: a report needs the figures
  if (!a) return undefined;
  const late = (t?: SlaTimer) => (t?.state === 'breached' ? (t.breachedByMinutes ?? null) : null);
  return [
    c.id,
    c.type,
    a.severity,
    yesNo(c.vip),
    c.status,
    instant(c.openedAt),
    a.firstResponse.target,
    a.firstResponse.due,
    a.firstResponse.metAt ?? null,
    a.firstResponse.state,
    late(a.firstResponse),
    a.nextUpdate?.due ?? null,
    a.nextUpdate?.state ?? null,
    late(a.nextUpdate),
    yesNo(a.breached),
    a.policyVersion,
  ];
}

interface ReportKind {
  name: string;
  columns: Column[];
  keep?: (c: CaseRecord) => boolean;
  row: (c: CaseRecord, nowMs: number, rules: DeskSettings) => Row | undefined;
}

const REPORT_KINDS: { [R in ReportName]: ReportKind } = {
  cases: { name: 'Cases', columns: CASE_COLUMNS, row: caseRow },
  refunds: { name: 'Refunds', columns: REFUND_COLUMNS, keep: (c) => c.type === 'refund', row: refundRow },
  compensation: { name: 'Compensation', columns: COMPENSATION_COLUMNS, keep: (c) => c.type === 'compensation', row: compensationRow },
  // The cases the engine times: those with a severity.
  sla: { name: 'SLA', columns: SLA_COLUMNS, keep: (c) => slaInputOf(c) !== undefined, row: slaRow },
};

/**
 * One report: the cases in range are picked now, each row is built when it is read. `nowMs` is
 * the instant SLA timers are assessed at (default: now); `rules` the desk's policy versions, zone
 * and edited calendar (the SLA reading of the queue and the dashboard).
 */
export async function buildReport(store: Pick<CaseStore, 'all'>, report: ReportName, range: DateRange, nowMs = Date.now(), rules: DeskSettings = {}): Promise<ReportSection & { rows: Iterable<Row> }> {
  const kind = REPORT_KINDS[report];
  const cases = await casesInRange(store, range, kind.keep);
  return { name: kind.name, columns: kind.columns, total: cases.length, rows: mapped(cases, (c) => kind.row(c, nowMs, rules)) };
}
