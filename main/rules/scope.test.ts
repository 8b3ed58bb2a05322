import { describe, expect, it } from 'vitest';
import { CATEGORIES, IN_SCOPE_CATEGORIES } from '../../shared/domain/case.js';
import { classifyScope, suggestScope } from './scope.js';

it.each(CATEGORIES)('%s', (category) => {
  const inScope = (IN_SCOPE_CATEGORIES as readonly string[]).includes(category);
  const s = classifyScope(category);
  expect(s.inScope).toBe(inScope);
  expect(s.rule.result).toBe(inScope ? 'passed' : 'failed');
  expect(s.explanation.length).toBeGreaterThan(20);
  if (!inScope) expect(s.explanation).toMatch(/not covered.*shared-responsibility/s);
});

describe('suggestScope: the words typed point out of scope, whatever category was picked', () => {
  it('"Please deploy and debug my WordPress plugin": third-party fault (2 words) beats deployment and code (1 each)', () => {
    // deployment: deploy → 1; third-party fault: wordpress, plugin → 2; code: debug → 1; routine O&M: 0.
    const s = suggestScope('Please deploy and debug my WordPress plugin');
    expect(s).toMatchObject({ category: 'third-party-fault', inScope: false, words: ['wordpress', 'plugin'] });
    expect(s?.explanation).toMatch(/not covered/);
  });

  it('reads Chinese: 帮我写代码并调试脚本 → code development (写代码, 调试, 脚本)', () => {
    expect(suggestScope('帮我写代码并调试脚本')).toMatchObject({ category: 'code-development', words: ['写代码', '调试', '脚本'] });
  });

  it('a tie goes to the earlier category of the table: "install and debug" → deployment', () => {
    // deployment: install → 1; code: debug → 1; deployment comes first.
    expect(suggestScope('install and debug')?.category).toBe('third-party-deployment');
  });

  it('says nothing of an in-scope request; a word counts only where a word starts', () => {
    expect(suggestScope('ECS instance unreachable since 14:00, error ECS-5003')).toBeNull();
    expect(suggestScope('cancel the yearly subscription; see the description')).toBeNull(); // no script
  });
});
