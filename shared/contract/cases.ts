import { z } from 'zod';
import { CASE_TYPES, CATEGORIES, CHANNELS, SEVERITIES, type CaseOf, type CaseRecord } from '../domain/case.js';
import type { Ownership } from '../domain/ownership.js';
import { call } from './define.js';
import { accountId, caseId, freeText, LIMITS, list, nameText, requiredText } from './bounds.js';

/** One entry of a case's history: who changed what, when, and why. */
export interface HistoryEntry {
  seq: number;
  at: string;
  actor: string;
  action: string;
  reason?: string;
  changes: Record<string, unknown>;
  /** Set when this change moved the case to another owner or level. */
  assignment?: { from: Ownership; to: Ownership };
}

export interface CasePage {
  total: number;
  cases: CaseRecord[];
}

/** The out-of-scope category the words of a call point at (policy section 1), with what to tell the caller. */
export interface ScopeSuggestion {
  category: (typeof CATEGORIES)[number];
  inScope: boolean;
  label: string;
  explanation: string;
  words: string[];
}

export const caseCalls = {
  /** Reads the words typed for a case (summary and notes) against the scope table: null when none point out of scope. */
  'scope.suggest': call<ScopeSuggestion | null>()({ access: 'agent', input: z.object({ text: freeText(LIMITS.summary + LIMITS.notes) }).strict() }),
  'calls.log': call<CaseOf<'call'>>()({
    access: 'agent',
    input: z
      .object({
        /** Empty: an unidentified caller, linked to a customer later with calls.link. */
        customerAccount: nameText(LIMITS.id).default(''),
        caller: z.object({ name: nameText(80).default(''), phone: nameText(40).default('') }).strict().optional(),
        channel: z.enum(CHANNELS),
        category: z.enum(CATEGORIES),
        summary: requiredText(LIMITS.summary),
        notes: freeText(LIMITS.notes).default(''),
        /** The phone system's call this log entry is for: its real duration lands on the case. */
        phoneCallId: nameText(40).optional(),
      })
      .strict(),
  }),
  /** Links a call logged against an unidentified caller to the customer it turned out to be. */
  'calls.link': call<CaseRecord>()({
    access: 'agent',
    input: z
      .object({
        id: z.string().trim().regex(/^C-(?:[A-Z0-9]{1,8}-)?\d{6,}$/, 'a case id looks like C-000123'),
        customerAccount: z.string().trim().min(1, 'look up the customer first'),
      })
      .strict(),
  }),
  'cases.search': call<CasePage>()({
    access: 'agent',
    input: z
      .object({
        text: freeText(LIMITS.search).optional(),
        status: list(nameText(40), 20).optional(),
        severity: list(z.enum(SEVERITIES), 10).optional(),
        channel: list(z.enum(CHANNELS), 10).optional(),
        type: list(z.enum(CASE_TYPES), 20).optional(),
        agent: nameText(LIMITS.id).optional(),
        customerAccount: nameText(LIMITS.id).optional(),
        from: z.iso.datetime({ offset: true }).optional(),
        to: z.iso.datetime({ offset: true }).optional(),
        limit: z.number().int().min(1).max(500).default(50),
        offset: z.number().int().min(0).default(0),
      })
      .strict(),
  }),
  'cases.get': call<{ case: CaseRecord; history: HistoryEntry[] }>()({
    access: 'agent',
    input: z.object({ id: caseId }).strict(),
  }),
};
