import type { RuleResult } from '../../shared/rules/decision.js';

/** Rules in policy order (stable within an id), each as {id, result, reason, subject?, code?, params?}. */
export function inPolicyOrder(rules: RuleResult[]): RuleResult[] {
  return [...rules]
    .sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }))
    .map(({ id, result, reason, subject, code, params }) => ({
      id,
      result,
      reason,
      ...(subject === undefined ? {} : { subject }),
      ...(code === undefined ? {} : { code }),
      ...(params === undefined ? {} : { params }),
    }));
}

/** A rule entry as the `check` command prints it: {id, result, reason, subject?} (check-command.md). */
export function publicRule({ id, result, reason, subject }: RuleResult): RuleResult {
  return subject === undefined ? { id, result, reason } : { id, result, reason, subject };
}
