/** The real `sourcelint` binary: formats, exit codes, stdin, configuration and file discovery. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { BIN, sourcelint, tempDir, type JsonResult } from './helpers/cli.js';

const STAT = 'Russia sent 1000 officials to Mali in 2022.';
const CLEAN = 'This is a short test of nothing in particular.';
const json = (stdout: string) => JSON.parse(stdout) as JsonResult[];

describe('formats', () => {
  test('json is ESLint-shaped, 1-based, endColumn exclusive, UTF-16 columns', () => {
    const line = 'Les « 🙂 » Russia sent 1000 officials to Mali in 2022.';
    const { dir, cleanup } = tempDir({ 'a.md': `# Title\n\n${line}\n` });
    try {
      const r = sourcelint(['--format', 'json', 'a.md'], { cwd: dir });
      assert.equal(r.status, 0);
      const [result] = json(r.stdout);
      assert.equal(result.filePath, path.join(dir, 'a.md'));
      const m = result.messages.find((x) => x.ruleId === 'unsourced-statistic')!;
      assert.equal(m.line, 3);
      assert.equal(m.column, line.indexOf('1000') + 1);
      assert.equal(line.slice(m.column - 1, m.endColumn - 1), '1000');
      assert.equal(m.severity, 1);
      assert.equal(result.warningCount, result.messages.filter((x) => x.severity === 1).length);
      assert.equal(result.errorCount, 0);
    } finally {
      cleanup();
    }
  });

  test('stylish groups by file, ends with a summary and has no colour off a terminal', () => {
    const { dir, cleanup } = tempDir({ 'a.md': STAT });
    try {
      const r = sourcelint(['a.md'], { cwd: dir });
      assert.match(r.stdout, /^a\.md$/m);
      assert.match(r.stdout, /^ {2}1:\d+ +warning +The figure "1000" has no source\..*unsourced-statistic$/m);
      assert.match(r.stdout, /✖ \d+ problems? \(0 errors, \d+ warnings?, \d+ info\)/);
      assert.doesNotMatch(r.stdout, /\u001b\[/);
    } finally {
      cleanup();
    }
  });

  test('sarif is SARIF 2.1.0 with rule metadata', () => {
    const { dir, cleanup } = tempDir({ 'a.md': STAT });
    try {
      const sarif = JSON.parse(sourcelint(['--format', 'sarif', 'a.md'], { cwd: dir }).stdout);
      assert.equal(sarif.version, '2.1.0');
      const run = sarif.runs[0];
      assert.equal(run.tool.driver.name, 'Sourcelint');
      const rule = run.tool.driver.rules.find((r: { id: string }) => r.id === 'unsourced-statistic');
      assert.ok(rule.shortDescription.text.length > 10);
      const result = run.results.find((x: { ruleId: string }) => x.ruleId === 'unsourced-statistic');
      assert.equal(result.level, 'warning');
      assert.equal(run.tool.driver.rules[result.ruleIndex].id, 'unsourced-statistic');
      assert.deepEqual(result.locations[0].physicalLocation.artifactLocation.uri, 'a.md');
      assert.equal(result.locations[0].physicalLocation.region.startColumn, STAT.indexOf('1000') + 1);
    } finally {
      cleanup();
    }
  });

  test('github prints workflow-command annotations', () => {
    const { dir, cleanup } = tempDir({ 'a.md': `${STAT} Missing.[^9]\n` });
    try {
      const lines = sourcelint(['--format', 'github', 'a.md'], { cwd: dir }).stdout.trim().split('\n');
      const col = STAT.indexOf('1000') + 1;
      assert.ok(lines.includes(`::warning file=a.md,line=1,col=${col},endLine=1,endColumn=${col + 4},title=unsourced-statistic::The figure "1000" has no source. Add a footnote or citation where it comes from.`), lines.join('\n'));
      assert.ok(lines.some((l) => l.startsWith('::error file=a.md,') && l.includes('title=undefined-footnote::')));
    } finally {
      cleanup();
    }
  });
});

describe('exit codes', () => {
  const files = { 'clean.md': CLEAN, 'warn.md': STAT, 'error.md': 'A sentence.[^9]\n' };

  test('0 clean; 0 with warnings; 1 over --max-warnings; 1 with an error', () => {
    const { dir, cleanup } = tempDir(files);
    try {
      assert.equal(sourcelint(['clean.md'], { cwd: dir }).status, 0);
      assert.equal(sourcelint(['clean.md'], { cwd: dir }).stdout, '');
      assert.equal(sourcelint(['warn.md'], { cwd: dir }).status, 0);
      const over = sourcelint(['--max-warnings', '0', 'warn.md'], { cwd: dir });
      assert.equal(over.status, 1);
      assert.match(over.stderr, /too many warnings/);
      assert.equal(sourcelint(['error.md'], { cwd: dir }).status, 1);
    } finally {
      cleanup();
    }
  });

  test('2 for usage errors, with one line on stderr', () => {
    for (const args of [['--bogus', 'a.md'], ['--format', 'xml', 'a.md'], ['--rule', 'bogus:off', 'a.md'], ['--rule', 'loaded-term:loud', 'a.md'], []]) {
      const r = sourcelint(args);
      assert.equal(r.status, 2, args.join(' '));
      assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
      assert.doesNotMatch(r.stderr, / {4}at /);
    }
  });

  test('2 for a missing file, while the other files are still linted and reported', () => {
    const { dir, cleanup } = tempDir(files);
    try {
      const r = sourcelint(['--format', 'json', 'nosuchfile.md', 'warn.md'], { cwd: dir });
      assert.equal(r.status, 2);
      assert.match(r.stderr, /nosuchfile\.md: no such file/);
      assert.deepEqual(json(r.stdout).map((x) => path.basename(x.filePath)), ['warn.md']);
    } finally {
      cleanup();
    }
  });

  test('--quiet reports errors only; --rule turns a rule off', () => {
    const { dir, cleanup } = tempDir({ 'a.md': `${STAT} Missing.[^9]\n` });
    try {
      const quiet = json(sourcelint(['--quiet', '--format', 'json', 'a.md'], { cwd: dir }).stdout)[0];
      assert.deepEqual(quiet.messages.map((m) => m.ruleId), ['undefined-footnote']);
      const off = json(sourcelint(['--rule', 'unsourced-statistic:off', '--format', 'json', 'a.md'], { cwd: dir }).stdout)[0];
      assert.ok(!off.messages.some((m) => m.ruleId === 'unsourced-statistic'));
    } finally {
      cleanup();
    }
  });
});

describe('stdin', () => {
  test('--stdin --stdin-filename lints standard input as that file', () => {
    const r = sourcelint(['--stdin', '--stdin-filename', 'doc.md', '--format', 'json'], { input: STAT });
    const [result] = json(r.stdout);
    assert.ok(result.filePath.endsWith('doc.md'));
    assert.deepEqual(result.messages.filter((m) => m.ruleId === 'unsourced-statistic').map((m) => m.column), [STAT.indexOf('1000') + 1]);
  });
});

describe('configuration', () => {
  const severityOf = (dir: string, args: string[] = []) =>
    json(sourcelint([...args, '--format', 'json', 'a.md'], { cwd: dir }).stdout)[0].messages.filter((m) => m.ruleId === 'unsourced-statistic').map((m) => m.severity);

  test('.sourcelintrc.json, .sourcelintrc.yaml and package.json are found upward', () => {
    for (const [name, content] of [
      ['.sourcelintrc.json', '{"rules":{"unsourced-statistic":"error"}}'],
      ['.sourcelintrc.yaml', 'rules:\n  unsourced-statistic: error\n'],
      ['package.json', '{"name":"x","sourcelint":{"rules":{"unsourced-statistic":"error"}}}'],
    ]) {
      const { dir, cleanup } = tempDir({ [name]: content, 'sub/a.md': STAT });
      try {
        assert.deepEqual(severityOf(path.join(dir, 'sub')), [2], name);
      } finally {
        cleanup();
      }
    }
  });

  test('--config overrides the files found upward', () => {
    const { dir, cleanup } = tempDir({ '.sourcelintrc.json': '{"rules":{"unsourced-statistic":"error"}}', 'other.json': '{"rules":{"unsourced-statistic":"off"}}', 'a.md': STAT });
    try {
      assert.deepEqual(severityOf(dir, ['--config', 'other.json']), []);
    } finally {
      cleanup();
    }
  });

  test('a broken configuration names the file and the key, and exits 2', () => {
    const cases: Array<[string, RegExp]> = [
      ['{"rules": {', /\.sourcelintrc\.json: invalid JSON/],
      ['{"rulez": {}}', /\.sourcelintrc\.json: "rulez" is not a known key/],
      ['{"rules": {"loaded-term": "loud"}}', /\.sourcelintrc\.json: "rules\.loaded-term" must be one of off, info, warning, error/],
      ['{"rules": {"no-such-rule": "off"}}', /\.sourcelintrc\.json: "rules\.no-such-rule" is not a known rule/],
    ];
    for (const [content, message] of cases) {
      const { dir, cleanup } = tempDir({ '.sourcelintrc.json': content, 'a.md': STAT });
      try {
        const r = sourcelint(['a.md'], { cwd: dir });
        assert.equal(r.status, 2, content);
        assert.match(r.stderr, message);
        assert.equal(r.stderr.trim().split('\n').length, 1);
      } finally {
        cleanup();
      }
    }
  });

  test('--print-config shows the configuration that applies', () => {
    const { dir, cleanup } = tempDir({ '.sourcelintrc.json': '{"rules":{"loaded-term":"error"},"citations":{"scope":"paragraph"}}', 'a.md': STAT });
    try {
      const printed = JSON.parse(sourcelint(['--print-config', 'a.md'], { cwd: dir }).stdout);
      assert.equal(printed.rules['loaded-term'], 'error');
      assert.equal(printed.rules['unsourced-statistic'], 'warning');
      assert.equal(printed.citations.scope, 'paragraph');
    } finally {
      cleanup();
    }
  });
});

describe('file discovery', () => {
  test('directories, globs, .sourcelintignore and ignore globs', () => {
    const { dir, cleanup } = tempDir({
      'docs/a.md': STAT,
      'docs/b.markdown': STAT,
      'docs/c.mdx': STAT,
      'docs/d.txt': STAT,
      'docs/node_modules/x.md': STAT,
      'docs/drafts/e.md': STAT,
      'docs/skip.md': STAT,
      '.sourcelintignore': 'docs/skip.md\n',
      'docs/.sourcelintrc.json': '{"ignore": ["drafts/**"]}',
    });
    try {
      const names = (args: string[]) => json(sourcelint(['--format', 'json', ...args], { cwd: dir }).stdout).map((r) => path.relative(dir, r.filePath)).sort();
      assert.deepEqual(names(['docs']), ['docs/a.md', 'docs/b.markdown', 'docs/c.mdx']);
      assert.deepEqual(names(['docs/**/*.md']), ['docs/a.md']);
    } finally {
      cleanup();
    }
  });

  test('many files in parallel give the same results as one at a time', () => {
    const paragraph = `${STAT} The regime skyrocketed, critics say.\n\n`.repeat(700);
    const files: Record<string, string> = {};
    for (let i = 0; i < 40; i++) files[`f${String(i).padStart(2, '0')}.md`] = `# File ${i}\n\n${paragraph}`;
    const { dir, cleanup } = tempDir(files);
    try {
      const all = json(sourcelint(['--format', 'json', '.'], { cwd: dir }).stdout).sort((a, b) => a.filePath.localeCompare(b.filePath));
      assert.equal(all.length, 40);
      assert.ok(fs.statSync(path.join(dir, 'f00.md')).size * 40 > 2 * 1024 * 1024, 'large enough for worker threads');
      for (const name of ['f00.md', 'f17.md', 'f39.md']) {
        const single = json(sourcelint(['--format', 'json', name], { cwd: dir }).stdout)[0];
        assert.deepEqual(all.find((r) => r.filePath === single.filePath), single);
      }
    } finally {
      cleanup();
    }
  });
});

