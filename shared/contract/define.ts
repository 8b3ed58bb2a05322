// Building blocks of the one contract between the renderer and the main process.
import type { z } from 'zod';
import type { Role } from '../domain/case.js';

/** Who may make a call: anyone (before sign-in), or a signed-in operator of at least this role. */
export type Access = 'public' | Role;

export interface CallDef<I extends z.ZodType = z.ZodType, R = unknown> {
  access: Access;
  input: I;
  /** Type-only marker for the result; never set at run time. */
  readonly result?: R;
}

/** `call<Result>()({ access, input })`: curried so the input schema is inferred and the result named. */
export const call =
  <R>() =>
  <I extends z.ZodType>(def: { access: Access; input: I }): CallDef<I, R> =>
    def;

/** The typed error every rejected call returns; `field` names the offending input field. */
export interface DeskErrorShape {
  code: 'invalid-input' | 'unauthenticated' | 'forbidden' | 'not-found' | 'conflict' | 'too-many-attempts' | 'disk-full' | 'internal';
  message: string;
  field?: string;
}

export type Outcome<R> = { ok: true; value: R } | { ok: false; error: DeskErrorShape };

const RANK: Record<Role, number> = { agent: 1, supervisor: 2, manager: 3 };

/** Managers may do what supervisors may, supervisors what agents may. */
export function roleAllows(role: Role, access: Access): boolean {
  return access === 'public' || RANK[role] >= RANK[access];
}
