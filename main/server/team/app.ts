// The team link as the renderer sees it. A desk on its own answers too: no team, nothing waiting.
import type { CenterCaseHit, TeamReport, TeamSearchResult, TeamStatusView } from '../../../shared/contract/team.js';
import type { WorkOrderView } from '../../../shared/contract/work-orders.js';
import { CASES } from '../../../shared/domain/entities.js';
import { digestRecords } from '../../team/desk/digest.js';
import { replicaDays } from '../../team/desk/scope.js';
import type { Handlers } from '../context.js';
import { notFound } from '../errors.js';
import { withSummaryParts } from '../../../shared/domain/summary.js';

const text = (value: unknown) => (typeof value === 'string' ? value : '');
const hit = (record: Record<string, unknown> & { id: string }, inReplica: boolean): CenterCaseHit => ({
  id: record.id,
  type: text(record.type),
  status: text(record.status),
  customerName: text(record.customerName),
  summary: text(record.summary),
  ...withSummaryParts({ type: record.type, details: record.details }),
  openedAt: text(record.openedAt),
  inReplica,
});

const SOLO: TeamStatusView = { mode: 'solo', state: 'online', waiting: 0, conflicts: 0, cursor: 0 };

export const teamHandlers: Pick<Handlers, 'team.status' | 'team.conflicts' | 'team.redo' | 'team.dismiss' | 'team.digest' | 'team.search' | 'team.case' | 'team.report'> = {
  'team.status': (_input, { team }) => team?.status() ?? SOLO,
  'team.conflicts': (_input, { team }) => team?.conflicts() ?? [],
  'team.redo'(input, { team, connection }) {
    if (!team) throw notFound('conflict', 'commandId');
    return team.redo(input.commandId, connection);
  },
  'team.dismiss'(input, { team, operator }) {
    if (!team) throw notFound('conflict', 'commandId');
    team.dismiss(input.commandId, operator.username);
    return null;
  },
  // Over the whole center: the team server answers; offline (or without a team) the desk says so.
  async 'team.search'(input, { store, team, operator }) {
    if (!team) return { source: 'solo', total: 0, cases: [] };
    const found = (await team.center('team.search', input, operator.username)) as TeamSearchResult | undefined;
    if (!found) return { source: 'offline', total: 0, cases: [] };
    return { source: 'server', total: found.total, cases: found.cases.map((c) => hit(c, store.get(CASES, c.id) !== undefined)) };
  },
  // A hit the replica lacks is read from the server as it is there now; nothing is stored here.
  async 'team.case'(input, { team, operator, settings }) {
    const days = replicaDays(settings.get());
    if (!team) return { source: 'solo', replicaDays: days };
    const view = (await team.center('workOrders.get', input, operator.username)) as WorkOrderView | undefined;
    return view ? { source: 'server', replicaDays: days, view } : { source: 'offline', replicaDays: days };
  },
  async 'team.report'(input, { team, operator }) {
    if (!team) return { source: 'solo' };
    const report = (await team.center('team.report', input, operator.username)) as TeamReport | undefined;
    return report ? { source: 'server', report } : { source: 'offline' };
  },
  'team.digest': (_input, { store, team }) => ({ ...digestRecords(store, team?.shared), cursor: team?.status().cursor ?? 0 }),
};
