// Zammad's generic CTI push format, as phone systems already post it: form-encoded
// (`user[]=Alice&user[]=Bob`) or JSON, events newCall, answer and hangup.
import { z } from 'zod';

export const CTI_EVENTS = ['newCall', 'answer', 'hangup'] as const;

const number = z.string().trim().max(100, 'at most 100 characters').default('');

/** Extra fields phone systems add (userId[], fullUserId[], queue…) are accepted and ignored. */
export const ctiEventSchema = z.object({
  event: z.enum(CTI_EVENTS, 'the event is newCall, answer or hangup'),
  callId: z.string().trim().min(1, 'required').max(250, 'at most 250 characters'),
  from: number,
  to: number,
  direction: z.enum(['in', 'out'], 'the direction is in or out').default('in'),
  user: z.array(z.string().trim().max(200, 'at most 200 characters')).max(50, 'at most 50 users').default([]),
  cause: z.string().trim().max(100, 'at most 100 characters').optional(),
  answeringNumber: z.string().trim().max(100, 'at most 100 characters').optional(),
});

export type CtiEvent = z.output<typeof ctiEventSchema>;

/** The posted body as fields: `user[]` and `user` both become the `user` list. */
export function ctiFields(body: string, contentType: string): Record<string, unknown> {
  if (/json/i.test(contentType)) {
    const parsed: unknown = JSON.parse(body);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new SyntaxError('the JSON body is not an object');
    const fields = { ...(parsed as Record<string, unknown>) };
    const user = fields['user[]'] ?? fields.user;
    delete fields['user[]'];
    if (user !== undefined) fields.user = Array.isArray(user) ? user : [user];
    return fields;
  }
  const params = new URLSearchParams(body);
  const fields: Record<string, unknown> = {};
  for (const key of new Set(params.keys())) {
    if (key.endsWith('[]')) continue;
    fields[key] = params.get(key);
  }
  const users = [...params.getAll('user[]'), ...params.getAll('user')];
  if (users.length) fields.user = users;
  return fields;
}
