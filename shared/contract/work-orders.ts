// Work orders (policy sections 3, 4, 8), VIP key events and the agent's queue.
import { z } from 'zod';
import { CASE_TYPES, CHANNELS, SEVERITIES, type CaseRecord, type Severity } from '../domain/case.js';
import type { RuleResult } from '../rules/decision.js';
import type { EscalationLevel } from '../rules/policy.js';
import type { WorkOrderRecord } from '../domain/work-order.js';
import type { HistoryEntry } from './cases.js';
import { caseOrigin } from './case-origin.js';
import { call } from './define.js';
import { accountId, caseId, freeText, LIMITS, list, nameText, requiredName } from './bounds.js';
import { uploadRef } from './uploads.js';
import type { SummaryParts } from '../domain/summary.js';
import { operatorName } from './assignments.js';
import type { Level } from '../domain/ownership.js';

/** The lifecycle of a work order, in order. */
export const WORK_ORDER_STATUSES = ['new', 'in-progress', 'waiting-for-customer', 'escalated', 'resolved', 'closed'] as const;
export type WorkOrderStatus = (typeof WORK_ORDER_STATUSES)[number];
/** Statuses other case types (and imported cases) use; the queue filters on them too. */
export const OTHER_STATUSES = ['logged', 'open', 'pending-customer'] as const;

export { MAX_ATTACHMENT_BYTES } from './uploads.js';

export type { AttachmentRef, BreachEntry, EscalationEntry, IncidentFields, WorkOrderDetails, WorkOrderRecord, WorkOrderUpdateEntry } from '../domain/work-order.js';

export interface SlaTimerView {
  target: string;
  startedAt: string;
  due: string;
  /** 'paused': the update clock stands still while the case waits for the customer. */
  state: 'running' | 'met' | 'paused' | 'breached';
  remainingMinutes?: number;
  breachedByMinutes?: number;
}

export interface SlaView {
  /** The version the case is timed with: the one in force when it opened. */
  policyVersion: string;
  /** After S1 (a key-event raise). */
  severity: string;
  flagSupervisor: boolean;
  outcome: 'on-track' | 'breached';
  firstResponse: SlaTimerView;
  nextUpdate?: SlaTimerView;
  breached: boolean;
  paused: boolean;
  /** Whole minutes the clock stood still waiting for the customer (from the rules engine). */
  pausedMinutes?: number;
  /** The support calendar the timers count on, e.g. "24/7". */
  clock?: string;
  escalateTo?: EscalationLevel;
  /** The case is closed: its timers are read as they stood at this instant and no longer run. */
  stoppedAt?: string;
  rules: RuleResult[];
  notes: string[];
}

export interface QualityView {
  score: number;
  missing: string[];
  policyVersion: string;
  rules: RuleResult[];
}

export interface WorkOrderView {
  case: CaseRecord;
  history: HistoryEntry[];
  /** Present for every case with a severity: the rules engine's one SLA reading (caseSla). */
  sla?: SlaView;
  quality?: QualityView;
  /** The statuses this case may move to now (escalation has its own call). */
  nextStatuses: string[];
}

export interface KeyEventRecord {
  id: string;
  customerAccount: string;
  name: string;
  start: string;
  end: string;
  registeredBy: string;
  registeredAt: string;
  /** Registrations take effect at once; a supervisor then approves or rejects them. */
  approved: boolean;
  /** A rejected window no longer raises severity. */
  rejected?: boolean;
  rejectedReason?: string;
}

export interface QueueRow {
  id: string;
  type: string;
  channel: string;
  customerName: string;
  customerAccount: string;
  vip: boolean;
  severity?: string;
  status: string;
  summary: string;
  /** The summary's parts when the desk generated it: the renderer words them. */
  summaryParts?: SummaryParts;
  agent: string;
  /** Who works on it now (null: it waits in its level's queue). */
  owner: string | null;
  level: Level;
  openedAt: string;
  breached: boolean;
  escalationLevel?: string;
  /** The nearest running SLA due instant, from the rules engine. */
  dueAt?: string;
  dueKind?: 'firstResponse' | 'nextUpdate';
  paused?: boolean;
  flagSupervisor?: boolean;
}

export const QUEUE_VIEWS = ['all', 'mine', 'level'] as const;
export type QueueView = (typeof QUEUE_VIEWS)[number];

