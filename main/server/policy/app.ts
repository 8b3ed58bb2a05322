import type { Handlers } from '../context.js';
import { currentPolicy } from './rules-context.js';

export const policyHandlers: Pick<Handlers, 'policy.current'> = {
  'policy.current': (_input, services) => currentPolicy(services),
};
