#!/usr/bin/env node
// npm run bench: every speed figure in one run, each as a ratio to a baseline measured in the same run.
// 1. The CLI: `sourcelint --format json` over a few MB of real Markdown against a bare unified().use(remarkParse) pass
//    over the same files (and alex, when it is installed). Two corpora, nothing downloaded: the Markdown documentation
//    inside node_modules (varied real Markdown), and news-analysis prose (the sample articles, copied into many
// drafts).
//    Wall time and CPU time (user + system, of the CLI process and its workers): on a shared machine CPU time is the
//    steadier measure of work. Medians of several runs.
// 2. Reviewers: `sourcelint claims` against a lint of the same draft, and its growth from one size to 4×.
// 3. The language server: answer to `initialize`, first diagnostics, keystroke → diagnostics p50/p95 and memory, on a
//    ~10,000-word article and on a 300 KB document.
// 4. Saved source copies: keystroke lint of the 10k-word article citing 20 copies, against none (bench-evidence.mjs).
// 5. With BENCH_ARCHIVE=N: a generated archive of N articles with --cache and --shard (scripts/bench-archive.mjs).
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { unified } from 'unified';
import remarkParse from 'remark-parse';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TARGET_BYTES = Number(process.env.BENCH_BYTES ?? 4 * 1024 * 1024);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
/** The news-prose corpus: 2 MB by default, the size the speed targets are stated for. */
const PROSE_BYTES = Number(process.env.BENCH_PROSE_BYTES ?? 2 * 1024 * 1024);

