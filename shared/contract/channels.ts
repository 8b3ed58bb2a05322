// The mail and phone channels: a manager's mailbox, SMTP and phone-system settings, agents'
// replies to customers, the supervisor's view of mail kept aside, and the calls the phone
// system reported (ringing, answered, missed).
import { z } from 'zod';
import type { CaseRecord, Customer } from '../domain/case.js';
import type { RuleResult } from '../rules/decision.js';
import type { MailCaseDetails, MailEntry } from '../domain/channel-fields.js';
import type { CustomerMatch } from './customers.js';
import { call } from './define.js';
import type { AttachmentRef, KeyEventRecord } from './work-orders.js';

export const AFTER_IMPORT = ['keep', 'move', 'delete'] as const;

/** Settings as a manager sees them: passwords never leave the main process, only whether one is set. */
export interface ChannelSettingsView {
  imap: { host: string; port: number; tls: boolean; user: string; folder: string; afterImport: (typeof AFTER_IMPORT)[number]; moveTo: string; passwordSet: boolean } | null;
  smtp: { host: string; port: number; tls: boolean; user: string; from: string; passwordSet: boolean } | null;
  /** Whether the phone system has a token; the token itself is shown once, in `newCtiToken`. */
  ctiTokenSet: boolean;
  /** Only in the answer to the update that made it: the phone system posts to /api/v1/cti/<token>. */
  newCtiToken?: string;
  lastFetch?: { at: string; ok: boolean; imported: number; message?: string };
}

export type { MailCaseDetails, MailEntry } from '../domain/channel-fields.js';

export const SET_ASIDE_CODES = ['too-large', 'unparseable', 'no-sender', 'rejected'] as const;

export interface SetAsideMail {
  id: string;
  at: string;
  uid: number;
  mailbox: string;
  bytes: number;
  /** Why, for the screen in either language; `reason` says it in English with the details. */
  code: (typeof SET_ASIDE_CODES)[number];
  reason: string;
  /** Relative to the data directory; the raw message as received. */
  path: string;
}

export const CALL_STATES = ['ringing', 'answered', 'ended', 'missed'] as const;

/** One call the phone system told the desk about. */
export interface PhoneCall {
  id: string;
  callId: string;
  from: string;
  to: string;
  direction: 'in' | 'out';
  state: (typeof CALL_STATES)[number];
  /** Usernames of the agents the phone rings (empty: every signed-in agent). */
  agents: string[];
  caller: CustomerMatch | null;
  startedAt: string;
  answeredAt?: string;
  answeredBy?: string;
  endedAt?: string;
  cause?: string;
  durationSeconds?: number;
  /** The call-log case the agent saved for it. */
  caseId?: string;
  calledBack?: { at: string; by: string };
}

/** What the caller pop-up shows: who is calling, their open and recent cases. */
export interface CallerCard {
  customer: Customer;
  open: CaseRecord[];
  recent: CaseRecord[];
  /** The customer's key events in force now or still to come (not rejected), soonest first. */
  keyEvents: KeyEventRecord[];
}

const host = z.string().trim().min(1, 'required').max(253);
const port = z.number().int().min(1, 'a port is 1–65535').max(65535, 'a port is 1–65535');
const secret = z.string().max(500).optional();
const caseId = z.string().trim().regex(/^C-(?:[A-Z0-9]{1,8}-)?\d{6,}$/, 'a case id looks like C-000123');

export const channelCalls = {
  'channels.settings': call<ChannelSettingsView>()({ access: 'manager', input: z.object({}).strict() }),
  'channels.update': call<ChannelSettingsView>()({
    access: 'manager',
    input: z
      .object({
        /** null switches the mailbox off; an omitted password keeps the one set. */
        imap: z
          .object({
            host,
            port,
            tls: z.boolean(),
            user: z.string().trim().min(1, 'required').max(320),
            password: secret,
            folder: z.string().trim().min(1, 'required').max(200).default('INBOX'),
            afterImport: z.enum(AFTER_IMPORT).default('keep'),
            moveTo: z.string().trim().max(200).default(''),
          })
          .strict()
          .refine((imap) => imap.afterImport !== 'move' || imap.moveTo !== '', { message: 'name the folder to move imported mail to', path: ['moveTo'] })
          .nullable()
          .optional(),
        smtp: z
          .object({ host, port, tls: z.boolean(), user: z.string().trim().max(320).default(''), password: secret, from: z.email('not an email address') })
          .strict()
          .nullable()
          .optional(),
        /** true makes a new CTI token (the old one stops working). */
        newCtiToken: z.boolean().optional(),
      })
      .strict(),
  }),
  /** Fetches new mail now instead of waiting for the next round. */
  'mail.fetchNow': call<{ imported: number; setAside: number }>()({ access: 'manager', input: z.object({}).strict() }),
  'mail.reply': call<CaseRecord>()({
    access: 'agent',
    input: z.object({ id: caseId, text: z.string().trim().min(1, 'write the reply').max(20_000, 'at most 20,000 characters') }).strict(),
  }),
  'mail.setAside': call<SetAsideMail[]>()({ access: 'supervisor', input: z.object({}).strict() }),
  'phone.calls': call<PhoneCall[]>()({
    access: 'agent',
    input: z.object({ state: z.array(z.enum(CALL_STATES)).optional(), limit: z.number().int().min(1).max(200).default(50) }).strict(),
  }),
  'phone.calledBack': call<PhoneCall>()({
    access: 'agent',
    input: z.object({ id: z.string().trim().min(1, 'required').max(300) }).strict(),
  }),
  'phone.callerCard': call<CallerCard>()({
    access: 'agent',
    input: z.object({ account: z.string().trim().min(1, 'required').max(100) }).strict(),
  }),
};
