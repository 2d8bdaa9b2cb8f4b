/** Protocol tests: the real built language server over stdio, spoken to in JSON-RPC. */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient, applyEdits, type Diagnostic, type TextEdit } from './helpers/lsp-client.js';

interface CodeAction {
  title: string;
  kind?: string;
  isPreferred?: boolean;
  edit?: { changes?: Record<string, TextEdit[]>; documentChanges?: unknown[] };
  command?: { command: string; arguments?: unknown[] };
}

const DRAFT = [
  '---',
  'title: Test draft',
  'bibliography: refs.bib',
  '---',
  '',
  'Aid accounted for around 10% of its GDP. Russia’s involvement in Mali skyrocketed after the coup.',
  '',
  'The ambassador was expelled from Bamako in January 2022.[^1]',
  '',
  '[^1]: Reuters, "Mali expels French ambassador", 31 January 2022.',
  '',
].join('\n');

const BIB = `@online{worldbank2022aid,
  author = {{World Bank}},
  title = {Net official development assistance received (\\% of GNI) -- Mali},
  year = {2022},
  keywords = {aid, GDP, Mali},
  url = {https://data.worldbank.org/}
}
`;

function setup(): { dir: string; file: string; uri: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcelint-lsp-'));
  fs.writeFileSync(path.join(dir, 'refs.bib'), BIB);
  const file = path.join(dir, 'draft.md');
  fs.writeFileSync(file, DRAFT);
  return { dir, file, uri: pathToFileURL(file).href };
}

/**
 * What the VS Code client declares beyond the defaults these tests need: file creation, its own commands, and
 * diagnostics with rule links and fix data.
 */
