// The one contract for everything the renderer may ask of the main process, and the
// events the main process pushes. Validated in the main process at the boundary.
import type { z } from 'zod';
import type { StoreChange } from '../domain/entities.js';
import type { CallDef, Outcome } from './define.js';
import { caseCalls } from './cases.js';
import { assignmentCalls } from './assignments.js';
import { customerCalls } from './customers.js';
import { operatorCalls } from './operators.js';
import { policyCalls } from './policy.js';
import { assuranceCalls } from './assurance.js';
import { settingsCalls } from './settings.js';
import { workOrderCalls } from './work-orders.js';
import { approvalCalls } from './approvals.js';
import { dashboardCalls } from './dashboard.js';
import { policyEditorCalls } from './policy-editor.js';
import { billingCalls } from './billing.js';
import { accessRecoveryCalls } from './access-recovery.js';
import { uploadCalls } from './uploads.js';
import { channelCalls, type PhoneCall } from './channels.js';
import { teamCalls, type TeamStatusView } from './team.js';

export const contract = {
  ...operatorCalls,
  ...settingsCalls,
  ...customerCalls,
  ...caseCalls,
  ...assignmentCalls,
  ...policyCalls,
  ...assuranceCalls,
  ...workOrderCalls,
  ...approvalCalls,
  ...dashboardCalls,
  ...policyEditorCalls,
  ...billingCalls,
  ...accessRecoveryCalls,
  ...uploadCalls,
  ...channelCalls,
  ...teamCalls,
} satisfies Record<string, CallDef>;

export type Contract = typeof contract;
export type CallName = keyof Contract;
export type CallInput<N extends CallName> = z.input<Contract[N]['input']>;
export type ParsedInput<N extends CallName> = z.output<Contract[N]['input']>;
export type CallResult<N extends CallName> = Contract[N] extends CallDef<z.ZodType, infer R> ? R : never;

/** What the main process pushes to every signed-in window. */
export interface DeskEvents {
  /** Every durable change, once per entity of each stored event (forwarded from store.subscribe). */
  'store.changed': StoreChange;
  'clock.tick': { now: string };
  'sla.breached': { id: string; severity: string };
  /** A manager's report export: rows written so far of all (`exportId`: the caller's, when it gave one). */
  'export.progress': { report: string; exportId?: string; done: number; total: number };
  /** The phone system reported a call ringing, answered or ended; `agents` are whose desks it rings. */
  'phone.call': PhoneCall;
  /** A joined desk's link changed: online / syncing / offline, changes waiting, conflicts. */
  'team.status': TeamStatusView;
}
export type EventName = keyof DeskEvents;

/** `window.api`: the same shape from the preload (Electron) and the WebSocket client (browser host). */
export interface DeskApi {
  call<N extends CallName>(name: N, input: CallInput<N>): Promise<Outcome<CallResult<N>>>;
  on<E extends EventName>(event: E, listener: (payload: DeskEvents[E]) => void): () => void;
}

export const CALL_NAMES = Object.keys(contract) as CallName[];
export const isCallName = (name: unknown): name is CallName => typeof name === 'string' && Object.hasOwn(contract, name);

export * from './define.js';
export type { OperatorView, SessionView } from './operators.js';
export type { CustomerMatch } from './customers.js';
export type { CasePage, HistoryEntry } from './cases.js';
export type { DeskSettings } from './settings.js';
export { LANGUAGES } from './settings.js';
export type { StoreChange } from '../domain/entities.js';
export type { TeamStatusView, TeamConflictView } from './team.js';
