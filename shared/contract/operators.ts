import { z } from 'zod';
import { ROLES, type Role } from '../domain/case.js';
import { LEVELS, type Level } from '../domain/ownership.js';
import { call } from './define.js';
import { LIMITS, requiredName, requiredText } from './bounds.js';

export interface OperatorView {
  username: string;
  displayName: string;
  role: Role;
  /** L1–L3 for agents; supervisors and managers are the supervisor level. */
  level: Level;
  active: boolean;
  /** Set while the account is locked after too many failed sign-ins (ISO instant it lifts by itself). */
  lockedUntil?: string;
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
const displayName = requiredName(80);
const level = z.enum(LEVELS, 'choose L1, L2, L3 or supervisor');

export const operatorCalls = {
  'session.current': call<SessionView>()({ access: 'public', input: z.object({}).strict() }),
  'setup.createManager': call<OperatorView>()({
    access: 'public',
    input: z.object({ username, displayName, password }).strict(),
  }),
  'session.signIn': call<OperatorView>()({
    access: 'public',
    // The password's maximum is checked here, before any hashing.
    input: z.object({ username: requiredName(LIMITS.id), password: z.string().min(1, 'required').max(200, 'at most 200 characters') }).strict(),
  }),
  'session.signOut': call<null>()({ access: 'agent', input: z.object({}).strict() }),
  /** A token that brings this sign-in back after a reload; kept by the page for its tab only. */
  'session.resumeToken': call<string>()({ access: 'agent', input: z.object({}).strict() }),
  'session.resume': call<OperatorView | null>()({
    access: 'public',
    input: z.object({ token: z.string().min(20, 'not a resume token').max(100, 'not a resume token') }).strict(),
  }),
  'operators.list': call<OperatorView[]>()({ access: 'supervisor', input: z.object({}).strict() }),
  /** The active operators a case can be transferred or escalated to, with their levels. */
  'operators.directory': call<OperatorView[]>()({ access: 'agent', input: z.object({}).strict() }),
  'operators.create': call<OperatorView>()({
    access: 'manager',
    input: z.object({ username, displayName, password, role: z.enum(ROLES), level: level.optional() }).strict(),
  }),
  /** An agent's level (L1, L2, L3); supervisors and managers are the supervisor level by their role. */
  'operators.setLevel': call<OperatorView>()({
    access: 'supervisor',
    input: z.object({ username, level }).strict(),
  }),
  'operators.setActive': call<OperatorView>()({
    access: 'manager',
    input: z.object({ username, active: z.boolean(), reason: requiredText(1000) }).strict(),
  }),
  /** Lifts a lock after failed sign-ins before it lifts by itself. */
  'operators.unlock': call<OperatorView>()({
    access: 'manager',
    input: z.object({ username, reason: requiredText(1000) }).strict(),
  }),
};
