/**
 * Bad and pathological input through the real binary: a refused file gets one clear stderr line naming it, the other
 * files are still linted and reported, there is no stack trace, and nothing hangs or crashes.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { lint } from 'sourcelint';
import { parseJson, positions, sourcelint, stderrLines, tempDir, type JsonResult } from './helpers/cli.js';
import { assertLinear } from './helpers/growth.js';

const GOOD = 'Russia sent 1000 officials to Mali in 2022.';
const GOOD_COL = GOOD.indexOf('1000') + 1;

const noStack = (stderr: string) => {
  assert.doesNotMatch(stderr, / {4}at /, `stack trace on stderr:\n${stderr.slice(0, 2000)}`);
  assert.doesNotMatch(
    stderr,
    /internal error|\bTypeError\b|\bRangeError\b|Maximum call stack/,
    `crash on stderr:\n${stderr.slice(0, 2000)}`,
  );
};

describe('files that cannot be linted', () => {
  const cases: Array<[string, string, (dir: string) => void, RegExp]> = [
    [
      'a binary file (NUL bytes) named x.md',
      'x.md',
      (dir) =>
        fs.writeFileSync(
          path.join(dir, 'x.md'),
          Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]),
        ),
      /binary/i,
    ],
    [
      'invalid UTF-8 (0xff 0xfe 0x41)',
      'bad.md',
      (dir) => fs.writeFileSync(path.join(dir, 'bad.md'), Buffer.from([0xff, 0xfe, 0x41])),
      /UTF-8/i,
    ],
    [
      'invalid UTF-8 after a byte-order mark and a two-byte character: the offset of the ill-formed one',
      'cut.md',
      (dir) =>
        fs.writeFileSync(
          path.join(dir, 'cut.md'),
          Buffer.from([0xef, 0xbb, 0xbf, 0x41, 0xc3, 0xa9, 0x20, 0xe2, 0x82, 0x28, 0x41]),
        ),
      /UTF-8 \(first bad byte at offset 7\)/,
    ],
    [
      'a dangling symlink gone.md',
      'gone.md',
      (dir) => fs.symlinkSync(path.join(dir, 'nowhere.md'), path.join(dir, 'gone.md')),
      /.+/,
    ],
  ];

  for (const [what, name, make, reason] of cases) {
    test(`${what}: one stderr line naming it, exit 2, the other file still reported`, () => {
      const { dir, cleanup } = tempDir({ 'good.md': `${GOOD}\n` });
      try {
        make(dir);
        const r = sourcelint(['--format', 'json', '.'], { cwd: dir, timeoutMs: 20_000 });
        assert.equal(r.status, 2, `exit code; stderr: ${r.stderr}`);
        noStack(r.stderr);
        const lines = stderrLines(r.stderr);
        assert.equal(lines.length, 1, `one stderr line:\n${r.stderr}`);
        assert.ok(lines[0].includes(name), `names ${name}: ${lines[0]}`);
        assert.match(lines[0], reason);
        const results = parseJson(r.stdout);
        assert.deepEqual(
          results.map((x) => path.basename(x.filePath)),
          ['good.md'],
        );
        assert.deepEqual(positions(results[0], 'unsourced-statistic'), [[1, GOOD_COL, GOOD_COL + 4]]);
      } finally {
        cleanup();
      }
    });
  }

  test('all three bad files at once: exactly one line per bad file, the good file reported, stylish output too', () => {
    const { dir, cleanup } = tempDir({
      'good.md': `${GOOD}\n`,
      'x.md': Buffer.from([0x23, 0x20, 0x00, 0x01, 0x02, 0x00]),
      'latin1.md': Buffer.from([0xff, 0xfe, 0x41]),
    });
    fs.symlinkSync(path.join(dir, 'nowhere.md'), path.join(dir, 'gone.md'));
    try {
      for (const format of ['json', 'stylish']) {
        const r = sourcelint(['--format', format, '.'], { cwd: dir, timeoutMs: 20_000 });
        assert.equal(r.status, 2, `${format}: exit code`);
        noStack(r.stderr);
        const lines = stderrLines(r.stderr);
        assert.equal(lines.length, 3, `${format}: one line per bad file:\n${r.stderr}`);
        for (const name of ['x.md', 'latin1.md', 'gone.md'])
          assert.equal(lines.filter((l) => l.includes(name)).length, 1, `${format}: one line names ${name}`);
        assert.ok(!lines.some((l) => l.includes('good.md')));
        if (format === 'json')
          assert.deepEqual(
            parseJson(r.stdout).map((x) => path.basename(x.filePath)),
            ['good.md'],
          );
        else assert.ok(r.stdout.split('\n').includes('good.md') && /unsourced-statistic/.test(r.stdout), r.stdout);
      }
    } finally {
      cleanup();
    }
  });

  test('a bad file named explicitly is refused the same way', () => {
    const { dir, cleanup } = tempDir({ 'good.md': `${GOOD}\n`, 'x.md': Buffer.from([0x41, 0x00, 0x42]) });
    try {
      const r = sourcelint(['--format', 'json', 'x.md', 'good.md'], { cwd: dir });
      assert.equal(r.status, 2);
      noStack(r.stderr);
      const lines = stderrLines(r.stderr);
      assert.equal(lines.length, 1, r.stderr);
      assert.match(lines[0], /x\.md/);
      assert.deepEqual(
        parseJson(r.stdout).map((x) => path.basename(x.filePath)),
        ['good.md'],
      );
    } finally {
      cleanup();
    }
  });

  test('a UTF-8 byte-order mark lints fine and does not shift columns', () => {
    const text = `# Title\n\n${GOOD}\n`;
    const { dir, cleanup } = tempDir({
      'bom.md': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${GOOD}\n\n${text}`)]),
    });
    try {
      const r = sourcelint(['--format', 'json', 'bom.md'], { cwd: dir });
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.stderr, '');
      const [result] = parseJson(r.stdout);
      assert.deepEqual(positions(result, 'unsourced-statistic'), [
        [1, GOOD_COL, GOOD_COL + 4],
        [5, GOOD_COL, GOOD_COL + 4],
      ]);
      const gh = sourcelint(['--format', 'github', 'bom.md'], { cwd: dir });
      assert.match(
        gh.stdout,
        new RegExp(
          `^::warning file=bom\\.md,line=1,col=${GOOD_COL},endLine=1,endColumn=${GOOD_COL + 4},title=unsourced-statistic::`,
          'm',
        ),
      );
    } finally {
      cleanup();
    }
  });
});

describe('a broken bibliography', () => {
  test('a .bib entry missing its closing brace: one stderr line with file and line, exit 0/1, the valid entry still resolves', () => {
    const bib = [
      '@book{brokenkey,',
      '  title = {No closing brace},',
      '  year = {2019}',
      '',
      '@book{goodkey,',
      '  author = {Doe, Jane},',
      '  title = {Fine},',
      '  year = {2020}',
      '}',
      '',
    ].join('\n');
    const doc =
      '---\nbibliography: refs.bib\n---\n\nAid fell by 40% in 2022 [@goodkey]. Exports rose by 12% [@nosuchkey].\n';
    const { dir, cleanup } = tempDir({ 'refs.bib': bib, 'a.md': doc });
    try {
      const r = sourcelint(['--format', 'json', 'a.md'], { cwd: dir, timeoutMs: 20_000 });
      assert.ok(
        r.status === 0 || r.status === 1,
        `exit ${r.status} (2 would mean the document was not linted); stderr: ${r.stderr}`,
      );
      noStack(r.stderr);
      const lines = stderrLines(r.stderr);
      assert.equal(lines.length, 1, `one stderr line:\n${r.stderr}`);
      assert.match(lines[0], /refs\.bib:\d+/, 'names the .bib file and a line number');
      const [result] = parseJson(r.stdout);
      const unknown = result.messages.filter((m) => m.ruleId === 'unknown-citekey');
      assert.ok(
        !unknown.some((m) => m.message.includes('goodkey')),
        `[@goodkey] must resolve: ${JSON.stringify(unknown)}`,
      );
      const line = doc.split('\n')[4];
      assert.deepEqual(
        unknown.map((m) => [m.line, line.slice(m.column - 1, m.endColumn - 1)]),
        [[5, 'nosuchkey']],
        'the rule is active: a key that is really missing is reported',
      );
      assert.deepEqual(positions(result, 'unsourced-statistic'), [], 'both figures are cited');
    } finally {
      cleanup();
    }
  });
});

/**
 * No time limits (a busy machine must not fail a test): each input goes through the real binary at full size, which
 * must finish with a normal exit and a useful result, and through the engine at two sizes, whose CPU times must grow
 * about linearly (helpers/growth.ts). `npm run bench` has the timings.
 */
