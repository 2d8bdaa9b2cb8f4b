/**
 * Fix-all: the edits the editor's `source.fixAll` and the CLI's `--fix` apply, and applying them until nothing is left
 * to fix. Fixes come in types (as ESLint's `--fix-type`): `hygiene` is safe and deterministic and the default; the
 * judgement fixes (`wording`: a lexicon's first neutral alternative; `citation-needed`: mark an unsourced sentence)
 * change what the article says and are applied only when asked for.
 */
import { markCitationNeeded, renumberFootnotes } from './edits.js';
import { ruleById } from './rules/index.js';
import type { LintResult } from './linter.js';
import type { Edit } from './types.js';

export type FixType = 'hygiene' | 'wording' | 'citation-needed';
export const FIX_TYPES: readonly FixType[] = ['hygiene', 'wording', 'citation-needed'];
export const SAFE_FIXES: ReadonlySet<FixType> = new Set(['hygiene']);

/** Two edits that cannot both apply: overlapping ranges, or two insertions at one point (their order would be a guess). */
const conflicts = (a: Edit, b: Edit): boolean => (a.start < b.end && b.start < a.end) || (a.start === b.start && (a.start === a.end || b.start === b.end));

/** The non-conflicting edits of one fix-all pass, earliest finding first; a fix whose edits conflict is left for the next pass. */
export function typedFixEdits(result: LintResult, types: ReadonlySet<FixType> = SAFE_FIXES): Edit[] {
  const edits: Edit[] = [];
  const take = (fix: readonly Edit[]): void => {
    if (fix.every((e) => !edits.some((x) => conflicts(x, e)))) edits.push(...fix);
  };
  for (const f of result.findings) {
    const family = ruleById(f.ruleId)?.meta.family;
    if (f.fix && types.has('hygiene')) take(f.fix);
    else if ((family === 'language' || family === 'time') && types.has('wording') && f.suggestions?.[0]) take(f.suggestions[0].edits);
    else if (family === 'sourcing' && f.data?.sentence && types.has('citation-needed') && f.ruleId !== 'citation-needed' && f.ruleId !== 'disputed-claim') {
      take([markCitationNeeded(result.document, f.data.sentence)]);
    }
  }
  if (types.has('hygiene')) for (const e of renumberFootnotes(result.document)) take([e]);
  return edits.sort((a, b) => a.start - b.start);
}

/** Applies non-overlapping edits to `text`. */
function applyEdits(text: string, edits: readonly Edit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  let out = '';
  let cursor = 0;
  for (const e of sorted) {
    out += text.slice(cursor, e.start) + e.text;
    cursor = e.end;
  }
  return out + text.slice(cursor);
}

/** Enough for fixes that unlock others (a renumbering after a removal); a cycle between fixes stops here. */
const MAX_PASSES = 10;

/**
 * Lints, applies a pass of fixes, and lints again until a pass has nothing to fix, as ESLint does. Returns the final
 * lint (of the fixed text) and whether anything changed.
 */
export function fixUntilStable(text: string, lintText: (text: string) => LintResult, types: ReadonlySet<FixType> = SAFE_FIXES): { result: LintResult; output: string; fixed: boolean } {
  let output = text;
  let result = lintText(output);
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const edits = typedFixEdits(result, types);
    if (edits.length === 0) break;
    const next = applyEdits(output, edits);
    if (next === output) break;
    output = next;
    result = lintText(output);
  }
  return { result, output, fixed: output !== text };
}
