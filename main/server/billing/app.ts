// Billing inquiries and disputes. Figures come from the rules engine (exact money); a dispute is
// resolved by a supervisor other than the agent who raised it (four eyes, enforced here).
import type { BillingDisputeRow } from '../../../shared/contract/billing.js';
import type { BillingDispute } from '../../../shared/domain/billing.js';
import { isCaseOf, type CaseRecord } from '../../../shared/domain/case.js';
import { correctionFigures, disputeFigures, inquiryTotal } from '../../rules/index.js';
import type { Handlers } from '../context.js';
import { DeskError } from '../errors.js';
import { advanceCase, caseInStatus, caseOrigin, customerOf, newCase, recordNewCase, requireFourEyes } from '../workspace/workflow.js';
import { CASES } from '../../../shared/domain/entities.js';

export const billingHandlers: Pick<Handlers, 'billing.open' | 'billing.explain' | 'billing.dispute' | 'billing.resolveDispute' | 'billing.disputes'> = {
  'billing.open'(input, ctx) {
    const customer = customerOf(ctx, input.customerAccount);
    const { total, rules } = inquiryTotal(input.items);
    const record = newCase(ctx, customer, {
      type: 'billing',
      ...caseOrigin(ctx, input),
      status: 'open',
      summary: `Billing ${input.invoicePeriod}: ${input.items.map((i) => i.service).join(', ')} (${total})`,
      notes: input.question,
      details: { invoicePeriod: input.invoicePeriod, items: input.items, total, question: input.question, rules },
    });
    return recordNewCase(ctx, record, 'billing.opened');
  },

  'billing.explain'(input, ctx) {
    const record = caseInStatus(ctx, input.id, 'billing', ['open']);
    const items = record.details.items ?? [];
    const index = items.findIndex((i) => i.service === input.service);
    if (index < 0) throw new DeskError('invalid-input', `${input.service} is not among the services asked about`, 'service');
    const explanation = { service: input.service, usageMetric: input.usageMetric, text: input.explanation, by: ctx.operator.username, at: ctx.now().toISOString() };
    return advanceCase(ctx, record, 'billing.explained', 'explained', { explanation });
  },

  'billing.dispute'(input, ctx) {
    const record = caseInStatus(ctx, input.id, 'billing', ['open', 'explained']);
    const figures = disputeFigures(input.expectedAmount, input.billedAmount);
    if (figures.difference === '0.00') throw new DeskError('invalid-input', figures.rules[0]!.reason, 'billedAmount');
    const dispute: BillingDispute = {
      expected: figures.expected,
      billed: figures.billed,
      difference: figures.difference,
      reason: input.reason,
      raisedBy: ctx.operator.username,
      raisedAt: ctx.now().toISOString(),
      rules: figures.rules,
    };
    return advanceCase(ctx, record, 'billing.disputed', 'disputed', { dispute }, { reason: input.reason });
  },

  'billing.resolveDispute'(input, ctx) {
    const record = caseInStatus(ctx, input.id, 'billing', ['disputed']);
    const dispute = record.details.dispute;
    if (!dispute) throw new DeskError('conflict', `case ${record.id} is disputed but carries no dispute figures (seeded or imported)`, 'id');
    requireFourEyes(ctx, record); // not the agent who opened the case
    if (dispute.raisedBy === ctx.operator.username) requireFourEyes(ctx, { ...record, agent: dispute.raisedBy }); // nor who raised the dispute
    const resolved: BillingDispute = { ...dispute, outcome: input.outcome, note: input.note, resolvedBy: ctx.operator.username, resolvedAt: ctx.now().toISOString() };
    if (input.outcome === 'corrected') {
      if (input.correctedAmount === undefined) throw new DeskError('invalid-input', 'give the corrected amount', 'correctedAmount');
      const c = correctionFigures(dispute.billed, input.correctedAmount);
      if (c.rules[0]!.result === 'failed') throw new DeskError('invalid-input', c.rules[0]!.reason, 'correctedAmount');
      Object.assign(resolved, { correctedAmount: c.corrected, credit: c.credit, rules: [...dispute.rules, ...c.rules] });
    } else if (input.correctedAmount !== undefined) {
      throw new DeskError('invalid-input', 'a corrected amount goes only with the outcome "corrected"', 'correctedAmount');
    }
    return advanceCase(ctx, record, `billing.dispute-${input.outcome}`, `dispute-${input.outcome}`, { dispute: resolved }, { reason: input.note });
  },

  'billing.disputes'(input, ctx) {
    const rows: BillingDisputeRow[] = [];
    for (const record of ctx.store.all<CaseRecord>(CASES)) {
      if (!isCaseOf(record, 'billing')) continue;
      const d = record.details.dispute;
      if (!d) continue;
      const resolved = d.outcome !== undefined;
      if ((input.status === 'open' && resolved) || (input.status === 'resolved' && !resolved)) continue;
      rows.push({
        id: record.id,
        customerAccount: record.customerAccount,
        invoicePeriod: record.details.invoicePeriod ?? '',
        status: record.status,
        expected: d.expected,
        billed: d.billed,
        difference: d.difference,
        ...(d.outcome ? { outcome: d.outcome } : {}),
        ...(d.correctedAmount ? { correctedAmount: d.correctedAmount } : {}),
        ...(d.credit ? { credit: d.credit } : {}),
        ...(d.resolvedBy ? { resolvedBy: d.resolvedBy } : {}),
      });
    }
    return rows;
  },
};
