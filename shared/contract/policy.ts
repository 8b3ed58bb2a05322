import { z } from 'zod';
import type { Policy } from '../rules/policy.js';
import { call } from './define.js';

export const policyCalls = {
  /** The policy version in force now: scope table, targets, amounts; the renderer shows, never decides. */
  'policy.current': call<Policy>()({ access: 'agent', input: z.object({}).strict() }),
};