describe('pathological input is linted in linear time without crashing', () => {
  /** A realistic paragraph with figures and no attribution: every figure is an unsourced-statistic. */
  const PARAGRAPH =
    'Unemployment rose to 7.4% last year while 2,300 factories closed across the region, costing €45 million in lost wages. ' +
    'Russia sent 1000 officials to Mali in 2022, and aid accounted for around 10% of its GDP. ';
  /**
   * A normal paragraph after the hostile part: the linter must still find its figure, where it finds it in TAIL alone.
   */
  const TAIL = 'Aid fell by 40% in 2022.';
  const TAIL_COL = TAIL.indexOf('40%') + 1;
  let tailSpan: [number, number] | undefined;
  /** [column, endColumn] of the statistic in TAIL linted on its own. */
  function expectedTailSpan(): [number, number] {
    if (!tailSpan) {
      const { dir, cleanup } = tempDir({ 'tail.md': `${TAIL}\n` });
      try {
        const found = positions(
          parseJson(sourcelint(['--format', 'json', 'tail.md'], { cwd: dir }).stdout)[0],
          'unsourced-statistic',
        );
        assert.equal(found.length, 1, 'TAIL alone has one unsourced statistic');
        assert.equal(found[0][1], TAIL_COL, 'it starts at "40%"');
        tailSpan = [found[0][1], found[0][2]];
      } finally {
        cleanup();
      }
    }
    return tailSpan;
  }

  function lintOne(content: string): { run: ReturnType<typeof sourcelint>; result: JsonResult } {
    const { dir, cleanup } = tempDir({ 'x.md': content });
    try {
      // Only a guard against a hang: no run comes near it, however busy the machine.
      const run = sourcelint(['--format', 'json', 'x.md'], { cwd: dir, timeoutMs: 600_000 });
      assert.notEqual(run.status, null, `killed after ${Math.round(run.ms)} ms (${run.signal})`);
      assert.ok(run.status === 0 || run.status === 1, `exit ${run.status}: ${run.stderr.slice(0, 500)}`);
      noStack(run.stderr);
      const lines = stderrLines(run.stderr);
      assert.ok(lines.length <= 1, `at most one stderr line:\n${run.stderr.slice(0, 2000)}`);
      for (const l of lines) assert.match(l, /x\.md/, 'a stderr line names the file');
      const results = parseJson(run.stdout);
      assert.equal(results.length, 1);
      assert.equal(path.basename(results[0].filePath), 'x.md');
      assert.equal(results[0].errorCount, results[0].messages.filter((m) => m.severity === 2).length);
      assert.equal(run.status, results[0].errorCount > 0 ? 1 : 0);
      return { run, result: results[0] };
    } finally {
      cleanup();
    }
  }

  const article = (paragraphs: number): string =>
    `# A long article\n\n${`${PARAGRAPH.repeat(4)}\n\n`.repeat(paragraphs)}`;

  test('a 1 MB article reports every figure, and linting grows linearly with its length', (t) => {
    const one = lintOne(`${PARAGRAPH}\n`).result;
    const perParagraph = one.messages.length;
    assert.ok(
      positions(one, 'unsourced-statistic').length >= 4,
      `the paragraph has figures: ${JSON.stringify(one.messages.map((m) => m.ruleId))}`,
    );
    const count = Math.ceil(1_000_000 / (PARAGRAPH.length * 4 + 2));
    const text = article(count);
    assert.ok(text.length >= 1_000_000);
    const { result } = lintOne(text);
    assert.equal(result.messages.length, perParagraph * 4 * count, 'findings scale with the number of paragraphs');
    const lastLine = 3 + (count - 1) * 2;
    assert.ok(
      result.messages.some((m) => m.line === lastLine),
      `findings on the last paragraph (line ${lastLine})`,
    );
    const ratio = assertLinear('article', article, (text) => lint(text, {}), Math.ceil(count / 64));
    t.diagnostic(`8× the paragraphs: ${ratio.toFixed(1)}× the CPU time`);
  });

  /** [what, input of size n, the size the binary gets] */
  const hostile: Array<[string, (n: number) => string, number]> = [
    ['a single 400 KB line', (n) => PARAGRAPH.repeat(n), Math.ceil(400_000 / PARAGRAPH.length)],
    ['10,000 nested blockquotes', (n) => '>'.repeat(n) + ' text', 10_000],
    ['5,000 nested list items on one line', (n) => '- '.repeat(n) + 'item', 5_000],
    // n is about the length: √n levels of ever deeper indentation.
    [
      '1,000 levels of indented list items',
      (n) => Array.from({ length: Math.round(Math.sqrt(n)) }, (_, i) => ' '.repeat(i * 2) + '- item').join('\n'),
      1_000_000,
    ],
    ['100,000 [ characters', (n) => '['.repeat(n), 100_000],
    ['100,000 * characters', (n) => '*'.repeat(n), 100_000],
    ['a line of 200,000 @', (n) => '@'.repeat(n), 200_000],
    ['50,000 [^', (n) => '[^'.repeat(n), 50_000],
    ['30,000 unclosed links', (n) => '[x]('.repeat(n), 30_000],
    ['50,000 comment openers mid-line', (n) => 'Text ' + '<!-- '.repeat(n), 50_000],
    ['100,000 backticks mid-line', (n) => 'Text ' + '`'.repeat(n), 100_000],
    ['a 100,000-row table', (n) => '|a|b|\n|-|-|\n' + '|1|2|\n'.repeat(n), 100_000],
    ['20,000 kramdown attribute lists that close on no line', (n) => '![a](b){:x\n'.repeat(n), 20_000],
    ['5,000 headings typed with no space after their hashes', (n) => '##Word\nText here.\n\n'.repeat(n), 5_000],
    ['5,000 stray </blockquote> tags', (n) => '</blockquote>\n\n'.repeat(n), 5_000],
    // Every level asks whether it is an image's wrapper (a caption may follow one): the question must stay bounded.
    [
      '5,000 nested divs around an image and a caption',
      (n) => '<div>'.repeat(n) + '<img src="x.jpg"><p>A caption.</p>',
      5_000,
    ],
  ];

  for (const [name, make, size] of hostile) {
    test(`${name}: exit 0/1, a normal paragraph after it is still linted, and time grows linearly`, (t) => {
      const [col, endCol] = expectedTailSpan();
      const body = make(size);
      const tailLine = body.split('\n').length + 2;
      const { run, result } = lintOne(`${body}\n\n${TAIL}\n`);
      assert.deepEqual(
        positions(result, 'unsourced-statistic').filter(([line]) => line === tailLine),
        [[tailLine, col, endCol]],
        `the figure in the paragraph after the hostile part (line ${tailLine})`,
      );
      const ratio = assertLinear(
        name,
        (n) => `${make(n)}\n\n${TAIL}\n`,
        (text) => lint(text, {}),
        Math.ceil(size / 64),
      );
      t.diagnostic(
        `${name}: ${result.messages.length} findings${run.stderr ? `; stderr: ${run.stderr.trim()}` : ''}; 8× the input: ${ratio.toFixed(1)}× the CPU time`,
      );
    });
  }
});
