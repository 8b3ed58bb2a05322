import { expect, it } from 'vitest';
import { CATEGORIES, IN_SCOPE_CATEGORIES } from '../../shared/domain/case.js';
import { classifyScope } from './scope.js';

it.each(CATEGORIES)('%s', (category) => {
  const inScope = (IN_SCOPE_CATEGORIES as readonly string[]).includes(category);
  const s = classifyScope(category);
  expect(s.inScope).toBe(inScope);
  expect(s.rule.result).toBe(inScope ? 'passed' : 'failed');
  expect(s.explanation.length).toBeGreaterThan(20);
  if (!inScope) expect(s.explanation).toMatch(/not covered.*shared-responsibility/s);
});
