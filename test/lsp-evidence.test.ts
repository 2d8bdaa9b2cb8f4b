/**
 * The language server prepares saved source copies in the background (issue #10): diagnostics come first and keep
 * coming while a long PDF is read, the document is linted again once its copies are ready, a new copy in the sources
 * folder is noticed, and a restarted server finds the extracted texts in the disk cache. Order of messages and work
 * counted in the server's log, never time.
 */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient } from './helpers/lsp-client.js';
import { makePdf } from './helpers/pdf.js';

const TEXT =
  'Exports fell 31% in 2022, the ministry said.[^1] Imports rose 4% in 2021.\n\n[^1]: Ministry of Trade, annual report.\n';

type Note = { method?: string; params?: unknown };
const logText = (m: Note): string =>
  m.method === 'window/logMessage' ? (m.params as { message: string }).message : '';
const isReady = (m: Note): boolean => / saved source cop(y|ies) ready /.test(logText(m));
const diagnosticsVersion = (m: Note): number | undefined =>
  m.method === 'textDocument/publishDiagnostics' ? (m.params as { version?: number }).version : undefined;

describe('language server: saved source copies', () => {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'sourcelint-lsp-evidence-')));
  const cache = path.join(dir, '.text-cache');
  const ws = path.join(dir, 'ws');
  const file = path.join(ws, 'draft.md');
  const uri = pathToFileURL(file).href;
  // The server inherits the environment: its disk cache goes here, not into the user's cache folder.
  process.env.SOURCELINT_CACHE_DIR = cache;
  const clients: LspClient[] = [];
  after(async () => {
    for (const c of clients) await c.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function start(): Promise<LspClient> {
    const client = new LspClient();
    clients.push(client);
    await client.initialize(ws);
    return client;
  }

  test('diagnostics do not wait for the copies; a keystroke during extraction is answered; the copies bring a new lint', async () => {
    fs.mkdirSync(path.join(ws, 'sources'), { recursive: true });
    fs.writeFileSync(file, TEXT);
    // A long report: 150 pages, each read between two turns of the event loop.
    const pages = Array.from({ length: 150 }, (_, i) => [
      `Page ${i + 1}`,
      `Exports fell 31% in 2022 in region ${i}.`,
      'Imports rose 4% in 2021.',
    ]);
    fs.writeFileSync(path.join(ws, 'sources', '1.pdf'), await makePdf(pages));
    fs.writeFileSync(path.join(ws, 'sources', 'broken.pdf'), 'not a PDF');
    const client = await start();
    const ready = client.waitFor(isReady, 60_000);
    // Registered as the ready message is read, so the lint that follows it cannot be missed.
    const republished = ready.then(() => client.waitFor((m) => diagnosticsVersion(m) !== undefined));
    const first = client.diagnosticsFor(uri);
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: TEXT } });
    const v1 = await first;
    assert.ok(
      v1.some((d) => d.code === 'unsourced-statistic'),
      JSON.stringify(v1),
    );
    const second = client.waitFor((m) => diagnosticsVersion(m) === 2);
    client.notify('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ text: TEXT + '\nPrices rose 9% in 2020.\n' }],
    });
    await second;
    const log = logText(await ready);
    assert.match(log, /draft\.md: 1 saved source copy ready \(1 extracted, 0 from the cache\)$/);
    const notes = client.notifications;
    const readyAt = notes.findIndex(isReady);
    assert.ok(
      notes.findIndex((m) => diagnosticsVersion(m) === 2) < readyAt,
      'the keystroke was answered while the PDF was being read',
    );
    // Once ready, the document is linted again and published again (same version).
    assert.equal(diagnosticsVersion(await republished), 2);
    assert.ok(
      notes.some((m) => /broken\.pdf:1: saved copy not used: not a readable PDF/.test(logText(m))),
      'a bad copy is logged, naming the file',
    );
    assert.ok(fs.readdirSync(cache).some((f) => f.endsWith('-pdf-v1.json')));

    // A copy added to the sources folder is noticed (the server watches the folder) and read; the others are not re-
    // read.
    const again = client.waitFor(isReady, 60_000);
    fs.writeFileSync(path.join(ws, 'sources', 'ministry2022.txt'), 'Exports fell 31% in 2022.');
    assert.match(logText(await again), /2 saved source copies ready \(1 extracted, 0 from the cache\)$/);
  });

  test('a restarted server finds the extracted texts in the disk cache', async () => {
    const client = await start();
    const ready = client.waitFor(isReady, 60_000);
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: TEXT } });
    assert.match(logText(await ready), /2 saved source copies ready \(0 extracted, 2 from the cache\)$/);
  });
});
