/**
 * Fixture drafts with their expected findings written beside them (`NAME.expected.json`: the rules the fixture is
 * about, and per finding its line, rule and flagged text), markdownlint-style.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { lint } from 'sourcelint';

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures');

for (const name of fs.readdirSync(dir).filter((f) => f.endsWith('.md'))) {
  test(`fixture ${name}`, () => {
    const file = path.join(dir, name);
    const text = fs.readFileSync(file, 'utf8');
    const expected = JSON.parse(fs.readFileSync(file.replace(/\.md$/, '.expected.json'), 'utf8')) as {
      rules: string[];
      findings: Array<{ line: number; rule: string; text: string }>;
    };
    const rules = new Set(expected.rules);
    const result = lint(text, { filePath: file });
    const actual = result.findings
      .filter((f) => rules.has(f.ruleId))
      .map((f) => ({ line: result.textDocument.positionAt(f.span.start).line + 1, rule: f.ruleId, text: text.slice(f.span.start, f.span.end) }));
    assert.deepEqual(actual, expected.findings);
    assert.deepEqual(result.problems, [], 'the fixture bibliography parses cleanly');
  });
}
