import type { DeskErrorShape } from '../../shared/contract/index.js';

/** Thrown by a handler; reaches the renderer as a typed `{code, message, field}`. */
export class DeskError extends Error {
  constructor(
    readonly code: DeskErrorShape['code'],
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'DeskError';
  }

  toShape(): DeskErrorShape {
    return this.field === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, field: this.field };
  }
}

export const notFound = (what: string, field?: string) => new DeskError('not-found', `${what} not found`, field);
