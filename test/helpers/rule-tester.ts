/**
 * ESLint-style rule tester: `valid` texts raise nothing for the rule; each `invalid` text raises exactly the listed
 * findings, identified by the text they point at. Runs the real engine on the text, no mocks.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { lint, RULE_IDS, type SourcelintConfig } from 'sourcelint';
import type { SourceCopies } from 'sourcelint/engine/evidence/copies.js';

export interface ExpectedFinding {
  /** The exact source text the finding's range covers. */
  text: string;
  /** A pattern the message must match. */
  message?: RegExp;
  /** Descriptions of the suggestions, in order. */
  suggestions?: string[];
  /** The document after applying the first suggestion. */
  output?: string;
}

export interface Case {
  code: string;
  config?: SourcelintConfig;
  name?: string;
  /** Saved copies of the cited sources (see helpers/source-copies.ts). */
  sourceCopies?: SourceCopies;
}

export interface InvalidCase extends Case {
  errors: ExpectedFinding[];
}

export function findingsOf(ruleId: string, c: Case) {
  const layers = c.config ? [{ config: c.config, file: '/virtual/.sourcelintrc.json' }] : [];
  return lint(c.code, { filePath: '/virtual/draft.md', layers, sourceCopies: c.sourceCopies }).findings.filter(
    (f) => f.ruleId === ruleId,
  );
}

export interface Cases {
  valid: Array<string | Case>;
  invalid: InvalidCase[];
}

/** A case is its text and configuration: two cases alike test one thing twice (or contradict each other). */
const caseKey = (c: Case): string => JSON.stringify([c.code, c.config ?? null, c.sourceCopies !== undefined]);

/** What makes a test suite wrong before it runs: an id that names no rule, a case given twice. */
export function suiteProblems(ruleId: string, cases: Cases): string[] {
  const problems: string[] = [];
  if (!RULE_IDS.includes(ruleId)) problems.push(`"${ruleId}" is not a rule (rules: ${RULE_IDS.join(', ')})`);
  const seen = new Set<string>();
  for (const c of [...cases.valid.map((v) => (typeof v === 'string' ? { code: v } : v)), ...cases.invalid]) {
    const key = caseKey(c);
    if (seen.has(key)) problems.push(`duplicate case: ${JSON.stringify(c.code.slice(0, 70))}`);
    seen.add(key);
  }
  return problems;
}

/** A message that still shows a `{placeholder}`: a value the rule forgot to give. */
export const unfilledPlaceholder = (message: string): string | undefined => /\{\w+\}/.exec(message)?.[0];

export function ruleTester(ruleId: string, cases: Cases): void {
  describe(ruleId, () => {
    test('the suite names a rule and has no duplicate case', () => assert.deepEqual(suiteProblems(ruleId, cases), []));
    for (const v of cases.valid) {
      const c = typeof v === 'string' ? { code: v } : v;
      test(`valid: ${c.name ?? c.code.slice(0, 70)}`, () => {
        const found = findingsOf(ruleId, c).map((f) => c.code.slice(f.span.start, f.span.end));
        assert.deepEqual(found, [], `expected no ${ruleId} findings`);
      });
    }
    for (const c of cases.invalid) {
      test(`invalid: ${c.name ?? c.code.slice(0, 70)}`, () => {
        const findings = findingsOf(ruleId, c);
        for (const f of findings)
          assert.equal(unfilledPlaceholder(f.message), undefined, `placeholder left in: ${f.message}`);
        assert.deepEqual(
          findings.map((f) => c.code.slice(f.span.start, f.span.end)),
          c.errors.map((e) => e.text),
        );
        c.errors.forEach((e, i) => {
          const f = findings[i];
          if (e.message) assert.match(f.message, e.message);
          if (e.suggestions)
            assert.deepEqual(
              (f.suggestions ?? []).map((s) => s.desc),
              e.suggestions,
            );
          if (e.output !== undefined) {
            const edits = [...(f.suggestions?.[0]?.edits ?? f.fix ?? [])].sort((a, b) => b.start - a.start);
            let out = c.code;
            for (const ed of edits) out = out.slice(0, ed.start) + ed.text + out.slice(ed.end);
            assert.equal(out, e.output);
          }
        });
      });
    }
  });
}
