/**
 * `--fix`, `--fix-dry-run` and `--fix-type` against the real binary: what is fixed, what is not, and that a second run
 * changes nothing.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseJson, sourcelint, stderrLines, tempDir } from './helpers/cli.js';

const SAMPLES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../samples');
const sampleFiles = fs.readdirSync(SAMPLES).filter((f) => f.endsWith('.md') && f !== 'README.md');

/** A copy of samples/ (drafts, bibliography, configuration) in a fresh folder. */
function copySamples(): { dir: string; cleanup: () => void } {
  const files: Record<string, string> = {};
  for (const f of fs.readdirSync(SAMPLES)) files[f] = fs.readFileSync(path.join(SAMPLES, f), 'utf8');
  return tempDir(files);
}

const snapshot = (dir: string): Record<string, string> =>
  Object.fromEntries(fs.readdirSync(dir).map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')]));

describe('--fix on every sample', () => {
  for (const types of ['hygiene', 'hygiene,wording,citation-needed']) {
    test(`--fix-type ${types}: fixes what it can, and a second --fix changes nothing`, () => {
      const { dir, cleanup } = copySamples();
      try {
        const before = snapshot(dir);
        const first = sourcelint(['--fix', '--fix-type', types, '--format', 'json', ...sampleFiles], { cwd: dir });
        assert.ok(first.status === 0 || first.status === 1, first.stderr);
        const afterFirst = snapshot(dir);
        assert.notDeepEqual(afterFirst, before, 'the samples have fixable findings, so something changed');
        for (const r of parseJson(first.stdout)) {
          // What --fix reports is what is left in the fixed file: nothing of the fixed kinds.
          assert.equal(
            (r as unknown as { fixableWarningCount: number }).fixableWarningCount,
            0,
            `${r.filePath} has no fixable warning left`,
          );
          if (types.includes('citation-needed')) {
            assert.deepEqual(
              r.messages.filter((m) => /^unsourced-/.test(m.ruleId)),
              [],
              `${r.filePath}: every unsourced finding was marked`,
            );
          }
        }
        const second = sourcelint(['--fix', '--fix-type', types, ...sampleFiles], { cwd: dir });
        assert.equal(second.status, first.status);
        assert.deepEqual(snapshot(dir), afterFirst, 'the second run is a no-op');
        const dry = parseJson(
          sourcelint(['--fix-dry-run', '--fix-type', types, '--format', 'json', ...sampleFiles], { cwd: dir }).stdout,
        );
        assert.deepEqual(
          dry.filter((r) => 'output' in r).map((r) => r.filePath),
          [],
          'a dry run after fixing has no output to offer',
        );
      } finally {
        cleanup();
      }
    });
  }
});

describe('what --fix changes', () => {
  const draft = [
    'Aid rose by 40% in 2022 and the regime skyrocketed.',
    '',
    'The report is at https://example.org/report today.[^7]',
    '',
    '[^7]: The agency, 2023.',
    '[^old]: A note nothing cites.',
    '',
  ].join('\n');

  test('default (hygiene): bare URL wrapped, unused footnote removed, footnotes renumbered; wording and sourcing untouched', () => {
    const { dir, cleanup } = tempDir({ 'a.md': draft });
    try {
      const r = sourcelint(['--fix', 'a.md'], { cwd: dir });
      assert.equal(r.status, 0, r.stderr);
      const fixed = fs.readFileSync(path.join(dir, 'a.md'), 'utf8');
      assert.equal(
        fixed,
        [
          'Aid rose by 40% in 2022 and the regime skyrocketed.',
          '',
          'The report is at <https://example.org/report> today.[^1]',
          '',
          '[^1]: The agency, 2023.',
          '',
        ].join('\n'),
      );
      assert.match(r.stdout, /unsourced-statistic/, 'the remaining findings are reported');
      assert.match(r.stdout, /loaded-term/);
    } finally {
      cleanup();
    }
  });

  test('--fix-type wording uses the first neutral alternative; --fix-type citation-needed marks the unsourced sentence', () => {
    const { dir, cleanup } = tempDir({ 'a.md': 'Prices skyrocketed in 2022.\n', 'b.md': 'Aid rose by 40% in 2022.\n' });
    try {
      assert.equal(sourcelint(['--fix', '--fix-type', 'wording', 'a.md'], { cwd: dir }).status, 0);
      const a = fs.readFileSync(path.join(dir, 'a.md'), 'utf8');
      assert.doesNotMatch(a, /skyrocket/i);
      assert.match(a, /^Prices \S.* in 2022\.\n$/);
      const r = sourcelint(['--fix', '--fix-type', 'citation-needed', '--format', 'json', 'b.md'], { cwd: dir });
      assert.equal(fs.readFileSync(path.join(dir, 'b.md'), 'utf8'), 'Aid rose by 40% in 2022 [citation needed].\n');
      assert.deepEqual(
        parseJson(r.stdout)[0].messages.map((m) => m.ruleId),
        ['citation-needed'],
      );
    } finally {
      cleanup();
    }
  });

  test('--fix-dry-run writes nothing and shows the fixed text as "output"; standard input works too', () => {
    const { dir, cleanup } = tempDir({ 'a.md': draft });
    try {
      const r = sourcelint(['--fix-dry-run', '--format', 'json', 'a.md'], { cwd: dir });
      assert.equal(fs.readFileSync(path.join(dir, 'a.md'), 'utf8'), draft, 'unchanged on disk');
      const [result] = parseJson(r.stdout) as Array<{ output?: string }>;
      assert.match(result.output ?? '', /<https:\/\/example\.org\/report>/);
      const stdin = sourcelint(['--stdin', '--fix-dry-run', '--format', 'json'], { cwd: dir, input: draft });
      assert.equal((parseJson(stdin.stdout)[0] as { output?: string }).output, result.output);
      const clean = sourcelint(['--fix-dry-run', '--format', 'json', '--stdin'], {
        cwd: dir,
        input: 'Nothing to fix here.\n',
      });
      assert.equal('output' in parseJson(clean.stdout)[0], false, 'no output when nothing changed (as ESLint)');
    } finally {
      cleanup();
    }
  });

  test('a byte-order mark and CRLF line ends survive --fix', () => {
    const { dir, cleanup } = tempDir({ 'a.md': '\ufeffSee https://example.org/x now.\r\n\r\nMore text here.\r\n' });
    try {
      sourcelint(['--fix', 'a.md'], { cwd: dir });
      assert.equal(
        fs.readFileSync(path.join(dir, 'a.md'), 'utf8'),
        '\ufeffSee <https://example.org/x> now.\r\n\r\nMore text here.\r\n',
      );
    } finally {
      cleanup();
    }
  });

  test('usage errors: --fix-type without --fix, an unknown type, --fix on standard input', () => {
    for (const [args, pattern] of [
      [['--fix-type', 'wording', 'a.md'], /--fix-type needs --fix/],
      [['--fix', '--fix-type', 'layout', 'a.md'], /unknown fix type "layout"/],
      [['--fix', '--stdin'], /--fix cannot write to standard input/],
    ] as const) {
      const r = sourcelint([...args]);
      assert.equal(r.status, 2, args.join(' '));
      assert.equal(stderrLines(r.stderr).length, 1);
      assert.match(r.stderr, pattern);
    }
  });
});
