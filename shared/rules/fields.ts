// Field schemas and input bounds shared by every request kind (policy.md, "Conventions").
// Pure zod, no node imports: the renderer validates its forms with these, and the contract
// (shared/contract) reuses the bounds for its own fields.
import { z } from 'zod';

/** Maximum lengths of stored texts and lists (policy.md "Input bounds"). */
export const BOUNDS = {
  summary: 500,
  notes: 20_000,
  name: 200,
  /** Account ids, order ids, occurrence ids, claim ids. */
  id: 200,
  /** An email subject is a one-line summary. */
  emailSubject: 500,
  /** R4: one request holds 1 to 3 orders. */
  orders: 3,
  /** A compensation claim holds 1 to 100 occurrences. */
  occurrences: 100,
  earlierRequests: 1_000,
  keyEvents: 100,
  updates: 1_000,
  /** Days in a calendar given with one request (about ten years of holidays). */
  calendarDays: 4_000,
  moneyIntegerDigits: 12,
  moneyDecimals: 2,
} as const;

const MONEY = /^\d+(\.\d+)?$/;

/**
 * Money in: a non-negative decimal string with at most 12 integer digits and 2 decimals, no
 * sign, exponent or separators, e.g. "12.00", "940".
 */
export const money = z.string({ error: 'must be a decimal string such as "12.00"' }).superRefine((value, ctx) => {
  const fail = (message: string) => ctx.addIssue({ code: 'custom', message: `${message} (got "${value.slice(0, 40)}")` });
  if (/^\s*-/.test(value)) return fail('must not be negative');
  if (/^\s*\+/.test(value)) return fail('must be a plain amount without a sign');
  if (!MONEY.test(value)) return fail('must be a decimal string such as "12.00": digits, at most one ".", no exponent or separators');
  const [whole = '', frac = ''] = value.split('.');
  if (whole.length > BOUNDS.moneyIntegerDigits) return fail(`must have at most ${BOUNDS.moneyIntegerDigits} integer digits`);
  if (frac.length > BOUNDS.moneyDecimals) return fail(`must be a decimal string with at most ${BOUNDS.moneyDecimals} decimals`);
});

// RFC 3339 date-time: T and Z in either case, offset Z or ±HH:MM, seconds required.
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?([Zz]|([+-])(\d{2}):(\d{2}))$/;

function isRfc3339(value: string): boolean {
  const m = RFC3339.exec(value);
  if (!m) return false;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const daysInMonth = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth || h > 23 || mi > 59 || s > 59) return false;
  if (m[9] !== undefined && (Number(m[10]) > 23 || Number(m[11]) > 59)) return false;
  return !Number.isNaN(Date.parse(value.toUpperCase()));
}

/** An instant: RFC 3339 with an offset or Z (either case); handed on in upper case. */
export const instant = z
  .string({ error: 'must be an RFC 3339 instant such as "2026-05-01T10:00:00+08:00"' })
  .refine(isRfc3339, { message: 'must be an RFC 3339 instant with seconds and an offset (Z or ±HH:MM), e.g. "2026-05-01T10:00:00+08:00"' })
  .transform((value) => value.toUpperCase());

/** A calendar date, YYYY-MM-DD. */
export const isoDate = z.iso.date({ error: 'must be a date YYYY-MM-DD' });

export const timeZone = z.string().max(100, 'at most 100 characters').refine(isTimeZone, { message: 'must be an IANA time zone such as Asia/Shanghai' });

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** A bounded text: at most `max` characters, refused (never truncated) past it. */
export const boundedText = (max: number) => z.string().max(max, `at most ${max.toLocaleString('en-US')} characters`);
/** A required id or name: not empty, at most `max` characters. */
export const requiredText = (max: number = BOUNDS.id) => boundedText(max).min(1, 'must not be empty');
/** A bounded list. */
export const boundedList = <T extends z.ZodType>(item: T, max: number) => z.array(item).max(max, `at most ${max.toLocaleString('en-US')} entries`);

/** A per-request working calendar; it replaces the bundled one for that decision. */
export const calendarDays = z.object({
  holidays: boundedList(isoDate, BOUNDS.calendarDays),
  workingWeekends: boundedList(isoDate, BOUNDS.calendarDays),
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
