import type { RuleResult } from '../../shared/rules/decision.js';

/** Rules in policy order (stable within an id), each as {id, result, reason, subject?}. */
export function inPolicyOrder(rules: RuleResult[]): RuleResult[] {
  return [...rules]
    .sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }))
    .map(({ id, result, reason, subject }) => (subject === undefined ? { id, result, reason } : { id, result, reason, subject }));
}
