/**
 * The real built language server, spoken to as editors other than VS Code speak to it: the capabilities Neovim 0.10,
 * Helix and Emacs eglot declare (no pull-diagnostic refresh, no dynamic registration, UTF-8 / UTF-32 position
 * encodings, line-wide code-action requests), and a client that refuses what it did not declare the way Neovim does
 * (MethodNotFound). Also: a VS Code-like client, to check that what is registered dynamically is registered right.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  LspClient,
  RpcError,
  type Diagnostic,
  type Position,
  type Range,
  type TextEdit,
} from './helpers/lsp-client.js';

type Encoding = 'utf-8' | 'utf-16' | 'utf-32';

interface CodeAction {
  title: string;
  diagnostics?: Diagnostic[];
  edit?: { changes?: Record<string, TextEdit[]>; documentChanges?: unknown[] };
  command?: { command: string };
}

interface Profile {
  name: string;
  capabilities: object;
  encoding: Encoding;
  /** Server → client requests the editor answers; anything else gets MethodNotFound, as Neovim does. */
  answers: Record<string, (params: unknown) => unknown>;
  /**
   * The code-action request the editor sends with the cursor on `offset`: its range and which diagnostics it includes.
   */
  codeActionRange: (text: string, offset: number, encoding: Encoding) => Range;
  /** Whether the editor passes diagnostics back with their `data` (eglot does not). */
  keepsData: boolean;
}

const NO_DYNAMIC = { dynamicRegistration: false };
const CODE_ACTION_LITERALS = {
  codeActionKind: { valueSet: ['', 'quickfix', 'refactor', 'source', 'source.organizeImports'] },
};
const SETTINGS = { sourcelint: {} };
const configurationAnswer = (params: unknown) => (params as { items: unknown[] }).items.map(() => SETTINGS.sourcelint);

/** The cursor alone (zero width), as Neovim 0.10's vim.lsp.buf.code_action() sends it. */
const cursorRange = (text: string, offset: number, encoding: Encoding): Range => {
  const p = positionIn(text, offset, encoding);
  return { start: p, end: p };
};
/** The cursor's whole line, as line-wise selections (Helix `x`, a region over a line in Emacs) send it. */
const lineRange = (text: string, offset: number, encoding: Encoding): Range => {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const nl = text.indexOf('\n', offset);
  return { start: positionIn(text, start, encoding), end: positionIn(text, nl < 0 ? text.length : nl, encoding) };
};

