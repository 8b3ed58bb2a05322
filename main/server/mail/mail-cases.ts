// A case's mail: the messages kept on it (details.mail), the Message-IDs that thread a reply
// back to it, and sending from it (section 9's acknowledgement, agents' replies).
import type { CaseRecord } from '../../../shared/domain/case.js';
import { createHash } from 'node:crypto';
import type { MailCaseDetails, MailEntry } from '../../../shared/contract/channels.js';
import type { Change, StoredRecord } from '../../store/types.js';
import type { Services } from '../context.js';
import { DeskError } from '../errors.js';
import { readChannelSecrets } from './channel-secrets.js';
import { sendMail } from './smtp.js';
import { CASES, CUSTOMERS, MAIL_MESSAGES } from '../../../shared/domain/entities.js';

/** Who the desk records as acting for the mailbox. */
export const MAIL_ACTOR = 'mail';

/** Every Message-ID seen or sent, keyed by its hash: which case it belongs to. */

export const messageKey = (messageId: string) => createHash('sha256').update(messageId.trim().toLowerCase()).digest('hex').slice(0, 32);

export function caseOfMessage(services: Pick<Services, 'store'>, messageId: string): string | undefined {
  return services.store.get<{ id: string; caseId: string }>(MAIL_MESSAGES, messageKey(messageId))?.caseId;
}

export const messageRecord = (messageId: string, caseId: string, direction: MailEntry['direction']): Change => ({
  entity: MAIL_MESSAGES,
  id: messageKey(messageId),
  op: 'put',
  record: { id: messageKey(messageId), messageId, caseId, direction },
});

export const mailOf = (record: CaseRecord): MailCaseDetails | undefined => record.details.mail;

/** The patch adding one message to a case's mail (and any other detail changes). */
export function withMessage(record: CaseRecord, entry: MailEntry, at: string, details: Record<string, unknown> = {}, status?: string): Change {
  const mail = mailOf(record);
  const patch = {
    updatedAt: at,
    ...(status ? { status } : {}),
    details: { ...(record.details ?? {}), ...details, mail: { ...(mail ?? { address: entry.to, unidentified: false, intent: 'general' }), messages: [...(mail?.messages ?? []), entry] } },
  };
  return { entity: CASES, id: record.id, op: 'patch', patch };
}

/** `[C-000123] subject`, once: how the customer's mail client threads and how we find the case again. */
export function caseSubject(caseId: string, subject: string): string {
  const bare = subject.replace(/^\s*((re|fw|fwd|答复|回复|转发)\s*[:：]\s*)+/i, '').replace(`[${caseId}]`, '').trim();
  return `[${caseId}] ${bare}`.trim();
}

/**
 * Sends a mail about this case to its customer and records it on the case in one event: the
 * reply threads on the last message received. Throws a typed error when SMTP is not set or refuses.
 */
export async function sendFromCase(
  services: Services,
  record: CaseRecord,
  message: {
    kind: MailEntry['kind'];
    subject: string;
    text: string;
    actor: string;
    action: string;
    details?: Record<string, unknown>;
    status?: string;
    /** Where the sent mail is recorded (the team server: its own transaction, after the SMTP send). */
    inStore?: <T>(work: () => T) => Promise<T>;
  },
) {
  const { smtp } = await readChannelSecrets(services.secrets);
  if (!smtp) throw new DeskError('conflict', 'no SMTP server is set: a manager sets one under Channels', 'smtp');
  const mail = mailOf(record);
  const to = mail?.address ?? contactAddress(services, record.customerAccount);
  if (!to) throw new DeskError('invalid-input', 'the customer has no email address to reply to', 'id');
  const received = (mail?.messages ?? []).filter((m) => m.direction === 'in');
  const last = received.at(-1);
  let sent: { messageId: string; from: string };
  try {
    sent = await sendMail(smtp, {
      caseId: record.id,
      to,
      subject: caseSubject(record.id, message.subject),
      text: message.text,
      ...(last ? { inReplyTo: last.messageId, references: (mail?.messages ?? []).map((m) => m.messageId) } : {}),
    });
  } catch (error) {
    throw new DeskError('conflict', `the SMTP server did not take the mail: ${error instanceof Error ? error.message : String(error)}`, 'smtp');
  }
  const at = services.now().toISOString();
  const entry: MailEntry = {
    direction: 'out',
    kind: message.kind,
    messageId: sent.messageId,
    at,
    from: sent.from,
    to,
    subject: caseSubject(record.id, message.subject),
    text: message.text,
    attachments: [],
    by: message.actor,
  };
  const write = () => {
    const current = services.store.get<CaseRecord>(CASES, record.id) ?? record;
    const change = withMessage(current, entry, at, message.details, message.status);
    services.store.append({ actor: message.actor, action: message.action, changes: [change, messageRecord(sent.messageId, record.id, 'out')] });
    return services.store.get<CaseRecord>(CASES, record.id)!;
  };
  return message.inStore ? message.inStore(write) : write();
}

function contactAddress(services: Pick<Services, 'store'>, account: string): string | undefined {
  const customer = services.store.get<StoredRecord & { contacts: { email?: string }[] }>(CUSTOMERS, account);
  return customer?.contacts.find((c) => c.email)?.email;
}
