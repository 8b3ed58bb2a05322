// Every literal message the main process can refuse with — DeskError(...) and notFound(...) in
// main/server, zod messages in shared/contract and main/server — has a Simplified Chinese wording.
import { expect, it } from 'vitest';
import { localiseDeskError, localiseServerMessage, zhServerErrors } from './server-errors.js';

const sources = {
  ...import.meta.glob('../../../shared/contract/*.ts', { query: '?raw', import: 'default', eager: true }),
  ...import.meta.glob('../../../main/server/**/*.ts', { query: '?raw', import: 'default', eager: true }),
} as Record<string, string>;

const STRING = `'((?:[^'\\\\]|\\\\.)*)'`;
const PATTERNS = [
  new RegExp(`DeskError\\(\\s*'[a-z-]+',\\s*${STRING}`, 'g'),
  new RegExp(`\\.(?:min|max|length|regex|refine|email|url|int|positive|nonnegative|gte|lte|gt|lt)\\((?:[^()']|\\([^()]*\\))*?,\\s*${STRING}\\s*\\)`, 'g'),
  new RegExp(`\\b(?:message|error):\\s*${STRING}`, 'g'),
];

/** The literal messages found in the sources, each with the files that use it. */
function literalMessages(): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const add = (message: string, file: string) => found.set(message, [...(found.get(message) ?? []), file]);
  for (const [file, text] of Object.entries(sources)) {
    if (file.endsWith('.test.ts')) continue;
    for (const pattern of PATTERNS) for (const m of text.matchAll(pattern)) add(m[1]!.replace(/\\'/g, "'"), file);
    for (const m of text.matchAll(new RegExp(`notFound\\(\\s*${STRING}`, 'g'))) add(`${m[1]} not found`, file);
  }
  return found;
}

it('finds the messages (the scan itself works)', () => {
  const messages = literalMessages();
  expect(Object.keys(sources).length).toBeGreaterThan(10);
  expect(messages.has('wrong username or password')).toBe(true);
  expect(messages.has('required')).toBe(true);
  expect(messages.has('case not found')).toBe(true);
});

it('has Chinese for every literal message of the main process', () => {
  const missing = [...literalMessages()].filter(([message]) => zhServerErrors[message] === undefined).map(([message, files]) => `${message}  (${files.join(', ')})`);
  expect(missing, 'add these to renderer/src/i18n/server-errors.ts').toEqual([]);
});

it('translates messages with figures by pattern, and leaves unknown messages as they came', () => {
  expect(localiseServerMessage('case C-000012 is approved; this needs it to be submitted', 'zh-CN')).toBe('案件 C-000012 当前状态为 已批准；此操作要求状态为 已提交');
  expect(localiseServerMessage('something new', 'zh-CN')).toBe('something new');
  expect(localiseServerMessage('wrong username or password', 'en')).toBe('wrong username or password');
});

it('words a refusal by its code when its message has no Chinese yet, and keeps English for English', () => {
  const unknown = { code: 'conflict' as const, message: 'a message written after this table' };
  expect(localiseDeskError(unknown, 'zh-CN')).toBe('与当前状态冲突，请刷新后重试');
  expect(localiseDeskError(unknown, 'en')).toBe('a message written after this table');
  expect(localiseDeskError({ code: 'invalid-input', message: 'a month such as 2026-04' }, 'zh-CN')).toBe('请填写月份，如 2026-04');
});

it('words the statuses a message carries', () => {
  expect(localiseServerMessage('case C-000001 is approved; this needs it to be submitted or pending', 'zh-CN')).toBe('案件 C-000001 当前状态为 已批准；此操作要求状态为 已提交或待审批');
});

it('words the case type a refusal names', () => {
  expect(localiseServerMessage('C-000007 is a refund case, not a work order', 'zh-CN')).toBe('C-000007 是退款类案件，不是工单');
  expect(localiseServerMessage('case C-000008 is a access-recovery; it is not reviewed in the approval queue', 'zh-CN')).toBe('案件 C-000008 是账号找回类案件，不在审批队列中审核');
  expect(localiseServerMessage('C-000007 is a refund case, not a work order', 'en')).toBe('C-000007 is a refund case, not a work order');
});
