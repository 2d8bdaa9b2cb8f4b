/**
 * Issue 13, output that could be turned against its readers: the HTML report's links and Content-Security-Policy,
 * formula injection in the claims CSV, and the GitHub Action's handling of file names, base-ref and stderr.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sourcelint, tempDir } from './helpers/cli.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const BIB = `@online{evil,
  author = {Mallory, M.},
  title = {A report on aid},
  year = {2022},
  url = {JaVaScRiPt:alert(document.cookie)}
}
@online{tabbed,
  author = {Mallory, T.},
  title = {Another report on aid},
  year = {2022},
  url = {java\tscript:alert(1)}
}
@online{good,
  author = {Bank, W.},
  title = {Aid data},
  year = {2022},
  url = {https://example.org/aid?a=1&b=2}
}
`;
const DRAFT = `---
bibliography: refs.bib
---

Aid fell by 40% in 2022 [@evil]. Exports fell by 12% in 2022 [@tabbed]. Imports fell by 9% in 2022 [@good].

Debt rose by 7% in 2021, says [a source](javascript:alert(2)).

Prices rose by 5% in 2021.[^1]

[^1]: See data:text/html,<script>alert(3)</script> and https://example.org/prices.
`;

/** Minimal HTML attribute decoding: enough to see through &#x6a;avascript: and the like. */
const decode = (s: string): string =>
  s
    .replace(/&#x([0-9a-f]+);?/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);?/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/g, '&')
    .replace(/&colon;/gi, ':');

describe('14. the HTML report', () => {
  test('links only to http(s), mailto and relative targets, and a CSP lets only its own script run', () => {
    const { dir, cleanup } = tempDir({ 'refs.bib': BIB, 'draft.md': DRAFT });
    try {
      const r = sourcelint(['report', '--out', 'report.html', 'draft.md'], { cwd: dir });
      assert.equal(r.status, 0, r.stderr);
      const html = fs.readFileSync(path.join(dir, 'report.html'), 'utf8');
      const hrefs = [...html.matchAll(/\shref\s*=\s*"([^"]*)"/gi)].map((m) => decode(m[1]));
      assert.ok(hrefs.length >= 1, 'the https link is kept');
      for (const href of hrefs)
        assert.match(href.replace(/[\u0000-\u0020]/g, ''), /^(https?:|mailto:|[^:]*$)/i, `unsafe href ${href}`);
      assert.ok(hrefs.includes('https://example.org/aid?a=1&b=2'), JSON.stringify(hrefs));
      assert.doesNotMatch(html, /href="[^"]*script:/i);
      const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
      assert.ok(csp, 'a Content-Security-Policy meta tag');
      assert.match(csp, /default-src 'none'/);
      const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
      assert.equal(scripts.length, 1, 'one inline script');
      const hash = createHash('sha256').update(scripts[0]).digest('base64');
      assert.match(
        csp,
        new RegExp(`script-src 'sha256-${hash.replace(/[+/=]/g, (c) => `\\${c}`)}'`),
        'the CSP allows exactly that script',
      );
      assert.doesNotMatch(csp, /unsafe-eval|script-src[^;]*unsafe-inline/);
      assert.doesNotMatch(html, /<script>alert/, 'footnote text is escaped');
    } finally {
      cleanup();
    }
  });
});

