/**
 * The real `sourcelint` binary, spawned: output formats, exit codes, stdin, configuration, inline control, file
 * discovery, parallel runs.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { threadCount } from 'sourcelint/cli/pool.js';
import { BIN, parseJson, positions, sourcelint, stderrLines, tempDir, type JsonResult } from './helpers/cli.js';

/** One unsourced figure ("1000"); "2022" is a year and is not flagged. */
const STAT = 'Russia sent 1000 officials to Mali in 2022.';
const STAT_COL = STAT.indexOf('1000') + 1;
/** Loaded language only, no figure. */
const LOADED = 'The regime skyrocketed, critics say.';
/** An opinion sentence with no figure, claim or loaded term. */
const CLEAN = 'This is a short test of nothing in particular.';
/** An undefined footnote reference: an error (undefined-footnote). */
const ERROR = 'A sentence.[^9]';

const only = (r: JsonResult, ruleId: string) => r.messages.filter((m) => m.ruleId === ruleId);
const oneLine = (stderr: string): string => {
  const lines = stderrLines(stderr);
  assert.equal(lines.length, 1, `expected one line on stderr, got:\n${stderr}`);
  assert.doesNotMatch(stderr, / {4}at /, 'no stack trace');
  return lines[0];
};
/** Lints `args` in `cwd` with --format json, asserting the exit code. */
function lintJson(cwd: string, args: string[], status = 0): JsonResult[] {
  const r = sourcelint(['--format', 'json', ...args], { cwd });
  assert.equal(r.status, status, `exit code of sourcelint --format json ${args.join(' ')}; stderr: ${r.stderr}`);
  return parseJson(r.stdout);
}