function collect(dir, out, budget) {
  let entries;
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  } catch {
    return;
  }
  for (const e of entries) {
    if (budget.left <= 0) return;
    const full = path.join(dir, e.name);
    if (e.isDirectory()) collect(full, out, budget);
    else if (e.isFile() && /\.md$/i.test(e.name)) {
      const size = fs.statSync(full).size;
      if (size < 2000 || size > 400_000) continue;
      out.push(full);
      budget.left -= size;
    }
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
/** CPU seconds of this process and of its waited-for children (Linux /proc; fields utime, stime, cutime, cstime). */
function cpuSeconds() {
  try {
    const f = fs.readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    return (Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) / 100;
  } catch {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1e6;
  }
}
/** Wall and CPU seconds of `fn`. */
const time = (fn) => {
  const t = performance.now();
  const c = cpuSeconds();
  fn();
  return { wall: (performance.now() - t) / 1000, cpu: cpuSeconds() - c };
};
const bin = (name) =>
  [
    path.join(root, 'node_modules/.bin', name),
    ...(process.env.PATH ?? '').split(path.delimiter).map((d) => path.join(d, name)),
  ].find((f) => fs.existsSync(f));
const alex = bin('alex');
const { lint } = await import('sourcelint');

/** Times a bare parse, the engine on one thread, the CLI (and alex) over `files`, interleaved, medians. */
function measure(label, dir, files) {
  const bytes = files.reduce((sum, f) => sum + fs.statSync(f).size, 0);
  const mb = bytes / 1024 / 1024;
  const bareParse = () => {
    const processor = unified().use(remarkParse);
    for (const f of files) processor.parse(fs.readFileSync(f, 'utf8'));
  };
  const engineOnly = () => {
    for (const f of files) lint(fs.readFileSync(f, 'utf8'), { filePath: f });
  };
  const spawnOk = (cmd, args, ok = [0, 1]) => {
    const r = spawnSync(cmd, args, { maxBuffer: 1 << 30, cwd: dir });
    if (!ok.includes(r.status)) throw new Error(`${path.basename(cmd)} exited ${r.status}: ${r.stderr}`);
  };
  const cli = () => spawnOk(process.execPath, [path.join(root, 'server/bin/sourcelint.js'), '--format', 'json', dir]);
  const runs = { bare: bareParse, engine: engineOnly, cli };
  if (alex) runs.alex = () => spawnOk(alex, ['--quiet', '.'], [0, 1]);
  for (const fn of Object.values(runs)) fn(); // warm-up: disk cache, JIT
  const rows = Object.fromEntries(Object.keys(runs).map((k) => [k, []]));
  for (let i = 0; i < RUNS; i++) for (const [k, fn] of Object.entries(runs)) rows[k].push(time(fn));
  const med = (k, f) => median(rows[k].map((r) => r[f]));
  const bare = { wall: med('bare', 'wall'), cpu: med('bare', 'cpu') };
  // The CLI's threads depend on it: `--concurrency auto` lints on the cores the load average says are idle.
  console.log(`${label}: ${files.length} files, ${mb.toFixed(2)} MB (load average ${os.loadavg()[0].toFixed(1)})`);
  console.log(
    `  ${''.padEnd(44)} ${'wall'.padStart(8)} ${'MB/s'.padStart(7)} ${'ratio'.padStart(7)}   ${'CPU'.padStart(8)} ${'ratio'.padStart(7)}`,
  );
  const line = (name, k) => {
    const w = med(k, 'wall');
    const c = med(k, 'cpu');
    console.log(
      `  ${name.padEnd(44)} ${w.toFixed(3).padStart(7)}s ${(mb / w).toFixed(2).padStart(7)} ${(w / bare.wall).toFixed(2).padStart(6)}×   ${c.toFixed(2).padStart(7)}s ${(c / bare.cpu).toFixed(2).padStart(6)}×`,
    );
  };
  line('bare unified().use(remarkParse) (baseline)', 'bare');
  line('engine, one thread, in process', 'engine');
  line(`sourcelint --format json (CLI, ${os.availableParallelism()} cores)`, 'cli');
  if (alex) line('alex (same files)', 'alex');
  else console.log('  alex: not installed (npm i -D alex to compare)');
}

function copyUntil(sources, dir, target, transform = (text) => text) {
  fs.mkdirSync(dir, { recursive: true });
  const files = [];
  for (let copy = 0, bytes = 0; bytes < target && sources.length > 0; copy++) {
    for (const src of sources) {
      const dest = path.join(dir, `${copy}-${files.length}-${path.basename(src)}`);
      fs.writeFileSync(dest, transform(fs.readFileSync(src, 'utf8'), copy));
      bytes += fs.statSync(dest).size;
      files.push(dest);
    }
  }
  return files;
}

const only = process.env.BENCH_ONLY; // "editor": only the language-server figures
if (!only) {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), `sourcelint-bench-`));
  try {
    // 1. Varied real Markdown: the documentation that ships inside node_modules (code, tables, links, lists).
    const docs = [];
    collect(path.join(root, 'node_modules'), docs, { left: TARGET_BYTES });
    measure(
      'Markdown documentation from node_modules',
      path.join(work, 'docs'),
      copyUntil(docs, path.join(work, 'docs'), TARGET_BYTES),
    );
    // 2. News-analysis prose, what Sourcelint is for: the sample articles, each copy a separate draft.
    const samples = [];
    collect(path.join(root, 'samples'), samples, { left: Infinity });
    const drafts = samples.filter((f) => !f.endsWith('README.md'));
    measure(
      'news-analysis prose (the sample articles, copied)',
      path.join(work, 'prose'),
      copyUntil(drafts, path.join(work, 'prose'), PROSE_BYTES),
    );
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

// Reviewers: `sourcelint claims` on one long draft against a lint of it, at one size and at 4×.
if (!only) {
  const draft = fs.readFileSync(path.join(root, 'samples/mali-russia-footnotes.md'), 'utf8');
  const body = draft.split('---\n').slice(2).join('---\n');
  const draftOf = (kb) => {
    let text = draft;
    // Footnote labels renamed per copy, so every copy's calls have their own definitions.
    for (let i = 0; text.length < kb * 1024; i++)
      text += `\n\n## Part ${i}\n\n` + body.replace(/\[\^(\w+)\]/g, `[^$1x${i}]`);
    return text;
  };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcelint-bench-claims-'));
  try {
    const cliTime = (...args) =>
      median(
        Array.from({ length: RUNS }, () =>
          time(() =>
            spawnSync(process.execPath, [path.join(root, 'server/bin/sourcelint.js'), ...args], {
              cwd: dir,
              maxBuffer: 1 << 30,
            }),
          ),
        ).map((t) => t.wall),
      );
    console.log('reviewers: sourcelint claims on one long draft (wall time, medians)');
    const rows = [];
    for (const kb of [204, 816]) {
      fs.writeFileSync(path.join(dir, `${kb}.md`), draftOf(kb));
      const lintS = cliTime('--format', 'json', `${kb}.md`);
      const claimsS = cliTime('claims', '--format', 'json', `${kb}.md`);
      rows.push(claimsS);
      console.log(
        `  ${String(kb).padStart(4)} KB: lint ${lintS.toFixed(2)} s, claims ${claimsS.toFixed(2)} s = ${(claimsS / lintS).toFixed(2)}× the lint`,
      );
    }
    console.log(`  claims growth, 4× the draft: ${(rows[1] / rows[0]).toFixed(2)}× the time (linear: 4×)`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const { LspClient, encodeFrame } = await import('../test/out/helpers/lsp-client.js');

// The language server: the answer to `initialize` (the bundle the extension runs, and the bin), then first
// diagnostics, keystroke latency and memory on a ~10,000-word article and on a 300 KB document.
{
  const initializeMs = (entry) =>
    new Promise((resolve, reject) => {
      const t = performance.now();
      const p = spawn(process.execPath, [entry, '--stdio']);
      p.on('error', reject);
      p.stdout.once('data', () => {
        resolve(performance.now() - t);
        p.kill();
      });
      // A server that dies before answering (a broken bundle) is reported, not waited for.
      p.on('exit', (code) => resolve(NaN));
      p.stdin.write(
        encodeFrame({
          jsonrpc: '2.0',
          id: 1,
          method: 'initialize',
          params: { processId: null, rootUri: null, capabilities: {} },
        }),
      );
    });
  const nodeStart = median(
    Array.from({ length: RUNS }, () => time(() => spawnSync(process.execPath, ['-e', '0'])).wall * 1000),
  );
  console.log(
    `language server: answer to initialize, from spawn (median of ${RUNS}; a bare \`node -e 0\` takes ${nodeStart.toFixed(0)} ms here)`,
  );
  for (const [name, entry] of [
    ['dist/server.mjs (the bundle the extension runs)', path.join(root, 'dist/server.mjs')],
    ['server/bin/sourcelint-language-server.js', path.join(root, 'server/bin/sourcelint-language-server.js')],
  ]) {
    if (!fs.existsSync(entry)) continue;
    const ms = [];
    for (let i = 0; i < RUNS; i++) ms.push(await initializeMs(entry));
    console.log(
      `  ${name.padEnd(48)} ${ms.some(Number.isNaN) ? 'no answer: the server exited' : `${median(ms).toFixed(0)} ms`}`,
    );
  }
}

const draft = fs.readFileSync(path.join(root, 'samples/mali-russia-draft.md'), 'utf8');
const body = draft.split('---\n').slice(2).join('---\n');
const grow = (n, until) => {
  let text = draft;
  for (let i = 0; !until(text); i++) text += `\n\n## Part ${n}.${i}\n\n` + body;
  return text;
};
const tenThousandWords = (n) => grow(n, (t) => t.split(/\s+/).length >= 10_000);
const threeHundredKb = (n) => grow(n, (t) => t.length >= 300 * 1024);

async function editorSession(label, make, openMore) {
  const client = new LspClient();
  // What VS Code declares for diagnostics: each carries its rule's link and its fix data, as the extension gets them.
  await client.request('initialize', {
    processId: process.pid,
    rootUri: null,
    capabilities: {
      textDocument: { publishDiagnostics: { codeDescriptionSupport: true, dataSupport: true, versionSupport: true } },
    },
    workspaceFolders: null,
  });
  client.notify('initialized', {});
  const uriOf = (n) => `file://${os.tmpdir()}/bench-${label.replace(/\W+/g, '-')}-${n}.md`;
  const diagnosed = (uri, version) =>
    client.waitFor(
      (m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri && m.params.version === version,
      120_000,
    );
  const text0 = make(0);
  let t = performance.now();
  let waiting = diagnosed(uriOf(0), 1);
  client.notify('textDocument/didOpen', {
    textDocument: { uri: uriOf(0), languageId: 'markdown', version: 1, text: text0 },
  });
  await waiting;
  const firstMs = performance.now() - t;
  const lines = text0.split('\n');
  const latencies = [];
  // The first 60 edits after opening, then 200 more: typing goes on, and its first keystrokes still warm the JIT.
  for (let v = 2; v < 262; v++) {
    const line = 8 + ((v * 7) % (lines.length - 10));
    waiting = diagnosed(uriOf(0), v);
    t = performance.now();
    client.notify('textDocument/didChange', {
      textDocument: { uri: uriOf(0), version: v },
      contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: 'x' }],
    });
    await waiting;
    latencies.push(performance.now() - t);
  }
  const percentiles = (xs) => {
    const sorted = [...xs].sort((a, b) => a - b);
    const at = (q) => sorted[Math.floor(sorted.length * q)].toFixed(1);
    return `p50 ${at(0.5)} ms  p95 ${at(0.95)} ms`;
  };
  for (let n = 1; n <= openMore; n++) {
    waiting = diagnosed(uriOf(n), 1);
    client.notify('textDocument/didOpen', {
      textDocument: { uri: uriOf(n), languageId: 'markdown', version: 1, text: make(n) },
    });
    await waiting;
  }
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${client.pid}/status`, 'utf8'))[1]);
  await client.close();
  console.log(
    `language server, ${label} (${text0.split(/\s+/).length} words, ${(text0.length / 1024).toFixed(0)} KB):`,
  );
  console.log(`  first diagnostics after open  ${firstMs.toFixed(0)} ms`);
  console.log(
    `  one-character didChange → diagnostics (debounce included): first 60 edits after open ${percentiles(latencies.slice(0, 60))}; the next 200 ${percentiles(latencies.slice(60))}`,
  );
  console.log(`  resident memory with ${openMore + 1} such documents open  ${(rssKb / 1024).toFixed(0)} MB`);
}
await editorSession('10k-word article', tenThousandWords, 19);
await editorSession('300 KB document', threeHundredKb, 0);
spawnSync(process.execPath, [path.join(root, 'scripts/bench-evidence.mjs')], { stdio: 'inherit' });

if (Number(process.env.BENCH_ARCHIVE) > 0) {
  spawnSync(process.execPath, [path.join(root, 'scripts/bench-archive.mjs'), process.env.BENCH_ARCHIVE], {
    stdio: 'inherit',
  });
} else {
  console.log(
    'archive with --cache and --shard: BENCH_ARCHIVE=10000 npm run bench (or node scripts/bench-archive.mjs 10000)',
  );
}
