/**
 * Configuration that composes, against the real binary: the cascade from parent folders, `root`, `extends` (files and
 * installed packages, read and never run), JSON with comments, `ignores` and `!` patterns, `--ignore-path`,
 * `sourcelint-disable-file`, directives naming unknown rules, and `--init`.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { parseJson, sourcelint, stderrLines, tempDir, type JsonResult } from './helpers/cli.js';

/** A figure (unsourced-statistic, a warning by default) and a loaded term (loaded-term, a warning by default). */
const DRAFT = 'Russia sent 1000 soldiers to Mali in 2022 and the regime skyrocketed.\n';

function lint(cwd: string, args: string[]): { status: number | null; results: JsonResult[]; stderr: string } {
  const r = sourcelint(['--format', 'json', ...args], { cwd });
  return { status: r.status, results: r.stdout ? parseJson(r.stdout) : [], stderr: r.stderr };
}

/** rule id → ESLint severity of its findings in the one linted file ('-' when absent). */
function severities(results: JsonResult[]): Record<string, number | '-'> {
  const of = (id: string): number | '-' => results[0].messages.find((m) => m.ruleId === id)?.severity ?? '-';
  return { 'unsourced-statistic': of('unsourced-statistic'), 'loaded-term': of('loaded-term') };
}

describe('cascade', () => {
  test('parent and child configurations merge per rule; the nearest wins per key; root: true stops the walk', () => {
    const { dir, cleanup } = tempDir({
      '.sourcelintrc.json': JSON.stringify({ rules: { 'unsourced-statistic': 'error', 'loaded-term': 'error' } }),
      'desk/.sourcelintrc.yaml': 'rules:\n  loaded-term: "off"\n',
      'desk/story.md': DRAFT,
      'island/.sourcelintrc.json': JSON.stringify({ root: true, rules: { 'loaded-term': 'off' } }),
      'island/story.md': DRAFT,
      'plain/story.md': DRAFT,
    });
    try {
      assert.deepEqual(
        severities(lint(dir, ['plain/story.md']).results),
        { 'unsourced-statistic': 2, 'loaded-term': 2 },
        'the parent alone',
      );
      assert.deepEqual(
        severities(lint(dir, ['desk/story.md']).results),
        { 'unsourced-statistic': 2, 'loaded-term': '-' },
        'the child overrides one key, keeps the other',
      );
      assert.deepEqual(
        severities(lint(dir, ['island/story.md']).results),
        { 'unsourced-statistic': 1, 'loaded-term': '-' },
        'root: true: the parent does not apply',
      );
      const printed = JSON.parse(sourcelint(['--print-config', 'desk/story.md'], { cwd: dir }).stdout) as {
        sources: string[];
      };
      assert.deepEqual(printed.sources, [
        path.join(dir, '.sourcelintrc.json'),
        path.join(dir, 'desk/.sourcelintrc.yaml'),
      ]);
    } finally {
      cleanup();
    }
  });

  test('JSON with comments and trailing commas is read; a syntax error names the file and line, exit 2', () => {
    const { dir, cleanup } = tempDir({
      '.sourcelintrc.json': '// house rules\n{\n  /* figures */ "rules": { "unsourced-statistic": "error", },\n}\n',
      'a.md': DRAFT,
      'bad/.sourcelintrc.json': '{\n  "rules": {\n    "loaded-term": "off"\n  \n',
      'bad/a.md': DRAFT,
    });
    try {
      assert.equal(severities(lint(dir, ['a.md']).results)['unsourced-statistic'], 2);
      const r = sourcelint(['bad/a.md'], { cwd: dir });
      assert.equal(r.status, 2);
      assert.match(stderrLines(r.stderr).join('\n'), /bad\/\.sourcelintrc\.json: invalid JSON: .* at line \d/);
    } finally {
      cleanup();
    }
  });
});

