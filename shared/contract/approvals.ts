// The supervisor's desk: one approval queue (refunds, compensation, escalations, key events),
// key-event review, the refund receipt as a PDF, and the audit trail with its hash-chain check.
import { z } from 'zod';
import type { KeyEventRecord } from './work-orders.js';
import type { CaseRecord } from '../domain/case.js';
import type { ReviewableType } from '../domain/reviewable.js';
import { call } from './define.js';
import { caseId, LIMITS, nameText, requiredText } from './bounds.js';
import type { SummaryParts } from '../domain/summary.js';

/** A reviewable case's type, a supervisor-level escalation, or a VIP key event. */
export type ApprovalKind = ReviewableType | 'escalation' | 'keyEvent';

/** One item waiting for a supervisor, already in the order the queue shows it. */
export interface ApprovalItem {
  kind: ApprovalKind;
  /** Case id (C-…) or key-event id (KE-…). */
  id: string;
  customerAccount: string;
  customerName: string;
  vip: boolean;
  summary: string;
  /** The summary's parts when the desk generated it: the renderer words them. */
  summaryParts?: SummaryParts;
  /** Money asked for (refund, compensation), decimal string. */
  amount?: string;
  /** Who submitted / registered / escalated it (four eyes: not this one). */
  submittedBy: string;
  /** Since when it waits. */
  since: string;
  /** An SLA timer of the work order is breached (escalations). */
  breached: boolean;
  /** The operator asking may decide it (four eyes); escalations are handled in the work order. */
  canDecide: boolean;
}

export interface AuditEvent {
  seq: number;
  at: string;
  actor: string;
  action: string;
  reason?: string;
  /** entity:id of each changed record. */
  targets: string[];
}

export interface AuditPage {
  total: number;
  events: AuditEvent[];
}

export interface AuditVerdict {
  ok: boolean;
  events: number;
  firstBrokenSeq?: number;
  finding?: string;
}

export interface ReceiptFile {
  fileName: string;
  /** application/pdf, base64. */
  base64: string;
}

const keyEventId = z.string().trim().max(LIMITS.id).regex(/^KE-\d{5,}$/, 'a key-event id looks like KE-00001');
const reason = requiredText(1000, 'give a reason');
const instant = z.iso.datetime({ offset: true });

export const approvalCalls = {
  'approvals.list': call<ApprovalItem[]>()({ access: 'supervisor', input: z.object({}).strict() }),
  /** Approve or reject any reviewable case the queue lists (four eyes enforced by its domain). */
  'approvals.approve': call<CaseRecord>()({ access: 'supervisor', input: z.object({ id: caseId }).strict() }),
  'approvals.reject': call<CaseRecord>()({ access: 'supervisor', input: z.object({ id: caseId, reason }).strict() }),
  'keyEvents.approve': call<KeyEventRecord>()({ access: 'supervisor', input: z.object({ id: keyEventId }).strict() }),
  'keyEvents.reject': call<KeyEventRecord>()({ access: 'supervisor', input: z.object({ id: keyEventId, reason }).strict() }),
  /** The approved refund's receipt as a PDF: a supervisor, or the agent of the case. */
  'refunds.receipt': call<ReceiptFile>()({ access: 'agent', input: z.object({ id: caseId }).strict() }),
  'audit.events': call<AuditPage>()({
    access: 'supervisor',
    input: z
      .object({
        actor: nameText(LIMITS.id).optional(),
        action: nameText(LIMITS.id).optional(),
        from: instant.optional(),
        to: instant.optional(),
        page: z.number().int().min(0).default(0),
      })
      .strict(),
  }),
  'audit.verify': call<AuditVerdict>()({ access: 'supervisor', input: z.object({}).strict() }),
};