const PROFILES: Profile[] = [
  {
    name: 'Neovim 0.10',
    encoding: 'utf-16',
    capabilities: {
      general: { positionEncodings: ['utf-16'] },
      textDocument: {
        synchronization: { ...NO_DYNAMIC, willSave: true, willSaveWaitUntil: true, didSave: true },
        codeAction: {
          ...NO_DYNAMIC,
          codeActionLiteralSupport: CODE_ACTION_LITERALS,
          isPreferredSupport: true,
          dataSupport: true,
          resolveSupport: { properties: ['edit'] },
        },
        completion: {
          ...NO_DYNAMIC,
          completionItem: { snippetSupport: false, documentationFormat: ['markdown', 'plaintext'] },
          contextSupport: false,
        },
        hover: { ...NO_DYNAMIC, contentFormat: ['markdown', 'plaintext'] },
        definition: { ...NO_DYNAMIC, linkSupport: true },
        publishDiagnostics: { relatedInformation: true, tagSupport: { valueSet: [1, 2] }, dataSupport: true },
        // Pull diagnostics, but no workspace.diagnostics.refreshSupport: the combination that used to kill the server.
        diagnostic: NO_DYNAMIC,
      },
      workspace: {
        applyEdit: true,
        configuration: true,
        workspaceFolders: true,
        didChangeConfiguration: NO_DYNAMIC,
        // Off on Linux in 0.10 (inotify limits); relative patterns would be understood.
        didChangeWatchedFiles: { dynamicRegistration: false, relativePatternSupport: true },
        workspaceEdit: { resourceOperations: ['rename', 'create', 'delete'] },
        semanticTokens: { refreshSupport: true },
        inlayHint: { refreshSupport: true },
      },
      window: { workDoneProgress: true, showDocument: { support: true } },
    },
    answers: {
      'workspace/configuration': configurationAnswer,
      'workspace/applyEdit': () => ({ applied: true }),
      'window/workDoneProgress/create': () => null,
    },
    codeActionRange: cursorRange,
    keepsData: true,
  },
  {
    name: 'Helix',
    encoding: 'utf-8',
    capabilities: {
      general: { positionEncodings: ['utf-8', 'utf-32', 'utf-16'] },
      textDocument: {
        completion: {
          completionItem: {
            snippetSupport: true,
            insertReplaceSupport: true,
            deprecatedSupport: true,
            tagSupport: { valueSet: [1] },
          },
        },
        hover: { contentFormat: ['markdown'] },
        codeAction: {
          codeActionLiteralSupport: CODE_ACTION_LITERALS,
          isPreferredSupport: true,
          disabledSupport: true,
          dataSupport: true,
          resolveSupport: { properties: ['edit', 'command'] },
        },
        publishDiagnostics: { versionSupport: true, tagSupport: { valueSet: [1, 2] } },
      },
      workspace: {
        configuration: true,
        workspaceFolders: true,
        applyEdit: true,
        didChangeConfiguration: NO_DYNAMIC,
        didChangeWatchedFiles: NO_DYNAMIC,
        executeCommand: NO_DYNAMIC,
        inlayHint: { refreshSupport: false },
        workspaceEdit: {
          documentChanges: true,
          resourceOperations: ['create', 'rename', 'delete'],
          failureHandling: 'abort',
          normalizesLineEndings: false,
        },
      },
      window: { workDoneProgress: true },
    },
    answers: {
      'workspace/configuration': configurationAnswer,
      'workspace/applyEdit': () => ({ applied: true }),
      'window/workDoneProgress/create': () => null,
    },
    codeActionRange: lineRange,
    keepsData: true,
  },
  {
    name: 'Emacs eglot',
    encoding: 'utf-32',
    capabilities: {
      general: { positionEncodings: ['utf-32', 'utf-8', 'utf-16'] },
      workspace: {
        applyEdit: true,
        executeCommand: NO_DYNAMIC,
        workspaceEdit: { documentChanges: true },
        didChangeWatchedFiles: NO_DYNAMIC,
        symbol: NO_DYNAMIC,
        configuration: true,
        workspaceFolders: true,
      },
      textDocument: {
        synchronization: { ...NO_DYNAMIC, willSave: true, willSaveWaitUntil: true, didSave: true },
        completion: {
          ...NO_DYNAMIC,
          completionItem: { snippetSupport: false, deprecatedSupport: true, tagSupport: { valueSet: [1] } },
          contextSupport: true,
        },
        hover: { ...NO_DYNAMIC, contentFormat: ['markdown', 'plaintext'] },
        definition: { ...NO_DYNAMIC, linkSupport: true },
        codeAction: { ...NO_DYNAMIC, codeActionLiteralSupport: CODE_ACTION_LITERALS, isPreferredSupport: true },
        publishDiagnostics: {
          relatedInformation: false,
          codeDescriptionSupport: false,
          tagSupport: { valueSet: [1, 2] },
        },
      },
      window: { showDocument: { support: true }, workDoneProgress: true },
    },
    answers: {
      'workspace/configuration': configurationAnswer,
      'workspace/applyEdit': () => ({ applied: true }),
      'window/workDoneProgress/create': () => null,
    },
    codeActionRange: lineRange,
    keepsData: false,
  },
];

// ---------------------------------------------------------------------------------------------------------------
// Positions in the client's units, computed here independently of the server's own conversion.

function unitsOf(s: string, encoding: Encoding): number {
  return encoding === 'utf-8' ? Buffer.byteLength(s, 'utf8') : encoding === 'utf-32' ? [...s].length : s.length;
}

export function positionIn(text: string, offset: number, encoding: Encoding): Position {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line, character: unitsOf(text.slice(lineStart, offset), encoding) };
}

