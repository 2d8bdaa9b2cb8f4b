/** Bad and pathological input: a clear one-line message naming the file, nothing lost, no stack trace, no hang. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { sourcelint, tempDir, type JsonResult } from './helpers/cli.js';

const GOOD = 'Russia sent 1000 officials to Mali in 2022.';
const noStack = (stderr: string) => assert.doesNotMatch(stderr, / {4}at |Error: /);

test('binary, non-UTF-8 and unreadable files are refused by name; the others are still linted', () => {
  const { dir, cleanup } = tempDir({
    'good.md': GOOD,
    'binary.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x0d, 0x0a]),
    'latin1.md': Buffer.from([0x41, 0x69, 0x64, 0x20, 0xff, 0xfe, 0x41]),
  });
  fs.symlinkSync(path.join(dir, 'nowhere.md'), path.join(dir, 'gone.md'));
  try {
    const r = sourcelint(['--format', 'json', '.'], { cwd: dir });
    assert.equal(r.status, 2);
    const lines = r.stderr.trim().split('\n');
    assert.equal(lines.length, 3, r.stderr);
    assert.ok(lines.some((l) => /binary\.md: binary file, not linted$/.test(l)));
    assert.ok(lines.some((l) => /latin1\.md: not valid UTF-8 \(first bad byte at offset 4\), not linted$/.test(l)));
    assert.ok(lines.some((l) => /gone\.md: cannot read file: no such file$/.test(l)));
    noStack(r.stderr);
    const results = JSON.parse(r.stdout) as JsonResult[];
    assert.deepEqual(results.map((x) => path.basename(x.filePath)), ['good.md']);
    assert.ok(results[0].messages.some((m) => m.ruleId === 'unsourced-statistic'));
  } finally {
    cleanup();
  }
});

test('a UTF-8 byte-order mark does not shift columns', () => {
  const { dir, cleanup } = tempDir({ 'bom.md': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(GOOD)]) });
  try {
    const [result] = JSON.parse(sourcelint(['--format', 'json', 'bom.md'], { cwd: dir }).stdout) as JsonResult[];
    assert.deepEqual(result.messages.filter((m) => m.ruleId === 'unsourced-statistic').map((m) => m.column), [GOOD.indexOf('1000') + 1]);
  } finally {
    cleanup();
  }
});

test('a broken .bib entry is reported with its line and skipped; valid keys still resolve', () => {
  const bib = '@book{broken,\n  title = {No closing brace}\n\n@book{goodkey,\n  title = {Fine},\n  year = {2020}\n}\n';
  const { dir, cleanup } = tempDir({ 'refs.bib': bib, 'a.md': '---\nbibliography: refs.bib\n---\n\nAid fell by 40% [@goodkey].\n' });
  try {
    const r = sourcelint(['--format', 'json', 'a.md'], { cwd: dir });
    assert.equal(r.status, 0);
    assert.match(r.stderr.trim(), /^sourcelint: .*refs\.bib:1: .*broken.*skipped$/);
    const [result] = JSON.parse(r.stdout) as JsonResult[];
    assert.deepEqual(result.messages.filter((m) => m.ruleId === 'unknown-citekey' || m.ruleId === 'unsourced-statistic'), []);
  } finally {
    cleanup();
  }
});

const paragraph = 'Aid accounted for around 10% of its GDP, and the regime skyrocketed, critics say. ';

const hostile: Array<[string, () => string, number]> = [
  ['a 5 MB article', () => `# Big\n\n${(paragraph.repeat(8) + '\n\n').repeat(Math.ceil(5e6 / (paragraph.length * 8 + 2)))}`, 30_000],
  ['a 400 KB line', () => paragraph.repeat(Math.ceil(400_000 / paragraph.length)), 10_000],
  ['10,000 nested block quotes', () => '>'.repeat(10_000) + ' text 50%', 10_000],
  ['5,000 nested lists on one line', () => '- '.repeat(5_000) + 'x 50%', 10_000],
  ['1,000 levels of indented lists', () => Array.from({ length: 1_000 }, (_, i) => ' '.repeat(i * 2) + '- item 5%').join('\n'), 10_000],
  ['100,000 [', () => '['.repeat(100_000), 10_000],
  ['30,000 unclosed links', () => '[x]('.repeat(30_000), 10_000],
  ['100,000 *', () => '*'.repeat(100_000), 10_000],
  ['200,000 @', () => '@'.repeat(200_000), 10_000],
  ['50,000 [^', () => '[^'.repeat(50_000), 10_000],
  ['100,000 quotes', () => '"'.repeat(100_000) + ' “'.repeat(50_000), 10_000],
  ['a 100,000-row table', () => '|a|b|\n|-|-|\n' + '|1|2|\n'.repeat(100_000), 10_000],
  ['50,000 unclosed comments', () => '<!-- '.repeat(50_000), 10_000],
];

for (const [name, make, limitMs] of hostile) {
  test(`${name}: finishes within ${limitMs / 1000} s, no crash`, () => {
    const { dir, cleanup } = tempDir({ 'x.md': make() });
    try {
      const r = sourcelint(['--format', 'json', 'x.md'], { cwd: dir, timeoutMs: limitMs * 2 });
      assert.notEqual(r.status, null, 'killed by the timeout');
      assert.ok(r.status === 0 || r.status === 1, `exit ${r.status}: ${r.stderr.slice(0, 300)}`);
      assert.ok(r.ms < limitMs, `${Math.round(r.ms)} ms`);
      noStack(r.stderr);
      assert.ok(Array.isArray(JSON.parse(r.stdout)));
    } finally {
      cleanup();
    }
  });
}
