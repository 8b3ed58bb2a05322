// The SLA reading of an open case, kept between the queue's and the SLA monitor's passes over
// every open case (tens of thousands at 100k cases): a stored record is never changed in place,
// so a reading stays right for the same record, the same rules and until a timer could change
// state — a running timer at its due instant; a paused one's due moves with time, so it is read
// again after PAUSED_MS. Kept without reasons (caseSlaState): the case page reads afresh, explained
// (its reasons count the minutes), and so does the monitor for the breaches it records.
import type { CaseRecord } from '../../../shared/domain/case.js';
import type { DeskSettings, SlaState } from '../../rules/index.js';
import { caseSlaState } from '../../rules/index.js';
import type { Services } from '../context.js';
import { storeRules } from '../policy/rules-context.js';

const PAUSED_MS = 30_000;

interface Kept {
  rules: object;
  until: number;
  assessment: SlaState | undefined;
}

const kept = new WeakMap<CaseRecord, Kept>();

/** Until when an assessment made at nowMs stays the same as far as breaches and due times go. */
function validUntil(a: SlaState | undefined, nowMs: number): number {
  let until = Number.POSITIVE_INFINITY;
  for (const t of a ? [a.firstResponse, a.nextUpdate] : []) {
    if (t?.state === 'running') until = Math.min(until, Date.parse(t.due));
    else if (t?.state === 'paused') until = Math.min(until, nowMs + PAUSED_MS);
  }
  return until;
}

/** `keep: false` uses a kept reading but keeps no new one (the dashboard reads every case once: keeping them all would cost memory). */
export function keptSla(record: CaseRecord, services: Pick<Services, 'store' | 'settings' | 'now'>, keep = true): SlaState | undefined {
  return keptReading(record, storeRules(services.store, services.settings.get().timeZone), services.now().getTime(), keep);
}

/** keptSla with the rules and the instant given: for a pass over thousands of cases at one instant. */
export function keptReading(record: CaseRecord, rules: DeskSettings, nowMs: number, keep = true): SlaState | undefined {
  return keptEntry(record, rules, nowMs, keep).assessment;
}

/** keptReading and until when it is kept (the queue's urgent order places the case again after that). */
export function keptEntry(record: CaseRecord, rules: DeskSettings, nowMs: number, keep = true): Readonly<Kept> {
  const k = kept.get(record);
  if (k && k.rules === rules && nowMs <= k.until) return k;
  const assessment = caseSlaState(record, nowMs, rules);
  const entry = { rules, until: validUntil(assessment, nowMs), assessment };
  if (keep) kept.set(record, entry);
  return entry;
}
