// Sorting many items without holding the event loop: runs sorted a slice at a time, then merged
// pairwise, with a turn of the loop whenever a piece has run SLICE_MS. Stable, like Array#sort.
import { pacer } from './feed.js';

const RUN = 2048;

export async function sortInSlices<T>(items: readonly T[], compare: (a: T, b: T) => number): Promise<T[]> {
  const pace = pacer();
  let runs: T[][] = [];
  for (let i = 0; i < items.length; i += RUN) {
    runs.push(items.slice(i, i + RUN).sort(compare));
    await pace();
  }
  while (runs.length > 1) {
    const merged: T[][] = [];
    for (let r = 0; r < runs.length; r += 2) {
      const a = runs[r]!;
      const b = runs[r + 1];
      // Runs already in order (cases are kept about in the order they were opened) are joined as they are.
      if (!b || compare(a[a.length - 1]!, b[0]!) <= 0) {
        merged.push(b ? a.concat(b) : a);
        continue;
      }
      const out: T[] = [];
      let i = 0;
      let j = 0;
      while (i < a.length && j < b.length) {
        out.push(compare(b[j]!, a[i]!) < 0 ? b[j++]! : a[i++]!); // a tie keeps a's item first
        if ((out.length & 1023) === 0) await pace();
      }
      for (; i < a.length; i++) out.push(a[i]!);
      for (; j < b.length; j++) out.push(b[j]!);
      merged.push(out);
      await pace();
    }
    runs = merged;
  }
  return runs[0] ?? [];
}
