/**
 * The bundled language server, as the .vsix ships it: dist/ built fresh (scripts/bundle.mjs) into a temporary folder
 * with no node_modules above it, then spoken to over stdio. Whatever it loads at run time must be in the bundle; a
 * configuration file is what makes it load Ajv, which is how the packaged extension once failed.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { LspClient, type Diagnostic } from './helpers/lsp-client.js';
import { makePdf } from './helpers/pdf.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
type Bundle = (options: { outdir: string; external?: string[] }) => Promise<string>;
const { bundle } = (await import(pathToFileURL(path.join(root, 'scripts/bundle.mjs')).href)) as { bundle: Bundle };

const TEXT =
  'Aid fell by 25% in 2022. Prices rose last week. See https://example.org/aid. The report is out [@un2023; @nosuch2020].\n';

/**
 * A temporary extension folder (bundle in dist/) and a workspace: JSON config at the top, YAML config in desk/ on top
 * of it.
 */
async function setup(external: string[] = []): Promise<{ tmp: string; server: string; ws: string }> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcelint-bundle-'));
  for (let dir = tmp; path.dirname(dir) !== dir; dir = path.dirname(dir)) {
    assert.ok(
      !fs.existsSync(path.join(dir, 'node_modules')),
      `${dir}/node_modules would let the bundle load what it lacks`,
    );
  }
  const dist = await bundle({ outdir: path.join(tmp, 'extension', 'dist'), external }).catch((e: Error) => {
    fs.rmSync(tmp, { recursive: true, force: true });
    throw e;
  });
  const ws = path.join(tmp, 'workspace');
  fs.mkdirSync(path.join(ws, 'desk'), { recursive: true });
  fs.writeFileSync(path.join(ws, '.sourcelintrc.json'), JSON.stringify({ rules: { 'relative-time': 'error' } }));
  fs.writeFileSync(path.join(ws, 'desk', '.sourcelintrc.yaml'), 'rules:\n  unsourced-statistic: error\n');
  fs.writeFileSync(
    path.join(ws, 'refs.json'),
    JSON.stringify([{ id: 'un2023', type: 'report', title: 'Aid report', issued: { 'date-parts': [[2023]] } }]),
  );
  for (const file of ['note.md', 'desk/brief.md']) fs.writeFileSync(path.join(ws, file), TEXT);
  // Saved copies for copies/draft.md: pdf.js and Readability must run from the bundle too.
  fs.mkdirSync(path.join(ws, 'copies', 'sources'), { recursive: true });
  fs.writeFileSync(path.join(ws, 'copies', 'draft.md'), TEXT);
  fs.writeFileSync(
    path.join(ws, 'copies', 'sources', 'un2023.pdf'),
    await makePdf([['Aid fell by 25% in 2022.'], ['Annex']]),
  );
  fs.writeFileSync(
    path.join(ws, 'copies', 'sources', '1.html'),
    '<html><body><nav>Menu</nav><article><p>Aid fell by 25% in 2022, the report found, after two years of growth in most regions.</p></article></body></html>',
  );
  process.env.SOURCELINT_CACHE_DIR = path.join(tmp, 'text-cache');
  return { tmp, server: path.join(dist, 'server.mjs'), ws };
}

const severityOf = (ds: Diagnostic[], code: string) => ds.filter((d) => d.code === code).map((d) => d.severity);
const ERROR = 1;
const WARNING = 2;

