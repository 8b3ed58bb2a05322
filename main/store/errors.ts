// The store's errors: a refused event (nothing changed) and a failed write, by kind.

/** An event was refused because a change is invalid; nothing was stored. */
export class StoreValidationError extends Error {
  override name = 'StoreValidationError';
}

/**
 * A write that could not be made durable; nothing was stored. `kind` lets the desk answer
 * in words: 'disk-full' (ENOSPC, EDQUOT: free space and retry), 'io' (any other failure).
 */
export type StoreErrorKind = 'disk-full' | 'io';

export class StoreError extends Error {
  override name = 'StoreError';
  constructor(
    readonly kind: StoreErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The StoreError for a failed journal write. */
export function writeFailure(err: unknown): StoreError {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT')
    return new StoreError('disk-full', 'the disk is full, so the change was not saved; free some disk space and try again', { cause: err });
  return new StoreError('io', `the change could not be written to disk (${code ?? (err as Error)?.message ?? 'unknown error'}); it was not saved`, { cause: err });
}
