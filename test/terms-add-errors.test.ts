/** Broken `terms.add` patterns are configuration errors that name the file, the pattern and the problem. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError, checkConfig, lint, type SourcelintConfig } from 'sourcelint';
import { sourcelint, stderrLines, tempDir } from './helpers/cli.js';

const layers = (pattern: string) => [
  {
    file: '/virtual/.sourcelintrc.json',
    config: { terms: { add: [{ pattern, rule: 'loaded-term' as const, reason: 'house style' }] } } as SourcelintConfig,
  },
];
const errorOf = (pattern: string): ConfigError => {
  try {
    lint('Text.\n', { filePath: '/virtual/x.md', layers: layers(pattern) });
  } catch (e) {
    assert.ok(e instanceof ConfigError, String(e));
    return e;
  }
  assert.fail(`"${pattern}" was accepted`);
};

test('each kind of broken pattern is a ConfigError naming the file, terms.add and the pattern', () => {
  const cases: Array<[string, RegExp]> = [
    ['ruthless? regime', /the first word of "ruthless\? regime" cannot be optional/],
    ['* regime', /"\* regime" cannot start with \*/],
    ['{TYRANTS} regime', /pattern "\{TYRANTS\} regime" uses undefined class \{tyrants\}/i],
    ['regime (junta)', /"\(junta\)" in "regime \(junta\)" is not a word/],
  ];
  for (const [pattern, message] of cases) {
    const e = errorOf(pattern);
    assert.match(e.message, /^\/virtual\/\.sourcelintrc\.json: terms\.add/, e.message);
    assert.match(e.message, message);
  }
});

test('a good pattern beside them still works: the error is about the broken one only', () => {
  const result = lint('The regime fell.\n', { filePath: '/virtual/x.md', layers: layers('regime') });
  assert.deepEqual(
    result.findings.filter((f) => f.ruleId === 'loaded-term').map((f) => f.message.startsWith('"regime"')),
    [true],
  );
});

test('the CLI reports a broken pattern on one stderr line with exit code 2, no stack trace', () => {
  const config = { terms: { add: [{ pattern: '* regime', rule: 'loaded-term', reason: 'house style' }] } };
  const { dir, cleanup } = tempDir({ '.sourcelintrc.json': JSON.stringify(config), 'a.md': 'The regime fell.\n' });
  try {
    const r = sourcelint(['a.md'], { cwd: dir });
    assert.equal(r.status, 2, r.stderr);
    const lines = stderrLines(r.stderr);
    assert.equal(lines.length, 1, r.stderr);
    assert.match(
      lines[0],
      /^sourcelint: .*\.sourcelintrc\.json: terms\.add: entry "\* regime": "\* regime" cannot start with \*$/,
    );
    assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
  } finally {
    cleanup();
  }
});

test('a pattern or key with line breaks in it gives a one-line error, the breaks shown escaped', () => {
  const pattern = errorOf('* the\nplan');
  assert.doesNotMatch(pattern.message, /[\r\n]/);
  assert.match(pattern.message, /"\* the\\u000aplan" cannot start with \*$/);
  // A YAML mapping key written as a flow sequence over several lines (`{[a, b]: …}`) is a key the schema does not know.
  assert.throws(
    () => checkConfig({ terms: { '[\n  "a",\n  "b"\n]': [] } }, '.sourcelintrc.yaml'),
    (e: Error) =>
      e instanceof ConfigError &&
      !/[\r\n]/.test(e.message) &&
      e.message === '.sourcelintrc.yaml: "terms.[\\u000a  "a",\\u000a  "b"\\u000a]" is not a known key',
  );
});
