/** The rule tester's own checks: they must fail a suite that names no rule, repeats a case or leaks a placeholder. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from 'sourcelint';
import { suiteProblems, unfilledPlaceholder } from './helpers/rule-tester.js';

test('a suite for an id that is no rule is refused', () => {
  assert.match(suiteProblems('bare-urls', { valid: ['Text.'], invalid: [] }).join('\n'), /"bare-urls" is not a rule/);
});

test('a case given twice is refused, across valid and invalid, with the same configuration', () => {
  const twice = suiteProblems('bare-url', {
    valid: ['See https://example.org.', 'Other.'],
    invalid: [{ code: 'See https://example.org.', errors: [] }],
  });
  assert.deepEqual(twice, ['duplicate case: "See https://example.org."']);
  const configured = { code: 'Text.', config: { rules: { 'bare-url': 'info' as const } } };
  assert.deepEqual(
    suiteProblems('bare-url', { valid: ['Text.', configured], invalid: [] }),
    [],
    'another configuration is another case',
  );
  assert.deepEqual(suiteProblems('bare-url', { valid: ['Text.', 'Other text.'], invalid: [] }), []);
});

test('a message with a placeholder left in it is caught; real messages have none', () => {
  assert.equal(unfilledPlaceholder('Footnote [^{id}] has no definition.'), '{id}');
  // relative-time once quoted its lexicon's "in {month} {year}" alternatives in every message.
  const findings = lint('Last October the minister said so, and currently the talks are stalled.').findings;
  assert.ok(findings.some((f) => f.ruleId === 'relative-time'));
  assert.deepEqual(
    findings.filter((f) => unfilledPlaceholder(f.message)).map((f) => f.message),
    [],
  );
});
