// What the engine answers: an outcome, an amount and one explained entry per rule judged.
import type { DecisionKind } from './requests.js';

export type RuleOutcome = 'passed' | 'failed' | 'not-applicable';

export interface RuleResult {
  id: string; // policy rule id, e.g. 'R2', 'C5', 'S3'
  result: RuleOutcome;
  reason: string; // one line, quoting the figures used
  subject?: string; // the order / occurrence judged, where the rule is judged per item
  /** Machine-readable reason, e.g. 'R2.elapsed': the renderer translates it with `params`, falling back to `reason`. */
  code?: string;
  /** The figures quoted in `reason`, as strings, keyed by the template's placeholders. */
  params?: Record<string, string>;
}

export interface DecisionBase {
  kind: DecisionKind;
  outcome: 'eligible' | 'ineligible';
  amount: string; // exactly 2 decimals; "0.00" when ineligible
  policyVersion: string;
  rules: RuleResult[];
  /** Things the decision needs to say beyond the rules, e.g. the calendar had no data for a year. */
  notes: string[];
}

export interface RefundDecision extends DecisionBase {
  kind: 'refund';
  rewardDeducted: string;
  rewardCancelled: string;
}

export const SUBJECT_ELEMENTS = ['account', 'time', 'occurrences'] as const;
export type SubjectElement = (typeof SUBJECT_ELEMENTS)[number];

export interface CompensationDecision extends DecisionBase {
  kind: 'compensation';
  faultMinutes: number; // compensable minutes, summed
  claimDeadline: string; // YYYY-MM-DD in the decision's time zone
  subjectMissing?: SubjectElement[]; // only when an email subject was given
}

export interface IcpRewardDecision extends DecisionBase {
  kind: 'icp-reward';
  creditDueBy?: string; // when eligible
  validUntil?: string; // when eligible
}

export type Decision = RefundDecision | CompensationDecision | IcpRewardDecision;

/** `check sla` (rules S1–S4): where a case stands at `now`; instants in UTC with Z. */
export interface SlaDecision {
  kind: 'sla';
  outcome: 'on-track' | 'breached';
  policyVersion: string;
  rules: RuleResult[];
  notes: string[];
  severity: string; // after S1
  flagSupervisor: boolean;
  firstResponse: { due: string; state: 'running' | 'met' | 'breached' };
  nextUpdate: { due: string; state: 'running' | 'paused' | 'breached' } | null;
  breached: boolean;
  escalateTo: 'L2' | 'L3' | 'supervisor' | null;
}

/** Whatever `check` may answer. */
export type CheckDecision = Decision | SlaDecision;
