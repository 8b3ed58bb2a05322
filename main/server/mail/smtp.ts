// Mail the desk sends (acknowledgements, agents' replies), through the manager's SMTP server.
import { randomUUID } from 'node:crypto';
import nodemailer from 'nodemailer';
import type { SmtpSettings } from './channel-secrets.js';

export interface OutgoingMail {
  caseId: string;
  to: string;
  subject: string;
  text: string;
  inReplyTo?: string;
  references?: string[];
}

/** A Message-ID that names the case, so a reply threads even if the case number leaves the subject. */
export const deskMessageId = (caseId: string, domain: string) => `<${caseId}.${randomUUID()}@${domain}>`;

/** Sends one mail; resolves with its Message-ID once the server accepted it. */
export async function sendMail(smtp: SmtpSettings, mail: OutgoingMail): Promise<{ messageId: string; from: string }> {
  const transport = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.tls && smtp.port === 465,
    requireTLS: smtp.tls && smtp.port !== 465,
    ignoreTLS: !smtp.tls,
    ...(smtp.user ? { auth: { user: smtp.user, pass: smtp.password } } : {}),
    connectionTimeout: 15_000,
    socketTimeout: 30_000,
  });
  const messageId = deskMessageId(mail.caseId, smtp.from.split('@')[1] ?? 'assurance-desk.local');
  try {
    await transport.sendMail({
      from: smtp.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      messageId,
      ...(mail.inReplyTo ? { inReplyTo: mail.inReplyTo } : {}),
      ...(mail.references?.length ? { references: mail.references } : {}),
    });
  } finally {
    transport.close();
  }
  return { messageId, from: smtp.from };
}
