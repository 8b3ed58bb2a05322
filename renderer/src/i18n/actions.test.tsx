/// <reference types="node" />
// Every action the server can write reads in words in both languages: the main process's source
// is scanned for dotted string literals ('work-order.escalated'); each must be labelled in
// ACTION_LABELS, or be a call name, a file name, or one of the few other dotted names listed here.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { contract } from '../../../shared/contract/index.js';
import { WORK_ORDER_STATUSES } from '../../../shared/contract/work-orders.js';
import { ACTION_LABELS, actionLabel } from './actions.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
/** Dotted names that are not actions: live events, entities of the team link, rule fields, a host name. */
const NOT_ACTIONS = new Set([
  'store.changed', 'clock.tick', 'phone.call', 'sla.breached', 'export.progress', 'team.status',
  'team.credentials', 'team.link', 'team.outbox', 'team.shadow', 'team.search', 'team.report',
  'filing.status', 'policy.id', 'assurance-desk.local',
  // Field paths of requests (errors name them).
  'case.openedAt', 'file.uploadId', 'host.billingMode', 'host.firstFilingWithUs', 'host.terminatedEarly', 'policy.effectiveFrom',
  'incident.startTime',
]);
/** Actions written from a template: each expansion. */
const TEMPLATES: Record<string, string[]> = {
  'phone.': ['phone.ringing', 'phone.answered', 'phone.ended', 'phone.missed'],
  'billing.dispute-': ['billing.dispute-corrected', 'billing.dispute-rejected'],
  // A status change is saved as work-order.<status>; never to 'new', and 'escalated' has its own call.
  'work-order.': WORK_ORDER_STATUSES.filter((s) => s !== 'new' && s !== 'escalated').map((s) => `work-order.${s}`),
};
const FILE = /\.(json|jsonl|ndjson|html|cjs|js|ts|bin|lock|log|eml|pdf|tmp)$/;
const NOT_WRITTEN_BY_THE_DESK = /\.test\.ts$|test-helpers\.ts$|test-fixtures\.ts$|crash-writer\.ts$/;

function sources(): string[] {
  const dir = join(ROOT, 'main');
  return (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts') && !NOT_WRITTEN_BY_THE_DESK.test(f)).map((f) => readFileSync(join(dir, f), 'utf8'));
}

it('has an English and a Chinese label for every action the server can write', () => {
  const calls = new Set(Object.keys(contract));
  const written = new Set<string>();
  for (const text of sources()) {
    for (const [, name] of text.matchAll(/'([a-z][a-z0-9]*(?:-[a-z0-9]+)*\.[a-z][a-zA-Z0-9]*(?:-[a-z0-9]+)*)'/g)) {
      if (!calls.has(name!) && !NOT_ACTIONS.has(name!) && !FILE.test(name!)) written.add(name!);
    }
    for (const [, head] of text.matchAll(/action: `([a-z-]+\.[a-z-]*)\$\{/g)) {
      expect(TEMPLATES[head!], `a templated action \`${head}\${…}\` needs its expansions listed`).toBeDefined();
      TEMPLATES[head!]!.forEach((name) => written.add(name));
    }
    for (const [, head] of text.matchAll(/`([a-z-]+\.[a-z-]*)\$\{[^`]*`,\s*`/g)) TEMPLATES[head!]?.forEach((name) => written.add(name));
    for (const [, head] of text.matchAll(/save\([^`)]*`([a-z-]+\.[a-z-]*)\$\{/g)) {
      expect(TEMPLATES[head!], `a templated action \`${head}\${…}\` needs its expansions listed`).toBeDefined();
      TEMPLATES[head!]!.forEach((name) => written.add(name));
    }
  }
  expect(written.size).toBeGreaterThan(40); // the scan finds the desk's actions at all
  const missing = [...written].filter((name) => !ACTION_LABELS[name]?.en || !ACTION_LABELS[name]?.zh);
  expect(missing).toEqual([]);
  for (const name of written) expect(ACTION_LABELS[name]!.zh).toMatch(/[\u4e00-\u9fff]/); // Chinese text, not English left in
});

it('reads an action in the interface language and keeps an unknown code as it is', () => {
  expect(actionLabel('work-order.escalated', 'zh-CN')).toBe('工单已升级');
  expect(actionLabel('work-order.escalated', 'en')).toBe('Work order escalated');
  expect(actionLabel('something.new', 'zh-CN')).toBe('something.new');
});
