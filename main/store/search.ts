// Full-text and filtered search over cases: a small in-memory inverted index.
// Latin words and numbers are whole-word tokens (lower-cased, NFKC); error codes are kept
// whole as well as split ('ECS-5003' → ecs-5003, ecs, 5003); Chinese (and other CJK) text
// is indexed as overlapping character bigrams, so any 2+ character substring of a Chinese
// phrase matches (服务器 finds 云服务器无法连接). A one-character Chinese query matches every
// bigram that contains it. All query tokens must match (AND).
// Measured against FlexSearch 0.8 (7.3 s build, 86 MB at 100k): see docs/store.md.
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

/** The fields of a case the search filters on (`intern` shares repeated strings). */
export interface CaseFilterFields {
  status: string;
  severity: string;
  channel: string;
  type: string;
  agent: string;
  account: string;
}

export function caseFilterFields(record: object, intern: (s: string) => string = (s) => s): CaseFilterFields {
  const r = record as StoredRecord;
  return {
    status: intern(str(r.status)),
    severity: intern(str(r.severity)),
    channel: intern(str(r.channel)),
    type: intern(str(r.type)),
    agent: intern(str(r.agent)),
    account: intern(str(r.customerAccount)),
  };
}

/** The query's filters (all but the text) as one test of a case's fields and its openedAt (ms). */
export function caseFilter(q: CaseSearchQuery): (f: CaseFilterFields, openedMs: number) => boolean {
  const from = q.from ? Date.parse(q.from) : -Infinity;
  const to = q.to ? Date.parse(q.to) : Infinity;
  const status = q.status?.length ? new Set(q.status) : null;
  const severity = q.severity?.length ? new Set(q.severity) : null;
  const channel = q.channel?.length ? new Set(q.channel) : null;
  const type = q.type?.length ? new Set(q.type) : null;
  const agent = q.agent || null;
  const account = q.customerAccount || null;
  return (f, t) =>
    t >= from &&
    t < to &&
    (!status || status.has(f.status)) &&
    (!severity || severity.has(f.severity)) &&
    (!channel || channel.has(f.channel)) &&
    (!type || type.has(f.type)) &&
    (!agent || f.agent === agent) &&
    (!account || f.account === account);
}