describe('bundled language server, outside the repository', () => {
  let env: Awaited<ReturnType<typeof setup>>;
  let client: LspClient;
  const open = (file: string) => {
    const uri = pathToFileURL(path.join(env.ws, file)).href;
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: TEXT } });
    return client.diagnosticsFor(uri, (ds) => ds.length > 0);
  };

  before(async () => {
    env = await setup();
    client = new LspClient(env.server, env.tmp);
    // What VS Code answers for the `sourcelint` section: user settings on top of the configuration files.
    const asked = new Promise<void>((resolve) => {
      client.onRequest = (method) => {
        if (method !== 'workspace/configuration') return null;
        resolve();
        return [{ bibliography: ['refs.json'], rules: { 'bare-url': 'error' } }];
      };
    });
    await client.request('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(env.ws).href,
      capabilities: { workspace: { configuration: true } },
      workspaceFolders: null,
    });
    client.notify('initialized', {});
    // Documents opened after the answer are linted with the settings (the server reads messages in order).
    await asked;
  });
  after(async () => {
    try {
      await client?.close();
    } finally {
      if (env) fs.rmSync(env.tmp, { recursive: true, force: true });
    }
  });

  test('the JSON configuration applies to the workspace, the YAML one on top of it in its folder, settings on top of both', async () => {
    const top = await open('note.md');
    assert.deepEqual(severityOf(top, 'relative-time'), [ERROR], JSON.stringify(top));
    assert.deepEqual(severityOf(top, 'unsourced-statistic'), [WARNING]);
    assert.deepEqual(severityOf(top, 'bare-url'), [ERROR]);
    const desk = await open('desk/brief.md');
    assert.deepEqual(
      severityOf(desk, 'relative-time'),
      [ERROR],
      'configuration cascades: the workspace file applies where the folder one is silent',
    );
    assert.deepEqual(severityOf(desk, 'unsourced-statistic'), [ERROR]);
    assert.deepEqual(severityOf(desk, 'bare-url'), [ERROR]);
  });

  test('the bibliography from the settings is read (CSL-JSON)', async () => {
    const ds = await open('note.md');
    const unknown = ds.filter((d) => d.code === 'unknown-citekey');
    assert.equal(unknown.length, 1, JSON.stringify(unknown));
    assert.match(unknown[0].message, /nosuch2020/);
  });

  test('saved copies are read from the bundle: a PDF (pdf.js) and a page (Readability on linkedom)', async () => {
    const ready = client.waitFor(
      (m) =>
        m.method === 'window/logMessage' &&
        /draft\.md: \d+ saved source cop/.test((m.params as { message: string }).message),
      60_000,
    );
    await open('copies/draft.md');
    assert.match(
      (await ready.then((m) => m.params as { message: string })).message,
      /2 saved source copies ready \(2 extracted, 0 from the cache\)$/,
    );
    const cached = fs.readdirSync(path.join(env.tmp, 'text-cache')).sort();
    assert.deepEqual(cached.map((f) => f.replace(/^[0-9a-f]{64}-/, '')).sort(), ['html-v1.json', 'pdf-v1.json']);
    const texts = cached.map(
      (f) => (JSON.parse(fs.readFileSync(path.join(env.tmp, 'text-cache', f), 'utf8')) as { pages: string[] }).pages,
    );
    assert.ok(
      texts.some((p) => p.length === 2 && p[0] === 'Aid fell by 25% in 2022.' && p[1] === 'Annex'),
      JSON.stringify(texts),
    );
    assert.ok(
      texts.some(
        (p) => p.length === 1 && p[0].startsWith('Aid fell by 25% in 2022, the report found') && !p[0].includes('Menu'),
      ),
      JSON.stringify(texts),
    );
  });

  test('the lexicon index compiled for the bundle is what it matches with', async () => {
    const loadedTerms = async (server: LspClient): Promise<number> => {
      const uri = pathToFileURL(path.join(env.ws, 'loaded.md')).href;
      const published = server.diagnosticsFor(uri);
      const text = 'Costs skyrocketed last year.\n';
      server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
      return (await published).filter((d) => d.code === 'loaded-term').length;
    };
    assert.equal(await loadedTerms(client), 1, 'the index as built');
    // An index under the right key with an emptied lexicon: a server that compiled the lexicons would still find it.
    const index = path.join(path.dirname(env.server), 'lexicons.compiled.json');
    const data = JSON.parse(fs.readFileSync(index, 'utf8'));
    data.lexicons['loaded-term'].entries = [];
    fs.writeFileSync(index, JSON.stringify(data));
    const second = new LspClient(env.server, env.tmp);
    try {
      await second.initialize(env.ws);
      assert.equal(await loadedTerms(second), 0, 'the emptied index was used');
    } finally {
      await second.close();
    }
  });

  test('the server logs nothing at error level', () => {
    const errors = client.notifications.filter(
      (m) =>
        (m.method === 'window/logMessage' || m.method === 'window/showMessage') &&
        (m.params as { type: number }).type === ERROR,
    );
    assert.deepEqual(errors, []);
  });
});

describe('a bundle missing a module', () => {
  test('says so at error level and on screen, once, instead of showing nothing', async () => {
    // Ajv left out on purpose: the failure the packaged extension once had.
    const env = await setup(['ajv']);
    const client = new LspClient(env.server, env.tmp);
    try {
      await client.initialize(env.ws);
      const shownPromise = client.waitFor((m) => m.method === 'window/showMessage');
      const secondLogged = client.waitFor(
        (m) =>
          m.method === 'window/logMessage' && /brief\.md: Cannot find/.test((m.params as { message: string }).message),
      );
      for (const file of ['note.md', 'desk/brief.md']) {
        client.notify('textDocument/didOpen', {
          textDocument: {
            uri: pathToFileURL(path.join(env.ws, file)).href,
            languageId: 'markdown',
            version: 1,
            text: TEXT,
          },
        });
      }
      const shown = await shownPromise;
      assert.deepEqual((shown.params as { type: number }).type, ERROR);
      assert.match(
        (shown.params as { message: string }).message,
        /^Sourcelint cannot lint: .*note\.md: Cannot find (module|package) 'ajv'/,
      );
      await secondLogged;
      const logged = client.notifications.filter(
        (m) => m.method === 'window/logMessage' && /Cannot find/.test((m.params as { message: string }).message),
      );
      assert.deepEqual(
        logged.map((m) => (m.params as { type: number }).type),
        [ERROR, ERROR],
      );
      assert.equal(client.notifications.filter((m) => m.method === 'window/showMessage').length, 1);
    } finally {
      await client.close();
      fs.rmSync(env.tmp, { recursive: true, force: true });
    }
  });
});
