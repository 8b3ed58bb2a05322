import type { ChannelFields } from './channel-fields.js';
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

/** What any case may carry in its details, whatever its type: the channel it came by, and what seeded and imported cases bring. */
export interface CommonDetails extends SlaFields, ChannelFields {
  service?: string;
  region?: string;
}
