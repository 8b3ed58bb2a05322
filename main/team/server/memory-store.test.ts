// The team server's store keeps a batch whose COMMIT came back while the next batch's layer is
// still open over it (center.ts runs the next batch during the COMMIT before it).
import { expect, it } from 'vitest';
import { TeamMemoryStore } from './memory-store.js';

const at = new Date('2026-12-02T08:00:00Z');
const put = (id: string, status: string) => ({ actor: 'agent1', action: 'case.saved', changes: [{ entity: 'cases', id, op: 'put' as const, record: { id, status } }] });

it('keeps the oldest layer with the next still open: listeners see the committed record, the open layer keeps its own', () => {
  const store = new TeamMemoryStore(() => at);
  const heard: Array<{ seq: number; status: unknown }> = [];
  store.subscribe((event) => heard.push({ seq: event.seq, status: store.get('cases', 'C-1')?.status }));
  store.begin();
  store.append(put('C-1', 'open'));
  store.begin(); // the next batch, run over the first before its COMMIT came back
  store.append(put('C-1', 'closed'));
  store.append(put('C-2', 'open'));

  store.commitOldest();
  expect(heard).toEqual([{ seq: 1, status: 'open' }]); // not the open layer's 'closed'
  expect(store.get('cases', 'C-1')?.status).toBe('closed');
  expect(store.position).toBe(3);

  store.rollback(); // the second batch failed: back to what the first committed
  expect(store.get('cases', 'C-1')?.status).toBe('open');
  expect(store.get('cases', 'C-2')).toBeUndefined();
  expect(store.position).toBe(1);
  expect(store.inLayer).toBe(false);
  expect(heard).toHaveLength(1);
});

it('keeps the second batch once its own COMMIT comes back, announcing only its events', () => {
  const store = new TeamMemoryStore(() => at);
  const heard: number[] = [];
  store.subscribe((event) => heard.push(event.seq));
  store.begin();
  store.append(put('C-1', 'open'));
  store.begin();
  store.append(put('C-2', 'open'));
  store.commitOldest();
  store.commitOldest(); // the only layer left: an ordinary commit
  expect(heard).toEqual([1, 2]);
  expect(store.inLayer).toBe(false);
  expect(store.since(0).map((e) => e.seq)).toEqual([1, 2]);
});

it('trims committed events only, never an open layer’s', () => {
  const store = new TeamMemoryStore(() => at, 2);
  for (let i = 0; i < 8; i++) store.append(put(`C-${i}`, 'open'));
  store.begin();
  for (let i = 0; i < 4; i++) store.append(put(`C-a${i}`, 'open'));
  store.begin();
  for (let i = 0; i < 4; i++) store.append(put(`C-b${i}`, 'open'));
  store.commitOldest(); // 12 committed, 2 to keep: but the open layer's four stay whole
  expect(store.since(12).map((e) => e.seq)).toEqual([13, 14, 15, 16]);
  store.rollback();
  expect(store.position).toBe(12);
  expect(store.get('cases', 'C-a3')?.status).toBe('open');
  expect(store.get('cases', 'C-b0')).toBeUndefined();
  expect(store.append(put('C-c0', 'open')).seq).toBe(13);
});
