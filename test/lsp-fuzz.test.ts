/**
 * 1,000 seeded random incremental edits, heavy on unbalanced quote marks, sent to the real server as a UTF-8 client
 * would send them; after each one the edited document is linted, and its diagnostics must equal those of the same
 * text opened fresh (every state of the first 200, then every tenth).
 * Bounded by the number of edits, never by time. A failure prints the seed, the step and the text.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient, type Diagnostic, type Position } from './helpers/lsp-client.js';
import { random } from './helpers/random.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20260307);
const EDITS = Number(process.env.FUZZ_EDITS ?? 1000);
/** States compared with a fresh lint: each of the first COMPARE_ALL, then every COMPARE_EVERY-th. */
const COMPARE_ALL = 200;
const COMPARE_EVERY = 10;

const START = [
  '# Mali after the coup',
  '',
  'Officials met in Bamako on Monday. The plan is "a disaster for every school in the whole country" in the end.',
  'Aid accounted for around 10% of its GDP, Le Monde’s 🇲🇱 desk said. Critics say the junta “never intended to hold the vote on time”.',
  '',
  'The ambassador was expelled in January 2022.[^1] Exports fell by 7% after the sanctions, according to Reuters.',
  '',
  '[^1]: Reuters, 31 January 2022.',
  '',
].join('\n');

const QUOTES = ['"', '"', '“', '”', '‘', '’', "'", '«', '»', '„'];
const FRAGMENTS = [
  ' said',
  ' 12%',
  '. ',
  '\n\n',
  ' 🇫🇷',
  ' é',
  ' critics say',
  '[^1]',
  ' according to the IMF',
  ' "we will win this election by a landslide',
  ' it was',
  ' infamously',
];

/** UTF-8 position of a UTF-16 offset, computed here independently of the server. */
function utf8Position(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length - 1, character: Buffer.byteLength(text.slice(lineStart, offset), 'utf8') };
}

/** Offsets never split a surrogate pair: a UTF-8 client cannot address half a character. */
function snap(text: string, offset: number): number {
  const c = text.charCodeAt(offset);
  return c >= 0xdc00 && c <= 0xdfff ? offset - 1 : offset;
}

interface Change {
  range: { start: Position; end: Position };
  text: string;
}

/** One random edit of `text`: returns the change in UTF-8 positions and the new text. */
function randomEdit(text: string, rnd: () => number): { change: Change; next: string } {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const at = snap(text, Math.floor(rnd() * (text.length + 1)));
  const r = rnd();
  let start = at;
  let end = at;
  let insert = '';
  if (text.length > 1200 || (r < 0.25 && text.length > 200))
    end = snap(text, Math.min(text.length, at + 1 + Math.floor(rnd() * 6)));
  else if (r < 0.65) insert = pick(QUOTES);
  else if (r < 0.9) insert = pick(FRAGMENTS);
  else {
    end = snap(text, Math.min(text.length, at + 1 + Math.floor(rnd() * 3)));
    insert = pick(QUOTES) + pick(FRAGMENTS);
  }
  if (end < start) [start, end] = [end, start];
  const change = { range: { start: utf8Position(text, start), end: utf8Position(text, end) }, text: insert };
  return { change, next: text.slice(0, start) + insert + text.slice(end) };
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcelint-fuzz-'));
const uri = pathToFileURL(path.join(dir, 'draft.md')).href;
const freshUri = pathToFileURL(path.join(dir, 'fresh.md')).href;
const client = new LspClient();

before(async () => {
  const init = await client.request<{ capabilities: { positionEncoding: string } }>('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(dir).href,
    capabilities: {
      general: { positionEncodings: ['utf-8', 'utf-16'] },
      textDocument: { diagnostic: { dynamicRegistration: false } },
      workspace: { diagnostics: { refreshSupport: true } },
    },
  });
  assert.equal(init.capabilities.positionEncoding, 'utf-8');
  client.notify('initialized', {});
});
after(async () => {
  await client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A document's diagnostics, without the version of the document their data names (the fresh one is version 1). */
const pull = (u: string) =>
  client
    .request<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri: u } })
    .then((r) => r.items.map((d) => ({ ...d, data: { ...(d.data as object), version: undefined } })));

test(`${EDITS} random incremental edits with unbalanced quote marks: the states compared equal a fresh lint (seed ${SEED})`, async () => {
  const rnd = random(SEED);
  let text = START;
  client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  let withQuotes = 0;
  let findings = 0;
  let compared = 0;
  for (let step = 1; step <= EDITS; step++) {
    // Now and then two changes in one notification: each range refers to the text the previous one left.
    const changes: Change[] = [];
    for (let n = rnd() < 0.2 ? 2 : 1; n > 0; n--) {
      const { change, next } = randomEdit(text, rnd);
      changes.push(change);
      text = next;
    }
    client.notify('textDocument/didChange', { textDocument: { uri, version: step + 1 }, contentChanges: changes });
    // Every state is linted through the edit history (what the cache sees); compared with a fresh lint each time
    // at first, then every tenth state: a stale cache entry outlives the edit that made it, so it still shows.
    const edited = await pull(uri);
    if (step > COMPARE_ALL && step % COMPARE_EVERY !== 0) continue;
    client.notify('textDocument/didOpen', {
      textDocument: { uri: freshUri, languageId: 'markdown', version: 1, text },
    });
    const fresh = await pull(freshUri);
    client.notify('textDocument/didClose', { textDocument: { uri: freshUri } });
    assert.deepEqual(edited, fresh, `step ${step} (seed ${SEED}) differs from a fresh lint of:\n${text}`);
    compared++;
    if (edited.some((d) => d.code === 'unsourced-quote')) withQuotes++;
    findings += edited.length;
  }
  // The run must have exercised what it is about: quotations found and lost, and findings to compare.
  assert.equal(
    compared,
    Math.min(EDITS, COMPARE_ALL) +
      Math.max(0, Math.floor(EDITS / COMPARE_EVERY) - Math.floor(COMPARE_ALL / COMPARE_EVERY)),
  );
  assert.ok(withQuotes > 20, `compared states with an unsourced quotation: ${withQuotes}`);
  assert.ok(findings > compared, `findings compared: ${findings}`);
  assert.ok(client.alive);
});
