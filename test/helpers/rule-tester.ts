/**
 * ESLint-style rule tester: `valid` texts raise nothing for the rule; each `invalid` text raises exactly the listed
 * findings, identified by the text they point at. Runs the real engine on the text, no mocks.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { lint, type SourcelintConfig } from 'sourcelint';

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
}

export interface InvalidCase extends Case {
  errors: ExpectedFinding[];
}

export function findingsOf(ruleId: string, c: Case) {
  const layers = c.config ? [{ config: c.config, file: '/virtual/.sourcelintrc.json' }] : [];
  return lint(c.code, { filePath: '/virtual/draft.md', layers }).findings.filter((f) => f.ruleId === ruleId);
}

export function ruleTester(ruleId: string, cases: { valid: Array<string | Case>; invalid: InvalidCase[] }): void {
  describe(ruleId, () => {
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
        assert.deepEqual(
          findings.map((f) => c.code.slice(f.span.start, f.span.end)),
          c.errors.map((e) => e.text),
        );
        c.errors.forEach((e, i) => {
          const f = findings[i];
          if (e.message) assert.match(f.message, e.message);
          if (e.suggestions) assert.deepEqual((f.suggestions ?? []).map((s) => s.desc), e.suggestions);
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
