import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TermTable } from './term-table.js';

describe('TermTable: terms numbered in typed arrays', () => {
  it('numbers each distinct term once, in the order first added, as a Map would', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 6 }), fc.constantFrom('服务', '务器', 'ecs-5003', '')), { maxLength: 200 }), (terms) => {
        const table = new TermTable();
        const model = new Map<string, number>();
        for (const term of terms) {
          if (!model.has(term)) model.set(term, model.size);
          expect(table.add(term)).toBe(model.get(term));
        }
        expect(table.size).toBe(model.size);
        for (const [term, n] of model) expect(table.find(term)).toBe(n);
        expect(table.find('never added \u{1F600}')).toBe(-1);
      }),
    );
  });

  it('keeps finding every term while it grows past its first tables (200k case-id-like terms)', () => {
    const table = new TermTable();
    const term = (i: number) => (i % 3 === 0 ? `c-${String(i).padStart(7, '0')}` : i % 3 === 1 ? `i-${i.toString(36)}` : `云${String.fromCharCode(0x4e00 + (i % 20000))}`);
    const numbers = new Map<string, number>();
    const wrong: string[] = [];
    for (let i = 0; i < 200_000; i++) {
      const t = term(i);
      if (!numbers.has(t)) numbers.set(t, numbers.size);
      if (table.add(t) !== numbers.get(t)) wrong.push(t);
    }
    for (const [t, n] of numbers) if (table.find(t) !== n) wrong.push(t);
    expect(wrong).toEqual([]);
    expect(table.size).toBe(numbers.size);
    expect(table.find('c-0200001')).toBe(-1);
  });
});
