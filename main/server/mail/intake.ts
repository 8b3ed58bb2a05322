// One mail from the mailbox becomes a case on the email channel, or a message on the case it
// answers. The case, the Message-ID and the mailbox position are recorded in one event, so a
// mail is taken in exactly once however often it is fetched.
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { MailCaseDetails, MailEntry, SetAsideMail } from '../../../shared/contract/channels.js';

type SetAsideCode = SetAsideMail['code'];
import type { CaseRecord, Customer } from '../../../shared/domain/case.js';
import { emailSubjectRule } from '../../rules/index.js';
import { complaintAcknowledgement } from '../../rules/complaint.js';
import type { Change, StoredRecord } from '../../store/types.js';
import type { HandlerContext, Services } from '../context.js';
import { DeskError } from '../errors.js';
import { deskRules } from '../policy/rules-context.js';
import { storeAttachmentBytes } from '../work-orders/attachments.js';
import { newCase } from '../workspace/workflow.js';
import { acknowledgeByMail } from './acknowledgement.js';
import { caseOfMessage, MAIL_ACTOR, messageRecord, withMessage } from './mail-cases.js';
import { mailIntent } from './intent.js';
import { CASES, CUSTOMERS, MAIL_SET_ASIDE } from '../../../shared/domain/entities.js';

/** Larger mail is kept aside rather than parsed into a case. */
export const MAX_MAIL_BYTES = 40 * 1024 * 1024;

export interface ReceivedMail {
  raw: Buffer;
  uid: number;
  mailbox: string;
  /** Recorded with the mail in the same event: where the next fetch starts. */
  position: Change;
}

export type IntakeOutcome =
  | { kind: 'new-case'; caseId: string; complaint: boolean }
  | { kind: 'update' | 'duplicate'; caseId: string }
  | { kind: 'set-aside'; code: SetAsideCode; reason: string };

/** Runs a step on the store: at once on a desk, in one PostgreSQL transaction on the team server. */
export type InStore = <T>(work: () => T | Promise<T>) => Promise<T>;
const atOnce: InStore = async (work) => work();

/**
 * A mail that cannot become a case is kept aside with the reason, so it never blocks the mail
 * after it. Parsing and the acknowledgement's SMTP happen outside the store step, so the team
 * server's transaction holds its order lock only while the records are written.
 */
export async function takeInMail(services: Services, mail: ReceivedMail, inStore: InStore = atOnce): Promise<IntakeOutcome> {
  const parsed = await parse(mail.raw);
  if ('reason' in parsed) return inStore(() => setAside(services, mail, parsed.code, parsed.reason));
  const outcome = await inStore(() => {
    try {
      return record(services, mail, parsed);
    } catch (error) {
      if (error instanceof DeskError) return setAside(services, mail, 'rejected', error.message);
      throw error;
    }
  });
  if (outcome.kind === 'new-case' && outcome.complaint) await acknowledgeByMail(services, outcome.caseId, inStore);
  return outcome;
}

function record(services: Services, mail: ReceivedMail, parsed: { message: ParsedMail; from: { address: string; name: string } }): IntakeOutcome {
  const { message, from } = parsed;
  const messageId = message.messageId ?? `<${createHash('sha256').update(mail.raw).digest('hex').slice(0, 40)}@no-message-id>`;

  const known = caseOfMessage(services, messageId);
  if (known) {
    services.store.append({ actor: MAIL_ACTOR, action: 'mail.duplicate', changes: [mail.position] });
    return { kind: 'duplicate', caseId: known };
  }

  const at = services.now().toISOString();
  const subject = message.subject?.trim() || '(no subject)';
  const entryFor = (caseId: string): MailEntry => ({
    direction: 'in',
    kind: 'mail',
    messageId,
    at,
    from: from.address,
    to: addresses(message.to),
    subject,
    text: (message.text ?? '').slice(0, 100_000),
    attachments: storeAttachmentBytes(services.dataDir, caseId, message.attachments.map((a) => ({ name: a.filename ?? 'attachment', bytes: a.content }))),
  });

  const threadId = threadOf(services, message, subject);
  const thread = threadId ? services.store.get<CaseRecord>(CASES, threadId) : undefined;
  if (thread) {
    const action = 'mail.received';
    services.store.append({ actor: MAIL_ACTOR, action, changes: [withMessage(thread, entryFor(thread.id), at), messageRecord(messageId, thread.id, 'in'), mail.position] });
    return { kind: 'update', caseId: thread.id };
  }

  const customer = customerByAddress(services, from.address);
  const intent = mailIntent(subject, message.text ?? '');
  const complaint = intent === 'complaint' || intent === 'feedback';
  const base = newCase(mailContext(services), customer ?? unidentified(from, at), {
    type: complaint ? 'complaint' : 'call',
    channel: 'email',
    // 'open' until an agent answers it: it waits in the L1 queue (a logged call is finished).
    status: 'open',
    summary: subject.slice(0, 300),
    notes: '',
    details: complaint ? complaintDetails(services, at) : {},
  });
  const caseId = base.id;
  const details: MailCaseDetails = {
    address: from.address,
    unidentified: !customer,
    intent,
    ...(intent === 'compensation' ? { subjectRule: emailSubjectRule(subject, customer?.id ?? accountNamedIn(services, subject)).rule } : {}),
    messages: [entryFor(caseId)],
  };
  const record = { ...base, details: { ...base.details, mail: details } };
  const action = 'mail.case-opened';
  services.store.append({
    actor: MAIL_ACTOR,
    action,
    changes: [{ entity: CASES, id: caseId, op: 'put', record: { ...record } as StoredRecord }, messageRecord(messageId, caseId, 'in'), mail.position],
  });
  return { kind: 'new-case', caseId, complaint: record.type === 'complaint' };
}

