import { z } from 'zod';
import { call } from './define.js';

/** The desk's link to its team: none (a desk on its own), or online / syncing / offline. */
export interface TeamStatusView {
  mode: 'solo' | 'team';
  state: 'online' | 'syncing' | 'offline';
  /** Changes made here that the team server has not answered yet. */
  waiting: number;
  /** Commands the server refused, kept until redone or dismissed. */
  conflicts: number;
  deskCode?: string;
  /** Last position of the center's events this desk has applied. */
  cursor: number;
  /** Set when waiting changes need an operator to sign in online again to be sent. */
  needsSignIn?: string;
  lastSyncAt?: string;
}

/** A change the team server did not apply, why, and who decided the record instead. */
export interface TeamConflictView {
  commandId: string;
  call: string;
  input: unknown;
  operator: string;
  at: string;
  refusedAt: string;
  error: { code: string; message: string; field?: string };
  /** The records it would have changed, e.g. `cases/C-K7-000012`. */
  records: string[];
  decidedBy?: { actor: string; action: string; at: string };
}

const commandId = z.uuid("not a command id");

export const teamCalls = {
  'team.status': call<TeamStatusView>()({ access: 'agent', input: z.object({}).strict() }),
  'team.conflicts': call<TeamConflictView[]>()({ access: 'agent', input: z.object({}).strict() }),
  /** Runs the refused call again with its kept input, as the signed-in operator, against today's records. */
  'team.redo': call<unknown>()({ access: 'agent', input: z.object({ commandId }).strict() }),
  'team.dismiss': call<null>()({ access: 'agent', input: z.object({ commandId }).strict() }),
  /** A digest of every shared record in this desk's replica: equal digests, equal state. */
  'team.digest': call<{ digest: string; records: number; cursor: number }>()({ access: 'agent', input: z.object({}).strict() }),
};