export function offsetIn(text: string, p: Position, encoding: Encoding): number {
  let start = 0;
  for (let l = 0; l < p.line; l++) start = text.indexOf('\n', start) + 1;
  let units = 0;
  let i = start;
  for (const ch of text.slice(start)) {
    if (ch === '\n' || units >= p.character) break;
    units += unitsOf(ch, encoding);
    i += ch.length;
  }
  return i;
}

const textOf = (text: string, range: Range, encoding: Encoding): string =>
  text.slice(offsetIn(text, range.start, encoding), offsetIn(text, range.end, encoding));

/** Applies edits whose ranges are in the client's units. */
function applyIn(text: string, edits: readonly TextEdit[], encoding: Encoding): string {
  const sorted = edits
    .map((e) => ({
      start: offsetIn(text, e.range.start, encoding),
      end: offsetIn(text, e.range.end, encoding),
      text: e.newText,
    }))
    .sort((a, b) => b.start - a.start);
  for (const e of sorted) text = text.slice(0, e.start) + e.text + text.slice(e.end);
  return text;
}

// ---------------------------------------------------------------------------------------------------------------

/**
 * Non-ASCII before the findings on their line: a curly apostrophe (3 UTF-8 bytes) and a flag (2 code points, 4 UTF-16
 * units, 8 bytes).
 */
const DRAFT = [
  '---',
  'bibliography: refs.bib',
  '---',
  '',
  'Le Monde’s 🇲🇱 desk: aid accounted for around 10% of its GDP. Russia’s involvement in Mali skyrocketed after the coup. Exports fell by 7% in 2023.',
  '',
  'The ambassador was expelled from Bamako in January 2022.[^1]',
  '',
  '[^1]: Reuters, "Mali expels French ambassador", 31 January 2022.',
  '',
].join('\n');

const BIB =
  '@online{worldbank2022aid, author = {{World Bank}}, title = {Net official development assistance received}, year = {2022}, keywords = {aid, GDP, Mali}}\n';

function workspaceDir(): { dir: string; file: string; uri: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcelint-clients-'));
  fs.writeFileSync(path.join(dir, 'refs.bib'), BIB);
  const file = path.join(dir, 'draft.md');
  fs.writeFileSync(file, DRAFT);
  return { dir, file, uri: pathToFileURL(file).href };
}

