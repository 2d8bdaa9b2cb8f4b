/**
 * The language server's per-document LintCache must never make a lint depend on edit history: after every edit, the
 * cached lint equals a fresh one. Quote marks are the hard case: a sentence's quotation spans depend on quote marks
 * elsewhere in its paragraph, while its own text stays the same.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LintCache, lint, type LintResult } from 'sourcelint';

const summary = (r: LintResult) =>
  r.findings.map((f) => `${f.span.start}-${f.span.end} ${f.ruleId} ${f.severity} ${f.message}`);

/** Lints every state with one cache (as the editor does) and checks it against a lint without a cache. */
function checkStates(states: readonly string[]): void {
  const cache = new LintCache();
  for (const [i, text] of states.entries()) {
    assert.deepEqual(summary(lint(text, { cache })), summary(lint(text)), `state ${i}: ${JSON.stringify(text)}`);
  }
}

const QUOTED = 'Officials met on Monday. The plan is "a disaster for every school in the whole country" in the end.';

test('typing and deleting a quote mark before a quotation: every state lints as fresh', () => {
  const states = [QUOTED];
  // A stray " typed at each word start before the quotation opens, then deleted again.
  const opening = QUOTED.indexOf('"');
  for (let at = 0; at < opening; at = QUOTED.indexOf(' ', at + 1) + 1 || opening) {
    states.push(QUOTED.slice(0, at) + '"' + QUOTED.slice(at), QUOTED);
  }
  // The sentence typed character by character, quote marks included, then deleted character by character.
  for (let n = 1; n <= QUOTED.length; n++) states.push(QUOTED.slice(0, n));
  for (let n = QUOTED.length - 1; n >= 0; n--) states.push(QUOTED.slice(0, n));
  checkStates(states);
});

test('the same sentence text with and without a quotation opened in an earlier sentence', () => {
  const closed = 'The plan was approved. It is "a disaster for every school in the whole country" in the end.';
  const opened = 'The plan was "approved. It is "a disaster for every school in the whole country" in the end.';
  const fresh = (t: string) => summary(lint(t));
  assert.notDeepEqual(fresh(closed), fresh(opened), 'the unclosed quote changes what the second sentence is');
  checkStates([closed, opened, closed, opened.replace('The plan', '"The plan'), opened, closed]);
});

test('an edit costs work in the paragraph it touches only (counted, not timed)', () => {
  const paragraph = (i: number) =>
    `Exports from region ${i} rose by ${i + 3}% in 2022, the ministry said. Officials called it "a turning point for the economy and for trade".`;
  const doc = Array.from({ length: 40 }, (_, i) => paragraph(i)).join('\n\n');
  const cache = new LintCache();
  lint(doc, { cache });
  const firstLint = cache.computed;
  const edited = doc.replace('region 17 rose', 'region 17 "rose');
  lint(edited, { cache });
  const editWork = cache.computed - firstLint;
  assert.ok(firstLint >= 40 * 3, `the first lint analyses every block and sentence (${firstLint})`);
  // 1 paragraph of 40 changed: its share of the first lint's work is 1/40; allow twice that.
  assert.ok(
    editWork > 0 && editWork * 20 <= firstLint,
    `one edited paragraph re-analyses its own items, not the document (${editWork} of ${firstLint})`,
  );
  assert.deepEqual(summary(lint(edited, { cache })), summary(lint(edited)));
});
