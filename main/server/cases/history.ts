// A case's history as every screen reads it: who changed what, when and why, and for each
// change of owner or level (claimed, transferred, escalated, released) from whom to whom.
import type { HistoryEntry } from '../../../shared/contract/index.js';
import type { CaseRecord } from '../../../shared/domain/case.js';
import { CASES } from '../../../shared/domain/entities.js';
import { ownershipOf, sameOwnership, type Ownership } from '../../../shared/domain/ownership.js';
import type { CaseStore } from '../../store/types.js';

export function caseHistory(store: CaseStore, id: string): HistoryEntry[] {
  let state: Record<string, unknown> | undefined;
  let held: Ownership | undefined;
  return store.history(CASES, id).map((event) => {
    const change = event.changes.find((c) => c.entity === CASES && c.id === id);
    const changes = change?.op === 'put' ? change.record : change?.op === 'patch' ? change.patch : {};
    state = change?.op === 'put' ? { ...change.record } : { ...state, ...changes };
    const now = ownershipOf(state as unknown as CaseRecord);
    const moved = held && !sameOwnership(held, now) ? { assignment: { from: held, to: now } } : {};
    held = now;
    return { seq: event.seq, at: event.at, actor: event.actor, action: event.action, reason: event.reason, changes, ...moved };
  });
}