const byCode = (ds: Diagnostic[], code: string) => ds.filter((d) => d.code === code);
const SERVER_VERSION = (
  JSON.parse(
    fs.readFileSync(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../server/package.json'), 'utf8'),
  ) as { version: string }
).version;

for (const profile of PROFILES) {
  describe(`as ${profile.name}`, () => {
    const env = workspaceDir();
    const client = new LspClient();
    const enc = profile.encoding;
    let text = DRAFT;
    let version = 1;
    let init: {
      capabilities: { positionEncoding?: string; diagnosticProvider?: unknown };
      serverInfo?: { name: string; version?: string };
    };

    client.onRequest = (method, params) => {
      const answer = profile.answers[method];
      if (!answer) throw new RpcError(-32601, `MethodNotFound: ${method}`);
      return answer(params);
    };
    /** The next diagnostics of the document at its current version (earlier versions may still be on their way). */
    const published = (predicate: (ds: Diagnostic[]) => boolean = () => true) =>
      client
        .waitFor((m) => {
          const p = m.params as { uri: string; version?: number; diagnostics: Diagnostic[] };
          return (
            m.method === 'textDocument/publishDiagnostics' &&
            p.uri === env.uri &&
            p.version === version &&
            predicate(p.diagnostics)
          );
        })
        .then((m) => (m.params as { diagnostics: Diagnostic[] }).diagnostics);
    /** Diagnostics of a document opened fresh with the same text: what the edited document must show. */
    const freshDiagnostics = async (content: string): Promise<Diagnostic[]> => {
      const uri = pathToFileURL(path.join(env.dir, 'fresh.md')).href;
      const got = client.waitFor(
        (m) =>
          m.method === 'textDocument/publishDiagnostics' &&
          (m.params as { uri: string }).uri === uri &&
          (m.params as { version?: number }).version === 1,
      );
      client.notify('textDocument/didOpen', {
        textDocument: { uri, languageId: 'markdown', version: 1, text: content },
      });
      const diagnostics = ((await got).params as { diagnostics: Diagnostic[] }).diagnostics;
      client.notify('textDocument/didClose', { textDocument: { uri } });
      return diagnostics;
    };
    /** What the editor shows: the diagnostics last published for the document. */
    let shown: Diagnostic[] = [];
    const strip = (ds: Diagnostic[]) =>
      ds.map(({ range, code, message, severity }) => ({ range, code, message, severity }));
    const actionsAt = (offset: number, diagnostics: Diagnostic[]) => {
      const range = profile.codeActionRange(text, offset, enc);
      const line = range.start.line;
      // What the editor passes as context: every diagnostic on the cursor's line, with or without its data.
      const context = diagnostics
        .filter((d) => d.range.start.line <= line && line <= d.range.end.line)
        .map((d) => (profile.keepsData ? d : { ...d, data: undefined }));
      return client.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri: env.uri },
        range,
        context: { diagnostics: context, triggerKind: 1 },
      });
    };

    before(async () => {
      init = await client.request('initialize', {
        processId: process.pid,
        clientInfo: { name: profile.name },
        rootUri: pathToFileURL(env.dir).href,
        workspaceFolders: [{ uri: pathToFileURL(env.dir).href, name: 'drafts' }],
        capabilities: profile.capabilities,
      });
      client.notify('initialized', {});
    });
    after(async () => {
      await client.close();
      fs.rmSync(env.dir, { recursive: true, force: true });
    });

    test(`initialize: agrees on ${enc}, names its version, pushes diagnostics (no refresh to pull with)`, () => {
      assert.equal(init.capabilities.positionEncoding, enc);
      assert.deepEqual(init.serverInfo, { name: 'sourcelint-language-server', version: SERVER_VERSION });
      assert.equal(init.capabilities.diagnosticProvider, undefined);
    });

    test(`diagnostic ranges count ${enc} units past non-ASCII text`, async () => {
      const diagnostics = published();
      client.notify('textDocument/didOpen', { textDocument: { uri: env.uri, languageId: 'markdown', version, text } });
      const ds = await diagnostics;
      assert.deepEqual(
        byCode(ds, 'unsourced-statistic').map((d) => textOf(text, d.range, enc)),
        ['around 10%', '7%'],
      );
      assert.deepEqual(
        byCode(ds, 'loaded-term').map((d) => textOf(text, d.range, enc)),
        ['skyrocketed'],
      );
      // A rule link and fix data only for a client that declared it reads them.
      const declared = (profile.capabilities as { textDocument?: { publishDiagnostics?: Record<string, unknown> } })
        .textDocument?.publishDiagnostics;
      assert.deepEqual(
        [...new Set(ds.map((d) => [d.codeDescription !== undefined, d.data !== undefined].join()))],
        [[declared?.codeDescriptionSupport === true, declared?.dataSupport === true].join()],
      );
    });

    test(`an incremental edit with ${enc} positions lands where the client meant`, async () => {
      const at = text.indexOf('desk:') + 'desk'.length;
      const edit = { range: { start: positionIn(text, at, enc), end: positionIn(text, at, enc) }, text: ' 🇫🇷 team' };
      text = text.slice(0, at) + edit.text + text.slice(at);
      version++;
      const diagnostics = published();
      client.notify('textDocument/didChange', { textDocument: { uri: env.uri, version }, contentChanges: [edit] });
      const ds = await diagnostics;
      assert.deepEqual(
        byCode(ds, 'unsourced-statistic').map((d) => textOf(text, d.range, enc)),
        ['around 10%', '7%'],
      );
      assert.deepEqual(strip(ds), strip(await freshDiagnostics(text)), 'the edited document lints as if opened fresh');
      shown = ds;
    });

    test('code actions: only for the finding under the cursor, one "Add footnote", no editor-only commands', async () => {
      const offset = text.indexOf('around 10%') + 3;
      const actions = await actionsAt(offset, shown);
      const titles = actions.map((a) => a.title);
      assert.ok(!actions.some((a) => a.command), `no commands for a client that declared none: ${titles.join(' | ')}`);
      const footnotes = titles.filter((t) => t.startsWith('Add footnote'));
      if (profile.codeActionRange === cursorRange) {
        assert.deepEqual(footnotes, ['Add footnote [^2]'], titles.join(' | '));
        assert.ok(
          !titles.some((t) => t.includes('loaded-term')),
          `a finding elsewhere on the line is not offered: ${titles.join(' | ')}`,
        );
        const add = actions.find((a) => a.title === 'Add footnote [^2]')!;
        assert.match(
          applyIn(text, add.edit!.changes![env.uri], enc),
          /of its GDP\.\[\^2\] Russia/,
          'applies to the sentence under the cursor',
        );
      } else {
        // The whole line: each of its three flagged sentences once, labelled so they can be told apart.
        assert.equal(footnotes.length, 3, titles.join(' | '));
        assert.equal(new Set(footnotes).size, 3, 'distinct titles');
        const first = actions.find((a) => a.title.startsWith('Add footnote') && a.title.includes('Le Monde'))!;
        assert.match(applyIn(text, first.edit!.changes![env.uri], enc), /of its GDP\.\[\^2\] Russia/);
      }
      const verified = actions.find((a) => a.title.startsWith('Mark claim verified'));
      assert.ok(verified?.edit, 'the review mark is a plain edit with a note to replace');
      const marked = applyIn(text, verified.edit.changes![env.uri], enc);
      assert.match(marked, /of its GDP\. <!-- verified: what was checked, by whom, when --> Russia/);
      assert.equal(titles.length, new Set(titles).size, `no duplicate titles: ${titles.join(' | ')}`);
    });

    test(`completion replaces the typed key (${enc} range) and filters on the key alone`, async () => {
      const at = text.indexOf('of its GDP.') + 'of its GDP'.length;
      const insert = ' [@wor]';
      const edit = { range: { start: positionIn(text, at, enc), end: positionIn(text, at, enc) }, text: insert };
      text = text.slice(0, at) + insert + text.slice(at);
      version++;
      const diagnostics = published();
      client.notify('textDocument/didChange', { textDocument: { uri: env.uri, version }, contentChanges: [edit] });
      await diagnostics;
      const cursor = at + insert.length - 1;
      const items = await client.request<Array<{ label: string; filterText: string; textEdit: TextEdit }>>(
        'textDocument/completion',
        { textDocument: { uri: env.uri }, position: positionIn(text, cursor, enc) },
      );
      assert.deepEqual(
        items.map((i) => [i.label, i.filterText]),
        [['worldbank2022aid', 'worldbank2022aid']],
      );
      assert.equal(textOf(text, items[0].textEdit.range, enc), 'wor');
      assert.match(applyIn(text, [items[0].textEdit], enc), /of its GDP \[@worldbank2022aid\]\. Russia/);
    });

    test('a settings change is applied without any request the client did not declare', async () => {
      const diagnostics = published((ds) => ds.length > 0 && byCode(ds, 'loaded-term').length === 0);
      SETTINGS.sourcelint = { rules: { 'loaded-term': 'off' } };
      client.notify('workspace/didChangeConfiguration', { settings: SETTINGS });
      await diagnostics;
      SETTINGS.sourcelint = {};
      const back = published((ds) => byCode(ds, 'loaded-term').length === 1);
      client.notify('workspace/didChangeConfiguration', { settings: SETTINGS });
      await back;
      assert.ok(client.alive);
    });

    test('a configuration file created, broken and fixed on disk is seen without the client telling (server-side watching)', async () => {
      const config = path.join(env.dir, '.sourcelintrc.json');
      const off = published((ds) => ds.length > 0 && byCode(ds, 'unsourced-statistic').length === 0);
      fs.writeFileSync(config, JSON.stringify({ rules: { 'unsourced-statistic': 'off' } }, null, 2));
      await off;
      const configUri = pathToFileURL(config).href;
      const broken = published((ds) => ds.length === 1 && ds[0].code === 'configuration');
      const onFile = client.waitFor(
        (m) => m.method === 'textDocument/publishDiagnostics' && (m.params as { uri: string }).uri === configUri,
      );
      fs.writeFileSync(config, '{\n  "rules": {\n    "unsourced-statistic": "loud"\n  }\n}\n');
      const [error] = await broken;
      assert.match(error.message, /Configuration error.*"rules\.unsourced-statistic" must be one of/);
      assert.equal(error.severity, 1);
      const [fileError] = ((await onFile).params as { diagnostics: Diagnostic[] }).diagnostics;
      assert.equal(fileError.range.start.line, 2, 'on the offending key');
      const fixed = published((ds) => byCode(ds, 'unsourced-statistic').length > 0);
      const cleared = client.waitFor(
        (m) =>
          m.method === 'textDocument/publishDiagnostics' &&
          (m.params as { uri: string; diagnostics: unknown[] }).uri === configUri &&
          (m.params as { diagnostics: unknown[] }).diagnostics.length === 0,
      );
      fs.rmSync(config);
      await Promise.all([fixed, cleared]);
    });

    test('an edited bibliography is seen without the client telling', async () => {
      const at = text.indexOf('[@wor') + 2;
      const edit = {
        range: { start: positionIn(text, at, enc), end: positionIn(text, at + 3, enc) },
        text: 'diarra2023',
      };
      text = text.slice(0, at) + edit.text + text.slice(at + 3);
      version++;
      const unknown = published((ds) => byCode(ds, 'unknown-citekey').length === 1);
      client.notify('textDocument/didChange', { textDocument: { uri: env.uri, version }, contentChanges: [edit] });
      await unknown;
      const withKey = published((ds) => byCode(ds, 'unknown-citekey').length === 0);
      fs.appendFileSync(
        path.join(env.dir, 'refs.bib'),
        '@book{diarra2023, author = {Diarra, K.}, title = {Mali and Russia}, year = {2023}}\n',
      );
      await withKey;
    });

    test('the server sent only requests the client declared, and is still serving', async () => {
      const sent = new Set(client.serverRequests.map((r) => r.method));
      for (const method of sent)
        assert.ok(method! in profile.answers, `sent ${method}, which ${profile.name} did not declare`);
      assert.ok(!sent.has('client/registerCapability'), 'no dynamic registration');
      const hover = await client.request<{ contents: { value: string } } | null>('textDocument/hover', {
        textDocument: { uri: env.uri },
        position: positionIn(text, text.indexOf('[^1]') + 1, enc),
      });
      assert.match(hover!.contents.value, /Reuters/);
      assert.ok(client.alive);
    });
  });
}

