// Policy versions: the engine takes a Policy; this module picks the one in force.
import type { Policy } from '../../shared/rules/policy.js';
import { POLICY_2026_1 } from './policy-2026-1.js';

export type { Policy };

export const DEFAULT_POLICY: Policy = POLICY_2026_1;
export const BUNDLED_POLICIES: readonly Policy[] = [POLICY_2026_1];

/**
 * The version in force at an instant: the one with the latest effectiveFrom not after it
 * (on a tie, the one listed last). Undefined when every version starts later.
 */
export function policyInForce(versions: readonly Policy[], at: string | number): Policy | undefined {
  const atMs = typeof at === 'number' ? at : Date.parse(at);
  let best: Policy | undefined;
  for (const version of versions) {
    const from = Date.parse(version.effectiveFrom);
    if (from <= atMs && (!best || from >= Date.parse(best.effectiveFrom))) best = version;
  }
  return best;
}
