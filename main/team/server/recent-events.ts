// The newest committed events of the center, kept serialised as the pull answer carries them, so
// the pulls every commit sets off (one per desk) are answered from memory: no query, no JSON
// parse and stringify per desk. Contiguous by construction: a gap empties it, and a pull it
// cannot answer whole goes to PostgreSQL.
import type { TeamEvent } from '../protocol.js';

export class RecentEvents {
  #json: string[] = [];
  /** Position of the event before #json[0]. */
  #before = 0;

  constructor(private readonly size: number) {}

  /** Position of the newest event held (0 when empty). */
  get last(): number {
    return this.#before + this.#json.length;
  }

  /** Adds the next committed event (already stripped of secrets). */
  add(event: TeamEvent): void {
    if (event.position <= this.last && this.#json.length > 0) return; // already held
    if (event.position !== this.last + 1 || this.#json.length === 0) {
      if (event.position !== this.last + 1) this.#json = [];
      if (this.#json.length === 0) this.#before = event.position - 1;
    }
    this.#json.push(JSON.stringify(event));
    const excess = this.#json.length - this.size;
    if (excess >= Math.max(1, this.size >> 3)) {
      this.#json.splice(0, excess);
      this.#before += excess;
    }
  }

  /** The serialised events after `after` (at most `limit`), or undefined when memory does not hold the next one. */
  after(after: number, limit: number): string[] | undefined {
    if (after < this.#before || after >= this.last) return undefined;
    const start = after - this.#before;
    return this.#json.slice(start, start + limit);
  }
}
