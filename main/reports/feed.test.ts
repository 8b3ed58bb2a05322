import { expect, it } from 'vitest';
import { feed } from './feed.js';
import type { Row } from './rows.js';

function* numbered(n: number): Generator<Row> {
  for (let i = 0; i < n; i++) yield [`C-${i}`, i];
}

async function drain(rows: AsyncIterable<Row>): Promise<Row[]> {
  const out: Row[] = [];
  for await (const row of rows) out.push(row);
  return out;
}

it('hands every row over in order, with progress from 0 of all to all of all, never going back', async () => {
  const events: [number, number][] = [];
  const rows = await drain(feed(numbered(1000), { total: 1000, onProgress: (done, total) => events.push([done, total]), progressEveryMs: 0 }));
  expect(rows.map((r) => r[1])).toEqual([...Array(1000).keys()]);
  // With no wait between reports, one every 128 rows: 0, 128, 256, …, 896, then the last, 1000.
  expect(events).toEqual([[0, 1000], ...[1, 2, 3, 4, 5, 6, 7].map((k): [number, number] => [k * 128, 1000]), [1000, 1000]]);
});

it('takes a turn of the event loop before its first row, so other work (a cancel) runs first', async () => {
  let ranMeanwhile = false;
  setImmediate(() => (ranMeanwhile = true));
  let seenBeforeLastRow = false;
  for await (const row of feed(numbered(3), { total: 3 })) if (row[1] === 2) seenBeforeLastRow = ranMeanwhile;
  expect(seenBeforeLastRow).toBe(true);
});

it('stops with the abort reason once cancelled, before the next row', async () => {
  const cancel = new AbortController();
  const seen: Row[] = [];
  const run = (async () => {
    for await (const row of feed(numbered(10_000), { total: 10_000, signal: cancel.signal })) {
      seen.push(row);
      if (seen.length === 300) cancel.abort();
    }
  })();
  await expect(run).rejects.toMatchObject({ name: 'AbortError' });
  expect(seen).toHaveLength(300);
});

it('a cancel sent on seeing the first progress stops it before any row', async () => {
  const cancel = new AbortController();
  const seen: Row[] = [];
  const rows = feed(numbered(5), { total: 5, signal: cancel.signal, onProgress: (done) => done === 0 && queueMicrotask(() => cancel.abort()) });
  await expect(drain(rows).then((r) => seen.push(...r))).rejects.toMatchObject({ name: 'AbortError' });
  expect(seen).toEqual([]);
});