describe('as a client that declares pull diagnostics with refresh, then refuses the refresh', () => {
  const env = workspaceDir();
  const client = new LspClient();
  const registrations: Array<{ method: string; registerOptions?: { watchers?: Array<{ globPattern: unknown }> } }> = [];
  const unregistered: string[] = [];
  client.onRequest = (method, params) => {
    if (method === 'workspace/diagnostic/refresh') throw new RpcError(-32603, 'refresh refused');
    if (method === 'client/registerCapability')
      registrations.push(...(params as { registrations: typeof registrations }).registrations);
    if (method === 'client/unregisterCapability')
      unregistered.push(
        ...(params as { unregisterations: Array<{ method: string }> }).unregisterations.map((u) => u.method),
      );
    if (method === 'workspace/configuration') return (params as { items: unknown[] }).items.map(() => ({}));
    return null;
  };
  before(async () => {
    await client.request('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(env.dir).href,
      capabilities: {
        textDocument: { diagnostic: NO_DYNAMIC },
        workspace: {
          configuration: true,
          diagnostics: { refreshSupport: true },
          didChangeConfiguration: { dynamicRegistration: true },
          didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true },
        },
      },
    });
    client.notify('initialized', {});
  });
  after(async () => {
    await client.close();
    fs.rmSync(env.dir, { recursive: true, force: true });
  });

  test('registers for configuration changes and for the configuration and bibliography files the document reads', async () => {
    client.notify('textDocument/didOpen', {
      textDocument: { uri: env.uri, languageId: 'markdown', version: 1, text: DRAFT },
    });
    const report = await client.request<{ items: Diagnostic[] }>('textDocument/diagnostic', {
      textDocument: { uri: env.uri },
    });
    assert.equal(byCode(report.items, 'unsourced-statistic').length, 2);
    await client.request('textDocument/hover', { textDocument: { uri: env.uri }, position: { line: 0, character: 0 } }); // lets registrations arrive
    assert.ok(registrations.some((r) => r.method === 'workspace/didChangeConfiguration'));
    const watchers =
      registrations.filter((r) => r.method === 'workspace/didChangeWatchedFiles').at(-1)?.registerOptions?.watchers ??
      [];
    const patterns = watchers.map((w) => w.globPattern);
    assert.ok(patterns.includes('**/.sourcelintrc.json'), JSON.stringify(patterns));
    assert.ok(
      patterns.some(
        (p) => JSON.stringify(p) === JSON.stringify({ baseUri: pathToFileURL(env.dir).href, pattern: 'refs.bib' }),
      ),
      JSON.stringify(patterns),
    );
  });

  test('a new bibliography in the front matter is watched instead of the old one', async () => {
    const before = registrations.length;
    client.notify('textDocument/didChange', {
      textDocument: { uri: env.uri, version: 2 },
      contentChanges: [{ text: DRAFT.replace('refs.bib', 'other.bib') }],
    });
    await client.request('textDocument/diagnostic', { textDocument: { uri: env.uri } });
    await client.request('textDocument/hover', { textDocument: { uri: env.uri }, position: { line: 0, character: 0 } });
    const added = registrations.slice(before).filter((r) => r.method === 'workspace/didChangeWatchedFiles');
    assert.equal(added.length, 1);
    assert.ok(
      added[0].registerOptions!.watchers!.some((w) => (w.globPattern as { pattern?: string }).pattern === 'other.bib'),
    );
    assert.ok(unregistered.includes('workspace/didChangeWatchedFiles'), 'the previous watchers are dropped');
  });

  test('a refused refresh is logged, not fatal: the server keeps serving', async () => {
    client.notify('workspace/didChangeWatchedFiles', {
      changes: [{ uri: pathToFileURL(path.join(env.dir, 'refs.bib')).href, type: 2 }],
    });
    client.notify('workspace/didChangeConfiguration', { settings: null });
    const report = await client.request<{ items: Diagnostic[] }>('textDocument/diagnostic', {
      textDocument: { uri: env.uri },
    });
    assert.ok(report.items.length > 0);
    assert.ok(
      client.serverRequests.some((r) => r.method === 'workspace/diagnostic/refresh'),
      'the client declared refresh: it is asked',
    );
    assert.ok(client.alive);
  });
});

