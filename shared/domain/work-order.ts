// What a work order keeps in its details (policy sections 3, 4, 8).
import type { RuleResult } from '../rules/decision.js';
import type { EscalationLevel } from '../rules/policy.js';
import { isCaseOf, type CaseOf, type CaseRecord, type Severity } from './case.js';

export interface AttachmentRef {
  name: string;
  /** Relative to the data directory: attachments/<caseId>/<sha256-prefix>-<safe-name>. */
  path: string;
  sha256: string;
  bytes: number;
}

export interface WorkOrderUpdateEntry {
  at: string;
  by: string;
  done: string;
  observed: string;
}

export interface EscalationEntry {
  at: string;
  by: string; // operator username, or 'system' for a breach
  from: EscalationLevel;
  to: EscalationLevel;
  reason: string;
  automatic: boolean;
}

export interface BreachEntry {
  timer: 'firstResponse' | 'nextUpdate';
  due: string;
  at: string;
}

export interface IncidentFields {
  startTime?: string;
  region?: string;
  affectedServices?: string[];
  symptoms?: string;
  errorCodes?: string[];
  mitigationAttempted?: string;
}

/** The SLA times the engine reads from a case (see main/rules/case-sla.ts); imported cases of any type may carry them. */
export interface SlaFields {
  requestedSeverity?: Severity;
  firstResponseAt?: string;
  lastUpdateAt?: string;
  escalationLevel?: EscalationLevel;
  pauses?: { start: string; end?: string; reason?: string }[];
}

/** What a work order keeps in CaseRecord.details. */
export type WorkOrderDetails = {
  workOrder: true;
  policyVersion: string;
  requestedSeverity: Severity;
  severityRule: RuleResult;
  flagSupervisor: boolean;
  businessImpact: string;
  evidence: string[];
  attachments: AttachmentRef[];
  stepsTried: string[];
  incident?: IncidentFields;
  updates: WorkOrderUpdateEntry[];
  escalationLevel: EscalationLevel;
  escalations: EscalationEntry[];
  pauses: { start: string; end?: string; reason?: string }[];
  firstResponseAt?: string;
  lastUpdateAt?: string;
  breached: boolean;
  breaches: BreachEntry[];
  qualityScore: number;
};

/** A work order opened on this desk (seeded and imported ones carry less: see `isOpenWorkOrder`). */
export type WorkOrderRecord = CaseOf<'work-order', WorkOrderDetails>;

/** A work order opened on this desk, with its SLA bookkeeping (seeded and imported ones lack it). */
export function isWorkOrder(record: CaseRecord | undefined): record is WorkOrderRecord & CaseRecord {
  return isCaseOf(record, 'work-order') && record.details.workOrder === true;
}
