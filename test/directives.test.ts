import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from 'sourcelint';

const flagged = (code: string, rule = 'unsourced-statistic'): string[] =>
  lint(code, { filePath: '/virtual/d.md' })
    .findings.filter((f) => f.ruleId === rule)
    .map((f) => code.slice(f.span.start, f.span.end));

test('disable-next-line silences only the next line, and only the named rule', () => {
  const code = '<!-- sourcelint-disable-next-line unsourced-statistic -->\nAid fell by 40%.\n\nAid fell by 30%.\n';
  assert.deepEqual(flagged(code), ['30%']);
});

test('disable-next-line naming another rule silences nothing here', () => {
  const code = '<!-- sourcelint-disable-next-line loaded-term -->\nAid fell by 40%.\n';
  assert.deepEqual(flagged(code), ['40%']);
});

test('disable-line silences the line the comment is on', () => {
  assert.deepEqual(flagged('Aid fell by 40%. <!-- sourcelint-disable-line -->\n\nAid fell by 30%.'), ['30%']);
});

test('disable … enable silences the range between', () => {
  const code =
    'Aid fell by 10%.\n\n<!-- sourcelint-disable -->\n\nAid fell by 20%.\n\n<!-- sourcelint-enable -->\n\nAid fell by 30%.\n';
  assert.deepEqual(flagged(code), ['10%', '30%']);
});

test('enable of one rule inside a disable-all re-enables just that rule', () => {
  const code = '<!-- sourcelint-disable -->\n<!-- sourcelint-enable unsourced-statistic -->\n\nAid fell by 20% [@x].\n';
  assert.deepEqual(flagged(code, 'unknown-citekey'), [], 'other rules stay disabled');
  assert.deepEqual(flagged(code.replace(' [@x]', '')), ['20%'], 'the re-enabled rule reports');
});

test('front matter sourcelint: overrides severities for one file', () => {
  const code = '---\nsourcelint:\n  rules:\n    unsourced-statistic: "off"\n---\n\nAid fell by 40%.\n';
  assert.deepEqual(flagged(code), []);
  const errorCode = '---\nsourcelint:\n  rules:\n    unsourced-statistic: error\n---\n\nAid fell by 40%.\n';
  assert.deepEqual(
    lint(errorCode, { filePath: '/virtual/d.md' })
      .findings.filter((f) => f.ruleId === 'unsourced-statistic')
      .map((f) => f.severity),
    ['error'],
  );
});

test('an invalid front-matter override names the file and the key', () => {
  assert.throws(
    () =>
      lint('---\nsourcelint:\n  rules:\n    unsourced-statistic: loud\n---\n\nText.', { filePath: '/virtual/d.md' }),
    /\/virtual\/d\.md: front matter "sourcelint": "rules\.unsourced-statistic" must be one of/,
  );
});
