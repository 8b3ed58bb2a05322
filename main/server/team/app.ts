// The team link as the renderer sees it. A desk on its own answers too: no team, nothing waiting.
import type { TeamStatusView } from '../../../shared/contract/team.js';
import { digestRecords } from '../../team/desk/digest.js';
import type { Handlers } from '../context.js';
import { notFound } from '../errors.js';

const SOLO: TeamStatusView = { mode: 'solo', state: 'online', waiting: 0, conflicts: 0, cursor: 0 };

export const teamHandlers: Pick<Handlers, 'team.status' | 'team.conflicts' | 'team.redo' | 'team.dismiss' | 'team.digest'> = {
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
  'team.digest': (_input, { store, team }) => ({ ...digestRecords(store), cursor: team?.status().cursor ?? 0 }),
};
