// A logged call keeps nothing beyond the case's own fields.
import type { ImportedFields } from './review.js';

export type CallDetails = ImportedFields;
