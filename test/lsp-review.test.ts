/**
 * The reviewer's requests over JSON-RPC, against the real built server: the Claims view (`sourcelint/claims`),
 * "Mark verified / disputed" (`sourcelint/markClaim`, an edit the server asks the client to apply) and "Export review
 * checklist" (`sourcelint/checklist`); and a bibliography the server cannot read.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient, type Diagnostic, type Range, type TextEdit } from './helpers/lsp-client.js';

const DRAFT = [
  '---',
  'bibliography: refs/missing.bib',
  '---',
  '',
  '## Aid',
  '',
  'Aid fell by 40% in 2022 [@oecd2023]. The ministry closed three clinics in the north.',
  '',
  'The army was deployed to Gao in March 2021.[^1] <!-- verified: checked against the decree -->',
  '',
  '[^1]: Official journal, decree 2021-114.',
  '',
].join('\n');

interface ClaimItem {
  text: string;
  status: string;
  rules: string[];
  note?: string;
  section: string;
  range: Range;
  markOffset: number;
}

function setup(): { dir: string; uri: string; other: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcelint-review-'));
  fs.writeFileSync(path.join(dir, 'draft.md'), DRAFT);
  // A document on disk, not open in the editor: the checklist reads it from there.
  fs.writeFileSync(path.join(dir, 'other.md'), 'Exports rose by 12% in 2023.\n');
  return {
    dir,
    uri: pathToFileURL(path.join(dir, 'draft.md')).href,
    other: pathToFileURL(path.join(dir, 'other.md')).href,
  };
}

async function open(client: LspClient, dir: string, uri: string, capabilities: object): Promise<Diagnostic[]> {
  await client.initialize(dir, { capabilities });
  const published = client.diagnosticsFor(uri);
  client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: DRAFT } });
  return published;
}

const offsetOf = (text: string, p: { line: number; character: number }): number =>
  text
    .split('\n')
    .slice(0, p.line)
    .reduce((n, l) => n + l.length + 1, 0) + p.character;

describe('reviewer requests (a client that can apply edits)', () => {
  const env = setup();
  const client = new LspClient();
  const applied: Array<{ edit: { changes: Record<string, TextEdit[]> } }> = [];
  let diagnostics: Diagnostic[] = [];
  client.onRequest = (method, params) => {
    if (method === 'workspace/applyEdit') {
      applied.push(params as (typeof applied)[number]);
      return { applied: true };
    }
    return null;
  };

  before(async () => {
    diagnostics = await open(client, env.dir, env.uri, { workspace: { applyEdit: true } });
  });
  after(async () => {
    await client.close();
    fs.rmSync(env.dir, { recursive: true, force: true });
  });

  test('an unreadable bibliography is one unknown-citekey error on its path in the front matter, not one per key', () => {
    const unknown = diagnostics.filter((d) => d.code === 'unknown-citekey');
    assert.equal(unknown.length, 1, JSON.stringify(unknown));
    assert.match(unknown[0].message, /refs\/missing\.bib cannot be read \(no such file\)/);
    assert.deepEqual(unknown[0].range.start, { line: 1, character: DRAFT.split('\n')[1].indexOf('refs/missing.bib') });
    assert.equal(
      diagnostics.filter((d) => d.code === 'unsourced-statistic').length,
      0,
      'the key still counts as a citation',
    );
  });

  test('sourcelint/claims lists every claim with its status, rules, note, section, range and where a mark goes', async () => {
    const claims = await client.request<ClaimItem[]>('sourcelint/claims', { uri: env.uri });
    assert.deepEqual(
      claims.map((c) => [c.status, c.section]),
      [
        ['cited', 'Aid'],
        ['unsourced', 'Aid'],
        ['verified', 'Aid'],
      ],
    );
    const clinics = claims[1];
    assert.equal(clinics.text, 'The ministry closed three clinics in the north.');
    assert.deepEqual(clinics.rules, ['unsourced-claim']);
    assert.equal(DRAFT.slice(offsetOf(DRAFT, clinics.range.start), offsetOf(DRAFT, clinics.range.end)), clinics.text);
    assert.equal(clinics.markOffset, offsetOf(DRAFT, clinics.range.end), 'the mark goes right after the sentence');
    assert.equal(claims[2].note, 'checked against the decree');
    // After the footnote call, not between the sentence and its citation.
    assert.equal(DRAFT.slice(claims[2].markOffset - 4, claims[2].markOffset), '[^1]');
    assert.deepEqual(
      await client.request('sourcelint/claims', { uri: 'file:///nowhere/closed.md' }),
      [],
      'a document that is not open has no claims',
    );
  });

  test('sourcelint/markClaim asks the client to insert the review mark at the offset, the note on one line', async () => {
    const claims = await client.request<ClaimItem[]>('sourcelint/claims', { uri: env.uri });
    const ok = await client.request<boolean>('sourcelint/markClaim', {
      uri: env.uri,
      offset: claims[1].markOffset,
      status: 'disputed',
      note: 'no such\nclosures -- see the ministry',
    });
    assert.equal(ok, true);
    assert.equal(applied.length, 1);
    const [edit] = applied[0].edit.changes[env.uri];
    assert.deepEqual(edit.range.start, claims[1].range.end);
    assert.deepEqual(edit.range.end, claims[1].range.end);
    assert.equal(edit.newText, ' <!-- disputed: no such closures – see the ministry -->');
    const notOpen = await client.request<boolean>('sourcelint/markClaim', {
      uri: 'file:///nowhere/closed.md',
      offset: 0,
      status: 'verified',
      note: 'x',
    });
    assert.equal(notOpen, false);
    assert.equal(applied.length, 1, 'nothing sent for a document that is not open');
  });

  test('sourcelint/checklist is the Markdown checklist of open and on-disk documents, paths relative to the workspace', async () => {
    const checklist = await client.request<string>('sourcelint/checklist', { uris: [env.uri, env.other] });
    const lines = checklist.split('\n');
    assert.equal(lines[0], '### draft.md — 2/3 claims cited or verified');
    assert.ok(
      lines.some((l) =>
        l.startsWith(
          '- [ ] `draft.md:7` The ministry closed three clinics in the north. — **unsourced** (unsourced-claim) — no source',
        ),
      ),
      checklist,
    );
    assert.ok(
      lines.some(
        (l) =>
          l.startsWith('- [x] `draft.md:9` The army was deployed to Gao in March 2021. — **verified**') &&
          l.endsWith('— note: checked against the decree'),
      ),
      checklist,
    );
    assert.ok(lines.includes('### other.md — 0/1 claims cited or verified'), checklist);
    assert.equal(await client.request<string>('sourcelint/checklist', { uris: [] }), '');
  });
});

describe('reviewer requests (a client that cannot apply edits)', () => {
  const env = setup();
  const client = new LspClient();
  before(async () => {
    await open(client, env.dir, env.uri, {});
  });
  after(async () => {
    await client.close();
    fs.rmSync(env.dir, { recursive: true, force: true });
  });

  test('markClaim answers false and asks nothing of the client', async () => {
    const ok = await client.request<boolean>('sourcelint/markClaim', {
      uri: env.uri,
      offset: 10,
      status: 'verified',
      note: 'fine',
    });
    assert.equal(ok, false);
    assert.ok(!client.serverRequests.some((r) => r.method === 'workspace/applyEdit'));
  });
});
