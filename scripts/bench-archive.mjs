#!/usr/bin/env node
// CI over a whole archive: generates ARTICLES articles (default 10,000) from the sample drafts' paragraphs, each with
// its own figures, then times, with the real CLI: a full run that fills the cache (--cache), the cached re-run with
// nothing changed, a re-run after 1% of the articles changed, and each shard of --shard i/4 alone (no cache).
// Times are this machine's; compare the ratios to the full run, measured in the same run.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ARTICLES = Number(process.argv[2] ?? process.env.BENCH_ARCHIVE ?? 10_000);
const SHARDS = 4;

const paragraphs = ['mali-russia-draft.md', 'mali-russia-footnotes.md', 'mali-russia-pandoc.md']
  .flatMap((f) =>
    fs
      .readFileSync(path.join(root, 'samples', f), 'utf8')
      .split('---\n')
      .slice(2)
      .join('---\n')
      .split(/\n{2,}/),
  )
  .filter((p) => /^[A-Z]/.test(p) && !p.includes('[^') && !p.includes('[@') && p.length > 200);

function article(i) {
  const body = [];
  for (let k = 0; k < 4; k++)
    body.push(paragraphs[(i * 7 + k * 13) % paragraphs.length].replace(/\d+/g, (n) => String(Number(n) + (i % 97))));
  return `---\ntitle: Article ${i}\n---\n\n# Article ${i}\n\n${body.join('\n\n')}\n`;
}

const write = (dir, i) =>
  fs.writeFileSync(path.join(dir, `${String(Math.floor(i / 1000)).padStart(2, '0')}`, `article-${i}.md`), article(i));

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcelint-archive-'));
try {
  const dir = path.join(work, 'archive');
  for (let d = 0; d <= Math.floor((ARTICLES - 1) / 1000); d++)
    fs.mkdirSync(path.join(dir, String(d).padStart(2, '0')), { recursive: true });
  for (let i = 0; i < ARTICLES; i++) write(dir, i);
  let bytes = 0;
  for (const d of fs.readdirSync(dir))
    for (const f of fs.readdirSync(path.join(dir, d))) bytes += fs.statSync(path.join(dir, d, f)).size;
  const cli = (...args) => {
    const t = performance.now();
    const r = spawnSync(
      process.execPath,
      [path.join(root, 'server/bin/sourcelint.js'), '--format', 'json', ...args, 'archive'],
      { cwd: work, maxBuffer: 1 << 30 },
    );
    if (r.status !== 0 && r.status !== 1) throw new Error(`sourcelint exited ${r.status}: ${r.stderr}`);
    return { s: (performance.now() - t) / 1000, files: JSON.parse(r.stdout).length };
  };
  console.log(
    `archive: ${ARTICLES} articles, ${(bytes / 1024 / 1024).toFixed(1)} MB (times: this machine, ${os.availableParallelism()} cores)`,
  );
  const full = cli('--cache');
  const line = (name, r) =>
    console.log(
      `  ${name.padEnd(44)} ${r.s.toFixed(2).padStart(7)} s  ${String(r.files).padStart(6)} files  ${(r.s / full.s).toFixed(3)}× the full run`,
    );
  line('full run, filling the cache', full);
  line('cached re-run, nothing changed', cli('--cache'));
  for (let i = 0; i < ARTICLES; i += 100)
    fs.appendFileSync(
      path.join(dir, `${String(Math.floor(i / 1000)).padStart(2, '0')}`, `article-${i}.md`),
      '\nA new paragraph: aid fell by 12% in 2024.\n',
    );
  line('cached re-run, 1% of the articles changed', cli('--cache'));
  for (let s = 1; s <= SHARDS; s++) line(`--shard ${s}/${SHARDS} (no cache)`, cli('--shard', `${s}/${SHARDS}`));
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
