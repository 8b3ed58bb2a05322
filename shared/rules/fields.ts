// Field schemas shared by every request kind. Pure zod, no node imports: the renderer
// validates its forms with these.
import { z } from 'zod';

const MONEY = /^\d+(\.\d{1,2})?$/;

/** Money in: a non-negative decimal string with at most 2 decimals, e.g. "12.00", "940". */
export const money = z.string({ error: 'must be a decimal string such as "12.00"' }).superRefine((value, ctx) => {
  if (value.trim().startsWith('-')) ctx.addIssue({ code: 'custom', message: `must not be negative (got "${value}")` });
  else if (!MONEY.test(value))
    ctx.addIssue({ code: 'custom', message: `must be a decimal string with at most 2 decimals (got "${value}")` });
});

/** An instant: ISO-8601 with an offset or Z. */
export const instant = z.iso.datetime({ offset: true, error: 'must be an ISO-8601 instant with an offset or Z' });

/** A calendar date, YYYY-MM-DD. */
export const isoDate = z.iso.date({ error: 'must be a date YYYY-MM-DD' });

export const timeZone = z.string().refine(isTimeZone, { message: 'must be an IANA time zone such as Asia/Shanghai' });

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** A per-request working calendar; it replaces the bundled one for that decision. */
export const calendarDays = z.object({
  holidays: z.array(isoDate),
  workingWeekends: z.array(isoDate),
});
export type CalendarDays = z.infer<typeof calendarDays>;

/** Fields every request may carry. */
export const requestCommon = {
  now: instant.optional(),
  timeZone: timeZone.optional(),
  calendar: calendarDays.optional(),
};

export const BILLING_MODES = ['hourly', 'monthly', 'yearly', 'on-demand', 'postpaid'] as const;
export type BillingMode = (typeof BILLING_MODES)[number];
export const billingMode = z.enum(BILLING_MODES);
