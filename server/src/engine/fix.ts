/**
 * Fix-all: the edits the editor's `source.fixAll` and the CLI's `--fix` apply, and applying them until nothing is left
 * to fix. Fixes come in types (as ESLint's `--fix-type`): `hygiene` is safe and deterministic and the default; the
 * judgement fixes (`wording`: a lexicon's first neutral alternative; `citation-needed`: mark an unsourced sentence)
 * change what the article says and are applied only when asked for.
 */
import { applyEdits, markCitationNeeded, renumberFootnotes } from './edits.js';
import { ruleById } from './rules/index.js';
import { lint, type LintResult } from './linter.js';
import type { Edit } from './types.js';

export type FixType = 'hygiene' | 'wording' | 'citation-needed';
export const FIX_TYPES: readonly FixType[] = ['hygiene', 'wording', 'citation-needed'];
export const SAFE_FIXES: ReadonlySet<FixType> = new Set(['hygiene']);

/**
 * Two edits that cannot both apply: overlapping ranges, or two insertions at one point (their order would be a guess).
 */
const conflicts = (a: Edit, b: Edit): boolean =>
  (a.start < b.end && b.start < a.end) || (a.start === b.start && (a.start === a.end || b.start === b.end));

/**
 * The non-conflicting edits of one fix-all pass, earliest finding first; a fix whose edits conflict is left for the
 * next pass.
 */
export function typedFixEdits(result: LintResult, types: ReadonlySet<FixType> = SAFE_FIXES): Edit[] {
  const edits: Edit[] = [];
  const take = (fix: readonly Edit[]): void => {
    if (fix.every((e) => !edits.some((x) => conflicts(x, e)))) edits.push(...fix);
  };
  for (const f of result.findings) {
    const judgement = ruleById(f.ruleId)?.meta.judgementFix;
    if (f.fix && types.has('hygiene')) take(f.fix);
    else if (judgement === 'wording' && types.has('wording') && f.suggestions?.[0]) take(f.suggestions[0].edits);
    else if (judgement === 'citation-needed' && f.data?.sentence && types.has('citation-needed'))
      take([markCitationNeeded(result.document, f.data.sentence)]);
  }
  if (types.has('hygiene')) {
    // Notes this pass deletes are not there to renumber around; notes that stay unused keep their numbers.
    const deletions = edits.filter((e) => e.text === '');
    const removed = new Set(
      result.document.parsed.footnotes
        .filter((d) => deletions.some((e) => e.start <= d.span.start && d.span.end <= e.end))
        .map((d) => d.id),
    );
    for (const e of renumberFootnotes(result.document, removed)) take([e]);
  }
  return edits.sort((a, b) => a.start - b.start);
}

export { applyEdits };

/** Enough for fixes that unlock others (a renumbering after a removal); a cycle between fixes stops here. */
const MAX_PASSES = 10;

/**
 * Lints, applies a pass of fixes, and lints again until a pass has nothing to fix, as ESLint does. Returns the final
 * lint (of the fixed text) and whether anything changed.
 */
export function fixUntilStable(
  text: string,
  lintText: (text: string) => LintResult,
  types: ReadonlySet<FixType> = SAFE_FIXES,
): { result: LintResult; output: string; fixed: boolean } {
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

/**
 * The editor's fix-all: the edits of a first pass when they are all there is, else (a fix made another possible, such
 * as a note left unused by a removal) one edit spanning what all the passes changed, so that a second fix-all
 * changes nothing. The edited text is linted as the result was (its `options`).
 */
export function fixAllToStable(result: LintResult, types: ReadonlySet<FixType> = SAFE_FIXES): Edit[] {
  const first = typedFixEdits(result, types);
  if (first.length === 0) return [];
  const original = result.document.text;
  const once = applyEdits(original, first);
  const { output } = fixUntilStable(once, (t) => lint(t, { ...result.options, cache: undefined }), types);
  return output === once ? first : [spanningEdit(original, output)];
}

/**
 * One edit turning `from` into `to`: what lies between their common prefix and suffix (never inside a surrogate pair).
 */
function spanningEdit(from: string, to: string): Edit {
  const isHighSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
  let start = 0;
  while (start < from.length && start < to.length && from[start] === to[start]) start++;
  if (start > 0 && isHighSurrogate(from.charCodeAt(start - 1))) start--;
  let end = 0;
  while (
    end < from.length - start &&
    end < to.length - start &&
    from[from.length - 1 - end] === to[to.length - 1 - end]
  )
    end++;
  if (end > 0 && isHighSurrogate(from.charCodeAt(from.length - end - 1))) end--;
  return { start, end: from.length - end, text: to.slice(start, to.length - end) };
}
