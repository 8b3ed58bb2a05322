// What the rules engine decides against inside the desk: the published policy versions,
// the desk's time zone, its working-day calendar with a manager's edits, and the desk clock.
import type { Policy } from '../../../shared/rules/policy.js';
import { BUNDLED_POLICIES, deskCalendar, NO_EDITS, NoPolicyInForce, policyInForce, type CalendarEdits, type DeskSettings } from '../../rules/index.js';
import type { Services } from '../context.js';
import { CALENDAR, POLICY_VERSIONS } from '../../../shared/domain/entities.js';

type Stored<T> = T & { id: string; [key: string]: unknown };

export function policyVersions(services: Pick<Services, 'store'>): Policy[] {
  return [...BUNDLED_POLICIES, ...services.store.all<Stored<Policy>>(POLICY_VERSIONS)];
}

/** The rules a store was decided under: its published policy versions and edited calendar, in a zone. */
export function storeRules(store: Services['store'], timeZone: string): DeskSettings {
  const edits = store.get<Stored<CalendarEdits>>(CALENDAR, 'desk');
  const stored = store.all<Stored<Policy>>(POLICY_VERSIONS);
  // Stored records are replaced, never changed in place: the same ones give the same rules,
  // so the calendar is not rebuilt for each of the thousands of cases a queue or report reads.
  const last = memo.get(store);
  if (last && last.edits === edits && last.timeZone === timeZone && last.stored.length === stored.length && last.stored.every((p, i) => p === stored[i])) return last.rules;
  const rules: DeskSettings = { policies: [...BUNDLED_POLICIES, ...stored], timeZone, calendar: deskCalendar(edits ?? NO_EDITS) };
  memo.set(store, { edits, timeZone, stored, rules });
  return rules;
}

const memo = new WeakMap<object, { edits: unknown; timeZone: string; stored: readonly unknown[]; rules: DeskSettings }>();

export function deskRules(services: Pick<Services, 'store' | 'settings' | 'now'>): DeskSettings {
  return { ...storeRules(services.store, services.settings.get().timeZone), clock: () => services.now().getTime() };
}

/** The policy version in force now. */
export function currentPolicy(services: Pick<Services, 'store' | 'now'>): Policy {
  const now = services.now();
  const policy = policyInForce(policyVersions(services), now.getTime());
  if (!policy) throw new NoPolicyInForce(now.toISOString());
  return policy;
}
