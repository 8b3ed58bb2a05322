// Every status the desk can store reads in words in both languages: the contract's status lists,
// and the statuses the main process and the seed write (`status: 'x'`, advanceCase's status,
// the seed's weighted lists, billing's `dispute-${outcome}`), found in their sources.
import { expect, it } from 'vitest';
import { DISPUTE_OUTCOMES } from '../../../shared/contract/billing.js';
import { OTHER_STATUSES, WORK_ORDER_STATUSES } from '../../../shared/contract/work-orders.js';
import { STATUS_LABELS, actorLabel, statusLabel, targetLabel } from './labels.js';

const sources = {
  ...import.meta.glob('../../../main/server/**/*.ts', { query: '?raw', import: 'default', eager: true }),
  ...import.meta.glob('../../../main/seed/*.ts', { query: '?raw', import: 'default', eager: true }),
} as Record<string, string>;

const WRITTEN = [/\bREJECTED_BY_RULES = '([a-z-]+)'/g, /\bstatus: '([a-z-]+)'/g, /advanceCase\([^;]*?'[a-z-]+\.[a-z-]+',\s*'([a-z-]+)'/g, /\['([a-z-]+)', 0\.\d+\]/g];

function writtenStatuses(): Set<string> {
  const found = new Set<string>([...WORK_ORDER_STATUSES, ...OTHER_STATUSES, ...DISPUTE_OUTCOMES.map((o) => `dispute-${o}`)]);
  for (const [file, text] of Object.entries(sources)) {
    if (file.endsWith('.test.ts')) continue;
    for (const pattern of WRITTEN) for (const m of text.matchAll(pattern)) found.add(m[1]!);
  }
  return found;
}

it('has English and Chinese for every status the desk can store', () => {
  const written = writtenStatuses();
  expect(written.has('rejected-by-rules')).toBe(true); // the scan finds the server's statuses at all
  expect(written.has('credited')).toBe(true);
  const missing = [...written].filter((s) => !STATUS_LABELS[s]);
  expect(missing, 'add these to renderer/src/i18n/labels.ts').toEqual([]);
  for (const s of written) expect(STATUS_LABELS[s]!.zh).toMatch(/[\u4e00-\u9fff]/);
});

it('reads a status, an audit target and a system actor in the interface language, and keeps an unknown code', () => {
  expect(statusLabel('pending-customer', 'zh-CN')).toBe('待客户反馈');
  expect(statusLabel('pending-customer', 'en')).toBe('Pending customer');
  expect(targetLabel('cases:C-000001', 'zh-CN')).toBe('案件 C-000001');
  expect(actorLabel('system', 'zh-CN')).toBe('系统');
  expect(actorLabel('agent1', 'zh-CN')).toBe('agent1');
  expect(statusLabel('archived', 'zh-CN')).toBe('archived');
});
