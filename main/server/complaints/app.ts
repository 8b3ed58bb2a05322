// Section 9: a complaint names its subject, is acknowledged in time and closes only with a
// recorded response to the customer. The due time comes from the rules engine.
import { acknowledgedInTime, complaintAcknowledgement } from '../../rules/complaint.js';
import type { Handlers } from '../context.js';
import { DeskError } from '../errors.js';
import { deskRules } from '../policy/rules-context.js';
import { advanceCase, caseInStatus, caseOrigin, customerOf, newCase, recordNewCase } from '../workspace/workflow.js';

export const complaintHandlers: Pick<Handlers, 'complaints.open' | 'complaints.acknowledge' | 'complaints.respond' | 'complaints.close'> = {
  'complaints.open'(input, ctx) {
    const customer = customerOf(ctx, input.customerAccount);
    const openedAt = ctx.now().toISOString();
    const due = complaintAcknowledgement(openedAt, deskRules(ctx));
    const record = newCase(ctx, customer, {
      type: 'complaint',
      ...caseOrigin(ctx, input),
      status: 'open',
      summary: input.summary,
      notes: input.notes,
      details: { subject: input.subject, acknowledgeBy: due.acknowledgeBy, acknowledgeHours: due.hours, policyVersion: due.policyVersion, rule: due.rule },
    });
    return recordNewCase(ctx, record, 'complaint.opened');
  },

  'complaints.acknowledge'(input, ctx) {
    const record = caseInStatus(ctx, input.id, 'complaint', ['open']);
    const at = ctx.now().toISOString();
    const inTime = acknowledgedInTime(String(record.details?.acknowledgeBy), at);
    return advanceCase(ctx, record, 'complaint.acknowledged', 'acknowledged', { acknowledgedAt: at, acknowledgedBy: ctx.operator.username, acknowledgedInTime: inTime });
  },

  'complaints.respond'(input, ctx) {
    const record = caseInStatus(ctx, input.id, 'complaint', ['open', 'acknowledged']);
    return advanceCase(ctx, record, 'complaint.responded', record.status, {
      response: input.response,
      respondedAt: ctx.now().toISOString(),
      respondedBy: ctx.operator.username,
    });
  },

  'complaints.close'(input, ctx) {
    const record = caseInStatus(ctx, input.id, 'complaint', ['open', 'acknowledged']);
    if (typeof record.details?.response !== 'string' || record.details.response.trim() === '') {
      throw new DeskError('invalid-input', 'record the response to the customer before closing the complaint', 'response');
    }
    return advanceCase(ctx, record, 'complaint.closed', 'closed', { closedAt: ctx.now().toISOString(), closedBy: ctx.operator.username });
  },
};