export interface QueuePage {
  total: number;
  offset: number;
  rows: QueueRow[];
  /** True when text was typed before the desk's search index was built: no rows yet, ask again shortly. */
  searching?: boolean;
}

const text = freeText;
const lines = (max: number, each = 2000) => list(text(each), max).default([]);
const instant = z.iso.datetime({ offset: true, message: 'a date and time with offset, e.g. 2026-04-29T14:00:00+08:00' });

/** A file of a case: a finished upload (uploads.begin, uploads.chunk). */
export const attachmentInput = uploadRef;

export const incidentInput = z
  .object({
    startTime: z.union([instant, z.literal('')]).optional(),
    region: nameText(100).optional(),
    affectedServices: list(nameText(100)).optional(),
    symptoms: text(2000).optional(),
    errorCodes: list(nameText(100)).optional(),
    mitigationAttempted: text(2000).optional(),
  })
  .strict();

/** The draft the quality check and create share. */
export const workOrderDraft = z
  .object({
    summary: text(LIMITS.summary),
    severity: z.enum(SEVERITIES, 'choose SEV-1, SEV-2 or SEV-3').optional(),
    businessImpact: text(2000).default(''),
    evidence: lines(50),
    errorCodes: list(nameText(100)).default([]),
    stepsTried: lines(50),
    incident: incidentInput.optional(),
    attachmentCount: z.number().int().min(0).max(20).default(0),
  })
  .strict();

export const workOrderCalls = {
  'workOrders.quality': call<QualityView>()({ access: 'agent', input: workOrderDraft }),
  'workOrders.create': call<WorkOrderRecord>()({
    access: 'agent',
    input: z
      .object({
        customerAccount: accountId('look up the customer first'),
        ...caseOrigin,
        summary: text(LIMITS.summary).min(1, 'required'),
        severity: z.enum(SEVERITIES, 'choose SEV-1, SEV-2 or SEV-3'),
        businessImpact: text(2000).min(1, 'required: production down or degraded, which services, how many users'),
        evidence: lines(50),
        errorCodes: list(nameText(100)).default([]),
        stepsTried: lines(50),
        incident: incidentInput.optional(),
        attachments: z.array(attachmentInput).max(20, 'at most 20 files').default([]),
        notes: text(LIMITS.notes).default(''),
      })
      .strict(),
  }),
  'workOrders.get': call<WorkOrderView>()({ access: 'agent', input: z.object({ id: caseId }).strict() }),
  'workOrders.transition': call<WorkOrderRecord>()({
    access: 'agent',
    input: z
      .object({ id: caseId, status: z.enum(WORK_ORDER_STATUSES), reason: text(2000).optional() })
      .strict(),
  }),
  'workOrders.update': call<WorkOrderRecord>()({
    access: 'agent',
    input: z
      .object({
        id: caseId,
        done: text(4000).min(1, 'say what was done'),
        observed: text(4000).min(1, 'say what was observed'),
      })
      .strict(),
  }),
  'workOrders.escalate': call<WorkOrderRecord>()({
    access: 'agent',
    /** Up one level into that level's queue, or to `operator`, a person at a higher level. */
    input: z.object({ id: caseId, reason: text(2000).min(1, 'give a reason for the escalation'), operator: operatorName.optional() }).strict(),
  }),
  'keyEvents.register': call<KeyEventRecord>()({
    access: 'agent',
    input: z
      .object({
        customerAccount: accountId('look up the customer first'),
        name: requiredName(LIMITS.name),
        start: instant,
        end: instant,
      })
      .strict(),
  }),
  'keyEvents.list': call<KeyEventRecord[]>()({
    access: 'agent',
    input: z.object({ customerAccount: accountId() }).strict(),
  }),
  'queue.list': call<QueuePage>()({
    access: 'agent',
    input: z
      .object({
        text: text(LIMITS.search).optional(),
        status: list(nameText(40), 20).optional(),
        severity: list(z.enum(SEVERITIES), 10).optional(),
        channel: list(z.enum(CHANNELS), 10).optional(),
        type: list(z.enum(CASE_TYPES), 20).optional(),
        /** all cases; mine: the open cases I own; level: the open cases nobody owns at my level. */
        view: z.enum(QUEUE_VIEWS).default('all'),
        limit: z.number().int().min(1).max(500).default(100),
        offset: z.number().int().min(0).default(0),
      })
      .strict(),
  }),
};