describe('review', () => {
  const DOC = [
    'Aid fell by 40% in 2022. <!-- verified: OECD DAC table 1, checked by AB on 2024-05-02 -->',
    '',
    'Exports rose by 12% in 2021.[^1] Imports fell by 7% in 2023. <!-- disputed: customs data says 4% -->',
    '',
    'The ambassador was expelled in January 2022.',
    '',
    '[^1]: INSTAT, "Annual trade bulletin", 2022. <https://example.org/instat>',
  ].join('\n');

  test('claims --format json lists every claim with status, rules, sources and note', () => {
    const { dir, cleanup } = tempDir({ 'a.md': DOC });
    try {
      const r = sourcelint(['claims', '--format', 'json', 'a.md'], { cwd: dir });
      assert.equal(r.status, 0);
      const claims = JSON.parse(r.stdout) as Array<{ line: number; status: string; rules: string[]; note?: string; text: string; citations: Array<{ kind: string; id?: string; target?: string }> }>;
      assert.deepEqual(claims.map((c) => [c.line, c.status]), [[1, 'verified'], [3, 'cited'], [3, 'disputed'], [5, 'unsourced']]);
      assert.equal(claims[0].note, 'OECD DAC table 1, checked by AB on 2024-05-02');
      assert.equal(claims[0].text, 'Aid fell by 40% in 2022.');
      assert.deepEqual(claims[1].citations.map((c) => [c.kind, c.id, c.target]), [['footnote', '1', 'https://example.org/instat']]);
      assert.deepEqual(claims[2].rules, ['disputed-claim']);
      assert.deepEqual(claims[3].rules, ['unsourced-claim']);
    } finally {
      cleanup();
    }
  });

  test('claims --format markdown is a checklist; csv has a header and one row per claim', () => {
    const { dir, cleanup } = tempDir({ 'a.md': DOC });
    try {
      const md = sourcelint(['claims', 'a.md'], { cwd: dir }).stdout.trim().split('\n');
      assert.equal(md[0], '### a.md — 2/4 claims cited or verified');
      assert.match(md[2], /^- \[x\] `a\.md:1` Aid fell by 40% in 2022\. — \*\*verified\*\* — no source — note: OECD DAC/);
      assert.match(md[4], /^- \[ \] `a\.md:3` Imports fell by 7% in 2023\. — \*\*disputed\*\* \(disputed-claim\)/);
      const csv = sourcelint(['claims', '--format', 'csv', 'a.md'], { cwd: dir }).stdout.trim().split('\n');
      assert.equal(csv[0], 'file,line,column,endLine,endColumn,status,rules,sources,note,text');
      assert.equal(csv.length, 5);
    } finally {
      cleanup();
    }
  });

  test('a disputed claim fails the lint run with its note', () => {
    const { dir, cleanup } = tempDir({ 'a.md': DOC });
    try {
      const r = sourcelint(['--format', 'json', 'a.md'], { cwd: dir });
      assert.equal(r.status, 1);
      const disputed = json(r.stdout)[0].messages.filter((m) => m.ruleId === 'disputed-claim');
      assert.deepEqual(disputed.map((m) => [m.line, m.severity]), [[3, 2]]);
      assert.match(disputed[0].message, /customs data says 4%/);
    } finally {
      cleanup();
    }
  });

  test('--changed-since reports only lines added or changed since the ref', () => {
    const { dir, cleanup } = tempDir({ 'a.md': 'Aid fell by 40% in 2022.\n\nExports rose by 12% in 2021.\n' });
    const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'pipe' });
    try {
      git('init', '-q');
      git('-c', 'user.email=t@example.org', '-c', 'user.name=T', 'commit', '-q', '--allow-empty', '-m', 'root');
      git('add', 'a.md');
      git('-c', 'user.email=t@example.org', '-c', 'user.name=T', 'commit', '-q', '-m', 'draft');
      fs.writeFileSync(path.join(dir, 'a.md'), 'Aid fell by 40% in 2022.\n\nExports rose by 15% in 2021.\n\nImports fell by 3%.\n');
      const lines = (ref: string) => json(sourcelint(['--changed-since', ref, '--format', 'json', 'a.md'], { cwd: dir }).stdout)[0].messages.filter((m) => m.ruleId === 'unsourced-statistic').map((m) => m.line);
      assert.deepEqual(lines('HEAD'), [3, 5]);
      assert.deepEqual(lines('HEAD~1'), [1, 3, 5]);
      const bad = sourcelint(['--changed-since', 'no-such-ref', 'a.md'], { cwd: dir });
      assert.equal(bad.status, 2);
      assert.match(bad.stderr, /no-such-ref.*is not a git revision/);
    } finally {
      cleanup();
    }
  });
});

