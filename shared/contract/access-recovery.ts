// Restoring administrative access to a customer account (the admin left, a role is lost): the
// company verification documents, the requested role change, who held it before. Nothing changes
// until a supervisor other than the submitter approves.
import { z } from 'zod';
import { type CaseOf, type CaseRecord } from '../domain/case.js';
import { caseOrigin } from './case-origin.js';
import { call } from './define.js';
import { caseId, freeText, LIMITS, requiredName, requiredText } from './bounds.js';
import { attachmentInput } from './work-orders.js';

export const RECOVERY_REASONS = ['admin-left', 'role-lost'] as const;
const text = requiredName;

/** Who holds an administrative role on a customer account now (entity 'accountRoles', id '<account>:<role>'). */
export interface AccountRole {
  id: string;
  account: string;
  role: string;
  holder: string;
  since: string;
  grantedBy: string;
  viaCase: string;
}

export const accessRecoveryCalls = {
  'accessRecovery.submit': call<CaseOf<'access-recovery'>>()({
    access: 'agent',
    input: z
      .object({
        customerAccount: text(80, 'look up the customer first'),
        reason: z.enum(RECOVERY_REASONS),
        role: text(80),
        previousHolder: text(120, 'who held the role before?'),
        newHolder: text(120, 'who should hold it now?'),
        documents: z.array(attachmentInput).min(1, 'attach the company verification documents').max(10, 'at most 10 files'),
        notes: freeText(LIMITS.notes).default(''),
        ...caseOrigin,
      })
      .strict(),
  }),
  'accessRecovery.approve': call<CaseOf<'access-recovery'>>()({ access: 'supervisor', input: z.object({ id: caseId }).strict() }),
  'accessRecovery.reject': call<CaseOf<'access-recovery'>>()({ access: 'supervisor', input: z.object({ id: caseId, reason: requiredText(1000, 'give a reason') }).strict() }),
  'accessRecovery.roles': call<AccountRole[]>()({ access: 'agent', input: z.object({ customerAccount: text(80) }).strict() }),
};
