// What an access recovery keeps: who held the account role and who should, the company's
// verification documents, the review and the role change it made.
import type { CaseReview, CommonDetails } from './review.js';
import type { AttachmentRef } from './work-order.js';

export interface AccessRecoveryDetails extends CommonDetails {
  reason?: string;
  role?: string;
  previousHolder?: string;
  newHolder?: string;
  documents?: AttachmentRef[];
  review?: CaseReview;
  roleChange?: { role: string; from: string; to: string; at: string };
}
