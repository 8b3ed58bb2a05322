import { expect, it } from 'vitest';
import { openingSeverity } from './key-event.js';

// S1: window [start, end) = [2026-06-01 00:00, 2026-06-03 00:00) +08:00.
const launch = [{ name: 'product launch', start: '2026-06-01T00:00:00+08:00', end: '2026-06-03T00:00:00+08:00' }];

it.each([
  ['during the event: SEV-3 → SEV-2', 'SEV-3', '2026-06-01T09:00:00+08:00', 'SEV-2', true],
  ['during the event: SEV-2 → SEV-1', 'SEV-2', '2026-06-02T23:59:59+08:00', 'SEV-1', true],
  ['at the start (inclusive): SEV-1 stays SEV-1', 'SEV-1', '2026-06-01T00:00:00+08:00', 'SEV-1', true],
  ['at the end (exclusive)', 'SEV-3', '2026-06-03T00:00:00+08:00', 'SEV-3', false],
  ['before the start', 'SEV-3', '2026-05-31T23:59:59+08:00', 'SEV-3', false],
] as const)('%s', (_label, requested, openedAt, severity, flagged) => {
  const o = openingSeverity(requested, openedAt, launch);
  expect(o.severity).toBe(severity);
  expect(o.flagSupervisor).toBe(flagged);
  expect(o.rule).toMatchObject({ id: 'S1', result: flagged ? 'passed' : 'not-applicable' });
  if (flagged) expect(o.rule.reason).toContain('product launch');
});
