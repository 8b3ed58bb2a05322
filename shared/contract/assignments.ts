// Who works on a case: claiming it from one's level's queue, transferring it to a person or a
// level with a reason, releasing it back to its level's queue. Every case type alike.
import { z } from 'zod';
import type { CaseRecord } from '../domain/case.js';
import { LEVELS } from '../domain/ownership.js';
import { call } from './define.js';
import { caseId, LIMITS, nameText, requiredText } from './bounds.js';

export const operatorName = nameText(LIMITS.id).min(1, 'choose an operator');
export const levelInput = z.enum(LEVELS, 'choose L1, L2, L3 or supervisor');

export const assignmentCalls = {
  /** Takes an unowned case from the operator's level's queue; refused when someone claimed it meanwhile. */
  'cases.claim': call<CaseRecord>()({ access: 'agent', input: z.object({ id: caseId }).strict() }),
  /** Hands the case to a person (`operator`) or to a level's queue (`level`), with a reason. */
  'cases.transfer': call<CaseRecord>()({
    access: 'agent',
    input: z
      .object({
        id: caseId,
        operator: operatorName.optional(),
        level: levelInput.optional(),
        reason: requiredText(LIMITS.text, 'give a reason for the transfer'),
      })
      .strict()
      .refine((v) => (v.operator === undefined) !== (v.level === undefined), { message: 'name a person or a level (one of them)', path: ['operator'] }),
  }),
  /** Puts the case back in its level's queue for someone else to claim. */
  'cases.release': call<CaseRecord>()({
    access: 'agent',
    input: z.object({ id: caseId, reason: requiredText(LIMITS.text, 'give a reason for the release').optional() }).strict(),
  }),
};
