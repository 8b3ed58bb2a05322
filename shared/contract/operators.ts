import { z } from 'zod';
import { ROLES, type Role } from '../domain/case.js';
import { call } from './define.js';

export interface OperatorView {
  username: string;
  displayName: string;
  role: Role;
  active: boolean;
}

export interface SessionView {
  operator: OperatorView | null;
  /** True until the first manager has been created through the one-time set-up. */
  needsSetup: boolean;
}

const username = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9._-]{1,31}$/, 'use 2–32 lower-case letters, digits, dots, dashes or underscores');
const password = z.string().min(10, 'at least 10 characters').max(200, 'at most 200 characters');
const displayName = z.string().trim().min(1, 'required').max(80, 'at most 80 characters');

export const operatorCalls = {
  'session.current': call<SessionView>()({ access: 'public', input: z.object({}).strict() }),
  'setup.createManager': call<OperatorView>()({
    access: 'public',
    input: z.object({ username, displayName, password }).strict(),
  }),
  'session.signIn': call<OperatorView>()({
    access: 'public',
    input: z.object({ username: z.string().trim().min(1, 'required'), password: z.string().min(1, 'required') }).strict(),
  }),
  'session.signOut': call<null>()({ access: 'agent', input: z.object({}).strict() }),
  /** A token that brings this sign-in back after a reload; kept by the page for its tab only. */
  'session.resumeToken': call<string>()({ access: 'agent', input: z.object({}).strict() }),
  'session.resume': call<OperatorView | null>()({
    access: 'public',
    input: z.object({ token: z.string().min(20, 'not a resume token').max(100, 'not a resume token') }).strict(),
  }),
  'operators.list': call<OperatorView[]>()({ access: 'manager', input: z.object({}).strict() }),
  'operators.create': call<OperatorView>()({
    access: 'manager',
    input: z.object({ username, displayName, password, role: z.enum(ROLES) }).strict(),
  }),
  'operators.setActive': call<OperatorView>()({
    access: 'manager',
    input: z.object({ username, active: z.boolean(), reason: z.string().trim().min(1, 'required') }).strict(),
  }),
};
