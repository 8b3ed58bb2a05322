// What the desk core's team calls see of the link: status, the refused commands, redo, dismiss.
import type { TeamConflictView, TeamStatusView } from '../../../shared/contract/team.js';
import type { Connection } from '../../server/context.js';
import type { Desk } from '../../server/desk.js';
import { DeskError, notFound } from '../../server/errors.js';
import type { CaseStore, StoredRecord } from '../../store/types.js';
import type { ReplicaScope } from './scope.js';
import { CONFLICTS, splitKey, type ConflictRecord } from './entities.js';

/** The reads a desk asks the team server for, over the whole center. */
export type CenterRead = 'team.search' | 'team.report' | 'workOrders.get';

export interface TeamLink {
  status(): TeamStatusView;
  conflicts(): TeamConflictView[];
  /** Runs a refused command again as `connection`'s operator; it is queued like any other change. */
  redo(commandId: string, connection: Connection): Promise<unknown>;
  dismiss(commandId: string, actor: string): void;
  /** A whole-center read (team.search, team.report, one case) on the team server as `operator`; undefined while it cannot be reached. */
  center(call: CenterRead, input: unknown, operator: string): Promise<unknown>;
  /** Which records every desk with this replica window holds alike (team.digest compares those). */
  shared(entity: string, record: StoredRecord): boolean;
}

/** Who last changed one of the conflict's records on the server, when the server did not say. */
function decidedAfter(store: CaseStore, conflict: ConflictRecord): TeamConflictView['decidedBy'] {
  for (const key of conflict.touched) {
    const { entity, id } = splitKey(key);
    const event = store
      .history(entity, id)
      .reverse()
      .find((e) => !e.action.startsWith('team.') && e.actor !== conflict.operator);
    if (event) return { actor: event.actor, action: event.action, at: event.at };
  }
  return undefined;
}

export function teamLink(
  store: CaseStore,
  status: () => TeamStatusView,
  desk: () => Desk,
  center: TeamLink['center'],
  scope: ReplicaScope,
): TeamLink {
  const find = (commandId: string) => {
    const conflict = store.get<ConflictRecord>(CONFLICTS, commandId);
    if (!conflict) throw notFound('conflict', 'commandId');
    return conflict;
  };
  const dismiss = (commandId: string, actor: string, action: string) =>
    store.append({ actor, action, changes: [{ entity: CONFLICTS, id: commandId, op: 'delete' }] });

  return {
    status,
    center,
    shared: scope.shared,
    conflicts: () =>
      store
        .all<ConflictRecord>(CONFLICTS)
        .sort((a, b) => (a.refusedAt < b.refusedAt ? 1 : -1))
        .map((c) => ({
          commandId: c.id,
          call: c.call,
          input: c.input,
          operator: c.operator,
          at: c.at,
          refusedAt: c.refusedAt,
          error: c.error,
          records: c.touched,
          decidedBy: c.decidedBy ?? decidedAfter(store, c),
        })),
    async redo(commandId, connection) {
      const conflict = find(commandId);
      const outcome = await desk().dispatch(connection, conflict.call, conflict.input);
      if (!outcome.ok) throw new DeskError(outcome.error.code, outcome.error.message, outcome.error.field);
      dismiss(commandId, connection.operator?.username ?? conflict.operator, 'team.redone');
      return outcome.value;
    },
    dismiss(commandId, actor) {
      find(commandId);
      dismiss(commandId, actor, 'team.dismissed');
    },
  };
}
