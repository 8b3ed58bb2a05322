// The agent's queue, served a page at a time in the order of queue-order.ts; the SLA shown
// on a row is the kept reading of its case (the rules engine's, without reasons).
import type { QueueRow } from '../../../shared/contract/work-orders.js';
import type { CaseRecord } from '../../../shared/domain/case.js';
import { operatorLevel, ownershipOf } from '../../../shared/domain/ownership.js';
import { customerDirectory } from '../customers/directory.js';
import type { Handlers } from '../context.js';
import { isOpenWorkOrder } from './model.js';
import { ordered, pageOf, searchIndexReady } from './queue-order.js';
import { CASES } from '../../../shared/domain/entities.js';
import { withSummaryParts } from '../../../shared/domain/summary.js';

export { warmQueue } from './queue-order.js';

export const queueHandlers: Pick<Handlers, 'queue.list'> = {
  async 'queue.list'(input, ctx) {
    const { limit, offset, view, ...filters } = input;
    const accounts = filters.text ? customerDirectory(ctx.store).accountsWithPhone(filters.text) : [];
    const people = view === 'mine' ? { owner: ctx.operator.username } : view === 'level' ? { waitingAt: operatorLevel(ctx.operator) } : {};
    const query = { ...filters, ...people, ...(accounts.length > 0 ? { accounts } : {}) };
    // Text before the search index is built: say so at once (the screen asks again when it is ready).
    if (query.text && !(await searchIndexReady(ctx.store))) return { total: 0, offset, rows: [], searching: true };
    const list = await ordered(ctx, JSON.stringify(query), query);
    const rows: QueueRow[] = [];
    for (const id of await pageOf(list, offset, limit)) {
      const c = ctx.store.get<CaseRecord>(CASES, id);
      if (!c) continue;
      const s = list.sla.get(id);
      const wo = isOpenWorkOrder(c) ? c.details : undefined;
      rows.push({
        id: c.id,
        type: c.type,
        channel: c.channel,
        customerName: c.customerName,
        customerAccount: c.customerAccount,
        vip: c.vip,
        ...(c.severity ? { severity: c.severity } : {}),
        status: c.status,
        summary: c.summary,
        ...withSummaryParts(c),
        agent: c.agent,
        ...ownershipOf(c),
        openedAt: c.openedAt,
        breached: s?.breached ?? false,
        ...(wo ? { escalationLevel: wo.escalationLevel, flagSupervisor: wo.flagSupervisor } : {}),
        ...(s?.dueAt ? { dueAt: s.dueAt, dueKind: s.dueKind } : {}),
        ...(s ? { paused: s.paused } : {}),
      });
    }
    return { total: list.total, offset, rows };
  },
};
