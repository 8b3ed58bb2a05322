// Section 9: a complaint or feedback that arrives by mail is acknowledged by mail, at once, with
// the case number in the subject. If SMTP is not set or refuses, the case stays open for an agent.
import { isCaseOf, type CaseRecord } from '../../../shared/domain/case.js';
import type { Services } from '../context.js';
import { acknowledgedInTime } from '../../rules/complaint.js';
import { MAIL_ACTOR, mailOf, sendFromCase } from './mail-cases.js';
import { CASES } from '../../../shared/domain/entities.js';
import type { InStore } from './intake.js';

export async function acknowledgeByMail(services: Services, caseId: string, inStore: InStore): Promise<boolean> {
  const record = await inStore(() => services.store.get<CaseRecord>(CASES, caseId));
  if (!isCaseOf(record, 'complaint') || record.status !== 'open') return false;
  const at = services.now().toISOString();
  const subject = mailOf(record)?.messages[0]?.subject ?? record.summary;
  try {
    await sendFromCase(services, record, {
      kind: 'acknowledgement',
      subject,
      text: acknowledgementText(caseId),
      actor: MAIL_ACTOR,
      action: 'complaint.acknowledged',
      status: 'acknowledged',
      details: { acknowledgedAt: at, acknowledgedBy: MAIL_ACTOR, acknowledgedInTime: acknowledgedInTime(String(record.details.acknowledgeBy), at) },
      inStore,
    });
    return true;
  } catch (error) {
    console.error(`[mail] ${caseId}: acknowledgement not sent: ${error instanceof Error ? error.message : String(error)}`);
    return false;
  }
}

/** Both languages in one mail: the desk does not know which the customer reads. */
export const acknowledgementText = (caseId: string) =>
  [
    `您好，`,
    ``,
    `我们已收到您的来信，登记编号为 ${caseId}。我们会认真处理并尽快答复您。回复本邮件时请保留主题中的编号 [${caseId}]。`,
    ``,
    `Hello,`,
    ``,
    `We have received your message and recorded it as ${caseId}. We will look into it and reply to you. When you answer this mail, please keep [${caseId}] in the subject.`,
  ].join('\n');
