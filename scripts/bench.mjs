#!/usr/bin/env node
// npm run bench: times `sourcelint --format json` over a few MB of real Markdown against a bare
// unified().use(remarkParse) pass over the same files, in the same run, and prints the ratios.
// Two corpora, nothing downloaded: the Markdown documentation inside node_modules (varied real Markdown), and
// news-analysis prose (the sample articles, copied into many drafts) - the text Sourcelint is for, where the bare
// parse is fastest and our analysis weighs most. Machines are noisy: medians of several runs, ratios only.
// Then the language server: keystroke latency, first diagnostics and memory.
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { unified } from 'unified';
import remarkParse from 'remark-parse';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TARGET_BYTES = Number(process.env.BENCH_BYTES ?? 4 * 1024 * 1024);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

function collect(dir, out, budget) {
  let entries;
  try { entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name)); } catch { return; }
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
const time = (fn) => { const t = performance.now(); fn(); return (performance.now() - t) / 1000; };
const { lint } = await import('sourcelint');

/** Times a bare parse, the engine on one thread and the CLI on all cores over `files`, interleaved, medians. */
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
  const cli = () => {
    const r = spawnSync(process.execPath, [path.join(root, 'server/bin/sourcelint.js'), '--format', 'json', dir], { maxBuffer: 1 << 30 });
    if (r.status !== 0 && r.status !== 1) throw new Error(`sourcelint exited ${r.status}: ${r.stderr}`);
  };
  bareParse(); engineOnly(); cli(); // warm-up: disk cache, JIT
  const rows = { bare: [], engine: [], cli: [] };
  for (let i = 0; i < RUNS; i++) {
    rows.bare.push(time(bareParse));
    rows.engine.push(time(engineOnly));
    rows.cli.push(time(cli));
  }
  const bare = median(rows.bare);
  console.log(`${label}: ${files.length} files, ${mb.toFixed(2)} MB`);
  const line = (name, s) => console.log(`  ${name.padEnd(44)} ${s.toFixed(3)} s  ${(mb / s).toFixed(2).padStart(6)} MB/s  ${(s / bare).toFixed(2)}× bare parse`);
  line('bare unified().use(remarkParse) (baseline)', bare);
  line('engine, one thread, in process', median(rows.engine));
  line(`sourcelint --format json (CLI, ${os.availableParallelism()} cores)`, median(rows.cli));
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

const work = fs.mkdtempSync(path.join(os.tmpdir(), `sourcelint-bench-`));
try {
  // 1. Varied real Markdown: the documentation that ships inside node_modules (code, tables, links, lists).
  const docs = [];
  collect(path.join(root, 'node_modules'), docs, { left: TARGET_BYTES });
  measure('Markdown documentation from node_modules', path.join(work, 'docs'), copyUntil(docs, path.join(work, 'docs'), TARGET_BYTES));
  // 2. News-analysis prose, what Sourcelint is for: the sample articles, each copy a separate draft.
  const samples = [];
  collect(path.join(root, 'samples'), samples, { left: Infinity });
  const drafts = samples.filter((f) => !f.endsWith('README.md'));
  measure('news-analysis prose (the sample articles, copied)', path.join(work, 'prose'), copyUntil(drafts, path.join(work, 'prose'), TARGET_BYTES / 2));
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}

// The language server: keystroke latency on a ~10,000-word article, first diagnostics, memory with 20 open.
const { LspClient } = await import('../test/out/helpers/lsp-client.js');
const draft = fs.readFileSync(path.join(root, 'samples/mali-russia-draft.md'), 'utf8');
const body = draft.split('---\n').slice(2).join('---\n');
const article = (n) => {
  let text = draft;
  for (let i = 0; text.split(/\s+/).length < 10_000; i++) text += `\n\n## Part ${n}.${i}\n\n` + body;
  return text;
};
const client = new LspClient();
await client.request('initialize', { processId: process.pid, rootUri: null, capabilities: {}, workspaceFolders: null });
client.notify('initialized', {});
const uriOf = (n) => `file://${os.tmpdir()}/bench-article-${n}.md`;
const diagnosed = (uri, version) =>
  client.waitFor((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri && m.params.version === version, 30_000);
const text0 = article(0);
let t = performance.now();
let waiting = diagnosed(uriOf(0), 1);
client.notify('textDocument/didOpen', { textDocument: { uri: uriOf(0), languageId: 'markdown', version: 1, text: text0 } });
await waiting;
const firstMs = performance.now() - t;
const lines = text0.split('\n');
const latencies = [];
for (let v = 2; v < 62; v++) {
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
latencies.sort((a, b) => a - b);
for (let n = 1; n < 20; n++) {
  waiting = diagnosed(uriOf(n), 1);
  client.notify('textDocument/didOpen', { textDocument: { uri: uriOf(n), languageId: 'markdown', version: 1, text: article(n) } });
  await waiting;
}
const rssKb = Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${client.pid}/status`, 'utf8'))[1]);
await client.close();
console.log(`language server, ${text0.split(/\s+/).length}-word article:`);
console.log(`  first diagnostics after open  ${firstMs.toFixed(0)} ms`);
console.log(`  one-character didChange → diagnostics  p50 ${latencies[Math.floor(latencies.length / 2)].toFixed(1)} ms  p95 ${latencies[Math.floor(latencies.length * 0.95)].toFixed(1)} ms (debounce included)`);
console.log(`  resident memory with 20 such articles open  ${(rssKb / 1024).toFixed(0)} MB`);