async function parse(raw: Buffer): Promise<{ message: ParsedMail; from: { address: string; name: string } } | { code: SetAsideCode; reason: string }> {
  if (raw.length > MAX_MAIL_BYTES) return { code: 'too-large', reason: `larger than ${MAX_MAIL_BYTES / 1024 / 1024} MB` };
  let message: ParsedMail;
  try {
    message = await simpleParser(raw);
  } catch (error) {
    return { code: 'unparseable', reason: `cannot be parsed: ${error instanceof Error ? error.message : String(error)}` };
  }
  const sender = message.from?.value.find((a) => a.address);
  if (!sender?.address || !/^[^@\s]+@[^@\s]+$/.test(sender.address)) return { code: 'no-sender', reason: 'no sender address (From)' };
  return { message, from: { address: sender.address.toLowerCase(), name: sender.name ?? '' } };
}

/** The case a mail belongs to: a case number in the subject, else a Message-ID it answers. */
function threadOf(services: Services, message: ParsedMail, subject: string): string | undefined {
  for (const [, id] of subject.matchAll(/\[(C-\d{6,})\]/g)) if (id && services.store.get(CASES, id)) return id;
  const references = [message.inReplyTo, ...(Array.isArray(message.references) ? message.references : [message.references])];
  for (const reference of references.reverse()) {
    const caseId = reference ? caseOfMessage(services, reference) : undefined;
    if (caseId) return caseId;
  }
  return undefined;
}

function customerByAddress(services: Services, address: string): Customer | undefined {
  return services.store.all<Customer & StoredRecord>(CUSTOMERS).find((c) => c.contacts.some((contact) => contact.email?.toLowerCase() === address));
}

/** For an unknown sender, C6 still finds an account the subject names; NO_ACCOUNT is never in a subject. */
const NO_ACCOUNT = '\u0000';
function accountNamedIn(services: Services, subject: string): string {
  const text = subject.toLowerCase();
  return services.store.all<Customer & StoredRecord>(CUSTOMERS).find((c) => text.includes(c.id.toLowerCase()))?.id ?? NO_ACCOUNT;
}

/** An unknown sender still gets a case, marked unidentified until an agent links the customer. */
const unidentified = (from: { address: string; name: string }, at: string): Customer => ({
  id: '',
  name: from.name ? `${from.name} <${from.address}>` : from.address,
  vip: false,
  region: '',
  contacts: [{ name: from.name || from.address, email: from.address }],
  createdAt: at,
});

function complaintDetails(services: Services, at: string): Record<string, unknown> {
  const due = complaintAcknowledgement(at, deskRules(services));
  return { subject: 'other', acknowledgeBy: due.acknowledgeBy, acknowledgeHours: due.hours, policyVersion: due.policyVersion, rule: due.rule };
}

/** The mailbox acts like an operator with no role: cases it opens belong to nobody yet. */
const mailContext = (services: Services) =>
  ({ ...services, connection: { id: MAIL_ACTOR, operator: null }, operator: { username: MAIL_ACTOR, displayName: 'Mail', role: 'agent', active: true } }) as HandlerContext;

const addresses = (to: ParsedMail['to']) => (Array.isArray(to) ? to : to ? [to] : []).flatMap((a) => a.value.map((v) => v.address ?? '')).join(', ');

function setAside(services: Services, mail: ReceivedMail, code: SetAsideCode, reason: string): IntakeOutcome {
  const id = `M-${createHash('sha256').update(mail.raw).digest('hex').slice(0, 16)}`;
  const path = join('mail-set-aside', `${id}.eml`);
  mkdirSync(join(services.dataDir, 'mail-set-aside'), { recursive: true });
  writeFileSync(join(services.dataDir, path), mail.raw);
  const record: SetAsideMail = { id, at: services.now().toISOString(), uid: mail.uid, mailbox: mail.mailbox, bytes: mail.raw.length, code, reason, path };
  services.store.append({ actor: MAIL_ACTOR, action: 'mail.set-aside', reason, changes: [{ entity: MAIL_SET_ASIDE, id, op: 'put', record: { ...record } }, mail.position] });
  return { kind: 'set-aside', code, reason };
}
