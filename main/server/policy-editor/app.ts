// The manager's policy editor: list and view versions, preview a draft against recent
// decisions, publish a new version (and the holiday calendar edits) in one store event.
// Published versions only add; every stored decision keeps the version it was made under.
import type { CaseRecord } from '../../../shared/domain/case.js';
import type { Policy } from '../../../shared/rules/policy.js';
import type { CompensationClaim, RefundRequest } from '../../../shared/rules/requests.js';
import type { PreviewRow } from '../../../shared/contract/policy-editor.js';
import { decideCompensation, decideRefund, deskCalendar, NO_EDITS, policyInForce, type CalendarEdits, type DeskSettings } from '../../rules/index.js';
import type { StoredRecord } from '../../store/types.js';
import type { HandlerContext, Handlers } from '../context.js';
import { DeskError, notFound } from '../errors.js';
import { deskRules, policyVersions } from '../policy/rules-context.js';
import { refundStatusForR3 } from '../refunds/app.js';
import { BUNDLED_POLICIES } from '../../rules/index.js';
import { CALENDAR, CASES, POLICY_VERSIONS } from '../../../shared/domain/entities.js';

const obj = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' ? (v as Record<string, unknown>) : {});

function calendarEdits(ctx: HandlerContext): CalendarEdits {
  const stored = ctx.store.get<CalendarEdits & { id: string }>(CALENDAR, 'desk');
  return stored ? { added: stored.added, removed: stored.removed, years: stored.years } : NO_EDITS;
}

/** The refund request a recorded case was decided on, from the orders it recorded, as of its opening. */
function recordedRefund(ctx: HandlerContext, c: CaseRecord, vip: boolean): RefundRequest {
  const d = obj(c.details);
  const earlier = ctx.store.ofAccount<CaseRecord>(CASES, c.customerAccount).filter((e) => e.type === 'refund' && e.openedAt < c.openedAt);
  const orders = (Array.isArray(d.orders) ? d.orders : []) as Record<string, unknown>[];
  return {
    customer: { account: c.customerAccount, vip, earlierRefunds: earlier.map((e) => ({ status: refundStatusForR3(e.status) })) },
    orders: orders.map((o) => {
      const reward = obj(o.reward);
      return {
        id: String(o.id),
        billingMode: o.billingMode,
        purchasedAt: String(o.purchasedAt),
        paid: String(o.paid),
        ...(o.reward ? { reward: { granted: String(reward.granted), spent: String(reward.spent) } } : {}),
      } as RefundRequest['orders'][number];
    }),
    dataMigrationConfirmed: d.dataMigrationConfirmed === true,
  };
}

export const policyEditorHandlers: Pick<Handlers, 'policyEditor.versions' | 'policyEditor.get' | 'policyEditor.preview' | 'policyEditor.publish'> = {
  'policyEditor.versions'(_input, ctx) {
    const all = policyVersions(ctx);
    const inForce = policyInForce(all, ctx.now().getTime());
    const bundled = new Set(BUNDLED_POLICIES.map((p) => p.id));
    return {
      versions: all.map((p) => ({ id: p.id, effectiveFrom: p.effectiveFrom, source: bundled.has(p.id) ? ('bundled' as const) : ('published' as const), inForce: p === inForce })),
      calendar: calendarEdits(ctx),
    };
  },

  'policyEditor.get'(input, ctx) {
    const found = policyVersions(ctx).find((p) => p.id === input.id);
    if (!found) throw notFound(`policy version ${input.id}`, 'id');
    const { id, effectiveFrom, ...rest } = found as Policy & Record<string, unknown>;
    return { ...rest, id, effectiveFrom } as Policy;
  },

  'policyEditor.preview'(input, ctx) {
    const base = deskRules(ctx);
    // The draft decides every recorded request, whenever it was made.
    const draft = { ...(input.policy as unknown as Policy), effectiveFrom: '1970-01-01T00:00:00.000Z' };
    const recent = ctx.store
      .all<CaseRecord>(CASES)
      .filter((c) => (c.type === 'refund' || c.type === 'compensation') && obj(c.details).decision)
      .sort((a, b) => (a.openedAt < b.openedAt ? 1 : a.openedAt > b.openedAt ? -1 : 0))
      .slice(0, input.limit);
    const rows: PreviewRow[] = [];
    for (const c of recent) {
      const d = obj(c.details);
      const old = obj(d.decision);
      const desk: DeskSettings = {
        ...base,
        policies: [draft],
        calendar: input.calendar ? deskCalendar(input.calendar) : base.calendar,
        clock: () => Date.parse(c.openedAt),
      };
      let next: { outcome: string; amount: string };
      try {
        next =
          c.type === 'refund'
            ? decideRefund(recordedRefund(ctx, c, c.vip), desk)
            : decideCompensation(d.claim as CompensationClaim, desk);
      } catch (error) {
        next = { outcome: `error: ${error instanceof Error ? error.message : String(error)}`, amount: '—' };
      }
      rows.push({
        caseId: c.id,
        kind: c.type as 'refund' | 'compensation',
        openedAt: c.openedAt,
        oldOutcome: String(old.outcome),
        oldAmount: String(old.amount),
        oldPolicyVersion: String(old.policyVersion),
        newOutcome: next.outcome,
        newAmount: next.amount,
        changed: next.outcome !== old.outcome || next.amount !== old.amount,
      });
    }
    return { rows };
  },

  'policyEditor.publish'(input, ctx) {
    const policy = input.policy as unknown as Policy;
    if (policyVersions(ctx).some((p) => p.id === policy.id)) {
      throw new DeskError('conflict', `version ${policy.id} is already published; give the new version its own id`, 'policy.id');
    }
    if (Date.parse(policy.effectiveFrom) < ctx.now().getTime()) {
      throw new DeskError('invalid-input', 'must not be in the past: decisions already made keep their version', 'policy.effectiveFrom');
    }
    ctx.store.append({
      actor: ctx.operator.username,
      action: 'policy.published',
      reason: input.reason,
      changes: [
        { entity: POLICY_VERSIONS, id: policy.id, op: 'put', record: policy as unknown as StoredRecord },
        ...(input.calendar ? [{ entity: CALENDAR, id: 'desk', op: 'put' as const, record: { id: 'desk', ...input.calendar } as unknown as StoredRecord }] : []),
      ],
    });
    return { id: policy.id, effectiveFrom: policy.effectiveFrom, source: 'published', inForce: policyInForce(policyVersions(ctx), ctx.now().getTime())?.id === policy.id };
  },
};
