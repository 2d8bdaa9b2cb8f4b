/**
 * Output formats to the letter, from the real binary: SARIF validated against the official SARIF 2.1.0 schema
 * (vendored in test/vendor/sarif), ESLint's JSON read by ESLint's own formatters, the GitHub job summary; and the CLI
 * conventions around them (-o, colour, the Markdown dialects a folder lint finds).
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ESLint } from 'eslint';
import { parseJson, sourcelint, tempDir } from './helpers/cli.js';

const require = createRequire(import.meta.url);
const SCHEMA = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../vendor/sarif/sarif-schema-2.1.0.json');

/** A figure (warning), an undefined footnote (error) and a relative time (info). */
const DRAFT = 'Russia sent 1000 officials to Mali in 2022.\n\nA sentence.[^9]\n\nThe talks ended last week.\n';

function sarifValidator(): (data: unknown) => string[] {
  const Ajv = require('ajv-draft-04') as typeof import('ajv-draft-04').default;
  const addFormats = require('ajv-formats') as typeof import('ajv-formats').default;
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(fs.readFileSync(SCHEMA, 'utf8')));
  return (data) => (validate(data) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`));
}

interface SarifLog {
  runs: Array<{
    tool: {
      driver: {
        rules: Array<{
          id: string;
          shortDescription: { text: string };
          fullDescription: { text: string };
          help: { text: string; markdown: string };
          helpUri: string;
        }>;
      };
    };
    originalUriBaseIds: Record<string, { uri: string }>;
    results: Array<{
      ruleId: string;
      level: string;
      locations: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string } } }>;
    }>;
  }>;
}

describe('SARIF', () => {
  const validate = sarifValidator();

  test('the validator rejects what the schema forbids (so the checks below can fail)', () => {
    assert.deepEqual(validate({ version: '2.1.0', runs: [] }), []);
    assert.notDeepEqual(validate({ version: '2.1.0', runs: [{ tool: { driver: {} } }] }), [], 'a driver needs a name');
    assert.notDeepEqual(
      validate({
        version: '2.1.0',
        runs: [
          {
            tool: { driver: { name: 'x' } },
            results: [
              { message: { text: 'm' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'a b#c.md' } } }] },
            ],
          },
        ],
      }),
      [],
      'an unencoded space is not a URI reference',
    );
  });

  test('valid against the official schema, with percent-encoded URIs for awkward names, a base for the working directory and absolute URIs outside it', () => {
    const names = ['plain.md', 'with space.md', 'hash#1.md', '100%.md', 'été/über.md'];
    const { dir, cleanup } = tempDir(Object.fromEntries(names.map((n) => [`site/${n}`, DRAFT])));
    const outside = tempDir({ 'elsewhere.md': DRAFT });
    try {
      const run = sourcelint(['--format', 'sarif', ...names, path.join(outside.dir, 'elsewhere.md')], {
        cwd: path.join(dir, 'site'),
      });
      assert.equal(run.status, 1, run.stderr);
      const sarif = JSON.parse(run.stdout) as SarifLog;
      assert.deepEqual(validate(sarif), []);
      const [r] = sarif.runs;
      assert.equal(r.originalUriBaseIds['%SRCROOT%'].uri, pathToFileURL(path.join(dir, 'site') + path.sep).href);
      const uris = new Set(r.results.map((x) => JSON.stringify(x.locations[0].physicalLocation.artifactLocation)));
      assert.deepEqual(
        [...uris].sort(),
        [
          { uri: 'plain.md', uriBaseId: '%SRCROOT%' },
          { uri: 'with%20space.md', uriBaseId: '%SRCROOT%' },
          { uri: 'hash%231.md', uriBaseId: '%SRCROOT%' },
          { uri: '100%25.md', uriBaseId: '%SRCROOT%' },
          { uri: '%C3%A9t%C3%A9/%C3%BCber.md', uriBaseId: '%SRCROOT%' },
          { uri: pathToFileURL(path.join(outside.dir, 'elsewhere.md')).href },
        ]
          .map((x) => JSON.stringify(x))
          .sort(),
      );
      assert.deepEqual(
        new Set(r.results.map((x) => x.level)),
        new Set(['error', 'warning', 'note']),
        'info is a SARIF note',
      );
      for (const rule of r.tool.driver.rules) {
        assert.ok(rule.fullDescription.text.startsWith(rule.shortDescription.text), rule.id);
        assert.ok(rule.help.text.includes(rule.helpUri), `${rule.id}: help text links the documentation`);
        assert.ok(
          rule.help.markdown.includes(`](${rule.helpUri})`),
          `${rule.id}: help markdown links the documentation`,
        );
      }
    } finally {
      cleanup();
      outside.cleanup();
    }
  });

  test('in a git repository, locations are relative to its root even from a subfolder', () => {
    const { dir, cleanup } = tempDir({ '.git/HEAD': 'ref: refs/heads/main\n', 'site/content/a.md': DRAFT });
    try {
      const sarif = JSON.parse(
        sourcelint(['--format', 'sarif', 'content/a.md'], { cwd: path.join(dir, 'site') }).stdout,
      ) as SarifLog;
      assert.deepEqual(validate(sarif), []);
      assert.equal(sarif.runs[0].originalUriBaseIds['%SRCROOT%'].uri, pathToFileURL(dir + path.sep).href);
      assert.equal(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, 'site/content/a.md');
    } finally {
      cleanup();
    }
  });

  test('standard input, named or not, gives a valid URI', () => {
    const { dir, cleanup } = tempDir();
    try {
      for (const [args, uri] of [
        [[], '%3Cstdin%3E'],
        [['--stdin-filename', 'notes/draft one.md'], 'notes/draft%20one.md'],
      ] as const) {
        const sarif = JSON.parse(
          sourcelint(['--format', 'sarif', '--stdin', ...args], { cwd: dir, input: DRAFT }).stdout,
        ) as SarifLog;
        assert.deepEqual(validate(sarif), []);
        assert.equal(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, uri);
      }
    } finally {
      cleanup();
    }
  });
});

describe('ESLint JSON', () => {
  test("has ESLint's result fields; info counts as severity 1 and is told apart by level and infoCount", () => {
    const { dir, cleanup } = tempDir({ 'a.md': `<!-- sourcelint-disable-next-line unsourced-statistic -->\n${DRAFT}` });
    try {
      const [r] = parseJson(sourcelint(['--format', 'json', 'a.md'], { cwd: dir }).stdout) as unknown as Array<
        Record<string, unknown> & { messages: Array<{ ruleId: string; severity: number; level: string }> }
      >;
      assert.deepEqual(Object.keys(r).sort(), [
        'errorCount',
        'fatalErrorCount',
        'filePath',
        'fixableErrorCount',
        'fixableWarningCount',
        'infoCount',
        'messages',
        'suppressedMessages',
        'usedDeprecatedRules',
        'warningCount',
      ]);
      assert.deepEqual(
        r.messages.map((m) => [m.ruleId, m.severity, m.level]),
        [
          ['undefined-footnote', 2, 'error'],
          ['relative-time', 1, 'info'],
        ],
      );
      assert.deepEqual([r.errorCount, r.warningCount, r.infoCount, r.fatalErrorCount], [1, 1, 1, 0]);
      assert.deepEqual(r.suppressedMessages, [
        {
          ruleId: 'unsourced-statistic',
          severity: 1,
          level: 'warning',
          message: 'The figure "1000" has no source. Add a footnote or citation where it comes from.',
          line: 2,
          column: 13,
          endLine: 2,
          endColumn: 17,
          suppressions: [{ kind: 'directive', justification: '' }],
        },
      ]);
      assert.deepEqual(r.usedDeprecatedRules, []);
    } finally {
      cleanup();
    }
  });

  test("ESLint's own formatters read it: stylish, json-with-metadata and html", async () => {
    const { dir, cleanup } = tempDir({ 'a.md': DRAFT, 'b.md': 'Aid rose by 40% in 2022.\n' });
    try {
      const results = parseJson(sourcelint(['--format', 'json', 'a.md', 'b.md'], { cwd: dir }).stdout);
      // The formatters look rule metadata up in ESLint's configuration for each file: give ESLint one that covers them.
      const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: { files: ['**/*.md'] } });
      for (const r of results) await eslint.calculateConfigForFile(r.filePath);
      // ESLint's LintResult type has fields our JSON test helper does not declare; the formatters read them at run
      // time.
      const asEslint = results as unknown as ESLint.LintResult[];
      const stylish = (await (await eslint.loadFormatter('stylish')).format(asEslint)).replace(/\u001b\[[0-9;]*m/g, '');
      for (const r of results) {
        // stylish drops a message's final full stop.
        for (const m of r.messages)
          assert.ok(
            stylish.includes(`${m.line}:${m.column}`) &&
              stylish.includes(m.message.replace(/\.$/, '')) &&
              stylish.includes(m.ruleId),
            `stylish shows ${m.ruleId}`,
          );
      }
      const total = results.reduce((n, r) => n + r.messages.length, 0);
      assert.match(stylish, new RegExp(`✖ ${total} problems \\(1 error, ${total - 1} warnings\\)`));
      const withMeta = JSON.parse(await (await eslint.loadFormatter('json-with-metadata')).format(asEslint)) as {
        results: Array<{ filePath: string; infoCount: number }>;
      };
      assert.deepEqual(
        withMeta.results.map((r) => [path.basename(r.filePath), r.infoCount]),
        [
          ['a.md', 1],
          ['b.md', 0],
        ],
      );
      const html = await (await eslint.loadFormatter('html')).format(asEslint);
      assert.match(html, /undefined-footnote/);
      assert.match(html, new RegExp(`${total} problems`));
    } finally {
      cleanup();
    }
  });
});

describe('GitHub', () => {
  test('--format github also writes a job summary to $GITHUB_STEP_SUMMARY with every finding, linked, and the claim totals', () => {
    // Twelve warnings: more than the runner shows as annotations.
    const many = Array.from({ length: 12 }, (_, i) => `Russia sent ${1000 + i} officials to Mali in 2022.`).join(' ');
    const { dir, cleanup } = tempDir({
      'a b.md': `${many}\n\nAid fell by 25% in 2022.[^1]\n\n[^1]: OECD, 2023.\n`,
      'summary.md': '# Earlier step\n',
    });
    try {
      const env = {
        GITHUB_STEP_SUMMARY: path.join(dir, 'summary.md'),
        GITHUB_SERVER_URL: 'https://github.com',
        GITHUB_REPOSITORY: 'desk/articles',
        GITHUB_SHA: 'abc123',
        GITHUB_WORKSPACE: dir,
      };
      const run = sourcelint(['--format', 'github', 'a b.md'], { cwd: dir, env });
      assert.equal(run.status, 0, run.stderr);
      assert.equal(run.stdout.trim().split('\n').length, 12, 'one annotation per finding on stdout');
      const summary = fs.readFileSync(path.join(dir, 'summary.md'), 'utf8');
      assert.ok(summary.startsWith('# Earlier step\n## Sourcelint\n'), 'appended, never overwritten');
      const rows = summary.split('\n').filter((l) => l.startsWith('| [a b.md:'));
      assert.equal(rows.length, 12);
      assert.ok(
        rows.every(
          (l) =>
            l.includes('(https://github.com/desk/articles/blob/abc123/a%20b.md#L1)') &&
            l.includes('`unsourced-statistic`'),
        ),
        rows[0],
      );
      assert.match(summary, /0 errors\*\*, 12 warnings, 0 info/);
      assert.match(
        summary,
        /\| claims \| unsourced \| citation-needed \| cited \| verified \| disputed \| total \|\n.*\n\| \| 12 \| 0 \| 1 \| 0 \| 0 \| 13 \|/,
      );
      const without = sourcelint(['--format', 'json', 'a b.md'], { cwd: dir, env });
      assert.equal(without.status, 0);
      assert.equal(
        fs.readFileSync(path.join(dir, 'summary.md'), 'utf8'),
        summary,
        'other formats leave the summary alone',
      );
    } finally {
      cleanup();
    }
  });
});

describe('CLI conventions', () => {
  test('-o writes the report to a file (creating its folder) and nothing to stdout; the exit code is unchanged', () => {
    const { dir, cleanup } = tempDir({ 'a.md': DRAFT });
    try {
      const run = sourcelint(['--format', 'json', '-o', 'out/report.json', 'a.md'], { cwd: dir });
      assert.equal(run.status, 1);
      assert.equal(run.stdout, '');
      const direct = sourcelint(['--format', 'json', 'a.md'], { cwd: dir }).stdout;
      assert.equal(fs.readFileSync(path.join(dir, 'out/report.json'), 'utf8'), direct);
    } finally {
      cleanup();
    }
  });

  test('colour: off in a pipe, on with FORCE_COLOR or --color, off again with --no-color or FORCE_COLOR=0', () => {
    const { dir, cleanup } = tempDir({ 'a.md': DRAFT });
    try {
      const ansi = /\u001b\[\d+m/;
      const out = (args: string[], env: Record<string, string> = {}): string =>
        sourcelint([...args, 'a.md'], { cwd: dir, env }).stdout;
      assert.doesNotMatch(out([]), ansi);
      assert.match(out([], { FORCE_COLOR: '1' }), ansi);
      assert.match(out([], { FORCE_COLOR: '1', NO_COLOR: '1' }), ansi, 'FORCE_COLOR wins over NO_COLOR, as in Node');
      assert.doesNotMatch(out([], { FORCE_COLOR: '0' }), ansi);
      assert.match(out(['--color']), ansi);
      assert.doesNotMatch(out(['--no-color'], { FORCE_COLOR: '1' }), ansi);
    } finally {
      cleanup();
    }
  });

  test('a folder lint finds .md, .markdown, .mdx, .qmd and .Rmd files', () => {
    const names = ['a.md', 'b.markdown', 'c.mdx', 'd.qmd', 'e.Rmd', 'f.rmd', 'g.txt', 'h.Rmarkdown'];
    const { dir, cleanup } = tempDir(Object.fromEntries(names.map((n) => [`docs/${n}`, DRAFT])));
    try {
      const found = parseJson(sourcelint(['--format', 'json', 'docs'], { cwd: dir }).stdout).map((r) =>
        path.basename(r.filePath),
      );
      assert.deepEqual(found.sort(), ['a.md', 'b.markdown', 'c.mdx', 'd.qmd', 'e.Rmd', 'f.rmd']);
    } finally {
      cleanup();
    }
  });
});
