// Full-text and filtered search over cases: a small in-memory inverted index.
// Latin words and numbers are whole-word tokens (lower-cased, NFKC); error codes are kept
// whole as well as split ('ECS-5003' → ecs-5003, ecs, 5003); Chinese (and other CJK) text
// is indexed as overlapping character bigrams, so any 2+ character substring of a Chinese
// phrase matches (服务器 finds 云服务器无法连接). A one-character Chinese query matches every
// bigram that contains it. All query tokens must match (AND).
// Measured against FlexSearch 0.8 (7.3 s build, 86 MB at 100k): see docs/store.md.
import { DocList } from './doc-list.js';
import { TermTable } from './term-table.js';
import { firstNotBefore, grown } from './util.js';
import type { CaseSearchQuery, CaseSearchResult, StoredRecord } from './types.js';

const CJK_CLASS = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}';
const CJK = new RegExp(`[${CJK_CLASS}]`, 'u');
// letters and digits that are not CJK (set subtraction needs the 'v' flag, Node 20+)
const WORD = `[[\\p{L}\\p{N}]--[${CJK_CLASS}]]`;
const RUNS = new RegExp(`[${CJK_CLASS}]+|${WORD}+(?:[._:\\/\\-]${WORD}+)*`, 'gv');
const PARTS = new RegExp(`${WORD}+`, 'gv');

/** Tokens of a text, each once. */
export function tokenize(text: string, out: Set<string> = new Set()): Set<string> {
  if (!text) return out;
  const norm = text.normalize('NFKC').toLowerCase();
  for (const m of norm.matchAll(RUNS)) {
    const run = m[0];
    if (CJK.test(run[0]!)) {
      const chars = Array.from(run);
      if (chars.length === 1) out.add(chars[0]!);
      for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!);
    } else {
      out.add(run);
      if (/[._:/-]/.test(run)) for (const p of run.matchAll(PARTS)) out.add(p[0]);
    }
  }
  return out;
}

/** What a case's full text is made of (lists are joined). */
export const CASE_TEXT_FIELDS = ['id', 'summary', 'notes', 'customerAccount', 'customerName', 'errorCodes'] as const;

export interface CaseIndexOptions {
  /** Record fields whose text is searched (string or list of strings). */
  textFields?: readonly string[];
  tokenizer?: (text: string) => Set<string>;
}

/** What the store needs from a search index over one entity (see OpenOptions.search). */
export interface RecordIndex {
  readonly size: number;
  readonly pendingDates: number;
  has(id: string): boolean;
  /** `previous`: the record as this index was last given it; needed when the id is indexed. */
  upsert(record: StoredRecord, previous?: StoredRecord): void;
  remove(id: string, previous?: StoredRecord): void;
  beginBulk(): void;
  settle(): void;
  sortNow(): void;
  search(query: CaseSearchQuery): CaseSearchResult;
}

