/**
 * Superseded work in the language server (issue #11): edits that arrive together cost one lint, of the last version;
 * diagnostics are never published for a version already superseded; hover and code actions are answered from the
 * lint result of the version they were asked on, and say nothing once it is superseded. Work is counted from the
 * protocol trace (one `$/logTrace` per lint), never timed.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient, type Diagnostic, type Message, type Position } from './helpers/lsp-client.js';

const DRAFT = [
  '# Grain corridor',
  '',
  'Exports through the port fell by 40% in the first quarter. The minister infamously blamed the weather.',
  '',
  'The shipping agency reported new inspections in March.[^1] Critics say the checks were a sham.',
  '',
  'Insurance premiums skyrocketed after the second incident, and last week the convoy was halted.',
  '',
  '[^1]: Port authority bulletin, 2 April 2024.',
  '',
].join('\n');

/** One edit per paragraph, each a small insertion, as a writer types: [text to insert after, inserted]. */
const EDITS: Array<[string, string]> = [
  ['fell by 40%', ' or more'],
  ['The minister', ' of transport'],
  ['new inspections', ' of bulk carriers'],
  ['Insurance premiums', ' for tankers'],
  ['the convoy', ' of twelve ships'],
  ['Exports', ' of wheat'],
];

const positionAt = (text: string, offset: number): Position => {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length - 1, character: offset - before.lastIndexOf('\n') - 1 };
};

interface CodeAction {
  title: string;
  edit?: { changes?: Record<string, unknown> };
}

const strip = (ds: Diagnostic[]) =>
  ds.map(({ range, code, message, severity }) => ({ range, code, message, severity }));

