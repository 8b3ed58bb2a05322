import { expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../main/rules/index.js';
import { policySchema } from '../../shared/rules/policy-schema.js';

const withHours = (supportHours: unknown) => ({ ...DEFAULT_POLICY, sla: { ...DEFAULT_POLICY.sla, supportHours } });

it('keeps the support hours of a published policy, so business-hours SLA clocks survive publishing', () => {
  const hours = { businessHours: { start: '09:00', end: '18:00' }, bySeverity: { 'SEV-3': 'business-hours' }, byCategory: { console: '24/7' } };
  const parsed = policySchema.parse(withHours(hours));
  expect(parsed.sla.supportHours).toEqual(hours);
});

it('refuses support hours that close before they open or name an unknown calendar, naming the field', () => {
  const late = policySchema.safeParse(withHours({ businessHours: { start: '18:00', end: '09:00' } }));
  expect(late.success).toBe(false);
  expect(late.error?.issues[0]?.path.join('.')).toBe('sla.supportHours.businessHours.end');
  const unknown = policySchema.safeParse(withHours({ businessHours: { start: '09:00', end: '18:00' }, bySeverity: { 'SEV-1': 'weekdays' } }));
  expect(unknown.error?.issues[0]?.path.join('.')).toBe('sla.supportHours.bySeverity.SEV-1');
});
