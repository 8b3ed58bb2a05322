import type { SlaFields } from './work-order.js';

// A supervisor's review recorded on a case (four eyes: never by the case's own agent).
export interface CaseReview {
  outcome: 'approved' | 'rejected';
  /** Always set by the desk; seeded demo cases may lack who and when. */
  by?: string;
  at?: string;
  /** The policy version the reviewed decision was made under. */
  policyVersion?: string;
  reason?: string;
}

/** What seeded and imported cases carry in their details, whatever their type. */
export interface ImportedFields extends SlaFields {
  service?: string;
  region?: string;
}
