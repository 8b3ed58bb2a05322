// The shape of a policy version a manager may publish: checked at every boundary (the
// `policy publish` command and the policy editor's calls), so the engine never trips over one.
import { z } from 'zod';
import { CATEGORIES, SEVERITIES } from '../domain/case.js';
import { ESCALATION_LEVELS } from './policy.js';

const span = z.union([
  z.object({ minutes: z.number().positive('must be a positive number of minutes') }).strict(),
  z.object({ workingDays: z.number().int().positive('must be a positive whole number of working days') }).strict(),
], 'expected {"minutes": N} or {"workingDays": N}');
const perSeverity = <T extends z.ZodType>(schema: T) => z.object(Object.fromEntries(SEVERITIES.map((s) => [s, schema])) as Record<(typeof SEVERITIES)[number], T>);
const element = z.object({ id: z.string().min(1), label: z.string().min(1), weight: z.number().nonnegative() });

const supportCalendar = z.enum(['24/7', 'business-hours']);
const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time HH:MM');
const supportHours = z
  .object({
    businessHours: z.object({ start: clockTime, end: clockTime }).strict(),
    bySeverity: z.partialRecord(z.enum(SEVERITIES), supportCalendar).optional(),
    byCategory: z.partialRecord(z.enum(CATEGORIES), supportCalendar).optional(),
  })
  .strict()
  .refine((hours) => hours.businessHours.start < hours.businessHours.end, { message: 'must close after it opens', path: ['businessHours', 'end'] });

/** Enough of the policy's shape that the engine cannot trip over a published version. */
export const policySchema = z.looseObject({
  id: z.string().trim().min(1, 'required'),
  effectiveFrom: z.iso.datetime({ offset: true, message: 'an ISO instant with offset' }),
  currency: z.string().regex(/^[A-Z]{3}$/, 'a currency code such as CNY'),
  refund: z.looseObject({ windowHours: z.number().positive(), refundableBillingModes: z.array(z.string()) }),
  compensation: z.looseObject({ multipliers: z.record(z.string(), z.string().regex(/^\d+(\.\d+)?$/, 'a decimal string')) }),
  icpReward: z.looseObject({ amounts: z.object({ common: z.string(), vip: z.string() }) }),
  scope: z.object(Object.fromEntries(CATEGORIES.map((c) => [c, z.looseObject({ inScope: z.boolean(), label: z.string(), explanation: z.string() })]))),
  sla: z.object({
    firstResponse: perSeverity(z.object({ common: span, vip: span })),
    updateInterval: perSeverity(span),
    escalationLevels: z.array(z.enum(ESCALATION_LEVELS)).min(1, 'at least one level'),
    supportHours: supportHours.optional(),
  }),
  quality: z.object({
    elements: z.array(element),
    incidentTemplate: z.array(element),
    services: z.array(z.string()),
    symptoms: z.array(z.string()),
  }),
  complaint: z.object({ acknowledgeHours: z.number().positive() }),
});

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');
const days = z.object({ holidays: z.array(day), workingWeekends: z.array(day) }).strict();

/** A manager's edits to the bundled holiday calendar (entity 'calendar', id 'desk'). */
export const calendarEditsSchema = z
  .object({ added: days, removed: days, years: z.array(z.number().int().min(2000).max(2200)) })
  .strict();
