// The bounds of every stored text and list (policy.md "Conventions": a summary 500
// characters, notes 20,000, names 200, lists bounded), and what a text may contain.
//
// Names, identifiers and file names are refused when they hold control characters,
// direction overrides or isolates (U+202A–U+202E, U+2066–U+2069: `invoice‮fdp.exe`) or
// broken UTF-16 (a lone surrogate): a name is shown and compared, so it must read as it is.
// Free text (notes, summaries, reasons) is what a caller said: refusing it would lose their
// words, so the same characters are neutralised instead (dropped; a lone surrogate becomes
// U+FFFD), keeping tabs and line breaks.
import { z } from 'zod';

export const LIMITS = {
  name: 200,
  summary: 500,
  text: 2_000,
  notes: 20_000,
  id: 100,
  list: 50,
  search: 200,
} as const;

// C0 controls, DEL and C1 controls; free text keeps \t \n \r.
const CONTROLS = /[\u0000-\u001f\u007f-\u009f]/u;
const CONTROLS_IN_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/gu;
// Embeddings, overrides, isolates and the invisible direction marks.
const BIDI = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/u;
const BIDI_ALL = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/gu;
// With the u flag a surrogate range matches only unpaired halves.
const LONE_SURROGATE = /[\ud800-\udfff]/u;
const LONE_SURROGATES = /[\ud800-\udfff]/gu;

export const UNSAFE_CHARACTERS = 'no control characters, direction overrides or broken characters';

/** True when a one-line name holds nothing that hides or reorders what it shows. */
export const isCleanName = (value: string) => !CONTROLS.test(value) && !BIDI.test(value) && !LONE_SURROGATE.test(value);

/** Free text as it is kept: the caller's words, without characters that hide or reorder them. */
export const neutraliseText = (value: string) =>
  value.replace(CONTROLS_IN_TEXT, '').replace(BIDI_ALL, '').replace(LONE_SURROGATES, '\ufffd');

const atMost = (max: number) => `at most ${max.toLocaleString('en')} characters`;

/** A one-line name or label, trimmed and bounded; `.min(1, …)` it where one is required. */
export const nameText = (max: number = LIMITS.name) =>
  z.string().trim().max(max, atMost(max)).refine(isCleanName, UNSAFE_CHARACTERS);

/** A required one-line name. */
export const requiredName = (max: number = LIMITS.name, required = 'required') => nameText(max).min(1, required);

/** Free text (summaries, notes, reasons), neutralised, trimmed and bounded. */
export const freeText = (max: number) => z.string().overwrite(neutraliseText).trim().max(max, atMost(max));

/** Required free text. */
export const requiredText = (max: number, required = 'required') => freeText(max).min(1, required);

/** A list of at most `max` entries. */
export const list = <T extends z.ZodType>(item: T, max: number = LIMITS.list) =>
  z.array(item).max(max, `at most ${max.toLocaleString('en')} entries`);

/** An account, as the desk's records name it. */
export const accountId = (required = 'required') => requiredName(LIMITS.id, required);

export const caseId = z.string().trim().max(LIMITS.id).regex(/^C-(?:[A-Z0-9]{1,8}-)?\d{6,}$/, 'a case id looks like C-000123');

/** A file's name as the agent's machine gave it: one line, no path tricks hidden in it. */
export const fileName = requiredName(LIMITS.name);
