// The `check sla` request (check-command.md, section "sla"): where a case stands against
// rules S1–S4 at `now`.
import { z } from 'zod';
import { SEVERITIES } from '../domain/case.js';
import { BOUNDS, boundedList, boundedText, instant, requestCommon } from './fields.js';
import { ESCALATION_LEVELS } from './policy.js';

const after = (from: string, to: string) => Date.parse(to) >= Date.parse(from);

const waiting = z
  .object({ from: instant, to: instant.optional() })
  .refine((w) => w.to === undefined || after(w.from, w.to), { message: 'must not be before from', path: ['to'] });

const keyEvent = z
  .object({ name: boundedText(BOUNDS.name).optional(), start: instant, end: instant })
  .refine((e) => Date.parse(e.end) > Date.parse(e.start), { message: 'must be after start', path: ['end'] });

const slaCase = z
  .object({
    severity: z.enum(SEVERITIES),
    vip: z.boolean(),
    openedAt: instant,
    firstResponseAt: instant.optional(),
    updates: boundedList(instant, BOUNDS.updates).optional(),
    escalationLevel: z.enum(ESCALATION_LEVELS).optional(),
    waitingForCustomer: boundedList(waiting, BOUNDS.updates).optional(),
  })
  .superRefine((c, ctx) => {
    if (c.firstResponseAt !== undefined && !after(c.openedAt, c.firstResponseAt))
      ctx.addIssue({ code: 'custom', path: ['firstResponseAt'], message: 'must not be before openedAt' });
    const early = (c.updates ?? []).findIndex((u) => !after(c.openedAt, u));
    if (early >= 0) ctx.addIssue({ code: 'custom', path: ['updates', early], message: 'must not be before openedAt' });
  });

export const slaRequestSchema = z.object({
  ...requestCommon,
  case: slaCase,
  keyEvents: boundedList(keyEvent, BOUNDS.keyEvents).optional(),
});
export type SlaRequest = z.infer<typeof slaRequestSchema>;
