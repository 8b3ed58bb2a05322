import { generateDesk } from '../../main/seed/generate.js';
import { tokenize, CASE_TEXT_FIELDS } from '../../main/store/search.js';
const n = Number(process.argv[2] ?? 100000);
const df = new Map<string, number>();
let postings = 0;
let tokTime = 0;
for (let start = 0; start < n; start += 50000) {
  const { cases } = generateDesk({ customers: 2000, cases: Math.min(50000, n - start), seed: 2026 + start });
  for (let i = 0; i < cases.length; i++) {
    const r: any = { ...cases[i]!, id: `C-${String(start + i + 1).padStart(6, '0')}` };
    const t0 = performance.now();
    const toks = tokenize(CASE_TEXT_FIELDS.map((f) => (Array.isArray(r[f]) ? r[f].join(' ') : r[f] ?? '')).join('\n'));
    tokTime += performance.now() - t0;
    for (const t of toks) { df.set(t, (df.get(t) ?? 0) + 1); postings++; }
  }
}
const hist = new Map<string, number>();
let keyChars = 0;
for (const [t, c] of df) { keyChars += t.length; const b = c === 1 ? '1' : c < 8 ? '2-7' : c < 64 ? '8-63' : c < 1024 ? '64-1023' : '1024+'; hist.set(b, (hist.get(b) ?? 0) + 1); }
const big = [...df.values()].filter((c) => c >= 1024).reduce((a, b) => a + b, 0);
console.log({ n, terms: df.size, postings, perCase: postings / n, keyChars, hist: Object.fromEntries(hist), postingsInBig: big, tokMs: Math.round(tokTime) });