const VSCODE_LIKE = {
  capabilities: {
    workspace: { workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'] } },
    textDocument: { publishDiagnostics: { codeDescriptionSupport: true, dataSupport: true } },
  },
  initializationOptions: { clientCommands: ['sourcelint.pickCitation', 'sourcelint.markClaim'] },
};

async function start(client: LspClient, dir: string, capabilities: object = VSCODE_LIKE.capabilities): Promise<void> {
  await client.initialize(dir, { capabilities, initializationOptions: VSCODE_LIKE.initializationOptions });
}

const byCode = (diagnostics: Diagnostic[], code: string) => diagnostics.filter((d) => d.code === code);
const textAt = (text: string, d: Diagnostic) => {
  const lines = text.split('\n');
  return lines[d.range.start.line].slice(
    d.range.start.character,
    d.range.end.line === d.range.start.line ? d.range.end.character : undefined,
  );
};

describe('language server (push diagnostics)', () => {
  const env = setup();
  const client = new LspClient();
  let text = DRAFT;
  let version = 1;

  const change = (next: string) => {
    text = next;
    client.notify('textDocument/didChange', {
      textDocument: { uri: env.uri, version: ++version },
      contentChanges: [{ text }],
    });
  };
  const actionsFor = (d: Diagnostic) =>
    client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: env.uri },
      range: d.range,
      context: { diagnostics: [d] },
    });

  before(async () => {
    await start(client, env.dir);
  });
  after(async () => {
    await client.close();
    fs.rmSync(env.dir, { recursive: true, force: true });
  });

  test('publishes diagnostics on open, with source, code, docs link and precise ranges', async () => {
    const published = client.diagnosticsFor(env.uri);
    client.notify('textDocument/didOpen', { textDocument: { uri: env.uri, languageId: 'markdown', version, text } });
    const diagnostics = await published;
    const stat = byCode(diagnostics, 'unsourced-statistic');
    assert.deepEqual(
      stat.map((d) => textAt(text, d)),
      ['around 10%'],
    );
    assert.equal(stat[0].source, 'sourcelint');
    assert.match(stat[0].codeDescription!.href, /docs\/rules\/unsourced-statistic\.md$/);
    assert.equal(stat[0].severity, 2);
    assert.deepEqual(
      byCode(diagnostics, 'loaded-term').map((d) => textAt(text, d)),
      ['skyrocketed'],
    );
    assert.equal(byCode(diagnostics, 'unsourced-claim').length, 0, 'the cited sentence is not reported');
  });

  test('"Add footnote" is preferred, inserts [^2] and its definition, and the finding goes away', async () => {
    const stat = byCode(await currentDiagnostics(), 'unsourced-statistic')[0];
    const actions = await actionsFor(stat);
    const add = actions.find((a) => a.title.startsWith('Add footnote'));
    assert.ok(add, `actions: ${actions.map((a) => a.title).join(' | ')}`);
    assert.equal(add.isPreferred, true);
    assert.equal(add.title, 'Add footnote [^2]');
    const next = applyEdits(text, add.edit!.changes![env.uri]);
    assert.match(next, /of its GDP\.\[\^2\] Russia/);
    assert.match(next, /\n\[\^2\]: $/m);
    const published = client.diagnosticsFor(env.uri, (ds) => byCode(ds, 'unsourced-statistic').length === 0);
    change(next);
    const after = await published;
    assert.equal(byCode(after, 'loaded-term').length, 1, 'other findings stay');
  });

  test('cite from bibliography and mark citation needed are offered for sourcing findings', async () => {
    change(DRAFT);
    const stat = byCode(
      await client.diagnosticsFor(env.uri, (ds) => byCode(ds, 'unsourced-statistic').length === 1),
      'unsourced-statistic',
    )[0];
    const actions = await actionsFor(stat);
    const cite = actions.find((a) => a.title.startsWith('Cite [@worldbank2022aid]'));
    assert.ok(cite, actions.map((a) => a.title).join(' | '));
    assert.match(applyEdits(text, cite.edit!.changes![env.uri]), /of its GDP \[@worldbank2022aid\]\. Russia/);
    assert.ok(actions.some((a) => a.command?.command === 'sourcelint.pickCitation'));
    const needed = actions.find((a) => a.title === 'Mark [citation needed]')!;
    const published = client.diagnosticsFor(env.uri, (ds) => byCode(ds, 'citation-needed').length === 1);
    change(applyEdits(text, needed.edit!.changes![env.uri]));
    const after = await published;
    assert.equal(byCode(after, 'unsourced-statistic').length, 0);
    assert.equal(byCode(after, 'citation-needed')[0].severity, 3, 'acknowledged: information, not a warning');
  });

  test('reword applies a neutral alternative and the loaded term is gone', async () => {
    change(DRAFT);
    const loaded = byCode(
      await client.diagnosticsFor(env.uri, (ds) => byCode(ds, 'loaded-term').length === 1),
      'loaded-term',
    )[0];
    const actions = await actionsFor(loaded);
    const reword = actions.find((a) => a.title.startsWith('Replace with'));
    assert.ok(reword, actions.map((a) => a.title).join(' | '));
    const next = applyEdits(text, reword.edit!.changes![env.uri]);
    assert.doesNotMatch(next, /skyrocketed/);
    const published = client.diagnosticsFor(env.uri, (ds) => byCode(ds, 'loaded-term').length === 0);
    change(next);
    await published;
    assert.ok(actions.some((a) => a.title === 'Allow "skyrocketed" in the workspace'));
    assert.ok(actions.some((a) => a.title === 'Disable loaded-term for this line'));
  });

  test('every quick fix for a sourcing finding, applied, makes the finding go away on re-lint', async () => {
    change(DRAFT);
    const initial = byCode(
      await client.diagnosticsFor(env.uri, (ds) => byCode(ds, 'unsourced-statistic').length === 1),
      'unsourced-statistic',
    )[0];
    const titles = (await actionsFor(initial)).filter((a) => a.edit?.changes).map((a) => a.title);
    assert.deepEqual(titles, [
      'Add footnote [^2]',
      'Cite [@worldbank2022aid] World Bank, 2022, Net official development assistance received (% of GNI) – Mali',
      'Mark [citation needed]',
      'Disable unsourced-statistic for this line',
      'Disable unsourced-statistic for this file',
    ]);
    for (const title of titles) {
      change(DRAFT);
      const d = byCode(
        await client.diagnosticsFor(env.uri, (ds) => byCode(ds, 'unsourced-statistic').length === 1),
        'unsourced-statistic',
      )[0];
      const action = (await actionsFor(d)).find((a) => a.title === title)!;
      const published = client.diagnosticsFor(env.uri, (ds) => byCode(ds, 'unsourced-statistic').length === 0);
      change(applyEdits(text, action.edit!.changes![env.uri]));
      await published;
    }
  });

  test("two findings in one sentence, one selection: the sentence's actions once, for both findings", async () => {
    change(DRAFT.replace('Aid accounted for around 10% of its GDP.', 'Aid fell by 25% in 2021 and by 40% in 2022.'));
    const stats = byCode(
      await client.diagnosticsFor(env.uri, (ds) => byCode(ds, 'unsourced-statistic').length === 2),
      'unsourced-statistic',
    );
    const range = { start: stats[0].range.start, end: stats[1].range.end };
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: env.uri },
      range,
      context: { diagnostics: stats },
    });
    const adds = actions.filter((a) => a.title.startsWith('Add footnote'));
    assert.deepEqual(
      adds.map((a) => a.title),
      ['Add footnote [^2]'],
    );
    assert.equal((adds[0] as { diagnostics?: unknown[] }).diagnostics?.length, 2, 'it resolves both findings');
    assert.equal(actions.filter((a) => a.title === 'Disable unsourced-statistic for this line').length, 1);
    const outside = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: env.uri },
      range: {
        start: { line: stats[0].range.start.line, character: 0 },
        end: { line: stats[0].range.start.line, character: 0 },
      },
      context: { diagnostics: stats },
    });
    assert.deepEqual(outside, [], 'a cursor on no finding gets no quick fix for the findings elsewhere on its line');
  });

  test('"Attribute" rewrites a weasel attribution that opens its sentence', async () => {
    change(DRAFT.replace('Aid accounted', 'Critics say that aid accounted'));
    const weasel = byCode(
      await client.diagnosticsFor(env.uri, (ds) => byCode(ds, 'unsupported-attribution').length === 1),
      'unsupported-attribution',
    )[0];
    const attribute = (await actionsFor(weasel)).find((a) => a.title.startsWith('Attribute'));
    assert.ok(attribute);
    assert.match(
      applyEdits(text, attribute.edit!.changes![env.uri]),
      /\nAccording to \[source\], aid accounted for around 10%/,
    );
  });

  test('completion offers citation keys after [@ and footnote ids after [^', async () => {
    change(DRAFT.replace('of its GDP.', 'of its GDP [@w].'));
    await client.diagnosticsFor(env.uri);
    const line = text.split('\n').findIndex((l) => l.includes('[@w]'));
    const character = text.split('\n')[line].indexOf('[@w]') + 3;
    const keys = await client.request<Array<{ label: string; detail: string }>>('textDocument/completion', {
      textDocument: { uri: env.uri },
      position: { line, character },
    });
    assert.deepEqual(
      keys.map((k) => k.label),
      ['worldbank2022aid'],
    );
    assert.match(keys[0].detail, /World Bank, 2022, Net official development assistance/);
    change(DRAFT.replace('of its GDP.', 'of its GDP.[^'));
    const l2 = text.split('\n').findIndex((l) => l.includes('[^'));
    const ids = await client.request<Array<{ label: string }>>('textDocument/completion', {
      textDocument: { uri: env.uri },
      position: { line: l2, character: text.split('\n')[l2].indexOf('[^') + 2 },
    });
    assert.deepEqual(
      ids.map((i) => i.label),
      ['1'],
    );
  });

  test('hover shows the footnote text; definition jumps to it', async () => {
    change(DRAFT);
    await client.diagnosticsFor(env.uri);
    const line = text.split('\n').findIndex((l) => l.includes('2022.[^1]'));
    const position = { line, character: text.split('\n')[line].indexOf('[^1]') + 2 };
    const hover = await client.request<{ contents: { value: string } }>('textDocument/hover', {
      textDocument: { uri: env.uri },
      position,
    });
    assert.match(hover.contents.value, /Mali expels French ambassador/);
    const def = await client.request<{ uri: string; range: { start: { line: number } } }>('textDocument/definition', {
      textDocument: { uri: env.uri },
      position,
    });
    assert.equal(def.uri, env.uri);
    assert.equal(
      def.range.start.line,
      text.split('\n').findIndex((l) => l.startsWith('[^1]:')),
    );
  });

  test('hover and definition on a citation key reach into the .bib; footnote calls are document links', async () => {
    change(DRAFT.replace('of its GDP.', 'of its GDP [@worldbank2022aid].'));
    await client.diagnosticsFor(env.uri);
    const line = text.split('\n').findIndex((l) => l.includes('[@worldbank2022aid]'));
    const position = { line, character: text.split('\n')[line].indexOf('@worldbank') + 3 };
    const hover = await client.request<{ contents: { value: string } }>('textDocument/hover', {
      textDocument: { uri: env.uri },
      position,
    });
    assert.match(hover.contents.value, /World Bank \(2022\)\. Net official development assistance/);
    const def = await client.request<{ uri: string; range: { start: { line: number } } }>('textDocument/definition', {
      textDocument: { uri: env.uri },
      position,
    });
    assert.equal(def.uri, pathToFileURL(path.join(env.dir, 'refs.bib')).href);
    assert.equal(def.range.start.line, 0);
    const links = await client.request<Array<{ target: string }>>('textDocument/documentLink', {
      textDocument: { uri: env.uri },
    });
    assert.deepEqual(
      links.map((l) => l.target),
      [`${env.uri}#L${text.split('\n').findIndex((l) => l.startsWith('[^1]:')) + 1}`],
    );
  });

  test('hover on a claim shows its status, sources and the review note', async () => {
    change(DRAFT.replace('of its GDP.', 'of its GDP. <!-- verified: OECD DAC, AB 2024 -->'));
    await client.diagnosticsFor(env.uri);
    const line = text.split('\n').findIndex((l) => l.includes('of its GDP.'));
    const hover = await client.request<{ contents: { value: string } }>('textDocument/hover', {
      textDocument: { uri: env.uri },
      position: { line, character: 3 },
    });
    assert.match(hover.contents.value, /\*\*Claim: verified\*\*/);
    assert.match(hover.contents.value, /Sources: none/);
    assert.match(hover.contents.value, /Review note: OECD DAC, AB 2024/);
  });

  test('an edited bibliography is picked up without a restart', async () => {
    fs.appendFileSync(
      path.join(env.dir, 'refs.bib'),
      '\n@book{diarra2023, author = {Diarra, K.}, title = {Mali and Russia}, year = {2023}}\n',
    );
    client.notify('workspace/didChangeWatchedFiles', {
      changes: [{ uri: pathToFileURL(path.join(env.dir, 'refs.bib')).href, type: 2 }],
    });
    change(DRAFT.replace('of its GDP.', 'of its GDP [@d].'));
    await client.diagnosticsFor(env.uri);
    const line = text.split('\n').findIndex((l) => l.includes('[@d]'));
    const keys = await client.request<Array<{ label: string }>>('textDocument/completion', {
      textDocument: { uri: env.uri },
      position: { line, character: text.split('\n')[line].indexOf('[@d]') + 3 },
    });
    assert.deepEqual(keys.map((k) => k.label).sort(), ['diarra2023', 'worldbank2022aid']);
  });

  test('configuration change turns a rule off without a restart', async () => {
    change(DRAFT);
    await client.diagnosticsFor(env.uri, (ds) => byCode(ds, 'unsourced-statistic').length === 1);
    const published = client.diagnosticsFor(
      env.uri,
      (ds) => ds.length > 0 && byCode(ds, 'unsourced-statistic').length === 0,
    );
    client.notify('workspace/didChangeConfiguration', {
      settings: { sourcelint: { rules: { 'unsourced-statistic': 'off' } } },
    });
    const after = await published;
    assert.equal(byCode(after, 'loaded-term').length, 1);
    client.notify('workspace/didChangeConfiguration', { settings: { sourcelint: {} } });
    await client.diagnosticsFor(env.uri, (ds) => byCode(ds, 'unsourced-statistic').length === 1);
  });

  test('garbage requests are answered and the server keeps serving', async () => {
    const unknownDoc = await client.request<unknown[]>('textDocument/codeAction', {
      textDocument: { uri: 'file:///nowhere.md' },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [] },
    });
    assert.deepEqual(unknownDoc, []);
    const farAway = await client.request('textDocument/hover', {
      textDocument: { uri: env.uri },
      position: { line: 9999, character: 9999 },
    });
    assert.equal(farAway, null);
    const unknownMethod = await client.requestRaw('sourcelint/noSuchThing', {});
    assert.ok(unknownMethod.error, 'an unknown request is an error response, not a crash');
    client.notify('workspace/didChangeConfiguration', {
      settings: { sourcelint: { rules: { 'loaded-term': 'loud' } } },
    });
    const hover = await client.request<{ contents: { value: string } }>('textDocument/hover', {
      textDocument: { uri: env.uri },
      position: { line: text.split('\n').findIndex((l) => l.includes('2022.[^1]')), character: 58 },
    });
    assert.match(hover.contents.value, /Reuters/);
    assert.ok(client.alive);
  });

  async function currentDiagnostics(): Promise<Diagnostic[]> {
    const latest = [...client.notifications]
      .reverse()
      .find((m) => m.method === 'textDocument/publishDiagnostics' && (m.params as { uri: string }).uri === env.uri);
    return (latest!.params as { diagnostics: Diagnostic[] }).diagnostics;
  }
});

