// The case types a supervisor reviews, and the statuses in which each waits for the review.
// main/server/workspace/review.ts says how each is approved and rejected; the renderer reads the
// statuses from here to offer approve / reject.
export const PENDING_REVIEW = {
  refund: ['submitted'],
  compensation: ['submitted'],
  'icp-reward': ['submitted'],
  'access-recovery': ['submitted'],
  billing: ['disputed'],
} as const satisfies Record<string, readonly string[]>;

export type ReviewableType = keyof typeof PENDING_REVIEW;
export const REVIEWABLE_TYPES = Object.keys(PENDING_REVIEW) as ReviewableType[];

export const isReviewable = (type: string): type is ReviewableType => Object.hasOwn(PENDING_REVIEW, type);

/** Whether a case of this type, in this status, waits for a supervisor. */
export const awaitsReview = (record: { type: string; status: string }): boolean =>
  isReviewable(record.type) && (PENDING_REVIEW[record.type] as readonly string[]).includes(record.status);
