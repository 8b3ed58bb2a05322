// The cases that hold one search term, or one value of a filter field: doc numbers ascending,
// in a typed array with room to grow.
// 4 bytes a case and nothing for the GC to walk, where a JS array of numbers costs 8 bytes a case
// (no pointer compression in Node) and is scanned at every full GC: at 1M cases the postings
// are ~44M numbers.
import { firstNotBefore, grown } from './util.js';

export class DocList {
  #a: Int32Array;
  #n: number;

  /** A list of one doc or two (a term is kept as a bare number while it is in one case only). */
  constructor(x: number, y = x) {
    this.#a = new Int32Array(4);
    this.#a[0] = Math.min(x, y);
    this.#a[1] = Math.max(x, y);
    this.#n = x === y ? 1 : 2;
  }

  get length(): number {
    return this.#n;
  }

  /** The docs, ascending (a view: valid until the next add or delete). */
  view(): Int32Array {
    return this.#a.subarray(0, this.#n);
  }

  #find(doc: number): number {
    const a = this.#a;
    return firstNotBefore(this.#n, (i) => a[i]! < doc);
  }

  /** Adds doc once; a new case has the highest doc number, so this is mostly an append. */
  add(doc: number): void {
    const n = this.#n;
    const at = n === 0 || this.#a[n - 1]! < doc ? n : this.#find(doc);
    if (at < n && this.#a[at] === doc) return;
    if (n === this.#a.length) this.#a = grown(this.#a, n + 4);
    if (at < n) this.#a.copyWithin(at + 1, at, n);
    this.#a[at] = doc;
    this.#n = n + 1;
  }

  delete(doc: number): void {
    const at = this.#find(doc);
    if (at >= this.#n || this.#a[at] !== doc) return;
    this.#a.copyWithin(at, at + 1, this.#n);
    this.#n--;
  }
}
