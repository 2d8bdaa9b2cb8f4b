/**
 * End-to-end tests inside a real VS Code (code-server offline, or @vscode/test-electron where VS Code can be
 * downloaded): what a writer sees. The entry point `run()` is what the test runners load. Results are also written to
 * `SOURCELINT_E2E_RESULTS` (a JSON file), because a browser-hosted extension host has no terminal to print to.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

type Outcome = { name: string; ok: boolean; error?: string };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls until `probe` returns a value that `done` accepts, or fails after `ms`. */
async function eventually<T>(probe: () => T | Thenable<T>, done: (value: T) => boolean, ms = 20_000): Promise<T> {
  const until = Date.now() + ms;
  let last: T = await probe();
  while (!done(last)) {
    if (Date.now() > until) throw new Error(`timed out; last value: ${JSON.stringify(last)?.slice(0, 500)}`);
    await sleep(250);
    last = await probe();
  }
  return last;
}

const ours = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'sourcelint');
const codeOf = (d: vscode.Diagnostic) => String(typeof d.code === 'object' ? d.code.value : d.code);

/** The draft's "around 10%" statistic finding and its code actions, once the server offers one titled `wanted`. */
async function statisticActions(
  doc: vscode.TextDocument,
  wanted: (title: string) => boolean,
): Promise<vscode.CodeAction[]> {
  const target = await eventually(
    () => ours(doc.uri).find((d) => codeOf(d) === 'unsourced-statistic' && doc.getText(d.range) === 'around 10%'),
    (d) => d !== undefined,
  );
  // The first answer may come before the server is warm: ask again for a few seconds.
  return eventually(
    () =>
      vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, target!.range),
    (list) => (list ?? []).some((a) => wanted(a.title)),
  );
}

function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'a workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, name);
}

async function openSample(name: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(workspaceFile(name));
  await vscode.window.showTextDocument(doc);
  return doc;
}

/** Severities of our findings with rule `code`, once there is at least one. */
async function severities(
  doc: vscode.TextDocument,
  code: string,
  done: (s: vscode.DiagnosticSeverity[]) => boolean = (s) => s.length > 0,
) {
  return eventually(
    () =>
      ours(doc.uri)
        .filter((d) => codeOf(d) === code)
        .map((d) => d.severity),
    done,
  );
}
const all = (severity: vscode.DiagnosticSeverity) => (list: vscode.DiagnosticSeverity[]) =>
  list.length > 0 && list.every((s) => s === severity);

/** Rewrites a workspace file on disk, as git or another editor would, runs `check`, and puts the file back. */
async function withFileOnDisk(name: string, text: (old: string) => string, check: () => Promise<void>): Promise<void> {
  const file = workspaceFile(name).fsPath;
  const old = fs.readFileSync(file, 'utf8');
  fs.writeFileSync(file, text(old));
  try {
    await check();
  } finally {
    fs.writeFileSync(file, old);
  }
}

/** The draft in desk/: its folder has a YAML configuration, and user settings add a CSL-JSON bibliography. */
const BRIEF = 'desk/brief.md';
const { Error: ERROR, Warning: WARNING, Information: INFO } = vscode.DiagnosticSeverity;

