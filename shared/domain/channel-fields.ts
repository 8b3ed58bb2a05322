// What a case keeps of the channel it came by, whatever its type: its mail thread, its phone call.
import type { RuleResult } from '../rules/decision.js';
import type { AttachmentRef } from './work-order.js';

/** One mail in or out of a case, as kept on the case (details.mail). */
export interface MailEntry {
  direction: 'in' | 'out';
  /** 'acknowledgement' for section 9's automatic reply, 'reply' for an agent's. */
  kind: 'mail' | 'reply' | 'acknowledgement';
  messageId: string;
  at: string;
  from: string;
  to: string;
  subject: string;
  text: string;
  attachments: AttachmentRef[];
  by?: string;
}

export interface MailCaseDetails {
  /** The sender's address; the customer is found by it. */
  address: string;
  unidentified: boolean;
  intent: 'compensation' | 'complaint' | 'feedback' | 'general';
  /** C6 on the subject, for a compensation claim. */
  subjectRule?: RuleResult;
  messages: MailEntry[];
}

/** The phone call a logged call came from, with its real figures (from the CTI events). */
export interface PhoneCallLink {
  id: string;
  from?: string;
  answeredAt?: string;
  endedAt?: string;
  durationSeconds?: number;
}

export interface ChannelFields {
  mail?: MailCaseDetails;
  phoneCall?: PhoneCallLink;
}
