// The generated summaries in words: the English equals what the server stores (so the command line,
// the exports and the screen say the same), the Chinese is Chinese; other summaries keep their text.
import { expect, it } from 'vitest';
import { i18n } from './index.js';
import { summaryText } from './summaries.js';

const word = (item: Parameters<typeof summaryText>[0], language: string) => summaryText(item, i18n.getFixedT(language), language, 'Asia/Shanghai');

it('words a refund as the server stored it in English, and in Chinese', () => {
  const refund = { summary: 'Refund 1234.50 for O-1, O-2', type: 'refund', details: { orderIds: ['O-1', 'O-2'], amount: '1234.50' } };
  expect(word(refund, 'en')).toBe(refund.summary);
  expect(word(refund, 'zh-CN')).toBe('退款 1234.50 元（订单 O-1、O-2）');
});

it('words the other kinds from the parts a row carries', () => {
  const compensation = { summary: 'Compensation 75.00 for 1 fault occurrence(s), 90 min', summaryParts: { kind: 'compensation' as const, amount: '75.00', occurrences: 1, minutes: 90 } };
  expect(word(compensation, 'zh-CN')).toBe('故障补偿 75.00 元（1 次故障，共 90 分钟）');
  const rejected = { summary: 'Refund for O-2 rejected by the rules (R6)', summaryParts: { kind: 'refund-rejected' as const, orders: ['O-2'], rules: ['R6'] } };
  expect(word(rejected, 'en')).toBe(rejected.summary);
  expect(word(rejected, 'zh-CN')).toBe('订单 O-2 的退款未通过规则（R6）');
  // 2026-12-01T02:00Z is 10:00 in Shanghai.
  const keyEvent = { summary: 'x', summaryParts: { kind: 'key-event' as const, name: '双十一大促', start: '2026-12-01T02:00:00.000Z', end: '2026-12-02T02:00:00.000Z' } };
  expect(word(keyEvent, 'zh-CN')).toMatch(/^双十一大促（2026年12月1日 10:00 – 2026年12月2日 10:00）$/);
});

it('keeps a summary someone wrote, in any language', () => {
  expect(word({ summary: 'ECS instance unreachable over SSH', type: 'work-order', details: {} }, 'zh-CN')).toBe('ECS instance unreachable over SSH');
});
