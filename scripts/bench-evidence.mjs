#!/usr/bin/env node
// Saved source copies on the keystroke path (issue #10). The language server: keystroke → diagnostics on the
// ~10,000-word article next to a sources folder of the 20 copies, against the same article with no sources folder.
// Then the engine alone: its lint after a one-character edit of the ~10,000-word
// bench article whose paragraphs cite 20 saved copies (~60 KB of text each), against the same edits with no copies,
// in the same run. The copies' figure, quotation and passage indexes are built once (first lint), as the language
// server keeps them; what a keystroke adds is the look-ups. Also: the first lint with copies (building the indexes) and
// `claims` with evidence for every cited claim.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { lint, LintCache, reviewClaims } = await import(path.join(root, 'server/out/engine/index.js'));

const COPIES = 20;
const draft = fs.readFileSync(path.join(root, 'samples/mali-russia-draft.md'), 'utf8');
const body = draft.split('---\n').slice(2).join('---\n');
// Every sentence cites one of the 20 sources with a footnote, so every figure and quotation is checked.
let n = 0;
const cite = (text) =>
  text.replace(/(?<=[\p{Ll}\d%)”"])([.!?])(?=\s|$)/gu, (m, stop) => `${stop}[^s${(n++ % COPIES) + 1}]`);
let text = cite(body);
for (let i = 0; text.split(/\s+/).length < 10_000; i++) text += `\n\n## Part ${i}\n\n` + cite(body);
text += '\n\n' + Array.from({ length: COPIES }, (_, i) => `[^s${i + 1}]: Source ${i + 1}.`).join('\n\n') + '\n';
// A copy: the article's prose reordered with its figures changed, paragraph by paragraph, to ~60 KB (a long report).
const paragraphs = body.split(/\n\n+/).filter((p) => !p.startsWith('#'));
const copies = new Map();
for (let c = 1; c <= COPIES; c++) {
  let t = '';
  for (let i = 0; t.length < 60_000; i++)
    t += paragraphs[(i * 7 + c) % paragraphs.length].replace(/\d+/g, (d) => String(Number(d) + ((c + i) % 3))) + '\n\n';
  copies.set(`s${c}`, { file: `/bench/sources/s${c}.txt`, pages: t.match(/[\s\S]{1,3000}(?=\s|$)/g) });
}
const sourceCopies = { byKey: (k) => copies.get(k), byUrl: () => undefined };

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
function session(options) {
  const cache = new LintCache();
  let t = cpuMs();
  lint(text, { filePath: '/bench/article.md', cache, ...options });
  const first = cpuMs() - t;
  const lines = text.split('\n');
  const times = [];
  let findings = 0;
  for (let v = 0; v < 60; v++) {
    const at = 8 + ((v * 7) % (lines.length - 10));
    const edited = [...lines.slice(0, at), 'x' + lines[at], ...lines.slice(at + 1)].join('\n');
    t = cpuMs();
    findings = lint(edited, { filePath: '/bench/article.md', cache, ...options }).findings.length;
    times.push(cpuMs() - t);
  }
  times.sort((a, b) => a - b);
  return { first, p50: times[30], p95: times[57], findings };
}
session({}); // warm-up: JIT and the shipped lexicons, so neither side pays them
// Alternate the two so that machine load hits both alike.
const none = session({});
const saved = session({ sourceCopies });
const none2 = session({});
const saved2 = session({ sourceCopies });
const p95None = Math.min(none.p95, none2.p95);
const p95Saved = Math.min(saved.p95, saved2.p95);
console.log(
  `saved source copies: the ${text.split(/\s+/).length}-word article citing ${COPIES} copies of ~60 KB (engine, CPU time)`,
);
console.log(
  `  first lint (copies' figure indexes built)  ${saved.first.toFixed(0)} ms, without copies ${none.first.toFixed(0)} ms`,
);
console.log(
  `  keystroke lint  p50 ${Math.min(saved.p50, saved2.p50).toFixed(1)} ms / p95 ${p95Saved.toFixed(1)} ms with copies; p95 ${p95None.toFixed(1)} ms without: ${(p95Saved / p95None).toFixed(2)}×`,
);
const result = lint(text, { filePath: '/bench/article.md', sourceCopies });
let t = cpuMs();
const claims = reviewClaims(result);
const firstClaims = cpuMs() - t;
t = cpuMs();
reviewClaims(lint(text, { filePath: '/bench/article.md', sourceCopies }));
console.log(
  `  claims: ${claims.filter((c) => c.evidence).length} of ${claims.length} with evidence; first ${firstClaims.toFixed(0)} ms (passages indexed), then lint + claims ${(cpuMs() - t).toFixed(0)} ms`,
);
const mine = result.findings.filter((f) => f.ruleId.endsWith('-not-in-source'));
console.log(
  `  findings of the evidence rules: ${mine.length} (${mine.filter((f) => f.ruleId === 'figure-not-in-source').length} figures)`,
);

// The language server, as a writer runs it: the article in a folder with `sources/s1.txt` … `sources/s20.txt`.
const { LspClient } = await import(path.join(root, 'test/out/helpers/lsp-client.js'));
async function keystrokes(withCopies) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcelint-bench-evidence-'));
  try {
    if (withCopies) {
      fs.mkdirSync(path.join(dir, 'sources'));
      for (const [key, copy] of copies)
        fs.writeFileSync(path.join(dir, 'sources', `${key}.txt`), copy.pages.join('\f'));
    }
    const file = path.join(dir, 'article.md');
    fs.writeFileSync(file, text);
    const uri = pathToFileURL(file).href;
    const client = new LspClient();
    try {
      await client.initialize(dir);
      const ready = withCopies
        ? client.waitFor(
            (m) => m.method === 'window/logMessage' && / saved source cop(y|ies) ready /.test(m.params.message),
            120_000,
          )
        : undefined;
      const diagnosed = (version) =>
        client.waitFor(
          (m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri && m.params.version === version,
          120_000,
        );
      let waiting = diagnosed(1);
      client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
      await waiting;
      if (ready) await ready;
      // Once the copies are ready the server lints the document again (with the evidence rules). The writer's first
      // keystroke comes after that, when the server has been quiet for a while (with or without copies alike).
      for (let heard = -1; heard !== client.notifications.length;) {
        heard = client.notifications.length;
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      const lines = text.split('\n');
      const latencies = [];
      for (let v = 2; v < 62; v++) {
        const line = 8 + ((v * 7) % (lines.length - 10));
        waiting = diagnosed(v);
        const t = performance.now();
        client.notify('textDocument/didChange', {
          textDocument: { uri, version: v },
          contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: 'x' }],
        });
        await waiting;
        latencies.push(performance.now() - t);
      }
      latencies.sort((a, b) => a - b);
      return { p50: latencies[30], p95: latencies[57] };
    } finally {
      await client.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
try {
  const without = await keystrokes(false);
  const withSaved = await keystrokes(true);
  console.log(
    `  language server, keystroke → diagnostics (debounce included): p50 ${withSaved.p50.toFixed(1)} ms / p95 ${withSaved.p95.toFixed(1)} ms with the sources folder; p95 ${without.p95.toFixed(1)} ms without: ${(withSaved.p95 / without.p95).toFixed(2)}×`,
  );
} catch (e) {
  console.log(`  language server with a sources folder: not measured (${e.message})`);
}
