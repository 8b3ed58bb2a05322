// The manager's policy editor: versions, one version, a preview of a draft against recent
// decisions, and publishing. The policy's shape is checked here, at the boundary.
import { z } from 'zod';
import type { Policy } from '../rules/policy.js';
import { calendarEditsSchema, policySchema } from '../rules/policy-schema.js';
import type { CalendarDays } from '../rules/fields.js';
import { call } from './define.js';
import { LIMITS, requiredName, requiredText } from './bounds.js';

export interface PolicyVersionView {
  id: string;
  effectiveFrom: string;
  source: 'bundled' | 'published';
  inForce: boolean;
}

export interface CalendarEditsView {
  added: CalendarDays;
  removed: CalendarDays;
  years: number[];
}

export interface PreviewRow {
  caseId: string;
  kind: 'refund' | 'compensation';
  openedAt: string;
  oldOutcome: string;
  oldAmount: string;
  oldPolicyVersion: string;
  newOutcome: string;
  newAmount: string;
  changed: boolean;
}

const draft = {
  policy: policySchema,
  calendar: calendarEditsSchema.optional(),
};

export const policyEditorCalls = {
  'policyEditor.versions': call<{ versions: PolicyVersionView[]; calendar: CalendarEditsView }>()({
    access: 'manager',
    input: z.object({}).strict(),
  }),
  'policyEditor.get': call<Policy>()({
    access: 'manager',
    input: z.object({ id: requiredName(LIMITS.id, 'pick a version') }).strict(),
  }),
  'policyEditor.preview': call<{ rows: PreviewRow[] }>()({
    access: 'manager',
    input: z.object({ ...draft, limit: z.number().int().min(1).max(500).default(50) }).strict(),
  }),
  'policyEditor.publish': call<PolicyVersionView>()({
    access: 'manager',
    input: z.object({ ...draft, reason: requiredText(1000, 'give a reason') }).strict(),
  }),
};
