// C6: a claim by email names, in its subject, the service account, the time of the
// fault(s) and the number of occurrences. We check what is there and list what is missing.
import type { RuleResult, SubjectElement } from '../../shared/rules/decision.js';
import { because } from './reasons.js';

const TIME = [
  /\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}/, // 2026-05-01, 2026/5/1, 2026年5月1日
  /\b\d{1,2}:\d{2}\b/, // 10:00
  /\d{1,2}月\d{1,2}[日号]/, // 5月1日
  /\b\d{1,2}[-/]\d{1,2}\b/, // 05-01
];
const OCCURRENCES = [
  /\b\d+\s*(x\s*)?(occurrences?|times|faults?|incidents?|outages?|interruptions?)\b/i,
  /\b(once|twice|one occurrence)\b/i,
  /\d+\s*(次|起)/,
];

export function missingFromSubject(subject: string, account: string): SubjectElement[] {
  const missing: SubjectElement[] = [];
  if (!subject.toLowerCase().includes(account.toLowerCase())) missing.push('account');
  if (!TIME.some((re) => re.test(subject))) missing.push('time');
  if (!OCCURRENCES.some((re) => re.test(subject))) missing.push('occurrences');
  return missing;
}

/** C6 as a rule entry: what the subject lacks, explained (advice only; it never changes an outcome). */
export function emailSubjectRule(subject: string, account: string): { rule: RuleResult; missing: SubjectElement[] } {
  const missing = missingFromSubject(subject, account);
  const rule: RuleResult = {
    id: 'C6',
    result: missing.length === 0 ? 'passed' : 'failed',
    ...(missing.length === 0 ? because('C6.complete', { account }) : because('C6.lacks', { missing: missing.join(', ') })),
  };
  return { rule, missing };
}