describe('configuration errors users can see', () => {
  const env = workspaceDir();
  const client = new LspClient();
  let version = 1;
  client.onRequest = (method) => {
    if (method === 'workspace/configuration') throw new RpcError(-32601, 'not declared');
    return null;
  };
  const next = (predicate: (ds: Diagnostic[]) => boolean) => client.diagnosticsFor(env.uri, predicate);
  const change = (text: string) =>
    client.notify('textDocument/didChange', {
      textDocument: { uri: env.uri, version: ++version },
      contentChanges: [{ text }],
    });
  before(async () => {
    await client.request('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(env.dir).href,
      capabilities: {},
    });
    client.notify('initialized', {});
    const open = client.diagnosticsFor(env.uri, (ds) => ds.length > 0);
    client.notify('textDocument/didOpen', {
      textDocument: { uri: env.uri, languageId: 'markdown', version, text: DRAFT },
    });
    await open;
  });
  after(async () => {
    await client.close();
    fs.rmSync(env.dir, { recursive: true, force: true });
  });

  test('a broken front matter "sourcelint:" replaces the findings with one error on its line, logged once however many keystrokes', async () => {
    const broken = DRAFT.replace(
      'bibliography: refs.bib',
      'bibliography: refs.bib\nsourcelint:\n  rules:\n    loaded-term: loud',
    );
    const shown = next((ds) => ds.length === 1);
    change(broken);
    const [error] = await shown;
    assert.equal(error.code, 'configuration');
    assert.equal(error.severity, 1);
    assert.match(
      error.message,
      /front matter "sourcelint": "rules\.loaded-term" must be one of off, info, warning, error/,
    );
    assert.equal(error.range.start.line, 4, 'on the offending key');
    for (const extra of [' a', ' b', ' c']) {
      const again = next((ds) => ds.length === 1);
      change(broken + extra);
      await again;
    }
    const logged = client.notifications.filter(
      (m) =>
        m.method === 'window/logMessage' &&
        String((m.params as { message: string }).message).includes('"rules.loaded-term"'),
    );
    assert.equal(logged.length, 1, 'the same error is logged once, not on every keystroke');
    const back = next((ds) => byCode(ds, 'loaded-term').length === 1);
    change(DRAFT);
    await back;
  });

  test('an error in a configuration file another one extends goes on that file, and clears when it is fixed', async () => {
    const base = path.join(env.dir, 'house-style.json');
    fs.writeFileSync(base, '{\n  "citations": {\n    "scope": "chapter"\n  }\n}\n');
    const baseUri = pathToFileURL(base).href;
    const onBase = client.waitFor(
      (m) => m.method === 'textDocument/publishDiagnostics' && (m.params as { uri: string }).uri === baseUri,
    );
    const shown = next((ds) => ds.length === 1 && ds[0].code === 'configuration');
    fs.writeFileSync(path.join(env.dir, '.sourcelintrc.json'), JSON.stringify({ extends: './house-style.json' }));
    client.notify('workspace/didChangeWatchedFiles', {
      changes: [{ uri: pathToFileURL(path.join(env.dir, '.sourcelintrc.json')).href, type: 1 }],
    });
    assert.match((await shown)[0].message, /house-style\.json: "citations\.scope" must be one of/);
    const [onFile] = ((await onBase).params as { diagnostics: Diagnostic[] }).diagnostics;
    assert.equal(onFile.range.start.line, 2, 'on the offending key of the extended file');
    const cleared = client.waitFor(
      (m) =>
        m.method === 'textDocument/publishDiagnostics' &&
        (m.params as { uri: string }).uri === baseUri &&
        (m.params as { diagnostics: unknown[] }).diagnostics.length === 0,
    );
    const back = next((ds) => byCode(ds, 'loaded-term').length === 1);
    fs.writeFileSync(base, '{ "citations": { "scope": "paragraph" } }\n');
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: baseUri, type: 2 }] });
    await Promise.all([cleared, back]);
    fs.rmSync(path.join(env.dir, '.sourcelintrc.json'));
  });

  test('invalid settings are ignored with a warning on the document and one message to the user', async () => {
    const warned = client.diagnosticsFor(env.uri, (ds) => ds.some((d) => d.code === 'configuration'));
    const message = client.waitFor((m) => m.method === 'window/showMessage');
    client.notify('workspace/didChangeConfiguration', {
      settings: { sourcelint: { rules: { 'loaded-term': 'loud' } } },
    });
    const ds = await warned;
    const warning = ds.find((d) => d.code === 'configuration')!;
    assert.equal(warning.severity, 2);
    assert.match(warning.message, /settings ignored: settings "sourcelint": "rules\.loaded-term" must be one of/);
    assert.equal(byCode(ds, 'loaded-term').length, 1, 'the findings stay, linted without the settings');
    assert.match(((await message).params as { message: string }).message, /Sourcelint settings ignored/);
    const cleared = client.diagnosticsFor(env.uri, (d) => !d.some((x) => x.code === 'configuration'));
    client.notify('workspace/didChangeConfiguration', { settings: { sourcelint: {} } });
    await cleared;
  });
});