describe('GitHub Action script', () => {
  test('annotates only the changed Markdown, only on changed lines, and fails on errors', () => {
    const { dir, cleanup } = tempDir({ 'old.md': 'Aid fell by 40% in 2022.\n', 'notes.txt': 'x' });
    const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'pipe', encoding: 'utf8' });
    const commit = (m: string) => git('-c', 'user.email=t@example.org', '-c', 'user.name=T', 'commit', '-q', '-m', m);
    try {
      git('init', '-q');
      git('add', '.');
      commit('base');
      const base = git('rev-parse', 'HEAD').trim();
      fs.writeFileSync(path.join(dir, 'new.md'), 'Exports rose by 12% in 2021.\n');
      fs.appendFileSync(path.join(dir, 'old.md'), '\nImports fell by 3%.[^9]\n');
      const action = path.resolve(BIN, '../../../scripts/action.mjs');
      const run = (env: Record<string, string>) =>
        spawnSync(process.execPath, [action], { cwd: dir, encoding: 'utf8', env: { ...process.env, INPUT_BASE_REF: base, ...env } });
      const r = run({ INPUT_FORMAT: 'github' });
      assert.equal(r.status, 1, r.stderr);
      const lines = r.stdout.trim().split('\n').sort();
      assert.ok(lines.some((l) => l.startsWith('::error file=old.md,line=3,') && l.includes('title=undefined-footnote')), lines.join('\n'));
      assert.ok(lines.some((l) => l.startsWith('::warning file=new.md,line=1,') && l.includes('title=unsourced-statistic')));
      assert.ok(!lines.some((l) => l.includes('file=old.md,line=1,')), 'the unchanged line is not annotated');
      const sarifFile = path.join(dir, 'out.sarif');
      assert.equal(run({ INPUT_FORMAT: 'sarif', INPUT_SARIF_FILE: sarifFile }).status, 1);
      assert.equal(JSON.parse(fs.readFileSync(sarifFile, 'utf8')).version, '2.1.0');
    } finally {
      cleanup();
    }
  });
});
