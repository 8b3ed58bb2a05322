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

/**
 * Words that mark an out-of-scope request, in English and Chinese, per category. The category
 * with the most distinct words found wins; a tie goes to the earlier category in this table.
 */
export const OUT_OF_SCOPE_WORDS: Readonly<Partial<Record<Category, readonly string[]>>> = {
  'third-party-deployment': ['deploy', 'install', 'set up', 'commission', '部署', '安装', '搭建'],
  'third-party-fault': ['wordpress', 'plugin', 'third-party', 'third party', 'open source', '插件', '第三方', '开源'],
  'code-development': ['write code', 'develop', 'coding', 'debug', 'script', '写代码', '开发', '编程', '调试', '脚本'],
  'routine-om': ['routine', 'daily maintenance', 'patch my', 'back up my', '日常运维', '代运维', '巡检', '打补丁'],
};

export interface ScopeSuggestion extends ScopeDecision {
  /** The words of the table found in the text, as listed there. */
  words: string[];
}

/**
 * The out-of-scope category the words typed (summary, notes) point at, or null when none do.
 * An English word counts where a word starts ("script", not "subscription").
 */
export function suggestScope(text: string, policy: Policy = DEFAULT_POLICY): ScopeSuggestion | null {
  const lower = text.toLowerCase();
  let best: { category: Category; words: string[] } | null = null;
  for (const [category, words] of Object.entries(OUT_OF_SCOPE_WORDS) as [Category, readonly string[]][]) {
    const found = words.filter((w) => (/^[a-z]/.test(w) ? new RegExp(`(?<![a-z])${w}`).test(lower) : lower.includes(w)));
    if (found.length > (best?.words.length ?? 0)) best = { category, words: found };
  }
  return best ? { ...classifyScope(best.category, policy), words: best.words } : null;
}
