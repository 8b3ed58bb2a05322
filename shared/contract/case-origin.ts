// Where a case came from, the same for every case form: its channel (the policy's four) and,
// when an agent converts a call, that call. The server carries the call's category over.
import { z } from 'zod';
import { CHANNELS } from '../domain/case.js';
import { caseId } from './bounds.js';

export const caseOrigin = {
  channel: z.enum(CHANNELS).default('hotline'),
  fromCase: caseId.optional(),
};
