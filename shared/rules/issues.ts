// Turns the first validation issue into one line naming the field and why, e.g.
// `orders[0].billingMode: must be one of hourly, monthly, yearly, on-demand, postpaid`.
import type { z } from 'zod';

export function fieldPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || 'request';
}

export function describeIssue(issue: z.core.$ZodIssue, input: unknown): string {
  const where = fieldPath(issue.path);
  if ((issue.code === 'invalid_type' || issue.code === 'invalid_value') && valueAt(input, issue.path) === undefined)
    return `${where}: required`;
  switch (issue.code) {
    case 'invalid_type':
      // A schema's own message (e.g. money's) says more than zod's default.
      if (!issue.message.startsWith('Invalid input')) return `${where}: ${issue.message}`;
      return `${where}: must be ${article(issue.expected)}`;
    case 'invalid_value':
      return `${where}: must be one of ${issue.values.map(String).join(', ')}`;
    default:
      return `${where}: ${issue.message}`;
  }
}

export function describeError(error: z.ZodError, input: unknown): string {
  const first = error.issues[0];
  return first ? describeIssue(first, input) : 'request: invalid';
}

function valueAt(input: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let current: unknown = input;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function article(expected: string): string {
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}