describe('formats', () => {
  test('json: ESLint shape, 1-based lines and columns, endColumn exclusive, UTF-16 columns after emoji and accents', () => {
    const emoji = `Les « 🙂 » ${STAT}`;
    const accents = `Été, café : ${STAT}`;
    const loaded = 'Le « 🙂 » regime fell.';
    const text = `# Title\n\n${emoji}\n\n${accents}\n\n${loaded}\n`;
    const { dir, cleanup } = tempDir({ 'a.md': text });
    try {
      const results = lintJson(dir, ['a.md'], 0);
      assert.equal(results.length, 1);
      const [r] = results;
      assert.equal(r.filePath, path.join(dir, 'a.md'));
      for (const m of r.messages) {
        assert.deepEqual(
          Object.keys(m).filter(
            (k) =>
              ![
                'ruleId',
                'severity',
                'level',
                'message',
                'line',
                'column',
                'endLine',
                'endColumn',
                'suggestions',
                'fix',
              ].includes(k),
          ),
          [],
          'no unexpected keys',
        );
        assert.equal(typeof m.ruleId, 'string');
        assert.ok(m.severity === 1 || m.severity === 2);
        assert.ok(m.message.length > 0);
        for (const k of ['line', 'column', 'endLine', 'endColumn'] as const)
          assert.ok(Number.isInteger(m[k]) && m[k] >= 1, `${k} is a positive integer`);
      }
      const lines = text.split('\n');
      const stats = only(r, 'unsourced-statistic');
      assert.deepEqual(
        stats.map((m) => [m.line, m.column, m.endLine, m.endColumn]),
        [
          [3, emoji.indexOf('1000') + 1, 3, emoji.indexOf('1000') + 5],
          [5, accents.indexOf('1000') + 1, 5, accents.indexOf('1000') + 5],
        ],
      );
      for (const m of stats) {
        assert.equal(lines[m.line - 1].slice(m.column - 1, m.endColumn - 1), '1000');
        assert.equal(m.severity, 1);
        assert.equal(m.message, 'The figure "1000" has no source. Add a footnote or citation where it comes from.');
      }
      const [term] = only(r, 'loaded-term');
      assert.deepEqual(
        [term.line, term.column, term.endColumn],
        [7, loaded.indexOf('regime') + 1, loaded.indexOf('regime') + 7],
      );
      assert.ok(term.suggestions && term.suggestions.length > 0, 'loaded-term offers suggestions');
      for (const s of term.suggestions) {
        assert.equal(typeof s.desc, 'string');
        assert.equal(
          text.slice(s.fix.range[0], s.fix.range[1]),
          'regime',
          'suggestion ranges are UTF-16 offsets into the file',
        );
      }
      assert.equal(r.warningCount, r.messages.filter((m) => m.severity === 1).length);
      assert.equal(r.warningCount, 3);
      assert.equal(r.errorCount, 0);
    } finally {
      cleanup();
    }
  });

  test('stylish (default): file name, "line:col  warning  message  rule-id" lines, summary, no ANSI escapes off a TTY', () => {
    const { dir, cleanup } = tempDir({ 'a.md': `${STAT}\n\n${ERROR}\n\n${LOADED}\n` });
    try {
      const [r] = lintJson(dir, ['a.md'], 1);
      const def = sourcelint(['a.md'], { cwd: dir });
      assert.equal(def.status, 1);
      const explicit = sourcelint(['--format', 'stylish', 'a.md'], { cwd: dir });
      assert.equal(explicit.stdout, def.stdout, '--format stylish is the default');
      assert.doesNotMatch(def.stdout, /\u001b\[/, 'no ANSI escapes when stdout is a pipe');
      const out = def.stdout.split('\n');
      assert.ok(out.includes('a.md'), `a line with the file name:\n${def.stdout}`);
      const width = Math.max(...r.messages.map((m) => `${m.line}:${m.column}`.length));
      for (const m of r.messages) {
        const level = m.severity === 2 ? 'error  ' : 'warning';
        const expected = `  ${`${m.line}:${m.column}`.padEnd(width)}  ${level}  ${m.message}  ${m.ruleId}`;
        assert.ok(out.includes(expected), `missing line ${JSON.stringify(expected)} in:\n${def.stdout}`);
      }
      const pad = `1:${STAT_COL}`.padEnd(width);
      assert.ok(
        out.includes(
          `  ${pad}  warning  The figure "1000" has no source. Add a footnote or citation where it comes from.  unsourced-statistic`,
        ),
      );
      const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
      const summary = `✖ ${plural(r.messages.length, 'problem')} (${plural(r.errorCount, 'error')}, ${plural(r.warningCount, 'warning')}, 0 info)`;
      assert.ok(out.includes(summary), `summary line ${JSON.stringify(summary)} in:\n${def.stdout}`);
      assert.ok(out.indexOf('a.md') < out.indexOf(summary), 'the summary comes last');
    } finally {
      cleanup();
    }
  });

  test('sarif: SARIF 2.1.0 with rule metadata and one result per finding', () => {
    const { dir, cleanup } = tempDir({ 'a.md': `${STAT}\n\n${ERROR}\n` });
    try {
      const [r] = lintJson(dir, ['a.md'], 1);
      const run = sourcelint(['--format', 'sarif', 'a.md'], { cwd: dir });
      assert.equal(run.status, 1);
      const sarif = JSON.parse(run.stdout);
      assert.equal(sarif.version, '2.1.0');
      assert.equal(sarif.runs.length, 1);
      const driver = sarif.runs[0].tool.driver;
      assert.equal(driver.name, 'Sourcelint');
      const ids = driver.rules.map((x: { id: string }) => x.id);
      for (const id of ['unsourced-statistic', 'undefined-footnote', 'loaded-term'])
        assert.ok(ids.includes(id), `driver.rules has ${id}`);
      for (const rule of driver.rules)
        assert.ok(
          typeof rule.shortDescription?.text === 'string' && rule.shortDescription.text.length > 10,
          `${rule.id} has a shortDescription`,
        );
      const results = sarif.runs[0].results as Array<{
        ruleId: string;
        level: string;
        message: { text: string };
        locations: Array<{
          physicalLocation: {
            artifactLocation: { uri: string };
            region: { startLine: number; startColumn: number; endLine: number; endColumn: number };
          };
        }>;
      }>;
      assert.equal(results.length, r.messages.length);
      for (const m of r.messages) {
        const res = results.find(
          (x) => x.ruleId === m.ruleId && x.locations[0].physicalLocation.region.startLine === m.line,
        );
        assert.ok(res, `a SARIF result for ${m.ruleId} on line ${m.line}`);
        assert.equal(res.level, m.severity === 2 ? 'error' : 'warning');
        assert.equal(res.message.text, m.message);
        const loc = res.locations[0].physicalLocation;
        assert.equal(loc.artifactLocation.uri, 'a.md');
        assert.deepEqual(
          [loc.region.startLine, loc.region.startColumn, loc.region.endLine, loc.region.endColumn],
          [m.line, m.column, m.endLine, m.endColumn],
        );
      }
      const stat = results.find((x) => x.ruleId === 'unsourced-statistic')!;
      assert.equal(stat.locations[0].physicalLocation.region.startColumn, STAT_COL);
    } finally {
      cleanup();
    }
  });

  test('github: one ::warning / ::error workflow command per finding', () => {
    const { dir, cleanup } = tempDir({ 'a.md': `${STAT}\n\n${ERROR}\n` });
    try {
      const [r] = lintJson(dir, ['a.md'], 1);
      const run = sourcelint(['--format', 'github', 'a.md'], { cwd: dir });
      assert.equal(run.status, 1);
      const lines = run.stdout.trim().split('\n');
      assert.equal(lines.length, r.messages.length, run.stdout);
      for (const m of r.messages) {
        const expected = `::${m.severity === 2 ? 'error' : 'warning'} file=a.md,line=${m.line},col=${m.column},endLine=${m.endLine},endColumn=${m.endColumn},title=${m.ruleId}::${m.message}`;
        assert.ok(lines.includes(expected), `missing ${expected} in:\n${run.stdout}`);
      }
      assert.ok(
        lines.includes(
          `::warning file=a.md,line=1,col=${STAT_COL},endLine=1,endColumn=${STAT_COL + 4},title=unsourced-statistic::The figure "1000" has no source. Add a footnote or citation where it comes from.`,
        ),
      );
      const col = ERROR.indexOf('[^9]') + 1;
      assert.ok(
        lines.some((l) =>
          l.startsWith(`::error file=a.md,line=3,col=${col},endLine=3,endColumn=${col + 4},title=undefined-footnote::`),
        ),
        run.stdout,
      );
    } finally {
      cleanup();
    }
  });
});

describe('exit codes', () => {
  const files = { 'clean.md': `${CLEAN}\n`, 'warn.md': `${STAT}\n`, 'error.md': `${ERROR}\n` };

  test('0 for a clean file (verified clean first), also with --max-warnings 0', () => {
    const { dir, cleanup } = tempDir(files);
    try {
      const [r] = lintJson(dir, ['clean.md'], 0);
      assert.deepEqual(r.messages, [], 'the clean file really is clean');
      assert.equal(r.errorCount + r.warningCount, 0);
      const stylish = sourcelint(['clean.md'], { cwd: dir });
      assert.equal(stylish.status, 0);
      assert.equal(stylish.stdout, '');
      assert.equal(stylish.stderr, '');
      assert.equal(sourcelint(['--max-warnings', '0', 'clean.md'], { cwd: dir }).status, 0);
    } finally {
      cleanup();
    }
  });

  test('0 with warnings and no --max-warnings; 1 once warnings exceed --max-warnings', () => {
    const { dir, cleanup } = tempDir({ 'warn.md': `${STAT}\n\n${LOADED}\n` });
    try {
      const [r] = lintJson(dir, ['warn.md'], 0);
      assert.equal(r.errorCount, 0);
      const n = r.warningCount;
      assert.ok(n >= 2, `several warnings (${n})`);
      assert.equal(sourcelint(['warn.md'], { cwd: dir }).status, 0);
      const zero = sourcelint(['--max-warnings', '0', 'warn.md'], { cwd: dir });
      assert.equal(zero.status, 1);
      assert.match(oneLine(zero.stderr), /too many warnings/);
      assert.equal(
        sourcelint(['--max-warnings', String(n - 1), 'warn.md'], { cwd: dir }).status,
        1,
        `--max-warnings ${n - 1}`,
      );
      assert.equal(sourcelint(['--max-warnings', String(n), 'warn.md'], { cwd: dir }).status, 0, `--max-warnings ${n}`);
      assert.equal(sourcelint([`--max-warnings=${n}`, 'warn.md'], { cwd: dir }).status, 0, `--max-warnings=${n}`);
    } finally {
      cleanup();
    }
  });

  test('1 with an error: a footnote reference without definition (undefined-footnote)', () => {
    const { dir, cleanup } = tempDir(files);
    try {
      const [r] = lintJson(dir, ['error.md'], 1);
      assert.deepEqual(
        r.messages.map((m) => [m.ruleId, m.severity, m.line, m.column, m.endColumn]),
        [['undefined-footnote', 2, 1, ERROR.indexOf('[^9]') + 1, ERROR.indexOf('[^9]') + 5]],
      );
      assert.equal(r.errorCount, 1);
      assert.equal(sourcelint(['error.md'], { cwd: dir }).status, 1);
      assert.equal(
        sourcelint(['clean.md', 'warn.md', 'error.md'], { cwd: dir }).status,
        1,
        'one error among several files',
      );
    } finally {
      cleanup();
    }
  });

  test('2 for an unknown option, with a one-line message naming it and nothing on stdout', () => {
    const { dir, cleanup } = tempDir(files);
    try {
      const r = sourcelint(['--bogus', 'warn.md'], { cwd: dir });
      assert.equal(r.status, 2);
      assert.match(oneLine(r.stderr), /--bogus/);
      assert.equal(r.stdout, '');
    } finally {
      cleanup();
    }
  });

  test('2 for other usage errors (bad format, bad --rule, bad --max-warnings, no files), one line each', () => {
    const cases: Array<[string[], RegExp]> = [
      [['--format', 'xml', 'a.md'], /xml/],
      [['--rule', 'bogus:off', 'a.md'], /bogus/],
      [['--rule', 'loaded-term:loud', 'a.md'], /loud/],
      [['--max-warnings', 'many', 'a.md'], /max-warnings/],
      [[], /no files/],
    ];
    for (const [args, message] of cases) {
      const r = sourcelint(args);
      assert.equal(r.status, 2, `sourcelint ${args.join(' ')}`);
      assert.match(oneLine(r.stderr), message);
    }
  });

  test('2 for a missing file; the other files are still linted and reported on stdout', () => {
    const { dir, cleanup } = tempDir(files);
    try {
      const r = sourcelint(['--format', 'json', 'nosuchfile.md', 'warn.md', 'error.md'], { cwd: dir });
      assert.equal(r.status, 2);
      assert.match(oneLine(r.stderr), /nosuchfile\.md/);
      const results = parseJson(r.stdout);
      assert.deepEqual(
        results.map((x) => path.basename(x.filePath)),
        ['warn.md', 'error.md'],
      );
      assert.deepEqual(positions(results[0], 'unsourced-statistic'), [[1, STAT_COL, STAT_COL + 4]]);
      assert.equal(results[1].errorCount, 1);
      const stylish = sourcelint(['nosuchfile.md', 'warn.md'], { cwd: dir });
      assert.equal(stylish.status, 2);
      assert.ok(stylish.stdout.split('\n').includes('warn.md'), stylish.stdout);
      assert.match(stylish.stdout, /unsourced-statistic/);
    } finally {
      cleanup();
    }
  });

  test('2 for a broken configuration', () => {
    const { dir, cleanup } = tempDir({ '.sourcelintrc.json': '{"rules": ', 'warn.md': STAT });
    try {
      const r = sourcelint(['warn.md'], { cwd: dir });
      assert.equal(r.status, 2);
      assert.match(oneLine(r.stderr), /\.sourcelintrc\.json/);
    } finally {
      cleanup();
    }
  });
});

describe('--quiet and --rule', () => {
  const DOC = `${STAT}\n\n${LOADED}\n\n${ERROR}\n`;

  test('--quiet reports errors only', () => {
    const { dir, cleanup } = tempDir({ 'a.md': DOC, 'warn.md': `${STAT}\n` });
    try {
      const [all] = lintJson(dir, ['a.md'], 1);
      assert.ok(all.warningCount > 0, 'the document has warnings to hide');
      const [quiet] = lintJson(dir, ['--quiet', 'a.md'], 1);
      assert.deepEqual(
        quiet.messages.map((m) => [m.ruleId, m.severity, m.line]),
        [['undefined-footnote', 2, 5]],
      );
      assert.deepEqual([quiet.errorCount, quiet.warningCount], [1, 0]);
      const stylish = sourcelint(['--quiet', 'a.md'], { cwd: dir });
      assert.doesNotMatch(stylish.stdout, /warning {2}/);
      assert.match(stylish.stdout, /1 problem \(1 error, 0 warnings, 0 info\)/);
      const warnOnly = sourcelint(['--quiet', 'warn.md'], { cwd: dir });
      assert.equal(warnOnly.status, 0);
      assert.equal(warnOnly.stdout, '');
    } finally {
      cleanup();
    }
  });

  test('--rule unsourced-statistic:off removes those findings and only those; :error raises them', () => {
    const { dir, cleanup } = tempDir({ 'a.md': `${STAT}\n\n${LOADED}\n` });
    try {
      const [before] = lintJson(dir, ['a.md'], 0);
      assert.equal(only(before, 'unsourced-statistic').length, 1);
      const loaded = only(before, 'loaded-term').length;
      assert.ok(loaded > 0);
      const [off] = lintJson(dir, ['--rule', 'unsourced-statistic:off', 'a.md'], 0);
      assert.equal(only(off, 'unsourced-statistic').length, 0);
      assert.equal(only(off, 'loaded-term').length, loaded, 'other rules untouched');
      const [err] = lintJson(dir, ['--rule', 'unsourced-statistic:error', 'a.md'], 1);
      assert.deepEqual(
        only(err, 'unsourced-statistic').map((m) => m.severity),
        [2],
      );
      const [both] = lintJson(
        dir,
        [
          '--rule',
          'unsourced-statistic:off',
          '--rule',
          'loaded-term:off',
          '--rule',
          'unsupported-attribution:off',
          'a.md',
        ],
        0,
      );
      assert.deepEqual(
        both.messages.filter((m) => ['unsourced-statistic', 'loaded-term'].includes(m.ruleId)),
        [],
      );
    } finally {
      cleanup();
    }
  });

  test('--rule bogus:off exits 2 with a one-line message', () => {
    const { dir, cleanup } = tempDir({ 'a.md': STAT });
    try {
      const r = sourcelint(['--rule', 'bogus:off', 'a.md'], { cwd: dir });
      assert.equal(r.status, 2);
      assert.match(oneLine(r.stderr), /bogus/);
      assert.equal(r.stdout, '');
    } finally {
      cleanup();
    }
  });
});

describe('stdin', () => {
  test('--stdin --stdin-filename doc.md lints standard input and reports it as doc.md', () => {
    const { dir, cleanup } = tempDir({});
    try {
      const r = sourcelint(['--stdin', '--stdin-filename', 'doc.md', '--format', 'json'], {
        cwd: dir,
        input: `${CLEAN}\n\n${STAT}\n`,
      });
      assert.equal(r.status, 0, r.stderr);
      const results = parseJson(r.stdout);
      assert.equal(results.length, 1);
      assert.ok(results[0].filePath.endsWith('doc.md'), results[0].filePath);
      assert.equal(path.basename(results[0].filePath), 'doc.md');
      assert.deepEqual(positions(results[0], 'unsourced-statistic'), [[3, STAT_COL, STAT_COL + 4]]);
      const gh = sourcelint(['--stdin', '--stdin-filename', 'doc.md', '--format', 'github'], { cwd: dir, input: STAT });
      assert.match(gh.stdout, /^::warning file=doc\.md,line=1,/m);
    } finally {
      cleanup();
    }
  });

  test('standard input uses the configuration found for --stdin-filename', () => {
    const { dir, cleanup } = tempDir({ 'sub/.sourcelintrc.json': '{"rules":{"unsourced-statistic":"error"}}' });
    try {
      const r = sourcelint(['--stdin', '--stdin-filename', 'sub/doc.md', '--format', 'json'], {
        cwd: dir,
        input: STAT,
      });
      assert.equal(r.status, 1, r.stderr);
      assert.deepEqual(
        only(parseJson(r.stdout)[0], 'unsourced-statistic').map((m) => m.severity),
        [2],
      );
    } finally {
      cleanup();
    }
  });
});

describe('configuration', () => {
  const statSeverities = (dir: string, args: string[] = [], file = 'a.md') => {
    const r = sourcelint(['--format', 'json', ...args, file], { cwd: dir });
    assert.ok(r.status === 0 || r.status === 1, `exit ${r.status}: ${r.stderr}`);
    return only(parseJson(r.stdout)[0], 'unsourced-statistic').map((m) => m.severity);
  };

  test('without configuration, unsourced-statistic is a warning (baseline)', () => {
    const { dir, cleanup } = tempDir({ 'a.md': STAT });
    try {
      assert.deepEqual(statSeverities(dir), [1]);
    } finally {
      cleanup();
    }
  });

  for (const [name, content] of [
    ['.sourcelintrc.json', '{"rules":{"unsourced-statistic":"error"}}'],
    ['.sourcelintrc.yaml', 'rules:\n  unsourced-statistic: error\n'],
    ['package.json', '{"name":"x","private":true,"sourcelint":{"rules":{"unsourced-statistic":"error"}}}'],
  ]) {
    test(`${name} makes unsourced-statistic an error, in its folder and below`, () => {
      const { dir, cleanup } = tempDir({ [name]: content, 'a.md': STAT, 'sub/deeper/b.md': STAT });
      try {
        assert.deepEqual(statSeverities(dir), [2]);
        assert.equal(sourcelint(['a.md'], { cwd: dir }).status, 1);
        assert.deepEqual(statSeverities(path.join(dir, 'sub/deeper'), [], 'b.md'), [2], 'found upward');
      } finally {
        cleanup();
      }
    });
  }

  test('--config FILE overrides the configuration found upward', () => {
    const { dir, cleanup } = tempDir({
      '.sourcelintrc.json': '{"rules":{"unsourced-statistic":"error"}}',
      'conf/other.json': '{"rules":{"unsourced-statistic":"off"}}',
      'conf/raise.json': '{"rules":{"loaded-term":"error"}}',
      'a.md': `${STAT}\n\n${LOADED}\n`,
    });
    try {
      assert.deepEqual(statSeverities(dir), [2]);
      assert.deepEqual(statSeverities(dir, ['--config', 'conf/other.json']), []);
      assert.deepEqual(statSeverities(dir, ['-c', 'conf/other.json']), []);
      const [raised] = lintJson(dir, ['--config', 'conf/raise.json', 'a.md'], 1);
      assert.ok(only(raised, 'loaded-term').length > 0 && only(raised, 'loaded-term').every((m) => m.severity === 2));
      const missing = sourcelint(['--config', 'conf/none.json', 'a.md'], { cwd: dir });
      assert.equal(missing.status, 2);
      assert.match(oneLine(missing.stderr), /none\.json/);
    } finally {
      cleanup();
    }
  });

  const broken: Array<[string, string, string, RegExp[]]> = [
    ['invalid JSON', '.sourcelintrc.json', '{"rules": {', [/\.sourcelintrc\.json/]],
    ['unknown key', '.sourcelintrc.json', '{"rulez": {}}', [/\.sourcelintrc\.json/, /rulez/]],
    [
      'bad severity',
      '.sourcelintrc.json',
      '{"rules": {"loaded-term": "loud"}}',
      [/\.sourcelintrc\.json/, /rules\.loaded-term/],
    ],
    [
      'unknown rule id',
      '.sourcelintrc.json',
      '{"rules": {"no-such-rule": "off"}}',
      [/\.sourcelintrc\.json/, /no-such-rule/],
    ],
    ['invalid YAML', '.sourcelintrc.yaml', 'rules:\n  loaded-term: [error\n', [/\.sourcelintrc\.yaml/]],
    [
      'bad severity in package.json',
      'package.json',
      '{"name":"x","sourcelint":{"rules":{"loaded-term":"loud"}}}',
      [/package\.json/, /rules\.loaded-term/],
    ],
  ];
  for (const [what, name, content, messages] of broken) {
    test(`a broken configuration (${what}) exits 2 with one stderr line naming ${name}`, () => {
      const { dir, cleanup } = tempDir({ [name]: content, 'a.md': STAT });
      try {
        const r = sourcelint(['a.md'], { cwd: dir });
        assert.equal(r.status, 2, `exit code; stderr: ${r.stderr}`);
        const line = oneLine(r.stderr);
        for (const m of messages) assert.match(line, m);
        assert.equal(r.stdout, '', 'nothing is reported with a broken configuration');
      } finally {
        cleanup();
      }
    });
  }

  test('--print-config FILE prints JSON with the rules that apply, including the configured severity', () => {
    const { dir, cleanup } = tempDir({
      '.sourcelintrc.json': '{"rules":{"unsourced-statistic":"error"}}',
      'sub/.sourcelintrc.yaml': 'rules:\n  loaded-term: "off"\n',
      'other.json': '{"rules":{"unsourced-statistic":"info"}}',
      'a.md': STAT,
      'sub/b.md': STAT,
    });
    try {
      const print = (args: string[]) => {
        const r = sourcelint(args, { cwd: dir });
        assert.equal(r.status, 0, r.stderr);
        return JSON.parse(r.stdout) as { rules: Record<string, string> };
      };
      const a = print(['--print-config', 'a.md']);
      assert.equal(a.rules['unsourced-statistic'], 'error');
      assert.equal(a.rules['loaded-term'], 'warning');
      assert.equal(a.rules['undefined-footnote'], 'error');
      const b = print(['--print-config', 'sub/b.md']);
      assert.equal(b.rules['loaded-term'], 'off', 'the nearest configuration file applies');
      assert.equal(
        b.rules['unsourced-statistic'],
        'error',
        "configuration cascades: the parent's setting applies where the nearer file is silent",
      );
      assert.equal(print(['--config', 'other.json', '--print-config', 'a.md']).rules['unsourced-statistic'], 'info');
      assert.equal(
        print(['--rule', 'unsourced-statistic:off', '--print-config', 'a.md']).rules['unsourced-statistic'],
        'off',
      );
    } finally {
      cleanup();
    }
  });
});

describe('inline control', () => {
  const lint = (doc: string, status = 0) => {
    const { dir, cleanup } = tempDir({ 'a.md': doc });
    try {
      return lintJson(dir, ['a.md'], status)[0];
    } finally {
      cleanup();
    }
  };

  test('sourcelint-disable-next-line RULE suppresses only that rule on only the next line', () => {
    const doc = [
      STAT,
      '',
      '<!-- sourcelint-disable-next-line unsourced-statistic -->',
      `${STAT} ${LOADED}`,
      `${STAT}`,
      '',
    ].join('\n');
    const r = lint(doc);
    assert.deepEqual(
      positions(r, 'unsourced-statistic').map(([line]) => line),
      [1, 5],
    );
    assert.ok(
      only(r, 'loaded-term').some((m) => m.line === 4),
      'another rule on the suppressed line is still reported',
    );
    const control = lint(doc.replace('<!-- sourcelint-disable-next-line unsourced-statistic -->', ''));
    assert.deepEqual(
      positions(control, 'unsourced-statistic').map(([line]) => line),
      [1, 4, 5],
      'without the comment the line is reported',
    );
  });

  test('sourcelint-disable … sourcelint-enable suppresses every rule in between', () => {
    const doc = [
      STAT,
      '',
      '<!-- sourcelint-disable -->',
      STAT,
      '',
      LOADED,
      '',
      ERROR,
      '<!-- sourcelint-enable -->',
      '',
      STAT,
      '',
    ].join('\n');
    const r = lint(doc);
    assert.deepEqual(
      r.messages.map((m) => [m.ruleId, m.line]),
      [
        ['unsourced-statistic', 1],
        ['unsourced-statistic', 11],
      ],
    );
  });

  test('sourcelint-disable-line at the end of a line suppresses that line only', () => {
    const doc = [`${STAT} <!-- sourcelint-disable-line -->`, '', STAT, ''].join('\n');
    const r = lint(doc);
    assert.deepEqual(positions(r, 'unsourced-statistic'), [[3, STAT_COL, STAT_COL + 4]]);
  });

  test('front matter `sourcelint: {rules: {unsourced-statistic: "off"}}` turns the rule off for that file only', () => {
    const body = `${STAT} ${LOADED}\n`;
    const { dir, cleanup } = tempDir({
      'off.md': `---\nsourcelint: {rules: {unsourced-statistic: "off"}}\n---\n\n${body}`,
      'on.md': body,
    });
    try {
      const [off, on] = lintJson(dir, ['off.md', 'on.md'], 0);
      assert.equal(path.basename(off.filePath), 'off.md');
      assert.equal(only(off, 'unsourced-statistic').length, 0);
      assert.ok(only(off, 'loaded-term').length > 0, 'other rules still apply');
      assert.deepEqual(positions(on, 'unsourced-statistic'), [[1, STAT_COL, STAT_COL + 4]]);
    } finally {
      cleanup();
    }
  });
});

describe('file discovery', () => {
  const names = (dir: string, args: string[]) =>
    lintJson(dir, args, 0)
      .map((r) => path.relative(dir, r.filePath).split(path.sep).join('/'))
      .sort();

  test('a directory lints .md, .markdown and .mdx, not .txt, not node_modules', () => {
    const { dir, cleanup } = tempDir({
      'docs/a.md': STAT,
      'docs/b.markdown': STAT,
      'docs/c.mdx': STAT,
      'docs/d.txt': STAT,
      'docs/node_modules/x.md': STAT,
    });
    try {
      assert.deepEqual(names(dir, ['docs']), ['docs/a.md', 'docs/b.markdown', 'docs/c.mdx']);
      const results = lintJson(dir, ['docs'], 0);
      for (const r of results)
        assert.deepEqual(positions(r, 'unsourced-statistic'), [[1, STAT_COL, STAT_COL + 4]], r.filePath);
    } finally {
      cleanup();
    }
  });

  test('a quoted glob "dir/**/*.md" is expanded by sourcelint', () => {
    const { dir, cleanup } = tempDir({
      'docs/a.md': STAT,
      'docs/b.markdown': STAT,
      'docs/sub/deep/e.md': STAT,
      'docs/d.txt': STAT,
      'other/f.md': STAT,
    });
    try {
      assert.deepEqual(names(dir, ['docs/**/*.md']), ['docs/a.md', 'docs/sub/deep/e.md']);
      const none = sourcelint(['--format', 'json', 'docs/**/*.nothing'], { cwd: dir });
      assert.equal(none.status, 2, 'a glob that matches nothing is a usage error');
      assert.match(oneLine(none.stderr), /docs\/\*\*\/\*\.nothing/);
    } finally {
      cleanup();
    }
  });

  test('.sourcelintignore in the current directory excludes a file', () => {
    const { dir, cleanup } = tempDir({
      'docs/a.md': STAT,
      'docs/skip.md': STAT,
      'docs/keep/skip2.md': STAT,
      '.sourcelintignore': '# comment\ndocs/skip.md\nskip2.md\n',
    });
    try {
      assert.deepEqual(names(dir, ['docs']), ['docs/a.md']);
      fs.rmSync(path.join(dir, '.sourcelintignore'));
      assert.deepEqual(
        names(dir, ['docs']),
        ['docs/a.md', 'docs/keep/skip2.md', 'docs/skip.md'],
        'without the ignore file all three are linted',
      );
    } finally {
      cleanup();
    }
  });

  test('configuration "ignore": ["drafts/**"] excludes files under drafts/', () => {
    const { dir, cleanup } = tempDir({
      '.sourcelintrc.json': '{"ignore": ["drafts/**"]}',
      'a.md': STAT,
      'drafts/b.md': STAT,
      'drafts/deep/c.md': STAT,
      'published/drafts.md': STAT,
    });
    try {
      assert.deepEqual(names(dir, ['.']), ['a.md', 'published/drafts.md']);
    } finally {
      cleanup();
    }
  });
});

describe('parallel runs', () => {
  const FILES = 16;
  /** Counts the worker threads a run starts: a preload module (NODE_OPTIONS=--import) runs in every thread. */
  function probe(dir: string): { env: Record<string, string>; workers: () => number } {
    const marker = path.join(dir, '.workers');
    const preload = path.join(dir, '.probe.mjs');
    fs.writeFileSync(
      preload,
      `import { isMainThread } from 'node:worker_threads';\nimport fs from 'node:fs';\nif (!isMainThread) fs.appendFileSync(${JSON.stringify(marker)}, 'worker\\n');\n`,
    );
    return {
      env: {
        NODE_OPTIONS: [process.env.NODE_OPTIONS, `--import=${pathToFileURL(preload).href}`].filter(Boolean).join(' '),
      },
      workers: () => (fs.existsSync(marker) ? fs.readFileSync(marker, 'utf8').trim().split('\n').length : 0),
    };
  }

  /**
   * 16 different files, each with findings on different lines, so mixed-up results show; `padding` bytes of blank line
   * each.
   */
  function corpus(padding = 0): Record<string, string> {
    const files: Record<string, string> = {};
    const block = `${STAT} ${LOADED}\n\nExports rose by 12% in 2021, and 3,400 jobs went.\n\n${`${CLEAN} `.repeat(20)}\n\n`;
    for (let i = 0; i < FILES; i++) {
      const head = `# File ${i}\n\n${'Filler line without figures.\n\n'.repeat(i)}`;
      files[`f${String(i).padStart(2, '0')}.md`] =
        `${head}${block.repeat(3)}${' '.repeat(padding)}\n\n${block}${i % 5 === 0 ? `${ERROR}\n` : ''}`;
    }
    return files;
  }

  /**
   * Lints every file of `dir` with `--concurrency` set to `concurrency`: the JSON as printed, and worker threads
   * started.
   */
  function lintAll(dir: string, concurrency: string): { stdout: string; results: JsonResult[]; workers: number } {
    fs.rmSync(path.join(dir, '.workers'), { force: true });
    const p = probe(dir);
    const run = sourcelint(['--format', 'json', '--concurrency', concurrency, '.'], { cwd: dir, env: p.env });
    assert.equal(run.status, 1, `exit code (some files have errors); stderr: ${run.stderr}`);
    const results = parseJson(run.stdout);
    assert.equal(results.length, FILES);
    assert.ok(results.every((r) => r.messages.length > 0));
    return { stdout: run.stdout, results, workers: p.workers() };
  }

  // An explicit number uses that many threads whatever the machine, so this holds on one core too.
  test('--concurrency 3 lints 16 files on the main thread and two workers, with the same JSON, in the same order, as one thread and as one file alone', () => {
    const { dir, cleanup } = tempDir(corpus());
    try {
      const threaded = lintAll(dir, '3');
      assert.equal(threaded.workers, 2);
      const main = lintAll(dir, 'off');
      assert.equal(main.workers, 0);
      assert.deepEqual(
        main.results.map((r) => path.basename(r.filePath)),
        Array.from({ length: FILES }, (_, i) => `f${String(i).padStart(2, '0')}.md`),
      );
      assert.equal(threaded.stdout, main.stdout);
      assert.equal(lintAll(dir, '1').workers, 0, 'one thread is the main thread');
      for (const i of [0, 7, FILES - 1]) {
        const file = path.basename(main.results[i].filePath);
        assert.deepEqual(lintJson(dir, [file], i % 5 === 0 ? 1 : 0)[0], main.results[i], `${file} linted alone`);
      }
    } finally {
      cleanup();
    }
  });

  test('--concurrency auto (the default): a run under 1 MiB stays on the main thread, a larger one lints in workers and prints the same JSON on any number of threads', () => {
    // Blank padding makes the files large but quick to lint.
    const { dir, cleanup } = tempDir(corpus(70_000));
    try {
      const total = fs.readdirSync(dir).reduce((s, f) => s + fs.statSync(path.join(dir, f)).size, 0);
      assert.ok(total > 1024 * 1024, `total ${total} bytes`);
      // How many workers depends on the machine's load at the time (see threadCount's test).
      const large = lintAll(dir, 'auto');
      assert.ok(large.workers <= Math.max(1, os.availableParallelism() - 1), `${large.workers} workers`);
      // Even on one thread: only a worker's young generation can be sized for the parser's garbage.
      assert.ok(large.workers >= 1, 'a large run lints in a worker');
      assert.equal(large.stdout, lintAll(dir, 'off').stdout);
      for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.md')))
        fs.writeFileSync(path.join(dir, f), fs.readFileSync(path.join(dir, f), 'utf8').replace(/ {1000,}/, ''));
      assert.equal(lintAll(dir, 'auto').workers, 0, 'a small run stays on the main thread');
    } finally {
      cleanup();
    }
  });

  test('threads for --concurrency auto: the cores other processes leave idle but one, for runs of 1 MiB or more', () => {
    const { dir, cleanup } = tempDir({ 'big.md': 'x'.repeat(1024 * 1024), 'small.md': 'x', 'other.md': 'x' });
    try {
      const all = ['big.md', 'small.md', 'other.md'].map((f) => path.join(dir, f));
      const small = all.slice(1);
      assert.equal(threadCount('auto', all, { cores: 2, load: 0.1 }), 1, 'the second core is left to the GC');
      assert.equal(threadCount('auto', all, { cores: 4, load: 0.1 }), 3);
      assert.equal(threadCount('auto', all, { cores: 4, load: 1.9 }), 2, 'one core busy, another not quite');
      assert.equal(threadCount('auto', all, { cores: 4, load: 2.2 }), 1);
      assert.equal(threadCount('auto', all, { cores: 2, load: 7.5 }), 1);
      assert.equal(threadCount('auto', all, { cores: 8, load: 3 }), 3, 'no more threads than files');
      assert.equal(threadCount('auto', all, { cores: 1, load: 0 }), 1);
      assert.equal(threadCount('auto', small, { cores: 8, load: 0 }), 1, 'under 1 MiB');
      assert.equal(threadCount(3, small, { cores: 1, load: 9 }), 2, 'a number is obeyed, up to one thread a file');
      assert.equal(threadCount('off', all, { cores: 8, load: 0 }), 1);
    } finally {
      cleanup();
    }
  });

  test('with several threads, stderr is what one thread prints: a broken .bib once per draft, an unreadable saved copy once per run', () => {
    const files: Record<string, string> = {
      'refs.bib': '@article{good,\n  title = {A},\n  year = 2020\n}\n\n@article{bad,\n  title = {B\n',
      'sources/one.pdf': 'not a pdf',
    };
    for (let i = 0; i < 8; i++)
      files[`f${i}.md`] = `---\nbibliography: refs.bib\n---\n\n${STAT}[^one] See [@good].\n\n[^one]: Report ${i}.\n`;
    const { dir, cleanup } = tempDir(files);
    try {
      const stderr = (concurrency: string): string[] => {
        const r = sourcelint(['--format', 'json', '--concurrency', concurrency, '.'], { cwd: dir });
        assert.equal(r.status, 0, r.stderr);
        return stderrLines(r.stderr);
      };
      const one = stderr('off');
      assert.equal(one.filter((l) => l.includes("entry 'bad'")).length, 8, one.join('\n'));
      assert.equal(one.filter((l) => l.includes('one.pdf')).length, 1, one.join('\n'));
      assert.deepEqual(stderr('3'), one);
    } finally {
      cleanup();
    }
  });

  test('--concurrency refuses anything but a number, off or auto', () => {
    for (const bad of ['0', '-1', 'many', '']) {
      const r = sourcelint(['--concurrency', bad, 'x.md']);
      assert.equal(r.status, 2, bad);
      assert.equal(oneLine(r.stderr), `sourcelint: --concurrency expects a number, off or auto, got "${bad}"`);
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
      const claims = JSON.parse(r.stdout) as Array<{
        line: number;
        status: string;
        rules: string[];
        note?: string;
        text: string;
        citations: Array<{ kind: string; id?: string; target?: string }>;
      }>;
      assert.deepEqual(
        claims.map((c) => [c.line, c.status]),
        [
          [1, 'verified'],
          [3, 'cited'],
          [3, 'disputed'],
          [5, 'unsourced'],
        ],
      );
      assert.equal(claims[0].note, 'OECD DAC table 1, checked by AB on 2024-05-02');
      assert.equal(claims[0].text, 'Aid fell by 40% in 2022.');
      assert.deepEqual(
        claims[1].citations.map((c) => [c.kind, c.id, c.target]),
        [['footnote', '1', 'https://example.org/instat']],
      );
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
      assert.match(
        md[2],
        /^- \[x\] `a\.md:1` Aid fell by 40% in 2022\. — \*\*verified\*\* — no source — note: OECD DAC/,
      );
      assert.match(md[4], /^- \[ \] `a\.md:3` Imports fell by 7% in 2023\. — \*\*disputed\*\* \(disputed-claim\)/);
      const csv = sourcelint(['claims', '--format', 'csv', 'a.md'], { cwd: dir }).stdout.trim().split('\n');
      assert.equal(csv[0], 'file,line,column,endLine,endColumn,status,rules,sources,note,text,evidence');
      assert.equal(csv.length, 5);
    } finally {
      cleanup();
    }
  });

  test('a disputed claim fails the lint run with its note', () => {
    const { dir, cleanup } = tempDir({ 'a.md': DOC });
    try {
      const [r] = lintJson(dir, ['a.md'], 1);
      const disputed = only(r, 'disputed-claim');
      assert.deepEqual(
        disputed.map((m) => [m.line, m.severity]),
        [[3, 2]],
      );
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
      fs.writeFileSync(
        path.join(dir, 'a.md'),
        'Aid fell by 40% in 2022.\n\nExports rose by 15% in 2021.\n\nImports fell by 3%.\n',
      );
      const lines = (ref: string) =>
        positions(lintJson(dir, ['--changed-since', ref, 'a.md'], 0)[0], 'unsourced-statistic').map(([line]) => line);
      assert.deepEqual(lines('HEAD'), [3, 5]);
      assert.deepEqual(lines('HEAD~1'), [1, 3, 5]);
      const bad = sourcelint(['--changed-since', 'no-such-ref', 'a.md'], { cwd: dir });
      assert.equal(bad.status, 2);
      assert.match(oneLine(bad.stderr), /no-such-ref.*is not a git revision/);
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
        spawnSync(process.execPath, [action], {
          cwd: dir,
          encoding: 'utf8',
          env: { ...process.env, INPUT_BASE_REF: base, ...env },
        });
      const r = run({ INPUT_FORMAT: 'github' });
      assert.equal(r.status, 1, r.stderr);
      const lines = r.stdout.trim().split('\n').sort();
      assert.ok(
        lines.some((l) => l.startsWith('::error file=old.md,line=3,') && l.includes('title=undefined-footnote')),
        lines.join('\n'),
      );
      assert.ok(
        lines.some((l) => l.startsWith('::warning file=new.md,line=1,') && l.includes('title=unsourced-statistic')),
      );
      assert.ok(!lines.some((l) => l.includes('file=old.md,line=1,')), 'the unchanged line is not annotated');
      const sarifFile = path.join(dir, 'out.sarif');
      assert.equal(run({ INPUT_FORMAT: 'sarif', INPUT_SARIF_FILE: sarifFile }).status, 1);
      assert.equal(JSON.parse(fs.readFileSync(sarifFile, 'utf8')).version, '2.1.0');
    } finally {
      cleanup();
    }
  });
});
