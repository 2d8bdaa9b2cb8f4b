/**
 * Fixture drafts with their expected findings written beside them (`NAME.expected.json`: the rules the fixture is
 * about, and per finding its line, rule, flagged text and, where given, severity), markdownlint-style. Sample drafts
 * in samples/ that have an expected file are checked the same way.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { lint } from 'sourcelint';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixtures = path.resolve(here, '../fixtures');
const samples = path.resolve(here, '../../samples');
const drafts = [
  ...fs
    .readdirSync(fixtures)
    .filter((f) => f.endsWith('.md'))
    .map((f) => path.join(fixtures, f)),
  ...fs
    .readdirSync(samples)
    .filter((f) => f.endsWith('.expected.json'))
    .map((f) => path.join(samples, f.replace(/\.expected\.json$/, '.md'))),
];

for (const file of drafts) {
  test(`fixture ${path.relative(path.resolve(here, '../..'), file)}`, () => {
    const text = fs.readFileSync(file, 'utf8');
    const expected = JSON.parse(fs.readFileSync(file.replace(/\.md$/, '.expected.json'), 'utf8')) as {
      rules: string[];
      findings: Array<{ line: number; rule: string; text: string; severity?: string }>;
    };
    const withSeverity = expected.findings.some((f) => f.severity !== undefined);
    const rules = new Set(expected.rules);
    const result = lint(text, { filePath: file });
    const actual = result.findings
      .filter((f) => rules.has(f.ruleId))
      .map((f) => ({
        line: result.textDocument.positionAt(f.span.start).line + 1,
        rule: f.ruleId,
        ...(withSeverity ? { severity: f.severity } : {}),
        text: text.slice(f.span.start, f.span.end),
      }));
    assert.deepEqual(actual, expected.findings);
    assert.deepEqual(result.problems, [], 'the fixture bibliography parses cleanly');
  });
}
