/**
 * CI over archives through the real binary: `--cache` reuses a file's result only while its content, configuration
 * and bibliography are unchanged; `--shard i/n` splits the files into disjoint, stable parts.
 * Whether a result came from the cache is made visible by tampering with the cached copy: a reused result carries
 * the tampered message, a fresh lint does not.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { parseJson, sourcelint, stderrLines, tempDir } from './helpers/cli.js';

const STAT = (n: number) => `Aid fell by ${n}% in 2022.\n`;
const CITED = '---\nbibliography: refs.bib\n---\n\nAid fell by 40% in 2022 [@oecd2023]. Exports rose by 12%.\n';
const bib = (key: string) => `@report{${key},\n  author = {{OECD}},\n  title = {Aid statistics},\n  year = {2023}\n}\n`;

const TAMPERED = 'served from the cache';

/** Replaces every cached message of `file` with TAMPERED, so a later run shows whether it reused the entry. */
function tamper(cacheFile: string, file: string): void {
  const data = JSON.parse(fs.readFileSync(cacheFile, 'utf8')) as {
    entries: Record<string, { result: { messages: Array<{ message: string }> } }>;
  };
  const entry = data.entries[file];
  assert.ok(entry, `the cache holds ${file}: ${Object.keys(data.entries).join(', ')}`);
  assert.ok(entry.result.messages.length > 0, `${file} has findings to tamper with`);
  for (const m of entry.result.messages) m.message = TAMPERED;
  fs.writeFileSync(cacheFile, JSON.stringify(data));
}

const fromCache = (stdout: string, name: string): boolean => {
  const result = parseJson(stdout).find((r) => path.basename(r.filePath) === name);
  assert.ok(result, `${name} reported`);
  return result.messages.every((m) => m.message === TAMPERED);
};

describe('--cache', () => {
  test('reuses unchanged files; re-lints a file whose content, configuration or bibliography changed', () => {
    const { dir, cleanup } = tempDir({
      'a.md': STAT(10),
      'b.md': STAT(20),
      'sub/c.md': STAT(30),
      'cited.md': CITED,
      'refs.bib': bib('oecd2023'),
    });
    try {
      const run = () => {
        const r = sourcelint(['--cache', '--format', 'json', '.'], { cwd: dir });
        assert.ok(r.status === 0 || r.status === 1, r.stderr);
        assert.equal(r.stderr, '');
        return r.stdout;
      };
      const first = run();
      const cacheFile = path.join(dir, '.sourcelintcache');
      assert.ok(fs.existsSync(cacheFile), 'the default cache file is .sourcelintcache in the working directory');
      assert.equal(run(), first, 'a second run gives the same output');

      for (const f of ['a.md', 'b.md', 'sub/c.md', 'cited.md']) tamper(cacheFile, path.join(dir, f));
      fs.utimesSync(path.join(dir, 'b.md'), new Date(), new Date(Date.now() + 5000));
      let out = run();
      assert.ok(
        fromCache(out, 'a.md') && fromCache(out, 'b.md') && fromCache(out, 'c.md') && fromCache(out, 'cited.md'),
        'unchanged files (even with a new mtime) come from the cache',
      );

      fs.writeFileSync(path.join(dir, 'a.md'), STAT(11));
      out = run();
      assert.ok(!fromCache(out, 'a.md'), 'a changed file is linted again');
      assert.match(JSON.stringify(parseJson(out).find((r) => r.filePath.endsWith('a.md'))), /11%/);
      assert.ok(fromCache(out, 'b.md'), 'the others are still reused');

      fs.writeFileSync(
        path.join(dir, 'sub', '.sourcelintrc.json'),
        JSON.stringify({ rules: { 'unsourced-statistic': 'error' } }),
      );
      out = run();
      assert.ok(!fromCache(out, 'c.md'), 'a file under a new configuration is linted again');
      assert.equal(
        parseJson(out).find((r) => r.filePath.endsWith('c.md'))!.errorCount,
        1,
        'with the new configuration',
      );
      assert.ok(fromCache(out, 'b.md'), 'files outside it are still reused');

      tamper(cacheFile, path.join(dir, 'cited.md'));
      fs.writeFileSync(path.join(dir, 'refs.bib'), bib('renamed2023'));
      const r = sourcelint(['--cache', '--format', 'json', '.'], { cwd: dir });
      assert.equal(r.status, 1, 'the citation no longer resolves: an error');
      assert.ok(!fromCache(r.stdout, 'cited.md'), 'a document whose bibliography changed is linted again');
      assert.ok(
        parseJson(r.stdout)
          .find((x) => x.filePath.endsWith('cited.md'))!
          .messages.some((m) => m.ruleId === 'unknown-citekey'),
      );
      assert.ok(fromCache(r.stdout, 'b.md'), 'documents without that bibliography are still reused');
    } finally {
      cleanup();
    }
  });

  test('a saved copy of a source added, changed or removed re-lints the documents of its folder only', () => {
    const { dir, cleanup } = tempDir({ 'desk/a.md': STAT(10), 'other/b.md': STAT(20) });
    try {
      const run = () => {
        const r = sourcelint(['--cache', '--format', 'json', '.'], {
          cwd: dir,
          env: { SOURCELINT_CACHE_DIR: path.join(dir, '.text-cache') },
        });
        assert.ok(r.status === 0 || r.status === 1, r.stderr);
        return r.stdout;
      };
      run();
      const cacheFile = path.join(dir, '.sourcelintcache');
      const tamperBoth = () => ['desk/a.md', 'other/b.md'].forEach((f) => tamper(cacheFile, path.join(dir, f)));
      tamperBoth();
      fs.mkdirSync(path.join(dir, 'desk', 'sources'));
      fs.writeFileSync(path.join(dir, 'desk', 'sources', '1.txt'), 'Aid fell by 10%.');
      let out = run();
      assert.ok(!fromCache(out, 'a.md') && fromCache(out, 'b.md'), 'a new sources folder next to a.md');
      tamperBoth();
      fs.writeFileSync(path.join(dir, 'desk', 'sources', '1.txt'), 'Aid fell by 11%.');
      out = run();
      assert.ok(!fromCache(out, 'a.md') && fromCache(out, 'b.md'), 'a changed copy');
      tamperBoth();
      fs.writeFileSync(path.join(dir, 'desk', 'sources', '2.html'), '<p>Another source.</p>');
      out = run();
      assert.ok(!fromCache(out, 'a.md') && fromCache(out, 'b.md'), 'a copy added to the folder');
      tamperBoth();
      assert.ok(fromCache(run(), 'a.md'), 'nothing changed: reused');
    } finally {
      cleanup();
    }
  });

  test('results depend on the options: --rule and --quiet runs do not reuse each other', () => {
    const { dir, cleanup } = tempDir({ 'a.md': STAT(10) });
    try {
      assert.equal(sourcelint(['--cache', '--format', 'json', '.'], { cwd: dir }).status, 0);
      tamper(path.join(dir, '.sourcelintcache'), path.join(dir, 'a.md'));
      const r = sourcelint(['--cache', '--rule', 'unsourced-statistic:error', '--format', 'json', '.'], { cwd: dir });
      assert.equal(r.status, 1);
      assert.ok(!fromCache(r.stdout, 'a.md'));
    } finally {
      cleanup();
    }
  });

  test('--cache-location: a file path, or a directory to keep the cache in; a corrupt cache is ignored', () => {
    const { dir, cleanup } = tempDir({ 'a.md': STAT(10), 'cachedir/.keep': '' });
    try {
      const expected = sourcelint(['--format', 'json', '.'], { cwd: dir }).stdout;
      let r = sourcelint(['--cache', '--cache-location', 'tmp/lint-cache.json', '--format', 'json', '.'], { cwd: dir });
      assert.equal(r.stdout, expected);
      assert.ok(fs.existsSync(path.join(dir, 'tmp', 'lint-cache.json')));
      r = sourcelint(['--cache', '--cache-location', 'cachedir', '--format', 'json', '.'], { cwd: dir });
      assert.equal(r.stdout, expected);
      const inside = fs.readdirSync(path.join(dir, 'cachedir')).filter((f) => f !== '.keep');
      assert.equal(inside.length, 1, `one cache file inside the directory: ${inside}`);
      fs.writeFileSync(path.join(dir, 'tmp', 'lint-cache.json'), '{ not json');
      r = sourcelint(['--cache', '--cache-location', 'tmp/lint-cache.json', '--format', 'json', '.'], { cwd: dir });
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.stderr, '');
      assert.equal(r.stdout, expected);
      assert.ok(!fs.existsSync(path.join(dir, '.sourcelintcache')), 'nothing written at the default location');
    } finally {
      cleanup();
    }
  });
});

