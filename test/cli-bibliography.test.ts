/**
 * A bibliography that cannot be read is a finding where it is named, in every output format, with the README's exit
 * code.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { parseJson, sourcelint, stderrLines, tempDir } from './helpers/cli.js';

const DOC =
  '---\nbibliography: refs/missing.bib\n---\n\nAid fell by 40% in 2022 [@oecd2023]. Exports rose by 12% [@wto2023].\n';
const BIB_LINE = 2;
const BIB_COL = DOC.split('\n')[1].indexOf('refs/missing.bib') + 1;

describe('a missing bibliography', () => {
  test('json: one unknown-citekey error on the path in the front matter, no "not in the bibliography" per key, exit 1, nothing on stderr', () => {
    const { dir, cleanup } = tempDir({ 'a.md': DOC });
    try {
      const r = sourcelint(['--format', 'json', 'a.md'], { cwd: dir });
      assert.equal(r.status, 1, `errors exit 1 (README); stderr: ${r.stderr}`);
      assert.deepEqual(stderrLines(r.stderr), [], 'the finding is in the report, not on stderr');
      const [result] = parseJson(r.stdout);
      const unknown = result.messages.filter((m) => m.ruleId === 'unknown-citekey');
      assert.equal(unknown.length, 1, JSON.stringify(unknown));
      assert.deepEqual(
        [unknown[0].line, unknown[0].column, unknown[0].endColumn],
        [BIB_LINE, BIB_COL, BIB_COL + 'refs/missing.bib'.length],
      );
      assert.equal(unknown[0].severity, 2);
      assert.match(unknown[0].message, /refs\/missing\.bib cannot be read \(no such file\)/);
      assert.doesNotMatch(r.stdout, /not in the bibliography/);
      assert.equal(
        result.messages.filter((m) => m.ruleId === 'unsourced-statistic').length,
        0,
        'the keys still count as citations',
      );
    } finally {
      cleanup();
    }
  });

  test('stylish, github and sarif carry the same finding', () => {
    const { dir, cleanup } = tempDir({ 'a.md': DOC });
    try {
      const stylish = sourcelint(['a.md'], { cwd: dir });
      assert.equal(stylish.status, 1);
      assert.match(
        stylish.stdout,
        new RegExp(
          `${BIB_LINE}:${BIB_COL}\\s+error\\s+Bibliography refs/missing\\.bib cannot be read.*unknown-citekey`,
        ),
      );
      const github = sourcelint(['--format', 'github', 'a.md'], { cwd: dir });
      assert.equal(github.status, 1);
      assert.match(
        github.stdout,
        new RegExp(
          `^::error file=a\\.md,line=${BIB_LINE},col=${BIB_COL},.*title=unknown-citekey::Bibliography refs/missing\\.bib cannot be read`,
          'm',
        ),
      );
      const sarif = sourcelint(['--format', 'sarif', 'a.md'], { cwd: dir });
      assert.equal(sarif.status, 1);
      const results = (
        JSON.parse(sarif.stdout) as {
          runs: Array<{
            results: Array<{
              ruleId: string;
              level: string;
              message: { text: string };
              locations: Array<{ physicalLocation: { region: { startLine: number; startColumn: number } } }>;
            }>;
          }>;
        }
      ).runs[0].results;
      const found = results.filter((x) => x.ruleId === 'unknown-citekey');
      assert.equal(found.length, 1);
      assert.equal(found[0].level, 'error');
      assert.match(found[0].message.text, /cannot be read/);
      assert.deepEqual(found[0].locations[0].physicalLocation.region.startLine, BIB_LINE);
    } finally {
      cleanup();
    }
  });

  test('a configuration bibliography that is a directory or not BibTeX is reported on the first citation; a document without citations is left alone', () => {
    const { dir, cleanup } = tempDir({
      '.sourcelintrc.json': JSON.stringify({ bibliography: ['refs.txt', 'bibdir.bib'] }),
      'cites.md': 'Aid fell by 40% in 2022 [@oecd2023].\n',
      'plain.md': 'A short note.\n',
    });
    try {
      fs.mkdirSync(path.join(dir, 'bibdir.bib'));
      fs.writeFileSync(path.join(dir, 'refs.txt'), 'not a bibliography');
      const r = sourcelint(['--format', 'json', 'cites.md', 'plain.md'], { cwd: dir });
      assert.equal(r.status, 1, r.stderr);
      const [cites, plain] = parseJson(r.stdout);
      const reasons = cites.messages
        .filter((m) => m.ruleId === 'unknown-citekey')
        .map((m) => [m.line, m.column, m.message.replace(/^Bibliography .*?(refs\.txt|bibdir\.bib) /, '$1 ')]);
      assert.deepEqual(reasons, [
        [
          1,
          27,
          'refs.txt cannot be read (not BibTeX (.bib), CSL-JSON (.json) or CSL YAML (.yaml)), so citation keys are not checked. Fix the path in the configuration.',
        ],
        [
          1,
          27,
          'bibdir.bib cannot be read (is a directory), so citation keys are not checked. Fix the path in the configuration.',
        ],
      ]);
      assert.deepEqual(plain.messages, []);
    } finally {
      cleanup();
    }
  });

  test('a readable bibliography beside the missing one: no key is called missing, the readable keys still resolve', () => {
    const bib = '@book{oecd2023, author = {{OECD}}, title = {Aid}, year = {2023}}\n';
    const doc =
      '---\nbibliography: [refs.bib, gone.bib]\n---\n\nAid fell by 40% in 2022 [@oecd2023]. Exports rose by 12% [@wto2023].\n';
    const { dir, cleanup } = tempDir({ 'refs.bib': bib, 'a.md': doc });
    try {
      const [result] = parseJson(sourcelint(['--format', 'json', 'a.md'], { cwd: dir }).stdout);
      assert.deepEqual(
        result.messages.filter((m) => m.ruleId === 'unknown-citekey').map((m) => m.message.slice(0, 37)),
        ['Bibliography gone.bib cannot be read '],
      );
      fs.writeFileSync(
        path.join(dir, 'gone.bib'),
        '@book{wto2023, author = {{WTO}}, title = {Trade}, year = {2023}}\n',
      );
      const fixed = sourcelint(['--format', 'json', 'a.md'], { cwd: dir });
      assert.equal(fixed.status, 0, fixed.stdout);
    } finally {
      cleanup();
    }
  });
});
