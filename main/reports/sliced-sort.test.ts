import { expect, it } from 'vitest';
import { sortInSlices } from './sliced-sort.js';

const byKey = (a: { k: number }, b: { k: number }) => a.k - b.k;

it('sorts like Array#sort, stably, across many runs (in order, reversed, shuffled, with ties)', async () => {
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const n = 10_000; // five runs of 2,048 and a short one
  const inputs = [
    Array.from({ length: n }, (_, i) => ({ k: i, at: i })),
    Array.from({ length: n }, (_, i) => ({ k: n - i, at: i })),
    Array.from({ length: n }, (_, i) => ({ k: Math.floor(random() * 100), at: i })), // many ties
  ];
  for (const items of inputs) {
    const sorted = await sortInSlices(items, byKey);
    expect(sorted).toEqual([...items].sort(byKey)); // Array#sort is stable: ties keep their input order
    expect(items.map((x) => x.at)).toEqual(Array.from({ length: n }, (_, i) => i)); // the input is left as it was
  }
  expect(await sortInSlices([], byKey)).toEqual([]);
});