describe('--shard', () => {
  const names = Array.from({ length: 30 }, (_, i) => `articles/${String(i).padStart(2, '0')}.md`);
  const lintedBy = (dir: string, shard: string): string[] => {
    const r = sourcelint(['--shard', shard, '--format', 'json', '.'], { cwd: dir });
    assert.equal(r.status, 0, r.stderr);
    return parseJson(r.stdout).map((x) => path.relative(dir, x.filePath).split(path.sep).join('/'));
  };

  test('the shards of a run are disjoint, cover every file, and a file keeps its shard as the archive grows', () => {
    const { dir, cleanup } = tempDir(Object.fromEntries(names.map((n, i) => [n, STAT(i + 1)])));
    try {
      const shards = ['1/3', '2/3', '3/3'].map((s) => lintedBy(dir, s));
      assert.deepEqual(shards.flat().sort(), names, 'every file in exactly one shard');
      for (const s of shards)
        assert.ok(s.length > 0 && s.length < names.length, `each shard has a part: ${shards.map((x) => x.length)}`);
      fs.writeFileSync(path.join(dir, 'articles', 'new.md'), STAT(99));
      const after = ['1/3', '2/3', '3/3'].map((s) => lintedBy(dir, s));
      for (let i = 0; i < 3; i++)
        assert.deepEqual(
          after[i].filter((f) => f !== 'articles/new.md'),
          shards[i],
          `shard ${i + 1} keeps its files`,
        );
      assert.equal(after.flat().filter((f) => f === 'articles/new.md').length, 1);
      assert.deepEqual(lintedBy(dir, '1/1').sort(), [...names, 'articles/new.md'].sort(), '1/1 is everything');
    } finally {
      cleanup();
    }
  });

  test('a malformed --shard is a usage error: one line, exit 2', () => {
    for (const bad of ['0/2', '3/2', 'x', '1/0', '1-2']) {
      const r = sourcelint(['--shard', bad, '.'], { cwd: process.cwd() });
      assert.equal(r.status, 2, `--shard ${bad}`);
      assert.deepEqual(stderrLines(r.stderr).length, 1, r.stderr);
      assert.match(r.stderr, /--shard expects I\/N/);
    }
  });
});
