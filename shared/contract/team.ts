import { z } from 'zod';
import { caseId } from './bounds.js';
import { call } from './define.js';
import type { SummaryParts } from '../domain/summary.js';
import type { WorkOrderView } from './work-orders.js';

/** The desk's link to its team: none (a desk on its own), or online / syncing / offline. */
export interface TeamStatusView {
  mode: 'solo' | 'team';
  state: 'online' | 'syncing' | 'offline';
  /** Changes made here that the team server has not answered yet. */
  waiting: number;
  /** Commands the server refused, kept until redone or dismissed. */
  conflicts: number;
  deskCode?: string;
  /** The team server this desk joined. */
  serverUrl?: string;
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

// ---- over the whole center: answered by the team server (SQL), forwarded by a joined desk ----

export const teamSearchInput = z
  .object({
    text: z.string().trim().max(200).optional(),
    status: z.array(z.string().max(40)).max(20).optional(),
    type: z.array(z.string().max(40)).max(20).optional(),
    customerAccount: z.string().max(64).optional(),
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
    limit: z.number().int().min(1).max(200).default(50),
    offset: z.number().int().min(0).default(0),
  })
  .strict();
export interface TeamSearchResult {
  total: number;
  /** The matching cases' records, newest openedAt first. */
  cases: Array<{ id: string } & Record<string, unknown>>;
}

export const teamReportInput = z
  .object({
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
  })
  .strict();
export interface TeamReport {
  from: string | null;
  to: string | null;
  total: number;
  byType: Array<{ type: string; count: number }>;
  byStatus: Array<{ status: string; count: number }>;
  /** By the desk code in case ids `C-<desk>-<n>` (null for ids without one). */
  byDesk: Array<{ deskCode: string | null; count: number }>;
  byAgent: Array<{ agent: string | null; count: number }>;
}

/** Where a whole-center answer came from: the team server; none while offline; none on a desk without a team. */
export type CenterSource = 'server' | 'offline' | 'solo';

/** A case the team server found, and whether this desk's replica holds it. */
export interface CenterCaseHit {
  id: string;
  type: string;
  status: string;
  customerName: string;
  summary: string;
  /** The summary's parts when the desk generated it: the renderer words them. */
  summaryParts?: SummaryParts;
  openedAt: string;
  inReplica: boolean;
}

export interface CenterSearchView {
  source: CenterSource;
  total: number;
  cases: CenterCaseHit[];
}

export interface CenterReportView {
  source: CenterSource;
  report?: TeamReport;
}

/**
 * A case read from the team server (a search hit this desk's replica lacks: settled and older
 * than `replicaDays`): read-only, with its full history; none while offline or without a team.
 */
export interface CenterCaseView {
  source: CenterSource;
  replicaDays: number;
  view?: WorkOrderView;
}

export const teamCalls = {
  'team.status': call<TeamStatusView>()({ access: 'agent', input: z.object({}).strict() }),
  'team.conflicts': call<TeamConflictView[]>()({ access: 'agent', input: z.object({}).strict() }),
  /** Runs the refused call again with its kept input, as the signed-in operator, against today's records. */
  'team.redo': call<unknown>()({ access: 'agent', input: z.object({ commandId }).strict() }),
  'team.dismiss': call<null>()({ access: 'agent', input: z.object({ commandId }).strict() }),
  /** A digest of every shared record in this desk's replica: equal digests, equal state. */
  /** Case search over the whole center on the team server (older cases beyond the replica, Chinese too). */
  'team.search': call<CenterSearchView>()({ access: 'agent', input: teamSearchInput }),
  /** One case and its history as the team server holds it, to read a hit that is not on this desk. */
  'team.case': call<CenterCaseView>()({ access: 'agent', input: z.object({ id: caseId }).strict() }),
  /** Case counts over the whole center from the team server's SQL (managers). */
  'team.report': call<CenterReportView>()({ access: 'manager', input: teamReportInput }),
  'team.digest': call<{ digest: string; records: number; cursor: number }>()({ access: 'agent', input: z.object({}).strict() }),
};
