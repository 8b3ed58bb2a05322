// Every case's dashboard figures (summary.ts's CaseFigures) held in typed arrays, one slot per
// case, with its texts (channel, agent, reasons…) as numbers into name tables: a full-year request
// walks flat arrays instead of 100k–1M objects and string-keyed maps, and a case costs ~70 bytes
// whatever the desk holds. A changed case is written into its slot again; a removed case's slot
// is reused.
import type { CaseFigures } from './summary.js';

/** Texts as small numbers, in the order first seen. */
export class Names {
  private readonly ids = new Map<string, number>();
  readonly list: string[] = [];
  id(name: string): number {
    let id = this.ids.get(name);
    if (id === undefined) {
      id = this.list.length;
      this.ids.set(name, id);
      this.list.push(name);
    }
    return id;
  }
  /** The name's number, or -1 when no case has it. */
  find(name: string): number {
    return this.ids.get(name) ?? -1;
  }
}

export const KIND = { refund: 1, compensation: 2, complaint: 3 } as const;
export const REJECTED = 4;
export const PAID = 8;
/** First response (fr): none, met, breached for good, or due at due[] (judged at min(now, cap[])). */
export const FR = { none: 0, met: 1, breached: 2, due: 3 } as const;

const FLOAT = ['opened', 'due', 'cap', 'cents', 'minutes'] as const;
// Optional texts are stored as their number + 1 (0: none).
const INT = ['day', 'channel', 'category', 'severity', 'agent', 'escalation', 'reason', 'amount', 'exclusions'] as const;
const BYTE = ['flags', 'fr'] as const;

export class FigureColumns {
  readonly days = new Names();
  readonly channels = new Names();
  readonly categories = new Names();
  readonly severities = new Names();
  readonly agents = new Names();
  readonly levels = new Names();
  /** Rejection reasons and complaint subjects. */
  readonly reasons = new Names();
  /** Amounts with more than two decimals (the rest are whole cents in cents[]). */
  readonly amounts = new Names();
  /** Lists of excluded rule ids, by the list joined. */
  readonly exclusionLists = new Names();

  /** Opening instant; NaN in a free slot, so no range selects it. */
  opened = new Float64Array(0);
  due = new Float64Array(0);
  cap = new Float64Array(0);
  /** Whole cents; NaN: none (or in amount[]). */
  cents = new Float64Array(0);
  minutes = new Float64Array(0);
  day = new Int32Array(0);
  channel = new Int32Array(0);
  category = new Int32Array(0);
  severity = new Int32Array(0);
  agent = new Int32Array(0);
  escalation = new Int32Array(0);
  reason = new Int32Array(0);
  amount = new Int32Array(0);
  exclusions = new Int32Array(0);
  flags = new Uint8Array(0);
  fr = new Uint8Array(0);

  /** Slots in use or freed: a walk covers [0, size). */
  size = 0;
  /** Changes on every write, so a walk paused in slices can tell it must start over. */
  version = 0;
  private readonly slots = new Map<string, number>();
  private free: number[] = [];

  set(id: string, f: CaseFigures) {
    let i = this.slots.get(id);
    if (i === undefined) {
      i = this.free.pop() ?? this.size++;
      if (i >= this.opened.length) this.grow(Math.max(1024, this.opened.length * 2));
      this.slots.set(id, i);
    }
    this.version++;
    this.opened[i] = f.openedMs;
    this.day[i] = this.days.id(f.day);
    this.channel[i] = this.channels.id(f.channel);
    this.category[i] = this.categories.id(f.category);
    this.severity[i] = f.severity ? this.severities.id(f.severity) + 1 : 0;
    this.agent[i] = this.agents.id(f.agent);
    this.escalation[i] = f.escalation ? this.levels.id(f.escalation) + 1 : 0;
    const fr = f.firstResponse;
    this.fr[i] = !fr ? FR.none : 'state' in fr ? FR[fr.state] : FR.due;
    this.due[i] = fr && 'dueMs' in fr ? fr.dueMs : 0;
    this.cap[i] = fr && 'capMs' in fr ? fr.capMs : 0;
    this.flags[i] = (f.kind ? KIND[f.kind] : 0) | (f.rejected ? REJECTED : 0) | (f.paid ? PAID : 0);
    this.reason[i] = f.reason === undefined ? 0 : this.reasons.id(f.reason) + 1;
    this.cents[i] = f.cents ?? Number.NaN;
    this.amount[i] = f.amount === undefined ? 0 : this.amounts.id(f.amount) + 1;
    this.minutes[i] = f.faultMinutes ?? 0;
    this.exclusions[i] = f.exclusions?.length ? this.exclusionLists.id(f.exclusions.join('\n')) + 1 : 0;
  }

  delete(id: string) {
    const i = this.slots.get(id);
    if (i === undefined) return;
    this.version++;
    this.slots.delete(id);
    this.opened[i] = Number.NaN;
    this.free.push(i);
  }

  /** Forgets every case (the name tables stay: they only map texts to numbers). */
  clear() {
    this.version++;
    this.slots.clear();
    this.free = [];
    this.size = 0;
  }

  private grow(capacity: number) {
    for (const name of FLOAT) {
      const next = new Float64Array(capacity);
      next.set(this[name]);
      this[name] = next;
    }
    for (const name of INT) {
      const next = new Int32Array(capacity);
      next.set(this[name]);
      this[name] = next;
    }
    for (const name of BYTE) {
      const next = new Uint8Array(capacity);
      next.set(this[name]);
      this[name] = next;
    }
  }
}
