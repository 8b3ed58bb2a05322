// The records the desk keeps, in the support center's own words.
// Stored by the case store (main/store) as plain JSON; money as decimal strings.

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

/**
 * Every contact on every channel becomes a case. Fields common to all case types are
 * here; type-specific data lives in `details`.
 */
export interface CaseRecord {
  id: string; // 'C-000001'
  type: CaseType;
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
  agent: string; // username of the operator who owns the case
  openedAt: string; // ISO UTC
  updatedAt: string; // ISO UTC
  details?: Record<string, unknown>;
}
