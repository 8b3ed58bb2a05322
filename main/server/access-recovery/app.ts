// Restoring administrative access to a customer account. The agent records the verification
// documents (stored like work-order attachments), the role, who held it and who should; nothing
// changes until a supervisor other than the submitter approves, and the approval and the role
// change are one audited event.
import type { AccountRole } from '../../../shared/contract/access-recovery.js';
import type { AccessRecoveryDetails } from '../../../shared/domain/access-recovery.js';
import { DeskError } from '../errors.js';
import type { StoredRecord } from '../../store/types.js';
import type { Handlers } from '../context.js';
import { advanceCase, caseOrigin, customerOf, newCase, submittedForReview } from '../workspace/workflow.js';
import { storeAttachments } from '../work-orders/attachments.js';
import { ACCOUNT_ROLES, CASES } from '../../../shared/domain/entities.js';
import { allocateId } from '../ids.js';


export const accessRecoveryHandlers: Pick<Handlers, 'accessRecovery.submit' | 'accessRecovery.approve' | 'accessRecovery.reject' | 'accessRecovery.roles'> = {
  'accessRecovery.submit'(input, ctx) {
    const customer = customerOf(ctx, input.customerAccount);
    const files = ctx.uploads.claim(ctx.connection.id, input.documents, 'documents'); // all finished before anything is written
    const id = allocateId(ctx.store, CASES);
    const documents = storeAttachments(ctx.dataDir, id, files, ctx.uploads);
    const details: AccessRecoveryDetails = { reason: input.reason, role: input.role, previousHolder: input.previousHolder, newHolder: input.newHolder, documents };
    const record = {
      ...newCase(ctx, customer, {
        type: 'access-recovery',
        ...caseOrigin(ctx, input),
        status: 'submitted',
        summary: `Access recovery: ${input.role} ${input.previousHolder} → ${input.newHolder}`,
        notes: input.notes,
        details,
      }),
      id,
    };
    ctx.store.append({
      actor: ctx.operator.username,
      action: 'access-recovery.submitted',
      changes: [{ entity: CASES, id, op: 'put', record: { ...record } as StoredRecord }],
    });
    return record;
  },

  'accessRecovery.approve'(input, ctx) {
    const record = submittedForReview(ctx, input.id, 'access-recovery');
    const d = record.details;
    if (!d.role || !d.newHolder) throw new DeskError('conflict', `case ${record.id} names no role and new holder (seeded or imported)`, 'id');
    const at = ctx.now().toISOString();
    const role: AccountRole = {
      id: `${record.customerAccount}:${d.role}`,
      account: record.customerAccount,
      role: d.role,
      holder: d.newHolder,
      since: at,
      grantedBy: ctx.operator.username,
      viaCase: record.id,
    };
    return advanceCase(
      ctx,
      record,
      'access-recovery.approved',
      'approved',
      { review: { by: ctx.operator.username, at, outcome: 'approved' }, roleChange: { role: d.role, from: d.previousHolder ?? '', to: d.newHolder, at } },
      { extra: [{ entity: ACCOUNT_ROLES, id: role.id, op: 'put', record: { ...role } as StoredRecord }] },
    );
  },

  'accessRecovery.reject'(input, ctx) {
    const record = submittedForReview(ctx, input.id, 'access-recovery');
    return advanceCase(
      ctx,
      record,
      'access-recovery.rejected',
      'rejected',
      { review: { by: ctx.operator.username, at: ctx.now().toISOString(), outcome: 'rejected', reason: input.reason } },
      { reason: input.reason },
    );
  },

  'accessRecovery.roles'(input, ctx) {
    const customer = customerOf(ctx, input.customerAccount);
    return ctx.store.all<AccountRole & StoredRecord>(ACCOUNT_ROLES).filter((r) => r.account === customer.id);
  },
};
