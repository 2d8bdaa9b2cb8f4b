/**
 * The language server's side of "who is cited": diagnostics, hover on links and keys, the tracking fix, the Sources
 * request.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient, applyEdits, type Diagnostic, type TextEdit } from './helpers/lsp-client.js';

const DRAFT = [
  '---',
  'bibliography: refs.bib',
  '---',
  '',
  'Instructors arrived in 2021 ([RT](https://www.rt.com/africa/1/)).',
  'A channel showed it ([post](https://t.me/chan/4)).',
  'Reuters confirmed the deal ([Reuters](https://www.reuters.com/world/a?utm_source=x&id=2)).',
  'The minister met Lavrov [@tass2021].',
  '',
].join('\n');

const BIB = '@online{tass2021,\n  title = {Lavrov meets Diop},\n  journal = {TASS},\n  year = {2021},\n}\n';

interface Hover {
  contents: { value: string };
}

describe('language server: sources', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcelint-lsp-sources-'));
  fs.writeFileSync(path.join(dir, 'refs.bib'), BIB);
  const file = path.join(dir, 'draft.md');
  fs.writeFileSync(file, DRAFT);
  const uri = pathToFileURL(file).href;
  const client = new LspClient();
  const lines = DRAFT.split('\n');
  const at = (needle: string, delta = 1) => {
    const line = lines.findIndex((l) => l.includes(needle));
    return { line, character: lines[line].indexOf(needle) + delta };
  };
  let diagnostics: Diagnostic[] = [];

  before(async () => {
    await client.initialize(dir);
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: DRAFT } });
    diagnostics = await client.diagnosticsFor(uri);
  });
  after(async () => {
    await client.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('diagnostics: deprecated is a warning, a social post and no consensus are information, reliable is silent', () => {
    const ours = diagnostics.filter((d) => d.code === 'unreliable-source' || d.code === 'non-source-link');
    assert.deepEqual(
      ours.map((d) => [d.code, d.severity, d.range.start.line]),
      [
        ['unreliable-source', 2, 4],
        ['non-source-link', 3, 5],
        ['non-source-link', 2, 6],
        ['unreliable-source', 3, 7],
      ],
    );
    assert.match(ours[0].message, /2021-03-17/);
  });

  test('hover on a link or a citation key shows the source and its status', async () => {
    const rt = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: at('[RT]') });
    assert.match(rt.contents.value, /\*\*Source: RT\*\* \(rt\.com\) — deprecated\./);
    const reuters = await client.request<Hover>('textDocument/hover', {
      textDocument: { uri },
      position: at('[Reuters]'),
    });
    assert.match(reuters.contents.value, /\*\*Source: Reuters\*\* \(reuters\.com\) — generally reliable/);
    const key = await client.request<Hover>('textDocument/hover', {
      textDocument: { uri },
      position: at('@tass2021', 3),
    });
    assert.match(key.contents.value, /Lavrov meets Diop[\s\S]*\*\*Source: TASS\*\* — no consensus on reliability/);
  });

  test('the tracking fix is a quick fix and part of fix-all', async () => {
    const tracking = diagnostics.find((d) => d.code === 'non-source-link' && /tracking/.test(d.message))!;
    const actions = await client.request<Array<{ title: string; edit?: { changes?: Record<string, TextEdit[]> } }>>(
      'textDocument/codeAction',
      {
        textDocument: { uri },
        range: tracking.range,
        context: { diagnostics: [tracking] },
      },
    );
    const fix = actions.find((a) => a.title === 'Fix: Remove tracking parameters')!;
    assert.ok(fix, actions.map((a) => a.title).join(' | '));
    assert.match(applyEdits(DRAFT, fix.edit!.changes![uri]), /\(https:\/\/www\.reuters\.com\/world\/a\?id=2\)\)\.$/m);
    const all = await client.request<Array<{ edit: { changes: Record<string, TextEdit[]> } }>>(
      'textDocument/codeAction',
      {
        textDocument: { uri },
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        context: { diagnostics: [], only: ['source.fixAll.sourcelint'] },
      },
    );
    assert.doesNotMatch(applyEdits(DRAFT, all[0].edit.changes[uri]), /utm_source/);
  });

  test('sourcelint/sources lists the sources with ratings, use and a summary', async () => {
    const answer = await client.request<{
      summary: string;
      sources: Array<{ name: string; status: string; claims: number; range: { start: { line: number } } }>;
    }>('sourcelint/sources', { uri });
    assert.deepEqual(
      answer.sources.map((s) => [s.name, s.status, s.range.start.line]),
      [
        ['RT', 'deprecated', 4],
        ['Telegram', 'not-a-source', 5],
        ['Reuters', 'reliable', 6],
        ['TASS', 'no-consensus', 7],
      ],
    );
    assert.match(
      answer.summary,
      /^4 sources, 1 deprecated, 1 with no consensus, 1 link that is not a source, \d+ claims? rests? on a single source$/,
    );
    const unknown = await client.request<{ sources: unknown[] }>('sourcelint/sources', { uri: 'file:///nowhere.md' });
    assert.deepEqual(unknown.sources, []);
  });
});