describe('extends', () => {
  const marker = 'ran.txt';
  /** A package whose JavaScript would leave a file behind if anything ran it. */
  const trap = `require('fs').writeFileSync(require('path').join(__dirname, '..', '..', '${marker}'), 'executed');\nmodule.exports = { rules: {} };\n`;

  test('a relative file and installed packages (package.json key, JSON/YAML main, file inside, sourcelint-config- prefix) apply in order, the extending file last', () => {
    const { dir, cleanup } = tempDir({
      'shared/base.yaml': 'rules:\n  unsourced-statistic: error\n  loaded-term: error\n',
      'node_modules/@desk/house/package.json': JSON.stringify({
        name: '@desk/house',
        main: 'index.js',
        sourcelint: { rules: { 'loaded-term': 'info' } },
      }),
      'node_modules/@desk/house/index.js': trap,
      'node_modules/@desk/house/strict.json': JSON.stringify({ rules: { 'unsourced-statistic': 'info' } }),
      'node_modules/sourcelint-config-wire/package.json': JSON.stringify({
        name: 'sourcelint-config-wire',
        main: 'config.yml',
      }),
      'node_modules/sourcelint-config-wire/config.yml': 'rules:\n  loaded-term: "off"\n',
      'a/.sourcelintrc.json': JSON.stringify({ extends: '../shared/base.yaml' }),
      'a/story.md': DRAFT,
      'b/.sourcelintrc.json': JSON.stringify({ extends: ['../shared/base.yaml', '@desk/house'] }),
      'b/story.md': DRAFT,
      'c/.sourcelintrc.json': JSON.stringify({
        extends: ['@desk/house/strict.json', 'wire'],
        rules: { 'unsourced-statistic': 'warning' },
      }),
      'c/story.md': DRAFT,
    });
    try {
      assert.deepEqual(severities(lint(dir, ['a/story.md']).results), { 'unsourced-statistic': 2, 'loaded-term': 2 });
      assert.deepEqual(
        severities(lint(dir, ['b/story.md']).results),
        { 'unsourced-statistic': 2, 'loaded-term': 1 },
        'the package overrides the file before it',
      );
      const c = lint(dir, ['c/story.md']).results;
      assert.deepEqual(
        severities(c),
        { 'unsourced-statistic': 1, 'loaded-term': '-' },
        'the extending file wins over what it extends',
      );
      assert.equal(fs.existsSync(path.join(dir, marker)), false, 'no package code ran');
    } finally {
      cleanup();
    }
  });

  test('a package with only JavaScript, a missing package, a missing file and a cycle are configuration errors (exit 2), and nothing runs', () => {
    const { dir, cleanup } = tempDir({
      'node_modules/js-only/package.json': JSON.stringify({ name: 'js-only', main: 'index.js' }),
      'node_modules/js-only/index.js': trap,
      'js/.sourcelintrc.json': JSON.stringify({ extends: 'js-only' }),
      'js/a.md': DRAFT,
      'missing/.sourcelintrc.json': JSON.stringify({ extends: 'no-such-preset' }),
      'missing/a.md': DRAFT,
      'file/.sourcelintrc.json': JSON.stringify({ extends: './nope.json' }),
      'file/a.md': DRAFT,
      'cycle/.sourcelintrc.json': JSON.stringify({ extends: './other.json' }),
      'cycle/other.json': JSON.stringify({ extends: './.sourcelintrc.json' }),
      'cycle/a.md': DRAFT,
    });
    try {
      for (const [folder, pattern] of [
        ['js', /"extends" "js-only": the package has no Sourcelint configuration/],
        ['missing', /"extends" "no-such-preset": no such file, and no installed package/],
        ['file', /"extends" "\.\/nope\.json": file not found/],
        ['cycle', /"extends" cycle: .*\.sourcelintrc\.json → .*other\.json → .*\.sourcelintrc\.json/],
      ] as const) {
        const r = sourcelint([`${folder}/a.md`], { cwd: dir });
        assert.equal(r.status, 2, folder);
        const lines = stderrLines(r.stderr);
        assert.equal(lines.length, 1, r.stderr);
        assert.match(lines[0], pattern);
        assert.doesNotMatch(r.stderr, / {4}at /);
      }
      assert.equal(fs.existsSync(path.join(dir, marker)), false, 'no package code ran');
    } finally {
      cleanup();
    }
  });
});

