// Section 1: what after-sales support covers.
import type { Category } from '../../shared/domain/case.js';
import type { RuleResult } from '../../shared/rules/decision.js';
import type { Policy } from '../../shared/rules/policy.js';
import { DEFAULT_POLICY } from './policy.js';
import { because } from './reasons.js';

export interface ScopeDecision {
  category: Category;
  inScope: boolean;
  label: string;
  /** What the agent tells the caller. */
  explanation: string;
  policyVersion: string;
  rule: RuleResult;
}

export function classifyScope(category: Category, policy: Policy = DEFAULT_POLICY): ScopeDecision {
  const entry = policy.scope[category];
  return {
    category,
    inScope: entry.inScope,
    label: entry.label,
    explanation: entry.explanation,
    policyVersion: policy.id,
    rule: {
      id: 'SCOPE',
      result: entry.inScope ? 'passed' : 'failed',
      ...because(entry.inScope ? 'SCOPE.in' : 'SCOPE.out', { label: entry.label, policy: policy.id }),
    },
  };
}
