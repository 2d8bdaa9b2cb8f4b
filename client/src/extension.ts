/**
 * The VS Code extension: starts the Sourcelint language server over Node IPC and adds what only an editor can do
 * (pick lists, the status bar, commands). Thin by design: findings, fixes and completions all come from the server.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { ClaimsView } from './claims-view.js';
import { LANGUAGES, isLinted } from './languages.js';
import { SourcesView } from './sources-view.js';
import {
  CLIENT_COMMANDS,
  REQUESTS,
  type ChecklistParams,
  type CitationChoice,
  type InitializationOptions,
  type MarkClaimParams,
  type ReviewVerdict,
  type UriParams,
} from 'sourcelint/shared/protocol.cjs';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  // The bundled server (dist/server.mjs, built by `npm run build`) starts fastest; it carries the engine's data.
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.mjs'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--inspect=6011'] } },
  };
  const output = vscode.window.createOutputChannel('Sourcelint', { log: true });
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      ...LANGUAGES.map((language) => ({ language })),
      { pattern: '**/*.{md,markdown,mdx,qmd,Rmd,rmd}' },
    ],
    outputChannel: output,
    // Commands this extension runs itself: the server offers them as code actions only to editors that declare them.
    initializationOptions: { clientCommands: Object.values(CLIENT_COMMANDS) } satisfies InitializationOptions,
    // No file watcher here: the server registers watchers for exactly the configuration and bibliography files that
    // matter (configuration files anywhere, and the bibliographies open documents read).
    synchronize: { configurationSection: 'sourcelint' },
    middleware: {
      workspace: {
        // `sourcelint.trace.server` is this client's setting; the server validates the rest as configuration.
        configuration: async (params, token, next) => {
          const values = await next(params, token);
          return Array.isArray(values)
            ? values.map((v, i) => (params.items[i].section === 'sourcelint' ? withoutTrace(v) : v))
            : values;
        },
      },
    },
  };
  client = new LanguageClient('sourcelint', 'Sourcelint', serverOptions, clientOptions);

  const status = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Left, 100);
  status.command = 'workbench.actions.view.problems';
  let unsourcedText = '';
  const updateStatus = (): void => {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc || !isLinted(doc.languageId)) return status.hide();
    const ruleOf = (d: vscode.Diagnostic): string => String(typeof d.code === 'object' ? d.code.value : d.code);
    const unsourced = vscode.languages
      .getDiagnostics(doc.uri)
      .filter((d) => d.source === 'sourcelint' && ruleOf(d).startsWith('unsourced-')).length;
    unsourcedText = `${unsourced} unsourced`;
    status.text = `$(quote) ${unsourcedText}`;
    status.tooltip = 'Sourcelint: claims without a source in this document (click for the Problems view)';
    status.show();
  };

  const claimsView = new ClaimsView(() => client);
  const claimsTree = vscode.window.createTreeView('sourcelint.claims', { treeDataProvider: claimsView });
  const sourcesView = new SourcesView(() => client);
  const sourcesTree = vscode.window.createTreeView('sourcelint.sources', { treeDataProvider: sourcesView });
  const refreshSources = async (): Promise<void> => {
    await sourcesView.refresh();
    sourcesTree.message = sourcesView.summary || undefined;
  };
  /** Mark a claim verified or disputed: the note comes from the reviewer (or from a test's argument). */
  const markClaim = async (
    uri: string | undefined,
    offset: number | undefined,
    verdict: ReviewVerdict,
    note?: string,
  ): Promise<boolean> => {
    if (!uri || offset === undefined || !client) return false;
    const text =
      note ??
      (await vscode.window.showInputBox({
        title: `Mark claim ${verdict}`,
        prompt:
          verdict === 'verified' ? 'What did you check? (who, when, which source)' : 'What is wrong with the claim?',
        ignoreFocusOut: true,
      }));
    if (text === undefined) return false;
    return client.sendRequest<boolean>(REQUESTS.markClaim, {
      uri,
      offset,
      status: verdict,
      note: text || 'no note',
    } satisfies MarkClaimParams);
  };

  context.subscriptions.push(
    output,
    status,
    claimsTree,
    // Diagnostics change on every keystroke: ask the server for claims only while someone looks at the view.
    vscode.languages.onDidChangeDiagnostics(() => claimsTree.visible && void claimsView.refresh()),
    vscode.window.onDidChangeActiveTextEditor(() => claimsTree.visible && void claimsView.refresh()),
    claimsTree.onDidChangeVisibility((e) => e.visible && void claimsView.refresh()),
    sourcesTree,
    vscode.languages.onDidChangeDiagnostics(() => sourcesTree.visible && void refreshSources()),
    vscode.window.onDidChangeActiveTextEditor(() => sourcesTree.visible && void refreshSources()),
    sourcesTree.onDidChangeVisibility((e) => e.visible && void refreshSources()),
    // Not in the palette: lets tests read what the Sources view shows.
    vscode.commands.registerCommand(
      'sourcelint.sourcesSummary',
      async () => (await refreshSources(), sourcesView.summary),
    ),
    vscode.commands.registerCommand(
      CLIENT_COMMANDS.markClaim,
      (uri?: string, offset?: number, verdict: ReviewVerdict = 'verified', note?: string) =>
        markClaim(uri, offset, verdict, note),
    ),
    vscode.commands.registerCommand('sourcelint.markVerified', (node) => {
      const target = claimsView.target(node);
      return markClaim(target?.uri, target?.offset, 'verified');
    }),
    vscode.commands.registerCommand('sourcelint.markDisputed', (node) => {
      const target = claimsView.target(node);
      return markClaim(target?.uri, target?.offset, 'disputed');
    }),
    vscode.commands.registerCommand('sourcelint.exportChecklist', async (scope?: 'document' | 'workspace') => {
      const choice =
        scope ??
        ((await vscode.window.showQuickPick(['document', 'workspace'], {
          placeHolder: 'Export the checklist of the active document or of the workspace?',
        })) as 'document' | 'workspace' | undefined);
      if (!choice || !client) return undefined;
      const uris =
        choice === 'document'
          ? [vscode.window.activeTextEditor?.document.uri.toString()].filter((u): u is string => !!u)
          : (await vscode.workspace.findFiles('**/*.{md,markdown,mdx}', '**/node_modules/**')).map((u) => u.toString());
      const markdown = await client.sendRequest<string>(REQUESTS.checklist, { uris } satisfies ChecklistParams);
      const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: markdown });
      await vscode.window.showTextDocument(doc);
      return markdown;
    }),
    vscode.languages.onDidChangeDiagnostics(updateStatus),
    vscode.window.onDidChangeActiveTextEditor(updateStatus),
    vscode.commands.registerCommand('sourcelint.restartServer', async () => {
      await client?.restart();
    }),
    vscode.commands.registerCommand('sourcelint.showOutput', () => output.show(true)),
    // Not in the palette: lets tests read what the status bar shows.
    vscode.commands.registerCommand('sourcelint.statusText', () => (updateStatus(), unsourcedText)),
    vscode.commands.registerCommand('sourcelint.lintWorkspace', async () => {
      // Opening a document is what makes the server lint it; the Problems view then lists the whole workspace.
      const files = await vscode.workspace.findFiles('**/*.{md,markdown,mdx}', '**/node_modules/**');
      await Promise.all(files.map((f) => vscode.workspace.openTextDocument(f)));
      await vscode.commands.executeCommand('workbench.actions.view.problems');
    }),
    vscode.commands.registerCommand(CLIENT_COMMANDS.pickCitation, async (uri?: string, offset?: number) => {
      const editor = vscode.window.activeTextEditor;
      const docUri = uri ?? editor?.document.uri.toString();
      if (!docUri || !client) return;
      const entries = await client.sendRequest<CitationChoice[]>(REQUESTS.bibliography, {
        uri: docUri,
      } satisfies UriParams);
      if (entries.length === 0) {
        void vscode.window.showInformationMessage(
          'Sourcelint: this document has no bibliography (add `bibliography:` to its front matter).',
        );
        return;
      }
      const picked = await vscode.window.showQuickPick(
        entries.map((e) => ({ label: e.key, description: e.short, detail: e.reference })),
        { placeHolder: 'Cite from the bibliography', matchOnDescription: true, matchOnDetail: true },
      );
      if (!picked) return;
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(docUri));
      const position =
        offset === undefined ? (editor?.selection.active ?? new vscode.Position(0, 0)) : doc.positionAt(offset);
      const edit = new vscode.WorkspaceEdit();
      edit.insert(doc.uri, position, ` [@${picked.label}]`);
      await vscode.workspace.applyEdit(edit);
    }),
  );
  await client.start();
  updateStatus();
  if (claimsTree.visible) void claimsView.refresh();
  if (sourcesTree.visible) void refreshSources();
}

function withoutTrace(settings: unknown): unknown {
  if (!settings || typeof settings !== 'object') return settings;
  const { trace: _trace, ...rest } = settings as Record<string, unknown>;
  return rest;
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