describe('ignoring files', () => {
  const files = {
    'drafts/a.md': DRAFT,
    'drafts/keep.md': DRAFT,
    'drafts/old/b.md': DRAFT,
    'news/c.md': DRAFT,
    'news/d.md': DRAFT,
  };
  const linted = (results: JsonResult[], dir: string): string[] =>
    results.map((r) => path.relative(dir, r.filePath).split(path.sep).join('/')).sort();

  test('"ignores" in configuration, with "!" re-including a file; the former "ignore" key still works', () => {
    const { dir, cleanup } = tempDir({
      ...files,
      '.sourcelintrc.json': JSON.stringify({ ignores: ['drafts/**', '!drafts/keep.md'] }),
      'news/.sourcelintrc.json': JSON.stringify({ ignore: ['d.md'] }),
    });
    try {
      assert.deepEqual(linted(lint(dir, ['.']).results, dir), ['drafts/keep.md', 'news/c.md']);
    } finally {
      cleanup();
    }
  });

  test('"!pattern" on the command line leaves files out; --ignore-path replaces .sourcelintignore', () => {
    const { dir, cleanup } = tempDir({ ...files, '.sourcelintignore': 'news/\n', 'ci.ignore': 'drafts/old/\n' });
    try {
      assert.deepEqual(linted(lint(dir, ['.']).results, dir), ['drafts/a.md', 'drafts/keep.md', 'drafts/old/b.md']);
      assert.deepEqual(linted(lint(dir, ['.', '!drafts/old', '!**/keep.md']).results, dir), ['drafts/a.md']);
      assert.deepEqual(linted(lint(dir, ['--ignore-path', 'ci.ignore', '.']).results, dir), [
        'drafts/a.md',
        'drafts/keep.md',
        'news/c.md',
        'news/d.md',
      ]);
      const missing = sourcelint(['--ignore-path', 'nope.ignore', '.'], { cwd: dir });
      assert.equal(missing.status, 2);
      assert.match(missing.stderr, /nope\.ignore: ignore file not found/);
    } finally {
      cleanup();
    }
  });
});

describe('inline directives', () => {
  test('sourcelint-disable-file turns rules off in the whole file, wherever it is; unknown rule names are reported where they are written', () => {
    const text = [
      DRAFT.trimEnd(),
      'More: 2000 troops arrived in 2023.',
      '',
      '<!-- sourcelint-disable-file unsourced-statistic -->',
      '<!-- sourcelint-disable-next-line loaded-trm -->',
      'The regime skyrocketed again.',
      '',
    ].join('\n');
    const { dir, cleanup } = tempDir({ 'a.md': text });
    try {
      const [r] = lint(dir, ['a.md']).results;
      assert.deepEqual(
        r.messages.filter((m) => m.ruleId === 'unsourced-statistic'),
        [],
      );
      const suppressed = (r as unknown as { suppressedMessages: Array<{ ruleId: string }> }).suppressedMessages.map(
        (m) => m.ruleId,
      );
      assert.deepEqual(suppressed, ['unsourced-statistic', 'unsourced-statistic']);
      const invalid = r.messages.filter((m) => m.ruleId === 'invalid-directive');
      const line = text.split('\n')[4];
      assert.deepEqual(
        invalid.map((m) => [m.line, m.column, m.endColumn]),
        [[5, line.indexOf('loaded-trm') + 1, line.indexOf('loaded-trm') + 11]],
      );
      assert.match(invalid[0].message, /Unknown rule "loaded-trm"/);
      assert.equal(
        r.messages.filter((m) => m.ruleId === 'loaded-term' && m.line === 6).length,
        2,
        'the misspelt directive disabled nothing',
      );
    } finally {
      cleanup();
    }
  });
});

describe('--init', () => {
  test('writes a commented starter .sourcelintrc.json that loads, lists every rule at its default, and is never overwritten', () => {
    const { dir, cleanup } = tempDir({ 'a.md': DRAFT });
    try {
      const r = sourcelint(['--init'], { cwd: dir });
      assert.equal(r.status, 0, r.stderr);
      const written = fs.readFileSync(path.join(dir, '.sourcelintrc.json'), 'utf8');
      assert.match(written, /^\/\/ /m, 'it has comments');
      const printed = JSON.parse(sourcelint(['--print-config', 'a.md'], { cwd: dir }).stdout) as {
        rules: Record<string, string>;
        sources: string[];
      };
      assert.deepEqual(printed.sources, [path.join(dir, '.sourcelintrc.json')]);
      const defaults = JSON.parse(
        sourcelint(['--print-config', path.join(dir, '..', 'x.md')], { cwd: path.dirname(dir) }).stdout,
      ) as { rules: Record<string, string> };
      assert.deepEqual(printed.rules, defaults.rules, 'the starter repeats the defaults');
      assert.ok(Object.keys(printed.rules).length >= 16);
      for (const id of Object.keys(printed.rules)) assert.match(written, new RegExp(`"${id}": "`), `${id} is listed`);
      assert.deepEqual(severities(lint(dir, ['a.md']).results), { 'unsourced-statistic': 1, 'loaded-term': 1 });
      const again = sourcelint(['--init'], { cwd: dir });
      assert.equal(again.status, 2);
      assert.match(again.stderr, /\.sourcelintrc\.json already exists/);
      assert.equal(fs.readFileSync(path.join(dir, '.sourcelintrc.json'), 'utf8'), written);
    } finally {
      cleanup();
    }
  });
});
