// Search terms numbered 0, 1, 2… in flat typed arrays (an open-addressing hash table over the
// terms' UTF-16 code units, back to back). At 1M cases the index holds ~4M terms, most in one
// case only (case and instance ids): as keys of a Map of strings they cost ~90 bytes each and
// are all traced by the GC; here ~30 bytes each and nothing for the GC to walk.
import { grown } from './util.js';

export class TermTable {
  #chars = new Uint16Array(1 << 14);
  #end = 0;
  /** term → where its code units start in #chars (term t ends where t + 1 starts) */
  #starts = new Int32Array(1 << 10);
  #hashes = new Int32Array(1 << 10);
  /** term number + 1 at its hash's slot (or the next free one); 0 is empty */
  #slots = new Int32Array(1 << 11);
  #size = 0;

  get size(): number {
    return this.#size;
  }

  /** The term's number, or -1 when it was never added. */
  find(term: string): number {
    return this.#slots[this.#slotOf(term, hashOf(term))]! - 1;
  }

  /** The term's number; a new term gets the next one. */
  add(term: string): number {
    const h = hashOf(term);
    const slot = this.#slotOf(term, h);
    if (this.#slots[slot] !== 0) return this.#slots[slot]! - 1;
    const t = this.#size++;
    if (t + 1 >= this.#starts.length) {
      this.#starts = grown(this.#starts, t + 2);
      this.#hashes = grown(this.#hashes, t + 2);
    }
    if (this.#end + term.length > this.#chars.length) this.#chars = grown(this.#chars, this.#end + term.length);
    for (let i = 0; i < term.length; i++) this.#chars[this.#end + i] = term.charCodeAt(i);
    this.#starts[t] = this.#end;
    this.#end += term.length;
    this.#starts[t + 1] = this.#end;
    this.#hashes[t] = h;
    this.#slots[slot] = t + 1;
    if (this.#size * 2 > this.#slots.length) this.#rehash();
    return t;
  }

  #slotOf(term: string, h: number): number {
    const slots = this.#slots;
    const mask = slots.length - 1;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const s = slots[i]!;
      if (s === 0 || (this.#hashes[s - 1] === h && this.#is(s - 1, term))) return i;
    }
  }

  #is(t: number, term: string): boolean {
    const start = this.#starts[t]!;
    if (this.#starts[t + 1]! - start !== term.length) return false;
    for (let i = 0; i < term.length; i++) if (this.#chars[start + i] !== term.charCodeAt(i)) return false;
    return true;
  }

  #rehash(): void {
    const slots = new Int32Array(this.#slots.length * 2);
    const mask = slots.length - 1;
    for (let t = 0; t < this.#size; t++) {
      let i = this.#hashes[t]! & mask;
      while (slots[i] !== 0) i = (i + 1) & mask;
      slots[i] = t + 1;
    }
    this.#slots = slots;
  }
}

/** FNV-1a over the code units, with a final mix so nearby ids spread over the table. */
function hashOf(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  return h ^ (h >>> 13);
}
