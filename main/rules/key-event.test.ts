import { expect, it } from 'vitest';
import { openingSeverity } from './key-event.js';

const launch = [{ name: 'product launch', start: '2026-06-01T00:00:00+08:00', end: '2026-06-03T00:00:00+08:00' }];

it.each([
  ['VIP during the event: SEV-3 → SEV-2', 'SEV-3', true, '2026-06-01T09:00:00+08:00', 'SEV-2', true],
  ['VIP during the event: SEV-2 → SEV-1', 'SEV-2', true, '2026-06-02T23:59:59+08:00', 'SEV-1', true],
  ['VIP during the event: SEV-1 stays SEV-1', 'SEV-1', true, '2026-06-01T00:00:00+08:00', 'SEV-1', true],
  ['VIP after the event (end exclusive)', 'SEV-3', true, '2026-06-03T00:00:00+08:00', 'SEV-3', false],
  ['common customer during the event', 'SEV-3', false, '2026-06-01T09:00:00+08:00', 'SEV-3', false],
] as const)('%s', (_label, requested, vip, openedAt, severity, flagged) => {
  const o = openingSeverity(requested, { vip }, openedAt, launch);
  expect(o.severity).toBe(severity);
  expect(o.flagSupervisor).toBe(flagged);
  expect(o.rule.result).toBe(flagged ? 'passed' : 'not-applicable');
  if (flagged) expect(o.rule.reason).toContain('product launch');
});