const tests: Array<[string, () => Promise<void>]> = [
  [
    'the extension under test is the one this run installed',
    async () => {
      const ext = vscode.extensions.getExtension('sourcelint.sourcelint');
      assert.ok(ext, 'sourcelint.sourcelint is installed');
      const expected = process.env.SOURCELINT_E2E_EXTENSION_ROOT;
      assert.ok(expected, 'the runner says where the extension must come from');
      assert.ok(ext.extensionPath.startsWith(expected), `${ext.extensionPath} is not under ${expected}`);
    },
  ],
  [
    'the workspace .sourcelintrc.json applies: relative-time is an error',
    async () => {
      const doc = await openSample('mali-russia-draft.md');
      const list = await severities(doc, 'relative-time', all(ERROR));
      assert.ok(list.length >= 3, `${list.length} relative-time findings`);
      assert.ok((await severities(doc, 'unsourced-statistic')).every((s) => s === WARNING));
    },
  ],
  [
    'a YAML configuration in a subfolder applies to the drafts below it, over the workspace one',
    async () => {
      const doc = await openSample(BRIEF);
      await severities(doc, 'unsourced-statistic', all(ERROR));
      await severities(doc, 'relative-time', all(INFO));
    },
  ],
  [
    'user settings apply on top of the configuration files: a rule and a bibliography',
    async () => {
      const doc = await openSample(BRIEF);
      await severities(doc, 'bare-url', all(ERROR));
      const unknown = await eventually(
        () => ours(doc.uri).filter((d) => codeOf(d) === 'unknown-citekey'),
        (ds) => ds.length > 0,
      );
      assert.deepEqual(
        unknown.map((d) => doc.getText(d.range).replace(/^@/, '')),
        ['harbour2021'],
      );
    },
  ],
  [
    'a settings change takes effect without a restart',
    async () => {
      const doc = await openSample('mali-russia-draft.md');
      await severities(doc, 'loaded-term');
      const settings = vscode.workspace.getConfiguration('sourcelint');
      const before = settings.get<Record<string, string>>('rules');
      await settings.update(
        'rules',
        { ...before, 'loaded-term': 'off', 'unsourced-statistic': 'error' },
        vscode.ConfigurationTarget.Global,
      );
      try {
        await severities(doc, 'unsourced-statistic', all(ERROR));
        assert.deepEqual(await severities(doc, 'loaded-term', (s) => s.length === 0), []);
      } finally {
        await settings.update('rules', before, vscode.ConfigurationTarget.Global);
      }
      await severities(doc, 'loaded-term', all(WARNING));
    },
  ],
  [
    'editing a configuration file or a CSL-JSON bibliography on disk re-lints the open drafts',
    async () => {
      const doc = await openSample(BRIEF);
      await severities(doc, 'unsourced-statistic', all(ERROR));
      await withFileOnDisk(
        'desk/.sourcelintrc.yaml',
        (yaml) => yaml.replace('unsourced-statistic: error', 'unsourced-statistic: info'),
        async () => {
          await severities(doc, 'unsourced-statistic', all(INFO));
        },
      );
      await severities(doc, 'unsourced-statistic', all(ERROR));
      const entry = {
        id: 'harbour2021',
        type: 'report',
        title: 'Harbour traffic review',
        issued: { 'date-parts': [[2021]] },
      };
      await withFileOnDisk(
        'desk/sources.json',
        (json) => JSON.stringify([...JSON.parse(json), entry]),
        async () => {
          await eventually(
            () => ours(doc.uri).filter((d) => codeOf(d) === 'unknown-citekey'),
            (ds) => ds.length === 0,
          );
        },
      );
      await eventually(
        () => ours(doc.uri).filter((d) => codeOf(d) === 'unknown-citekey'),
        (ds) => ds.length === 1,
      );
    },
  ],
  [
    'a .sourcelintrc.json is validated against the schema the extension ships',
    async () => {
      const file = workspaceFile('schema-check/.sourcelintrc.json');
      await vscode.workspace.fs.writeFile(file, Buffer.from('{ "rules": { "unsourced-statistic": "loud" } }\n'));
      try {
        const doc = await vscode.workspace.openTextDocument(file);
        await vscode.window.showTextDocument(doc);
        const problems = await eventually(
          () => vscode.languages.getDiagnostics(file),
          (ds) => ds.length > 0,
        );
        assert.match(
          problems.map((d) => d.message).join('\n'),
          /off.*info.*warning.*error|not.*(accepted|allowed|valid)/is,
        );
        await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      } finally {
        await vscode.workspace.fs.delete(vscode.Uri.joinPath(file, '..'), { recursive: true });
      }
    },
  ],
  [
    'the sample draft gets sourcing and language diagnostics',
    async () => {
      const doc = await openSample('mali-russia-draft.md');
      const diagnostics = await eventually(
        () => ours(doc.uri),
        (ds) => ds.length > 20,
      );
      const texts = (code: string) => diagnostics.filter((d) => codeOf(d) === code).map((d) => doc.getText(d.range));
      assert.ok(texts('unsourced-statistic').includes('around 10%'), texts('unsourced-statistic').join(' | '));
      assert.ok(texts('loaded-term').includes('skyrocketed'));
      assert.ok(texts('unsourced-gloss').includes('literally means'));
    },
  ],
  [
    'the "Add footnote" quick fix changes the document and removes the finding',
    async () => {
      const doc = await openSample('mali-russia-draft.md');
      const actions = await statisticActions(doc, (t) => t.startsWith('Add footnote'));
      const add = actions.find((a) => a.title.startsWith('Add footnote'))!;
      assert.equal(add.isPreferred, true);
      assert.ok(await vscode.workspace.applyEdit(add.edit!));
      assert.match(doc.getText(), /of its GDP from the 2000s to 2013\.\[\^1\]/);
      await eventually(
        () => ours(doc.uri).filter((d) => codeOf(d) === 'unsourced-statistic' && doc.getText(d.range) === 'around 10%'),
        (ds) => ds.length === 0,
      );
      await vscode.commands.executeCommand('workbench.action.files.revert');
    },
  ],
  [
    'completion after [@ offers the bibliography keys',
    async () => {
      const doc = await openSample('mali-russia-pandoc.md');
      const editor = vscode.window.activeTextEditor!;
      // The end of the first paragraph after the front matter (its closing fence is followed by a blank line).
      const end = doc.positionAt(doc.getText().indexOf('\n\n', doc.getText().indexOf('\n---\n', 3) + 5));
      await editor.edit((e) => e.insert(end, ' [@'));
      const position = end.translate(0, 3);
      // Ours are references with a short reference as detail; VS Code's word completions would offer the keys too.
      const references = await eventually(
        async () =>
          (
            await vscode.commands.executeCommand<vscode.CompletionList>(
              'vscode.executeCompletionItemProvider',
              doc.uri,
              position,
              '@',
            )
          ).items.filter((i) => i.kind === vscode.CompletionItemKind.Reference),
        (items) => items.some((i) => (typeof i.label === 'string' ? i.label : i.label.label) === 'worldbankoda'),
      );
      assert.ok(references.length >= 10, `${references.length} keys`);
      assert.match(String(references.find((i) => i.label === 'worldbankoda')?.detail), /World Bank/);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    },
  ],
  [
    'the status bar counts the unsourced claims of the active document',
    async () => {
      const doc = await openSample('mali-russia-draft.md');
      const unsourced = await eventually(
        () => ours(doc.uri).filter((d) => codeOf(d).startsWith('unsourced-')).length,
        (n) => n > 10,
      );
      const status = await vscode.commands.executeCommand<string>('sourcelint.statusText');
      assert.equal(status, `${unsourced} unsourced`);
    },
  ],
  [
    'marking a claim verified through the command writes the mark and the finding disappears',
    async () => {
      const doc = await openSample('mali-russia-draft.md');
      const actions = await statisticActions(doc, (t) => t === 'Mark claim verified…');
      const mark = actions.find((a) => a.title === 'Mark claim verified…')!;
      const [uri, offset, verdict] = mark.command!.arguments as [string, number, 'verified'];
      // The UI asks for the note; the command takes it as an argument too, which is how a test answers.
      assert.equal(
        await vscode.commands.executeCommand(
          'sourcelint.markClaim',
          uri,
          offset,
          verdict,
          'World Bank WDI, checked in e2e',
        ),
        true,
      );
      assert.match(doc.getText(), /2013\. <!-- verified: World Bank WDI, checked in e2e -->/);
      await eventually(
        () => ours(doc.uri).filter((d) => doc.getText(d.range) === 'around 10%'),
        (ds) => ds.length === 0,
      );
      const checklist = await vscode.commands.executeCommand<string>('sourcelint.exportChecklist', 'document');
      assert.match(checklist, /- \[x\] `mali-russia-draft\.md:11` .*around 10% of its GDP.* — \*\*verified\*\*/);
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    },
  ],
  [
    'the sources sample: an unreliable source is a warning, a Telegram post information, and the Sources view sums them up',
    async () => {
      const doc = await openSample('mali-russia-sources.md');
      const found = await eventually(
        () => ours(doc.uri).filter((d) => ['unreliable-source', 'non-source-link'].includes(codeOf(d))),
        (ds) => ds.length >= 8,
      );
      const rt = found.find((d) => doc.getText(d.range).startsWith('[RT]'));
      assert.equal(rt?.severity, vscode.DiagnosticSeverity.Warning);
      assert.match(rt!.message, /deprecated.*2021-03-17/);
      assert.equal(
        found.find((d) => doc.getText(d.range).startsWith('[post]'))?.severity,
        vscode.DiagnosticSeverity.Information,
      );
      const summary = await vscode.commands.executeCommand<string>('sourcelint.sourcesSummary');
      assert.match(
        summary,
        /^\d+ sources, 2 deprecated, 2 with no consensus, 3 links that are not sources, \d+ claims? rests? on a single source$/,
      );
    },
  ],
  [
    'the commands are registered',
    async () => {
      const commands = await vscode.commands.getCommands(true);
      for (const c of [
        'sourcelint.lintWorkspace',
        'sourcelint.pickCitation',
        'sourcelint.restartServer',
        'sourcelint.showOutput',
      ])
        assert.ok(commands.includes(c), c);
    },
  ],
];

export async function run(): Promise<void> {
  const outcomes: Outcome[] = [];
  for (const [name, fn] of tests) {
    try {
      await fn();
      outcomes.push({ name, ok: true });
    } catch (e) {
      outcomes.push({ name, ok: false, error: (e as Error).stack ?? String(e) });
    }
  }
  const failed = outcomes.filter((o) => !o.ok).length;
  const file =
    process.env.SOURCELINT_E2E_RESULTS ??
    path.join(vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? '.', '.e2e-results.json');
  fs.writeFileSync(file, JSON.stringify(outcomes, null, 2));
  for (const o of outcomes) console.log(`${o.ok ? 'ok' : 'not ok'} - ${o.name}${o.error ? `\n${o.error}` : ''}`);
  console.log(`${outcomes.length - failed} passed, ${failed} failed`);
  if (failed > 0) throw new Error(`${failed} end-to-end test(s) failed`);
}