describe('language server (pull diagnostics, fix all)', () => {
  const env = setup();
  const client = new LspClient();
  before(() =>
    start(client, env.dir, {
      textDocument: { diagnostic: { dynamicRegistration: false } },
      workspace: { diagnostics: { refreshSupport: true }, workspaceEdit: { snippetEditSupport: true } },
    }),
  );
  after(async () => {
    await client.close();
    fs.rmSync(env.dir, { recursive: true, force: true });
  });

  test('textDocument/diagnostic answers with the findings', async () => {
    client.notify('textDocument/didOpen', {
      textDocument: { uri: env.uri, languageId: 'markdown', version: 1, text: DRAFT },
    });
    const report = await client.request<{ kind: string; items: Diagnostic[] }>('textDocument/diagnostic', {
      textDocument: { uri: env.uri },
    });
    assert.equal(report.kind, 'full');
    assert.deepEqual(
      byCode(report.items, 'unsourced-statistic').map((d) => textAt(DRAFT, d)),
      ['around 10%'],
    );
  });

  test('with snippet edits, "Add footnote" leaves the cursor in the new definition', async () => {
    const report = await client.request<{ items: Diagnostic[] }>('textDocument/diagnostic', {
      textDocument: { uri: env.uri },
    });
    const stat = byCode(report.items, 'unsourced-statistic')[0];
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: env.uri },
      range: stat.range,
      context: { diagnostics: [stat] },
    });
    const add = actions.find((a) => a.title === 'Add footnote [^2]')!;
    const change = add.edit!.documentChanges![0] as { edits: Array<{ newText?: string; snippet?: { value: string } }> };
    assert.equal(change.edits[0].newText, '[^2]');
    assert.equal(change.edits[1].snippet?.value, '\n[^2]: $0');
  });

  test('source.fixAll.sourcelint removes unused footnotes, wraps bare URLs and renumbers', async () => {
    const messy =
      'First claim.[^7] See https://example.org/x for more.\n\nSecond.[^3]\n\n[^3]: B.\n[^7]: A.\n[^9]: Unused.\n';
    client.notify('textDocument/didChange', {
      textDocument: { uri: env.uri, version: 2 },
      contentChanges: [{ text: messy }],
    });
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: env.uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.sourcelint'] },
    });
    assert.equal(actions.length, 1);
    const fixed = applyEdits(messy, actions[0].edit!.changes![env.uri]);
    assert.equal(
      fixed,
      'First claim.[^1] See <https://example.org/x> for more.\n\nSecond.[^2]\n\n[^2]: B.\n[^1]: A.\n',
    );
  });
});