function fieldText(v: unknown): string {
  if (typeof v === 'string') return v;
  return Array.isArray(v) ? v.filter((x) => typeof x === 'string').join(' ') : '';
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

/** The fields of a case the search filters on. */
export interface CaseFilterFields {
  status: string;
  severity: string;
  channel: string;
  type: string;
  agent: string;
  account: string;
}

export function caseFilterFields(record: object): CaseFilterFields {
  const r = record as StoredRecord;
  return {
    status: str(r.status),
    severity: str(r.severity),
    channel: str(r.channel),
    type: str(r.type),
    agent: str(r.agent),
    account: str(r.customerAccount),
  };
}

const FILTER_FIELDS = ['status', 'severity', 'channel', 'type', 'agent', 'account'] as const;
const NF = FILTER_FIELDS.length;

/** What a query's filters (all but the text) ask of a case: openedAt (ms) in [from, to) and, per field, one of some values. */
export interface CaseFilterSpec {
  from: number;
  to: number;
  fields: [keyof CaseFilterFields, ReadonlySet<string>][];
}

export function caseFilterSpec(q: CaseSearchQuery): CaseFilterSpec {
  const fields: CaseFilterSpec['fields'] = [];
  const oneOf = (field: keyof CaseFilterFields, values: readonly string[] | undefined) => values?.length && fields.push([field, new Set(values)]);
  oneOf('status', q.status);
  oneOf('severity', q.severity);
  oneOf('channel', q.channel);
  oneOf('type', q.type);
  if (q.agent) oneOf('agent', [q.agent]);
  if (q.customerAccount) oneOf('account', [q.customerAccount]);
  return { from: q.from ? Date.parse(q.from) : -Infinity, to: q.to ? Date.parse(q.to) : Infinity, fields };
}

/** The query's filters as one test of a case's fields and its openedAt (ms). */
export function caseFilter(q: CaseSearchQuery): (f: CaseFilterFields, openedMs: number) => boolean {
  const { from, to, fields } = caseFilterSpec(q);
  return (f, t) => t >= from && t < to && fields.every(([field, values]) => values.has(f[field]));
}

/** A stored case's openedAt in ms (0 when missing or unreadable), as the index orders it. */
export const openedMsOf = (r: object): number => Date.parse(str((r as StoredRecord).openedAt)) || 0;

/** In CaseIndex's term → docs table: a term in no case (all since deleted), and the first list's mark. */
const NO_DOCS = -1;
const LIST = -2;

export class CaseIndex implements RecordIndex {
  readonly #textFields: readonly string[];
  readonly #tokenize: (text: string) => Set<string>;

  constructor(options: CaseIndexOptions = {}) {
    this.#textFields = options.textFields ?? CASE_TEXT_FIELDS;
    this.#tokenize = options.tokenizer ?? ((text) => tokenize(text));
  }

  #tokens(r: StoredRecord): Set<string> {
    return this.#tokenize(this.#textFields.map((f) => fieldText(r[f])).join('\n'));
  }

  /** Every term the index has seen, numbered. */
  #terms = new TermTable();
  /**
   * term number → its docs: the doc itself while the term is in one case only (most are: case
   * ids), NO_DOCS, or LIST - k for #lists[k].
   */
  #docsOf = new Int32Array(1 << 10);
  #lists: DocList[] = [];
  /** CJK character → the bigram terms that contain it, so a one-character query need not scan every term. */
  #bigramsOf = new Map<string, string[]>();
  #docOf = new Map<string, number>();
  #ids: (string | undefined)[] = [];
  #opened: number[] = [];
  /** Each doc's filter fields (FILTER_FIELDS, in that order) as numbers of their values (#values): no object a case. */
  #fieldCodes = new Int32Array(NF * 1024);
  #values: string[] = [];
  #codeOf = new Map<string, number>();
  /** At value number * NF + field: the live docs with that value in that field, so a query without words need not test every case. */
  #withValue: (DocList | undefined)[] = [];
  /**
   * docNos oldest openedAt first (ties: lower docNo first), so a new case, the newest, is appended.
   * While bulk loading it is empty: the order is in #runs (sorted, merged as a binary counter)
   * and #pending (not yet sorted), merged into it by sortNow().
   */
  #byDate: number[] = [];
  #runs: number[][] = [];
  #pending: number[] = [];
  #bulk = false;

  get size(): number {
    return this.#docOf.size;
  }

  /** `indexed`: the doc's fields were set before (they are taken out of their values' lists). */
  #setFields(doc: number, f: CaseFilterFields, indexed: boolean): void {
    if ((doc + 1) * NF > this.#fieldCodes.length) this.#fieldCodes = grown(this.#fieldCodes, (doc + 1) * NF);
    for (let k = 0; k < NF; k++) {
      const v = f[FILTER_FIELDS[k]!];
      let code = this.#codeOf.get(v);
      if (code === undefined) this.#codeOf.set(v, (code = this.#values.push(v) - 1));
      const was = this.#fieldCodes[doc * NF + k]!;
      if (indexed && was === code) continue;
      if (indexed) this.#withValue[was * NF + k]!.delete(doc);
      this.#fieldCodes[doc * NF + k] = code;
      const list = this.#withValue[code * NF + k];
      if (list) list.add(doc);
      else this.#withValue[code * NF + k] = new DocList(doc);
    }
  }

  #unsetFields(doc: number): void {
    for (let k = 0; k < NF; k++) this.#withValue[this.#fieldCodes[doc * NF + k]! * NF + k]!.delete(doc);
  }


  /** true when doc a is older than doc b (ties: the lower docNo); results list the newer first */
  #older(a: number, b: number): boolean {
    const ta = this.#opened[a]!;
    const tb = this.#opened[b]!;
    return ta < tb || (ta === tb && a < b);
  }

  /** Where doc sits, or would sit, in a list in #older order (binary search on its current openedAt). */
  #datePos(list: readonly number[], doc: number): number {
    return firstNotBefore(list.length, (i) => this.#older(list[i]!, doc));
  }

  #add(term: string, doc: number): void {
    const known = this.#terms.size;
    const t = this.#terms.add(term);
    if (t === known) {
      if (t >= this.#docsOf.length) this.#docsOf = grown(this.#docsOf, t + 1);
      this.#docsOf[t] = doc;
      if (CJK.test(term)) for (const ch of new Set(Array.from(term))) this.#noteBigram(ch, term);
      return;
    }
    const v = this.#docsOf[t]!;
    if (v === NO_DOCS) this.#docsOf[t] = doc;
    else if (v <= LIST) this.#lists[LIST - v]!.add(doc);
    else if (v !== doc) this.#docsOf[t] = LIST - (this.#lists.push(new DocList(v, doc)) - 1);
  }

  #noteBigram(ch: string, term: string): void {
    const terms = this.#bigramsOf.get(ch);
    if (!terms) this.#bigramsOf.set(ch, [term]);
    else if (!terms.includes(term)) terms.push(term);
  }

  #del(term: string, doc: number): void {
    const t = this.#terms.find(term);
    if (t < 0) return;
    const v = this.#docsOf[t]!;
    if (v <= LIST) this.#lists[LIST - v]!.delete(doc);
    else if (v === doc) this.#docsOf[t] = NO_DOCS;
  }

  /** A term's docs, ascending. */
  #docsFor(term: string): ArrayLike<number> {
    const t = this.#terms.find(term);
    const v = t < 0 ? NO_DOCS : this.#docsOf[t]!;
    return v === NO_DOCS ? [] : v <= LIST ? this.#lists[LIST - v]!.view() : [v];
  }

  /** Adds or replaces a case. `previous` (the record before the change) makes updates cheap. */
  upsert(record: StoredRecord, previous?: StoredRecord): void {
    const id = record.id;
    const existing = this.#docOf.get(id);
    const openedMs = openedMsOf(record);
    const fields = caseFilterFields(record);
    if (existing === undefined) {
      const doc = this.#ids.length;
      this.#ids.push(id);
      this.#opened.push(openedMs);
      this.#setFields(doc, fields, false);
      this.#docOf.set(id, doc);
      this.#docsChanged++;
      for (const t of this.#tokens(record)) this.#add(t, doc); // new docs have the highest number: appends
      this.#listDate(doc);
      return;
    }
    // Without the indexed record, finding its terms would mean walking every term of the index.
    if (!previous) throw new Error(`the search index already holds ${id}: upsert needs the record as it was indexed (previous)`);
    const doc = existing;
    const oldTokens = this.#tokens(previous);
    const newTokens = this.#tokens(record);
    for (const t of oldTokens) if (!newTokens.has(t)) this.#del(t, doc);
    for (const t of newTokens) if (!oldTokens.has(t)) this.#add(t, doc);
    this.#setFields(doc, fields, true);
    if (this.#opened[doc] !== openedMs) {
      this.#unlistDate(doc);
      this.#opened[doc] = openedMs;
      this.#listDate(doc);
    }
  }

  /** `previous`: the record as indexed; without it the case's terms are left (dead: its id no longer answers). */
  remove(id: string, previous?: StoredRecord): void {
    const doc = this.#docOf.get(id);
    if (doc === undefined) return;
    this.#docOf.delete(id);
    this.#ids[doc] = undefined;
    this.#docsChanged++;
    if (previous) for (const t of this.#tokens(previous)) this.#del(t, doc);
    this.#unsetFields(doc);
    this.#unlistDate(doc);
  }

  /** Bulk loading: new docs are kept unsorted; settle() sorts them in small steps, sortNow() at the end. */
  beginBulk(): void {
    if (this.#bulk) return;
    this.#bulk = true;
    if (this.#byDate.length) this.#runs.push(this.#byDate);
    this.#byDate = [];
  }

  /** Docs added in bulk mode and not yet sorted. */
  get pendingDates(): number {
    return this.#pending.length;
  }

  /**
   * Sorts the docs added since the last call into a run and merges runs of like size (a binary
   * counter): O(n log n) over a whole load, each step short.
   */
  settle(): void {
    if (this.#pending.length) {
      this.#runs.push(this.#pending.sort((a, b) => (this.#older(a, b) ? -1 : 1)));
      this.#pending = [];
    }
    const runs = this.#runs;
    while (runs.length > 1 && runs[runs.length - 2]!.length <= runs[runs.length - 1]!.length) runs.push(this.#merge(runs.pop()!, runs.pop()!));
  }

  /** Ends bulk loading: every doc in the date order. */
  sortNow(): void {
    if (!this.#bulk) return;
    this.settle();
    const runs = this.#runs;
    while (runs.length > 1) runs.push(this.#merge(runs.pop()!, runs.pop()!));
    this.#byDate = runs.pop() ?? [];
    this.#bulk = false;
  }

  #merge(a: number[], b: number[]): number[] {
    const out = new Array<number>(a.length + b.length);
    let i = 0;
    let j = 0;
    let k = 0;
    while (i < a.length && j < b.length) out[k++] = this.#older(a[i]!, b[j]!) ? a[i++]! : b[j++]!;
    while (i < a.length) out[k++] = a[i++]!;
    while (j < b.length) out[k++] = b[j++]!;
    return out;
  }

  #listDate(doc: number): void {
    const list = this.#bulk ? this.#pending : this.#byDate;
    if (this.#bulk || !list.length || this.#older(list[list.length - 1]!, doc)) list.push(doc);
    else list.splice(this.#datePos(list, doc), 0, doc);
  }

  /** Takes doc out of the date order (before its openedAt changes): binary searches, not a scan. */
  #unlistDate(doc: number): void {
    for (const list of this.#bulk ? this.#runs : [this.#byDate]) {
      const at = this.#datePos(list, doc);
      if (list[at] === doc) return void list.splice(at, 1);
    }
    const at = this.#pending.indexOf(doc);
    if (at >= 0) this.#pending.splice(at, 1);
  }

  /** The first `n` docs marked 1, newest first: a walk of the date order's span [from, to) that holds them. */
  #inDateOrder(mark: Uint8Array, n: number, [from, to]: readonly [number, number]): number[] {
    const out: number[] = [];
    for (let i = to - 1; i >= from && out.length < n; i--) if (mark[this.#byDate[i]!] === 1) out.push(this.#byDate[i]!);
    return out;
  }

  /** Docs marked 1 in a bitmap over every doc number. */
  #marked(docs: ArrayLike<number>): Uint8Array {
    const mark = new Uint8Array(this.#ids.length);
    for (let i = 0; i < docs.length; i++) mark[docs[i]!] = 1;
    return mark;
  }

  /** Where the first doc opened at or after `ms` is in the date order. */
  #dateIndex(ms: number): number {
    return firstNotBefore(this.#byDate.length, (i) => this.#opened[this.#byDate[i]!]! < ms);
  }

  /** The span of the date order holding the docs opened in [from, to) ms (none when a bound is not a date). */
  #dateSpan({ from, to }: CaseFilterSpec): [number, number] {
    if (Number.isNaN(from) || Number.isNaN(to)) return [0, 0];
    return [from === -Infinity ? 0 : this.#dateIndex(from), to === Infinity ? this.#byDate.length : this.#dateIndex(to)];
  }

  /** The docs in a date span passing the filter, newest first, counted: those after `skip`, at most `keep`. */
  #newestPassing([from, to]: readonly [number, number], pass: ((doc: number) => boolean) | undefined, skip = 0, keep = Infinity): { total: number; docs: number[] } {
    if (!pass) {
      // every doc of the span passes (the date order holds live docs only)
      const docs: number[] = [];
      for (let i = to - 1 - skip; i >= from && docs.length < keep; i--) docs.push(this.#byDate[i]!);
      return { total: to - from, docs };
    }
    const docs: number[] = [];
    let total = 0;
    for (let i = to - 1; i >= from; i--) {
      const d = this.#byDate[i]!;
      if (pass(d) && total++ >= skip && docs.length < keep) docs.push(d);
    }
    return { total, docs };
  }

  /**
   * The docs of the query's most selective field filter (its values' lists merged), ascending; or
   * undefined when the date span holds no more docs (walking it is then cheaper) or there is no field filter.
   */
  #fieldDocs({ fields }: CaseFilterSpec, span: number): ArrayLike<number> | undefined {
    let best: Int32Array[] | undefined;
    let fewest = span;
    for (const [field, values] of fields) {
      const k = FILTER_FIELDS.indexOf(field);
      const lists: Int32Array[] = [];
      let size = 0;
      for (const v of values) {
        const code = this.#codeOf.get(v);
        const list = code === undefined ? undefined : this.#withValue[code * NF + k];
        if (list?.length) (size += list.length), lists.push(list.view());
      }
      if (size < fewest) (best = lists), (fewest = size);
    }
    return best && best.reduce<ArrayLike<number>>((a, b) => union(a, b), []);
  }

  has(id: string): boolean {
    return this.#docOf.has(id);
  }

  #postingsFor(token: string): ArrayLike<number> {
    if (Array.from(token).length > 1 || !CJK.test(token)) return this.#docsFor(token);
    // one Chinese character: its own docs (where it stood alone) and those of every bigram holding it,
    // marked in a bitmap and read off in doc order
    const mark = new Uint8Array(this.#ids.length);
    let lo = mark.length;
    let hi = -1;
    for (const t of [token, ...(this.#bigramsOf.get(token) ?? [])]) {
      const docs = this.#docsFor(t);
      for (let i = 0; i < docs.length; i++) mark[docs[i]!] = 1;
      if (docs.length) (lo = Math.min(lo, docs[0]!)), (hi = Math.max(hi, docs[docs.length - 1]!));
    }
    const out: number[] = [];
    for (let d = lo; d <= hi; d++) if (mark[d]) out.push(d);
    return out;
  }

  /** A filter spec as a test of a live doc: each field's values as a mark over the value numbers. */
  #filter({ from, to, fields }: CaseFilterSpec): (doc: number) => boolean {
    const tests = fields.map(([field, values]): [number, Uint8Array] => {
      const ok = new Uint8Array(this.#values.length);
      for (const v of values) {
        const code = this.#codeOf.get(v);
        if (code !== undefined) ok[code] = 1;
      }
      return [FILTER_FIELDS.indexOf(field), ok];
    });
    // plain locals and index loops: at 1M this runs a million times for a query without words
    const at = tests.map(([k]) => k);
    const ok = tests.map(([, mark]) => mark);
    const codes = this.#fieldCodes;
    const ids = this.#ids;
    const opened = this.#opened;
    return (doc) => {
      const t = opened[doc]!;
      if (ids[doc] === undefined || !(t >= from && t < to)) return false;
      for (let i = 0; i < at.length; i++) if (!ok[i]![codes[doc * NF + at[i]!]!]) return false;
      return true;
    };
  }

  search(q: CaseSearchQuery): CaseSearchResult {
    this.sortNow();
    const limit = q.limit ?? 50;
    const offset = q.offset ?? 0;
    const spec = caseFilterSpec(q);
    const pass = this.#filter(spec);
    const span = this.#dateSpan(spec);
    const tokens = q.text ? [...this.#tokenize(q.text)] : [];
    let cur: ArrayLike<number>;
    if (tokens.length) {
      const lists = tokens.map((t) => this.#postingsFor(t)).sort((a, b) => a.length - b.length);
      cur = lists[0]!;
      for (let i = 1; i < lists.length && cur.length; i++) cur = intersect(cur, lists[i]!);
    } else if (q.text && q.text.trim()) cur = []; // only punctuation: no word to find
    else {
      const docs = this.#fieldDocs(spec, span[1] - span[0]);
      if (!docs) {
        // the date span is the smaller: walk it, newest first
        const check = spec.fields.length ? pass : undefined;
        if (!q.ahead) {
          const { total, docs } = this.#newestPassing(span, check, offset, limit);
          return { total, ids: docs.map((d) => this.#ids[d]!) };
        }
        if (!check) return this.#spanWithAhead(span, q.ahead, pass, offset, limit);
        const hits = this.#newestPassing(span, check).docs;
        const { mark, ahead } = this.#setAhead(hits, q.ahead);
        return { total: hits.length, ids: this.#inDateOrder(mark, offset + limit, span).slice(offset).map((d) => this.#ids[d]!), ahead };
      }
      cur = docs;
    }
    const hits: number[] = [];
    for (let i = 0; i < cur.length; i++) if (pass(cur[i]!)) hits.push(cur[i]!);
    const { rest, ahead, mark } = q.ahead ? this.#setAhead(hits, q.ahead) : { rest: (): readonly number[] => hits, ahead: undefined, mark: undefined };
    // Only the page asked for is put in date order: read off the kept date order when the walk to
    // the page's last hit (need · span / hits docs, were the hits spread evenly over their span) is
    // short beside a heap's log(need) comparisons per hit; else by the heap.
    const need = offset + limit;
    const walk = need * (span[1] - span[0]) <= hits.length * hits.length * 8;
    const page = walk ? this.#inDateOrder(mark ?? this.#marked(hits), need, span) : firstInOrder(rest(), need, (a, b) => this.#older(b, a));
    return { total: hits.length, ids: page.slice(offset).map((d) => this.#ids[d]!), ...(ahead ? { ahead } : {}) };
  }

  /**
   * No filter but the dates, with ids put ahead (the queue's unfiltered view): every doc of the span
   * is a hit, so only the ids ahead and the page's docs are looked at, not every doc of the span.
   */
  #spanWithAhead(span: readonly [number, number], ids: readonly string[], inSpan: (doc: number) => boolean, offset: number, limit: number): CaseSearchResult {
    const { places, docs } = this.#placesIn(ids);
    const ahead = ids.filter((_, i) => docs[i]! >= 0 && inSpan(docs[i]!));
    const page: number[] = [];
    for (let i = span[1] - 1; i >= span[0] && page.length < offset + limit; i--) if (places[this.#byDate[i]!]! < 0) page.push(this.#byDate[i]!);
    return { total: span[1] - span[0], ids: page.slice(offset).map((d) => this.#ids[d]!), ahead };
  }

  /** Bumped when a doc is added or removed: what a doc number stands for is then read again. */
  #docsChanged = 0;
  /** Per list of ids put ahead (a caller keeps one array while its ids stay the same): each doc's place in it, -1 for none. */
  #aheadPlaces = new WeakMap<readonly string[], AheadPlaces>();

  /** Each doc's place in `ids` (-1 for none) and each id's doc (-1 for none, and for an id repeated later in `ids`). */
  #placesIn(ids: readonly string[]): AheadPlaces {
    const known = this.#aheadPlaces.get(ids);
    if (known && known.at === this.#docsChanged) return known;
    const places = new Int32Array(this.#ids.length).fill(-1);
    const docs = new Int32Array(ids.length).fill(-1);
    ids.forEach((id, i) => {
      const d = this.#docOf.get(id);
      if (d !== undefined && places[d] === -1) places[(docs[i] = d)] = i;
    });
    const kept = { at: this.#docsChanged, places, docs };
    this.#aheadPlaces.set(ids, kept);
    return kept;
  }

  /**
   * The ids of `ahead` among the hits (in ahead's order) and the other hits (in the hits' order,
   * on need); in `mark` the other hits are 1, the ones ahead 2.
   */
  #setAhead(hits: readonly number[], ids: readonly string[]): { ahead: string[]; rest: () => readonly number[]; mark: Uint8Array } {
    const mark = this.#marked(hits);
    const { places } = this.#placesIn(ids);
    const found: number[] = [];
    for (const d of hits) {
      const at = places[d]!;
      if (at >= 0) {
        mark[d] = 2;
        found.push(at);
      }
    }
    const ahead = Array.from(Int32Array.from(found).sort(), (at) => ids[at]!);
    return { ahead, mark, rest: () => (ahead.length ? hits.filter((d) => mark[d] === 1) : hits) };
  }
}

interface AheadPlaces {
  /** #docsChanged when they were taken. */
  at: number;
  places: Int32Array;
  docs: Int32Array;
}

/**
 * The first `n` items of `items` in the order `before` gives, sorted: a bounded heap whose root is
 * the last one kept, O(items · log n) instead of sorting them all. `before` is a strict total order.
 */
export function firstInOrder<T>(items: readonly T[], n: number, before: (a: T, b: T) => boolean): T[] {
  const byOrder = (a: T, b: T) => (before(a, b) ? -1 : before(b, a) ? 1 : 0);
  if (items.length <= n * 4) return [...items].sort(byOrder).slice(0, n);
  const heap: T[] = [];
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let last = i;
      if (l < heap.length && before(heap[last]!, heap[l]!)) last = l;
      if (r < heap.length && before(heap[last]!, heap[r]!)) last = r;
      if (last === i) return;
      [heap[i], heap[last]] = [heap[last]!, heap[i]!];
      i = last;
    }
  };
  for (const item of items) {
    if (heap.length < n) {
      heap.push(item);
      for (let i = heap.length - 1; i > 0; ) {
        const parent = (i - 1) >> 1;
        if (!before(heap[parent]!, heap[i]!)) break;
        [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
        i = parent;
      }
    } else if (n > 0 && before(item, heap[0]!)) {
      heap[0] = item;
      down(0);
    }
  }
  return heap.sort(byOrder);
}

/** Two ascending lists as one, each doc once. */
function union(a: ArrayLike<number>, b: ArrayLike<number>): ArrayLike<number> {
  if (!a.length) return b;
  if (!b.length) return a;
  const out = new Int32Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    out[k++] = x <= y ? x : y;
    if (x <= y) i++;
    if (y <= x) j++;
  }
  while (i < a.length) out[k++] = a[i++]!;
  while (j < b.length) out[k++] = b[j++]!;
  return out.subarray(0, k);
}

function intersect(a: ArrayLike<number>, b: ArrayLike<number>): number[] {
  const out: number[] = [];
  if (a.length * 8 < b.length) {
    // galloping: binary search the short list's items in the long one
    let lo = 0;
    for (let k = 0; k < a.length; k++) {
      const v = a[k]!;
      let hi = b.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (b[mid]! < v) lo = mid + 1;
        else hi = mid;
      }
      if (b[lo] === v) out.push(v);
    }
    return out;
  }
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      out.push(x);
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return out;
}
