import { z } from 'zod';
import { CASE_TYPES, CATEGORIES, CHANNELS, SEVERITIES, type CaseRecord } from '../domain/case.js';
import { call } from './define.js';

/** One entry of a case's history: who changed what, when, and why. */
export interface HistoryEntry {
  seq: number;
  at: string;
  actor: string;
  action: string;
  reason?: string;
  changes: Record<string, unknown>;
}

export interface CasePage {
  total: number;
  cases: CaseRecord[];
}

export const caseCalls = {
  'calls.log': call<CaseRecord>()({
    access: 'agent',
    input: z
      .object({
        /** Empty: an unidentified caller, linked to a customer later with calls.link. */
        customerAccount: z.string().trim().default(''),
        caller: z.object({ name: z.string().trim().max(80).default(''), phone: z.string().trim().max(40).default('') }).strict().optional(),
        channel: z.enum(CHANNELS),
        category: z.enum(CATEGORIES),
        summary: z.string().trim().min(1, 'required').max(300, 'at most 300 characters'),
        notes: z.string().max(10_000, 'at most 10,000 characters').default(''),
        /** The phone system's call this log entry is for: its real duration lands on the case. */
        phoneCallId: z.string().trim().max(40).optional(),
      })
      .strict(),
  }),
  /** Links a call logged against an unidentified caller to the customer it turned out to be. */
  'calls.link': call<CaseRecord>()({
    access: 'agent',
    input: z
      .object({
        id: z.string().trim().regex(/^C-\d{6,}$/, 'a case id looks like C-000123'),
        customerAccount: z.string().trim().min(1, 'look up the customer first'),
      })
      .strict(),
  }),
  'cases.search': call<CasePage>()({
    access: 'agent',
    input: z
      .object({
        text: z.string().trim().max(200).optional(),
        status: z.array(z.string()).optional(),
        severity: z.array(z.enum(SEVERITIES)).optional(),
        channel: z.array(z.enum(CHANNELS)).optional(),
        type: z.array(z.enum(CASE_TYPES)).optional(),
        agent: z.string().optional(),
        customerAccount: z.string().optional(),
        from: z.iso.datetime({ offset: true }).optional(),
        to: z.iso.datetime({ offset: true }).optional(),
        limit: z.number().int().min(1).max(500).default(50),
        offset: z.number().int().min(0).default(0),
      })
      .strict(),
  }),
  'cases.get': call<{ case: CaseRecord; history: HistoryEntry[] }>()({
    access: 'agent',
    input: z.object({ id: z.string().trim().regex(/^C-\d{6,}$/, 'a case id looks like C-000123') }).strict(),
  }),
};
