// A logged call keeps nothing beyond the case's own fields.
import type { CommonDetails } from './review.js';

export interface CallDetails extends CommonDetails {
  /** An unidentified caller's own words, until the call is linked to a customer. */
  caller?: { name: string; phone: string };
}
