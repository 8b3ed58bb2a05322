// A logged call keeps nothing beyond the case's own fields.
import type { CommonDetails } from './review.js';

export type CallDetails = CommonDetails;
