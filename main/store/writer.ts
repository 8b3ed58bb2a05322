// The journal writer: validate, hash, write at the journal's end, fdatasync, then apply
// and announce. Nothing is applied or announced before the bytes are durable; a failed
// write truncates back, so the journal never keeps part of an event or of a batch.
import * as fs from 'node:fs';
import { core } from './node-core.js';
import type { SearchFeed } from './search-feed.js';
import type { StoreState } from './state.js';
import type { Change, EventInput, StoredEvent, StoredRecord } from './types.js';
import { StoreError, writeFailure } from './errors.js';
import { deepFreeze } from './util.js';
import { stageInput, validateChanges, type RecordValidator } from './validate.js';

export interface WriterOptions {
  now: () => Date;
  validate?: RecordValidator;
  /** Called once per durable event, after the whole append/appendMany is applied. */
  announce: (event: StoredEvent) => void;
  /** Called after each append/appendMany (background work may be due). */
  afterWrite: () => void;
  /** The store's anchor key: every event gets `mac` (see docs/store.md "Tamper anchor"). */
  macKey?: Uint8Array | null;
  /** Set when the store must not be written (anchored, opened without its key): the message of the refusal. */
  readOnly?: string;
}

export class JournalWriter {
  readonly fd: number;
  readonly #state: StoreState;
  readonly #search: SearchFeed;
  readonly #opts: WriterOptions;
  closed = false;

  constructor(fd: number, state: StoreState, search: SearchFeed, opts: WriterOptions) {
    this.fd = fd;
    this.#state = state;
    this.#search = search;
    this.#opts = opts;
  }

  append(input: EventInput): StoredEvent {
    return this.appendMany([input])[0]!;
  }

  appendMany(inputs: EventInput[]): StoredEvent[] {
    if (!Array.isArray(inputs) || inputs.length === 0) return [];
    if (this.closed) throw new Error('the store is closed');
    if (this.#opts.readOnly) throw new StoreError('io', this.#opts.readOnly);
    const state = this.#state;
    const overlay = new Map<string, StoredRecord | null>();
    const built: { event: StoredEvent; line: string }[] = [];
    let s = state.seq;
    let prev = state.lastHash;
    for (const [i, input] of inputs.entries()) {
      const changes = stageInput(input);
      validateChanges(changes, overlay, (e, id) => state.get(e, id), this.#opts.validate);
      const b = this.#build(input, changes, ++s, prev, i < inputs.length - 1);
      prev = b.event.hash;
      built.push(b);
    }
    const start = state.journalSize;
    const bytes = this.#writeDurably(built.length === 1 ? built[0]!.line : built.map((b) => b.line).join(''));
    let offset = start;
    for (const b of built) {
      this.#commit(b.event, offset);
      offset += Buffer.byteLength(b.line);
    }
    state.journalSize = start + bytes;
    for (const b of built) this.#opts.announce(b.event);
    this.#opts.afterWrite();
    return built.map((b) => b.event);
  }

  /** `more`: further events of the same batch follow (see StoredEvent.more). */
  #build(input: EventInput, changes: Change[], s: number, prev: string, more: boolean): { event: StoredEvent; line: string } {
    const body: Omit<StoredEvent, 'hash'> = {
      seq: s,
      at: this.#opts.now().toISOString(),
      actor: input.actor,
      action: input.action,
      ...(input.reason !== undefined ? { reason: input.reason } : {}),
      changes,
      ...(more ? { more: true as const } : {}),
      prevHash: prev,
    };
    const hash = core.eventHash(body);
    const key = this.#opts.macKey;
    const event = { ...body, hash, ...(key ? { mac: core.eventMac(key, hash) } : {}) } as StoredEvent;
    return { event, line: JSON.stringify(event) + '\n' };
  }

  #writeDurably(text: string): number {
    const buf = Buffer.from(text, 'utf8');
    const at = this.#state.journalSize;
    try {
      let w = 0;
      while (w < buf.length) w += fs.writeSync(this.fd, buf, w, buf.length - w, at + w);
      fs.fdatasyncSync(this.fd);
    } catch (err) {
      try {
        fs.ftruncateSync(this.fd, at);
        fs.fsyncSync(this.fd);
      } catch {
        // the next open drops a torn tail anyway
      }
      throw writeFailure(err);
    }
    return buf.length;
  }

  #commit(event: StoredEvent, offset: number): void {
    const before = this.#search.before(event);
    this.#state.apply(event, offset);
    this.#search.after(event, before);
    deepFreeze(event);
  }
}
