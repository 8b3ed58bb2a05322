// Finds English left on a page shown in Chinese: every run of Latin words in the visible text and
// in the labels a screen reader reads (aria-label, title, placeholder, alt) that is not on the
// allow-list below. The allow-list holds what stays Latin in a Chinese interface on purpose.
import type { Page } from 'playwright-core';

/** Whole patterns removed from a line before its words are looked at. */
const ALLOWED_PATTERNS: [RegExp, string][] = [
  [/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, 'email addresses'],
  [/https?:\/\/\S+/g, 'addresses'],
  [/\b[A-Za-z]+\/[A-Za-z_]+\b/g, 'IANA time zones (Asia/Shanghai)'],
  [/\b[A-Z]{1,4}(-[A-Za-z0-9]+)+\b/g, 'ids and codes: C-000123, O-AP-1, O-acme-01-02, KE-00001, SEV-1, ECS-5003'],
  [/\b[a-z]-\d+\b/g, 'a fault occurrence’s id: f-1'],
  [/\b(cn|ap|us|eu)-[a-z]+(-\d+)?\b/g, 'region ids: cn-hangzhou, ap-southeast-1'],
  [/\b[A-Z]{1,2}\d{1,2}\b/g, 'rule codes and levels: R1, C7, I4, L2, F1'],
  [/\.(csv|xlsx|pdf|jpg|png|eml)\b/gi, 'file extensions'],
  [/\b(Ctrl|Alt|Shift)\+\w+/g, 'key combinations: Alt+C, Ctrl+Enter'],
  [/\b(Ctrl|Alt|Shift|Enter|Tab|Esc|Escape)\b/g, 'key caps'],
  [/\b\d+(\.\d+)?\s?(KB|MB|GB|ms|s)\b/g, 'sizes'],
];

/** Single words kept in Latin letters in Chinese too, each for its reason. */
const ALLOWED_WORDS = new Set([
  // Units and the policy's own terms, written so in the Chinese policy as well.
  'CNY', 'SLA', 'VIP', 'ICP', 'SEV',
  // Cloud products and protocols, as the provider's Chinese console names them.
  'ECS', 'OSS', 'SLB', 'RDS', 'CDN', 'RAM', 'VPC', 'SDK', 'API', 'SSH', 'HTTPS', 'IP', 'DNS', 'CNAME',
  'SMTP', 'IMAP', 'TLS', 'CTI', 'JSON', 'POST', 'CSV', 'XLSX', 'Excel', 'PDF', 'PNG', 'URL', 'IANA', 'UTC', 'GMT', 'ID', 'AccessKey', 'base64',
  // The language picker names each language in itself.
  'English',
]);

export interface Untranslated {
  words: string;
  line: string;
}

interface PageElement {
  style: { display: string };
  getAttribute(name: string): string | null;
  closest(selector: string): PageElement | null;
}

/**
 * The text a person can read or hear on the page now. Content marked `translate="no"` (HTML's
 * own mark for text that is not to be translated: the policy's JSON source) is left out.
 */
export function readableText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const doc = (globalThis as unknown as { document: { body: { innerText: string }; querySelectorAll(s: string): PageElement[] } }).document;
    const untranslatable = [...doc.querySelectorAll('[translate=no]')];
    const displays = untranslatable.map((e) => e.style.display);
    untranslatable.forEach((e) => (e.style.display = 'none'));
    const parts = [doc.body.innerText];
    untranslatable.forEach((e, i) => (e.style.display = displays[i]!));
    for (const element of doc.querySelectorAll('[aria-label], [title], [placeholder], [alt]')) {
      if (element.closest('[translate=no]')) continue;
      for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
        const value = element.getAttribute(name);
        if (value) parts.push(value);
      }
    }
    return parts;
  });
}

/**
 * Every run of English words on the page not on the allow-list, with its line.
 * `alsoAllowed`: the desk's own identifiers (usernames, account ids) read from its data.
 */
export async function untranslatedOn(page: Page, alsoAllowed: Iterable<string> = []): Promise<Untranslated[]> {
  const data = new Set(alsoAllowed);
  const found = new Map<string, Untranslated>();
  for (const part of await readableText(page)) {
    for (const rawLine of part.split('\n')) {
      let line = rawLine;
      for (const [pattern] of ALLOWED_PATTERNS) line = line.replace(pattern, ' ');
      // Runs of words: a word, then more words separated by spaces or light punctuation.
      for (const run of line.match(/[A-Za-z][\w'’-]*(?:[ ,.:/]+[A-Za-z][\w'’-]*)*/g) ?? []) {
        const words = run.split(/[ ,.:/]+/).filter((w) => w && !ALLOWED_WORDS.has(w) && !data.has(w));
        if (words.length === 0) continue;
        const key = words.join(' ');
        if (!found.has(key)) found.set(key, { words: key, line: rawLine.trim().slice(0, 160) });
      }
    }
  }
  return [...found.values()];
}