/** RFC 4180 fields of one CSV text. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [[]];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') ((field += '"'), i++);
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') (rows.at(-1)!.push(field), (field = ''));
    else if (c === '\n') (rows.at(-1)!.push(field), rows.push([]), (field = ''));
    else field += c;
  }
  rows.at(-1)!.push(field);
  return rows;
}

describe('15. the claims CSV', () => {
  test('no cell starts with = + - @ (OWASP): such cells get a leading apostrophe, and the data is otherwise intact', () => {
    const doc = `---\nbibliography: refs.bib\n---\n\n=HYPERLINK("https://evil.example","x") rose by 40% in 2022.\n\nAid fell by 3% in 2022 [@good].\n\n+1 aid fell by 4% in 2022.\n\n-2 aid fell by 5% in 2022.\n`;
    const { dir, cleanup } = tempDir({ 'refs.bib': BIB, 'draft.md': doc });
    try {
      const r = sourcelint(['claims', '--format', 'csv', 'draft.md'], { cwd: dir });
      assert.equal(r.status, 0, r.stderr);
      const rows = parseCsv(r.stdout.trimEnd());
      const header = rows[0];
      assert.equal(header.join(','), 'file,line,column,endLine,endColumn,status,rules,sources,note,text,evidence');
      for (const row of rows.slice(1)) {
        assert.equal(row.length, header.length, JSON.stringify(row));
        for (const cell of row) assert.doesNotMatch(cell, /^[=+\-@\t\r]/, `cell ${JSON.stringify(cell)}`);
      }
      const texts = rows.slice(1).map((row) => row[header.indexOf('text')]);
      assert.ok(
        texts.some((t) => t.startsWith(`'=HYPERLINK("https://evil.example","x") rose by 40%`)),
        JSON.stringify(texts),
      );
      assert.ok(
        rows.slice(1).some((row) => row[header.indexOf('sources')].startsWith("'@good")),
        'a pandoc citation cell, neutralised',
      );
    } finally {
      cleanup();
    }
  });
});

describe('16. the GitHub Action script', () => {
  const hasGit = spawnSync('git', ['--version']).status === 0;
  const git = (cwd: string, ...args: string[]) =>
    execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const ERROR_CONFIG = JSON.stringify({ rules: { 'unsourced-statistic': 'error' } });
  const STAT = 'Aid fell by 40% in 2022.\n';

  /** A repository with one base commit; `files` are added after it, untracked. */
  function repo(files: Record<string, string>): { dir: string; base: string; cleanup: () => void } {
    const { dir, cleanup } = tempDir({ '.sourcelintrc.json': ERROR_CONFIG, 'README.md': 'Nothing here.\n' });
    git(dir, 'init', '-q');
    git(dir, '-c', 'user.email=t@example.org', '-c', 'user.name=t', 'add', '.');
    git(dir, '-c', 'user.email=t@example.org', '-c', 'user.name=t', 'commit', '-q', '-m', 'base');
    for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), content);
    return { dir, base: git(dir, 'rev-parse', 'HEAD').trim(), cleanup };
  }
  const action = (cwd: string, env: Record<string, string>) =>
    spawnSync(process.execPath, [path.join(ROOT, 'scripts/action.mjs')], {
      cwd,
      encoding: 'utf8',
      env: { ...process.env, INPUT_PATHS: '.', INPUT_FORMAT: 'github', ...env },
    });

  test(
    'a file named --help=x.md is linted as a file, so its errors fail the check',
    { skip: !hasGit && 'no git' },
    () => {
      const { dir, base, cleanup } = repo({ '--help=x.md': STAT });
      try {
        const r = action(dir, { INPUT_BASE_REF: base });
        assert.equal(r.status, 1, `${r.stdout}\n${r.stderr}`);
        assert.match(r.stdout, /^::error file=--help=x\.md,line=1,/m);
      } finally {
        cleanup();
      }
    },
  );

  test('file names with tabs and non-ASCII letters are linted, not skipped', { skip: !hasGit && 'no git' }, () => {
    const { dir, base, cleanup } = repo({ 'café\tnotes.md': STAT });
    try {
      git(dir, 'add', '.');
      const r = action(dir, { INPUT_BASE_REF: base });
      assert.equal(r.status, 1, `${r.stdout}\n${r.stderr}`);
      assert.match(r.stdout, /^::error file=café\tnotes\.md,line=1,/m);
    } finally {
      cleanup();
    }
  });

  test(
    'a base-ref that git would read as an option is refused, and writes nothing',
    { skip: !hasGit && 'no git' },
    () => {
      const { dir, cleanup } = repo({ 'a.md': STAT });
      try {
        const target = path.join(dir, 'written-by-git');
        for (const ref of [`--output=${target}`, '-p', 'HEAD..HEAD', 'no-such-ref']) {
          const r = action(dir, { INPUT_BASE_REF: ref });
          assert.equal(r.status, 2, `${ref}: ${r.stderr}`);
          assert.match(r.stderr, /base-ref .* is not a commit of this repository/);
          assert.ok(!fs.existsSync(target), `${ref}: git wrote ${target}`);
        }
        // The CLI refuses such a ref too.
        const cli = sourcelint([`--changed-since=--output=${target}`, 'a.md'], { cwd: dir });
        assert.equal(cli.status, 2);
        assert.ok(!fs.existsSync(target));
      } finally {
        cleanup();
      }
    },
  );

  test('text from the repository never becomes a workflow command on stderr', { skip: !hasGit && 'no git' }, () => {
    const csl = JSON.stringify([
      { id: 'dup\n::error::injected', type: 'report', title: 'A' },
      { id: 'dup\n::error::injected', type: 'report', title: 'B' },
    ]);
    const { dir, base, cleanup } = repo({ 'refs.json': csl, 'a.md': `---\nbibliography: refs.json\n---\n\n${STAT}` });
    try {
      const r = action(dir, { INPUT_BASE_REF: base });
      assert.match(r.stderr, /duplicate key/);
      assert.doesNotMatch(r.stderr, /^::/m, r.stderr);
      assert.doesNotMatch(r.stdout, /^::error::injected/m, r.stdout);
    } finally {
      cleanup();
    }
  });
});