describe('language server: superseded versions', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcelint-superseded-'));
  const uri = pathToFileURL(path.join(dir, 'draft.md')).href;
  const client = new LspClient();
  let text = DRAFT;
  let version = 1;

  /** The versions of `file` linted so far, from the trace. */
  const lints = (file = 'draft.md'): number[] =>
    client.notifications
      .filter((m) => m.method === '$/logTrace')
      .map((m) =>
        new RegExp(`^lint ${file.replace('.', '\\.')} version (\\d+):`).exec((m.params as { message: string }).message),
      )
      .filter((m) => m !== null)
      .map((m) => Number(m[1]));
  const publishedVersions = (): number[] =>
    client.notifications
      .filter((m) => m.method === 'textDocument/publishDiagnostics' && (m.params as { uri: string }).uri === uri)
      .map((m) => (m.params as { version: number }).version);
  const diagnosed = (at: string, v: number): Promise<Diagnostic[]> =>
    client
      .waitFor(
        (m) =>
          m.method === 'textDocument/publishDiagnostics' &&
          (m.params as { uri: string }).uri === at &&
          (m.params as { version?: number }).version === v,
      )
      .then((m) => (m.params as { diagnostics: Diagnostic[] }).diagnostics);

  /** The next edit as an incremental change, applied to `text`. */
  const nextEdit = (i: number): { method: string; params: unknown } => {
    const [anchor, inserted] = EDITS[i % EDITS.length];
    const at = text.indexOf(anchor) + anchor.length;
    const position = positionAt(text, at);
    text = text.slice(0, at) + inserted + text.slice(at);
    return {
      method: 'textDocument/didChange',
      params: {
        textDocument: { uri, version: ++version },
        contentChanges: [{ range: { start: position, end: position }, text: inserted }],
      },
    };
  };

  /** A document opened fresh with `content` in the same folder: what the edited one must equal. */
  let freshCount = 0;
  const fresh = async (content: string) => {
    const file = `fresh-${++freshCount}.md`;
    const freshUri = pathToFileURL(path.join(dir, file)).href;
    const diagnostics = diagnosed(freshUri, 1);
    client.notify('textDocument/didOpen', {
      textDocument: { uri: freshUri, languageId: 'markdown', version: 1, text: content },
    });
    return { uri: freshUri, file, diagnostics: await diagnostics };
  };

  const hover = (at: string, position: Position) =>
    client.request<{ contents: { value: string }; range?: unknown } | null>('textDocument/hover', {
      textDocument: { uri: at },
      position,
    });
  const actions = (at: string, diagnostic: Diagnostic) =>
    client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: at },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic] },
    });
  /**
   * Actions with the document's URI taken out of their edits, and without the diagnostics they echo (which carry their
   * document's version), to compare two documents' actions.
   */
  const portable = (list: CodeAction[], at: string) =>
    JSON.parse(
      JSON.stringify(list.map((a) => ({ ...a, diagnostics: undefined })))
        .split(at)
        .join('URI'),
    ) as unknown;

  let opened: Diagnostic[] = [];
  before(async () => {
    // Data support, as VS Code declares it: a diagnostic's data names the version it was made for.
    await client.initialize(dir, {
      trace: 'verbose',
      capabilities: { textDocument: { publishDiagnostics: { dataSupport: true } } },
    });
    const published = diagnosed(uri, 1);
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    opened = await published;
  });
  after(async () => {
    await client.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('a burst of edits, with requests among them, is linted and published once, for its last version', async () => {
    assert.deepEqual(lints(), [1]);
    const loaded = opened.find((d) => d.code === 'loaded-term')!;
    assert.ok(loaded, JSON.stringify(opened));
    const first = nextEdit(0);
    // Asked on version 2, superseded by the edits behind them before they could be answered.
    const hoverPosition = positionAt(text, text.indexOf('skyrocketed') + 2);
    const midBurst = [
      { method: 'textDocument/hover', params: { textDocument: { uri }, position: hoverPosition }, request: true },
      {
        method: 'textDocument/codeAction',
        params: { textDocument: { uri }, range: loaded.range, context: { diagnostics: [loaded] } },
        request: true,
      },
    ];
    const rest = [1, 2, 3, 4].map(nextEdit);
    const last = version;
    const final = diagnosed(uri, last);
    const [, hoverAnswer, actionAnswer] = client.burst([first, ...midBurst, ...rest]);
    const diagnostics = await final;

    assert.deepEqual(publishedVersions(), [1, last], 'no diagnostics for a superseded version');
    assert.deepEqual(lints(), [1, last], 'the versions in between are never linted');
    assert.equal((await hoverAnswer)!.result, null, 'a hover asked on a superseded version says nothing');
    assert.deepEqual((await actionAnswer)!.result, [], 'code actions asked on a superseded version: none');

    const same = await fresh(text);
    assert.deepEqual(strip(diagnostics), strip(same.diagnostics), 'the edited document lints as if opened fresh');
    assert.ok(diagnostics.length >= 5, JSON.stringify(diagnostics));
  });

  test('hover and code actions after edits match a fresh lint, and cost no lint', async () => {
    const edits = [5, 6].map(nextEdit);
    const diagnostics = diagnosed(uri, version);
    await Promise.all(client.burst(edits));
    const current = await diagnostics;
    const same = await fresh(text);
    const linted = lints().length;

    const probes = ['40%', 'infamously', 'Critics say', '[^1]', 'skyrocketed', 'last week', 'Port authority'];
    let answered = 0;
    for (const probe of probes) {
      const position = positionAt(text, text.indexOf(probe) + 1);
      const mine = await hover(uri, position);
      if (mine) answered++;
      assert.deepEqual(mine, await hover(same.uri, position), `hover on "${probe}"`);
    }
    assert.ok(answered >= probes.length - 1, `hovers answered: ${answered}`);
    assert.equal(current.length, same.diagnostics.length);
    for (const [i, diagnostic] of current.entries()) {
      const mine = await actions(uri, diagnostic);
      assert.ok(mine.length > 0, `actions for ${diagnostic.code}`);
      assert.deepEqual(
        portable(mine, uri),
        portable(await actions(same.uri, same.diagnostics[i]), same.uri),
        `code actions for ${diagnostic.code} "${diagnostic.message}"`,
      );
    }
    assert.equal(lints().length, linted, 'answered from the last lint results, not by linting again');
  });

  test('a diagnostic of an earlier version gets no code action, even where a finding of its rule now has its span', async () => {
    const older = client.notifications
      .filter((m) => m.method === 'textDocument/publishDiagnostics' && (m.params as { uri: string }).uri === uri)
      .map((m) => m.params as { version: number; diagnostics: Diagnostic[] })
      .find((p) => p.version === version)!.diagnostics;
    const stale = older.find((d) => d.code === 'loaded-term' && /skyrocketed/.test(d.message))!;
    assert.ok(stale, JSON.stringify(older));
    // The word moves on, and another one of it takes its place: same rule, same span, another finding.
    const at = text.indexOf('skyrocketed');
    const position = positionAt(text, at);
    const inserted = 'skyrocketed, then ';
    text = text.slice(0, at) + inserted + text.slice(at);
    const published = diagnosed(uri, ++version);
    client.notify('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: position, end: position }, text: inserted }],
    });
    const current = (await published).find(
      (d) => d.code === 'loaded-term' && d.range.start.character === position.character,
    )!;
    assert.deepEqual(current.range, stale.range);
    assert.ok((await actions(uri, current)).length > 0, 'the current finding has actions');
    assert.deepEqual(await actions(uri, stale), [], 'the stale diagnostic has none');
  });

  test('a request right after an edit is answered on the new version, which is linted once', async () => {
    const edit = nextEdit(0);
    const position = positionAt(text, text.indexOf('or more or more') + 2);
    const published = diagnosed(uri, version);
    client.notify(edit.method, edit.params);
    const answer = await hover(uri, position);
    await published;
    const same = await fresh(text);
    assert.deepEqual(answer, await hover(same.uri, position));
    assert.deepEqual(
      lints().filter((v) => v === version),
      [version],
      'the hover and the diagnostics share one lint',
    );
  });

  test('the trace names each fresh document linted once', () => {
    for (let n = 1; n <= freshCount; n++) assert.deepEqual(lints(`fresh-${n}.md`), [1]);
    const messages: Message[] = client.notifications.filter((m) => m.method === '$/logTrace');
    assert.ok(
      messages.every((m) => /^lint \S+ version \d+: \d+\.\d ms$/.test((m.params as { message: string }).message)),
    );
  });
});
