// The store's errors: a refused event (nothing changed) and a failed write, by kind.

/** An event was refused because a change is invalid; nothing was stored. */
export class StoreValidationError extends Error {
  override name = 'StoreValidationError';
}
