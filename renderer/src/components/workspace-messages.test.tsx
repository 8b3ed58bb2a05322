// Every string of the workspace panels exists in English and Simplified Chinese, key for key.
import { expect, it } from 'vitest';
import { messages as decision } from './decision.messages.js';
import { messages as refunds } from '../panels/refunds/messages.js';
import { messages as compensation } from '../panels/compensation/messages.js';
import { messages as icp } from '../panels/icp/messages.js';
import { messages as complaints } from '../panels/complaints/messages.js';

const keys = (value: unknown, prefix = ''): string[] =>
  typeof value === 'object' && value !== null ? Object.entries(value).flatMap(([k, v]) => keys(v, `${prefix}${k}.`)) : [prefix];

it.each([
  ['decision', decision],
  ['refunds', refunds],
  ['compensation', compensation],
  ['icp', icp],
  ['complaints', complaints],
])('%s has the same keys in both languages, none empty', (_name, m) => {
  expect(keys(m.zhCN).sort()).toEqual(keys(m.en).sort());
  const values = (v: unknown): unknown[] => (typeof v === 'object' && v ? Object.values(v).flatMap(values) : [v]);
  expect(values(m.zhCN).every((s) => typeof s === 'string' && s.trim() !== '')).toBe(true);
});
