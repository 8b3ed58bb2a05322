// What a mail asks for, from its words: it decides which case a new mail opens, never an outcome.
import type { MailCaseDetails } from '../../../shared/contract/channels.js';

const INTENTS: [MailCaseDetails['intent'], RegExp][] = [
  ['complaint', /投诉|complain/i],
  ['compensation', /赔偿|补偿|索赔|compensat|\bsla\b.*\bcredit|\bclaim\b/i],
  ['feedback', /反馈|建议|意见|feedback|suggest/i],
];

/** The subject decides first; the text only when the subject says nothing. */
export function mailIntent(subject: string, text: string): MailCaseDetails['intent'] {
  for (const source of [subject, text.slice(0, 2000)]) {
    const found = INTENTS.find(([, words]) => words.test(source));
    if (found) return found[0];
  }
  return 'general';
}