/** A stored case's openedAt in ms (0 when missing or unreadable), as the index orders it. */
export const openedMsOf = (r: object): number => Date.parse(str((r as StoredRecord).openedAt)) || 0;

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

  /** term → doc numbers, ascending. A term in one doc only is stored as the bare number (saves memory). */
  #postings = new Map<string, number | number[]>();
  /** CJK character → the bigram terms that contain it, so a one-character query need not scan every term. */
  #bigramsOf = new Map<string, string[]>();
  #docOf = new Map<string, number>();
  #ids: (string | undefined)[] = [];
  #opened: number[] = [];
  #fields: CaseFilterFields[] = [];
  /** docNos sorted newest openedAt first (ties: higher docNo first). */
  #byDate: number[] = [];
  #intern = new Map<string, string>();
  /** While true, new docs are pushed unsorted to #byDate and sorted on the next search. */
  #dateDirty = false;
  #sortedLen = 0;

  get size(): number {
    return this.#docOf.size;
  }

  #i(s: string): string {
    const v = this.#intern.get(s);
    if (v !== undefined) return v;
    this.#intern.set(s, s);
    return s;
  }

  #before(a: number, b: number): boolean {
    // true when doc a sorts before doc b (newer first)
    const ta = this.#opened[a]!;
    const tb = this.#opened[b]!;
    return ta > tb || (ta === tb && a > b);
  }

  #datePos(doc: number): number {
    let lo = 0;
    let hi = this.#byDate.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.#before(this.#byDate[mid]!, doc)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  #add(term: string, doc: number): void {
    const p = this.#postings.get(term);
    if (p === undefined) {
      // copy long keys so they do not keep the whole source text alive (V8 sliced strings)
      const key = term.length > 12 ? Buffer.from(term, 'utf8').toString('utf8') : term;
      this.#postings.set(key, doc);
      if (CJK.test(key)) for (const ch of new Set(Array.from(key))) this.#noteBigram(ch, key);
    } else if (typeof p === 'number') {
      if (p !== doc) this.#postings.set(term, p < doc ? [p, doc] : [doc, p]);
    } else CaseIndex.#insertSorted(p, doc);
  }

  #noteBigram(ch: string, term: string): void {
    const terms = this.#bigramsOf.get(ch);
    if (!terms) this.#bigramsOf.set(ch, [term]);
    else if (!terms.includes(term)) terms.push(term);
  }

  #del(term: string, doc: number): void {
    const p = this.#postings.get(term);
    if (p === undefined) return;
    if (typeof p === 'number') {
      if (p === doc) this.#postings.delete(term);
      return;
    }
    CaseIndex.#removeSorted(p, doc);
    if (p.length === 1) this.#postings.set(term, p[0]!);
    else if (p.length === 0) this.#postings.delete(term);
  }

  #delEverywhere(doc: number): void {
    for (const t of [...this.#postings.keys()]) this.#del(t, doc);
  }

  /** The first position in the ascending `arr` whose value is not below `v`. */
  static #lowerBound(arr: readonly number[], v: number): number {
    let lo = 0;
    let hi = arr.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (arr[mid]! < v) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  static #insertSorted(arr: number[], v: number): void {
    if (arr.length === 0 || arr[arr.length - 1]! < v) {
      arr.push(v);
      return;
    }
    const at = CaseIndex.#lowerBound(arr, v);
    if (arr[at] !== v) arr.splice(at, 0, v);
  }

  static #removeSorted(arr: number[], v: number): void {
    const at = CaseIndex.#lowerBound(arr, v);
    if (arr[at] === v) arr.splice(at, 1);
  }

  /** Adds or replaces a case. `previous` (the record before the change) makes updates cheap. */
  upsert(record: StoredRecord, previous?: StoredRecord): void {
    const id = record.id;
    const existing = this.#docOf.get(id);
    const openedMs = openedMsOf(record);
    const fields = caseFilterFields(record, (s) => this.#i(s));
    if (existing === undefined) {
      const doc = this.#ids.length;
      this.#ids.push(id);
      this.#opened.push(openedMs);
      this.#fields.push(fields);
      this.#docOf.set(id, doc);
      this.#docsChanged++;
      for (const t of this.#tokens(record)) this.#add(t, doc); // new docs have the highest number: appends
      if (this.#dateDirty) this.#byDate.push(doc);
      else this.#byDate.splice(this.#datePos(doc), 0, doc);
      return;
    }
    const doc = existing;
    const oldTokens = previous ? this.#tokens(previous) : null;
    const newTokens = this.#tokens(record);
    if (oldTokens) {
      for (const t of oldTokens) if (!newTokens.has(t)) this.#del(t, doc);
    } else this.#delEverywhere(doc);
    for (const t of newTokens) if (!oldTokens?.has(t)) this.#add(t, doc);
    this.#fields[doc] = fields;
    if (this.#opened[doc] !== openedMs) {
      this.#unlistDate(doc);
      this.#opened[doc] = openedMs;
      if (this.#dateDirty) this.#byDate.push(doc);
      else this.#byDate.splice(this.#datePos(doc), 0, doc);
    }
  }

  remove(id: string, previous?: StoredRecord): void {
    const doc = this.#docOf.get(id);
    if (doc === undefined) return;
    this.#docOf.delete(id);
    this.#ids[doc] = undefined;
    this.#docsChanged++;
    if (previous) for (const t of this.#tokens(previous)) this.#del(t, doc);
    else this.#delEverywhere(doc);
    this.#unlistDate(doc);
  }

  /** Bulk loading: new docs are appended unsorted; settle() merges them in small steps. */
  beginBulk(): void {
    if (!this.#dateDirty) this.#sortedLen = this.#byDate.length;
    this.#dateDirty = true;
  }

  /** Docs added in bulk mode and not yet merged into the date order. */
  get pendingDates(): number {
    return this.#dateDirty ? this.#byDate.length - this.#sortedLen : 0;
  }

  /** Sorts the docs added since the last call and merges them into the ordered list: O(n), no long pause. */
  settle(): void {
    if (!this.#dateDirty || this.#sortedLen === this.#byDate.length) return;
    const tail = this.#byDate.slice(this.#sortedLen).sort((a, b) => (this.#before(a, b) ? -1 : 1));
    const head = this.#byDate;
    const out = new Array<number>(head.length);
    let i = 0;
    let j = 0;
    let k = 0;
    const hl = this.#sortedLen;
    while (i < hl && j < tail.length) out[k++] = this.#before(head[i]!, tail[j]!) ? head[i++]! : tail[j++]!;
    while (i < hl) out[k++] = head[i++]!;
    while (j < tail.length) out[k++] = tail[j++]!;
    this.#byDate = out;
    this.#sortedLen = out.length;
  }

  sortNow(): void {
    if (!this.#dateDirty) return;
    this.settle();
    this.#dateDirty = false;
  }

  #unlistDate(doc: number): void {
    const at = this.#byDate.indexOf(doc);
    if (at < 0) return;
    this.#byDate.splice(at, 1);
    if (at < this.#sortedLen) this.#sortedLen--;
  }

  /** The first `n` docs marked 1, newest first: a walk of the date order (or of docs already in it). */
  #inDateOrder(mark: Uint8Array, n: number, docs: readonly number[] = this.#byDate): number[] {
    const out: number[] = [];
    for (const d of docs) {
      if (out.length >= n) break;
      if (mark[d] === 1) out.push(d);
    }
    return out;
  }

  has(id: string): boolean {
    return this.#docOf.has(id);
  }

  #postingsFor(token: string): number[] {
    const exact = this.#postings.get(token);
    if (exact !== undefined) return typeof exact === 'number' ? [exact] : exact;
    if (Array.from(token).length === 1 && CJK.test(token)) {
      // single Chinese character: union of the bigrams that contain it (terms since deleted have no postings)
      const set = new Set<number>();
      for (const t of this.#bigramsOf.get(token) ?? []) {
        const p = this.#postings.get(t);
        if (p !== undefined) for (const d of typeof p === 'number' ? [p] : p) set.add(d);
      }
      return [...set].sort((a, b) => a - b);
    }
    return [];
  }

  search(q: CaseSearchQuery): CaseSearchResult {
    this.sortNow();
    const limit = q.limit ?? 50;
    const offset = q.offset ?? 0;
    const filter = caseFilter(q);
    const pass = (doc: number): boolean => this.#ids[doc] !== undefined && filter(this.#fields[doc]!, this.#opened[doc]!);
    const tokens = q.text ? [...this.#tokenize(q.text)] : [];
    if (tokens.length === 0) {
      const hits = q.text && q.text.trim() ? [] : this.#byDate.filter(pass); // in date order
      if (!q.ahead) return { total: hits.length, ids: hits.slice(offset, offset + limit).map((d) => this.#ids[d]!) };
      const { mark, ahead } = this.#setAhead(hits, q.ahead);
      return { total: hits.length, ids: this.#inDateOrder(mark, offset + limit, hits).slice(offset).map((d) => this.#ids[d]!), ahead };
    }
    const lists = tokens.map((t) => this.#postingsFor(t)).sort((a, b) => a.length - b.length);
    let cur = lists[0]!;
    for (let i = 1; i < lists.length && cur.length; i++) cur = intersect(cur, lists[i]!);
    const hits = cur.filter(pass);
    const { rest, ahead, mark } = q.ahead ? this.#setAhead(hits, q.ahead) : { rest: (): readonly number[] => hits, ahead: undefined, mark: undefined };
    // Only the page asked for is put in date order. A word found in an eighth of the desk or more
    // (a case id's "c" is in every one) is read off the kept date order instead of being sorted.
    const need = offset + limit;
    const page = hits.length * 8 >= this.#byDate.length ? this.#inDateOrder(mark ?? this.#marked(hits), need) : firstInOrder(rest(), need, (a, b) => this.#before(a, b));
    return { total: hits.length, ids: page.slice(offset).map((d) => this.#ids[d]!), ...(ahead ? { ahead } : {}) };
  }

  /** Docs marked 1 in a bitmap over every doc number. */
  #marked(docs: readonly number[]): Uint8Array {
    const mark = new Uint8Array(this.#ids.length);
    for (const d of docs) mark[d] = 1;
    return mark;
  }

  /** Bumped when a doc is added or removed: what a doc number stands for is then read again. */
  #docsChanged = 0;
  /** Per list of ids put ahead (a caller keeps one array while its ids stay the same): each doc's place in it, -1 for none. */
  #aheadPlaces = new WeakMap<readonly string[], { at: number; places: Int32Array }>();

  #placesIn(ids: readonly string[]): Int32Array {
    const known = this.#aheadPlaces.get(ids);
    if (known && known.at === this.#docsChanged) return known.places;
    const places = new Int32Array(this.#ids.length).fill(-1);
    ids.forEach((id, i) => {
      const d = this.#docOf.get(id);
      if (d !== undefined && places[d] === -1) places[d] = i;
    });
    this.#aheadPlaces.set(ids, { at: this.#docsChanged, places });
    return places;
  }

  /**
   * The ids of `ahead` among the hits (in ahead's order) and the other hits (in the hits' order,
   * on need); in `mark` the other hits are 1, the ones ahead 2.
   */
  #setAhead(hits: readonly number[], ids: readonly string[]): { ahead: string[]; rest: () => readonly number[]; mark: Uint8Array } {
    const mark = this.#marked(hits);
    const places = this.#placesIn(ids);
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

function intersect(a: number[], b: number[]): number[] {
  const out: number[] = [];
  if (a.length * 8 < b.length) {
    // galloping: binary search the short list's items in the long one
    let lo = 0;
    for (const v of a) {
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
