// The records the desk keeps, in the support center's own words.
// Stored by the case store (main/store) as plain JSON; money as decimal strings.
import type { AccessRecoveryDetails } from './access-recovery.js';
import type { BillingDetails } from './billing.js';
import type { CallDetails } from './call.js';
import type { CompensationDetails } from './compensation.js';
import type { ComplaintDetails } from './complaint.js';
import type { IcpRewardDetails } from './icp-reward.js';
import type { RefundDetails } from './refund.js';
import type { CommonDetails } from './review.js';
import type { WorkOrderDetails } from './work-order.js';
import type { EscalationLevel } from '../rules/policy.js';

export const CHANNELS = ['hotline', 'online', 'email', 'work-order'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Policy section 1: in-scope and out-of-scope request categories. */
export const IN_SCOPE_CATEGORIES = [
  'product-function',
  'technical-issue',
  'operation-fault',
  'system-fault',
  'console',
] as const;
export const OUT_OF_SCOPE_CATEGORIES = [
  'third-party-deployment',
  'third-party-fault',
  'code-development',
  'routine-om',
] as const;
export const CATEGORIES = [...IN_SCOPE_CATEGORIES, ...OUT_OF_SCOPE_CATEGORIES] as const;
export type Category = (typeof CATEGORIES)[number];

export const SEVERITIES = ['SEV-1', 'SEV-2', 'SEV-3'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const CASE_TYPES = [
  'call',
  'work-order',
  'refund',
  'compensation',
  'icp-reward',
  'complaint',
  'billing',
  'access-recovery',
] as const;
export type CaseType = (typeof CASE_TYPES)[number];

export const ROLES = ['agent', 'supervisor', 'manager'] as const;
export type Role = (typeof ROLES)[number];

export interface Contact {
  name: string;
  phone?: string; // stored normalised (E.164) where it parses
  email?: string;
}

export interface Customer {
  id: string; // the service account id, e.g. 'acme-01'
  name: string;
  vip: boolean;
  region: string;
  contacts: Contact[];
  createdAt: string;
}

/** The fields every case has, whatever its type. */
export interface CaseBase {
  id: string; // 'C-000001'
  channel: Channel;
  customerAccount: string;
  customerName: string;
  vip: boolean;
  category: Category;
  inScope: boolean;
  severity?: Severity;
  status: string;
  summary: string;
  notes: string;
  errorCodes: string[];
  agent: string; // username of the operator who opened the case (the submitter four eyes checks)
  /** Who works on it now (null: it waits in its level's queue); read it with ownershipOf (older cases lack it). */
  owner?: string | null;
  level?: EscalationLevel;
  openedAt: string; // ISO UTC
  updatedAt: string; // ISO UTC
  /** The call this case was converted from: its channel and category came with it. */
  fromCase?: string;
}

/** Each case type's own details: the one place their shape is written down. */
export interface CaseDetails {
  call: CallDetails;
  /** Work orders opened on this desk carry all of it (`workOrder: true`); seeded / imported ones less. */
  'work-order': Partial<WorkOrderDetails> & CommonDetails;
  refund: RefundDetails;
  compensation: CompensationDetails;
  'icp-reward': IcpRewardDetails;
  complaint: ComplaintDetails;
  billing: BillingDetails;
  'access-recovery': AccessRecoveryDetails;
}

export type CaseOf<T extends CaseType, D = CaseDetails[T]> = CaseBase & { type: T; details: D };

/** Every contact on every channel becomes a case: one of these, told apart by `type`. */
export type CaseRecord = { [T in CaseType]: CaseOf<T> }[CaseType];

/** The case, told apart by its type: the one way to read a type's details. */
export const isCaseOf = <T extends CaseType>(record: CaseRecord | undefined, type: T): record is CaseOf<T> & CaseRecord => record?.type === type;
