// Who works on a case now: an operator (its owner) or nobody, when it waits in its level's
// queue. One concept for every case type; main/server/cases/assignment.ts moves it.
import { ESCALATION_LEVELS, type EscalationLevel } from '../rules/policy.js';
import type { CaseRecord, CaseType, Role } from './case.js';

/** L1 agent → L2 duty engineer → L3 product expert → supervisor (policy section 3). */
export const LEVELS = ESCALATION_LEVELS;
export type Level = EscalationLevel;

export interface Ownership {
  owner: string | null;
  level: Level;
}

/** Channels that open cases with no person behind them: those cases wait in the L1 queue. */
export const CHANNEL_ACTORS: readonly string[] = ['mail', 'system'];

/** The statuses after which a case is no longer worked on, per type (it leaves every queue). */
export const FINISHED_STATUSES: Record<CaseType, readonly string[]> = {
  call: ['logged', 'closed'],
  'work-order': ['resolved', 'closed'],
  refund: ['completed', 'rejected'],
  compensation: ['approved', 'rejected'],
  'icp-reward': ['credited', 'rejected'],
  complaint: ['closed'],
  billing: ['explained', 'dispute-corrected', 'dispute-rejected'],
  'access-recovery': ['approved', 'rejected'],
};

/**
 * Statuses that end a case of any type: a seeded or imported case may carry one outside its
 * type's workflow (a billing case 'closed').
 */
export const END_STATUSES: readonly string[] = ['resolved', 'closed', 'completed', 'rejected'];

/** Still worked on: in a queue, in a joined desk's working set, its SLA clock running (main/rules/case-sla.ts). */
export const isOpenCase = (record: Pick<CaseRecord, 'type' | 'status'>): boolean =>
  !(FINISHED_STATUSES[record.type] ?? []).includes(record.status) && !END_STATUSES.includes(record.status);

const isLevel = (value: unknown): value is Level => typeof value === 'string' && (LEVELS as readonly string[]).includes(value);

/**
 * The owner and level of a stored case. Cases stored before ownership existed read as owned by
 * the operator who opened them, at their work order's escalation level or L1.
 */
export function ownershipOf(record: Pick<CaseRecord, 'agent'> & { owner?: string | null; level?: unknown; details?: unknown }): Ownership {
  const escalated = (record.details as { escalationLevel?: unknown } | undefined)?.escalationLevel;
  const level = isLevel(record.level) ? record.level : isLevel(escalated) ? escalated : 'L1';
  if (record.owner !== undefined) return { owner: record.owner, level };
  return { owner: record.agent && !CHANNEL_ACTORS.includes(record.agent) ? record.agent : null, level };
}

/** An operator's level: stored for agents (L1 until set); supervisors and managers are the supervisor level. */
export function operatorLevel(operator: { role: Role; level?: unknown }): Level {
  if (operator.role !== 'agent') return 'supervisor';
  return isLevel(operator.level) && operator.level !== 'supervisor' ? operator.level : 'L1';
}

export const levelRank = (level: Level): number => LEVELS.indexOf(level);

export const sameOwnership = (a: Ownership, b: Ownership) => a.owner === b.owner && a.level === b.level;
