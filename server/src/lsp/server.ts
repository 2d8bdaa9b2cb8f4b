/**
 * `sourcelint-language-server`: the LSP adapter over the engine. Speaks stdio or Node IPC (whatever the command line
 * says, as vscode-languageserver reads it). No rule logic here: lint results come from the engine, edits from
 * engine/edits.ts. Every handler is guarded: a bad request is logged and answered empty, the server keeps serving.
 */
import { fileURLToPath } from 'node:url';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DocumentDiagnosticReportKind,
  MessageType,
  ProposedFeatures,
  ShowMessageNotification,
  TextDocumentSyncKind,
  TextDocuments,
  createConnection,
  type Connection,
  type DocumentDiagnosticParams,
  type DocumentDiagnosticReport,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Workspace } from './documents.js';
import { claimRows, formatReference, formatShortReference, reviewClaims, reviewMark, reviewMarkOffset } from '../engine/index.js';
import { formatClaimsMarkdown } from '../cli/formatters/claims.js';
import { filePathOf } from './documents.js';
import { toDiagnostics } from './diagnostics.js';
import { FIX_ALL_KIND, codeActionsFor, fixAll } from './actions.js';
import { completionsAt, definitionAt, documentLinks, hoverAt } from './navigation.js';

/** Light debounce: coalesces a burst of keystrokes, far below what a writer notices. */
const DEBOUNCE_MS = 5;

export function startServer(connection: Connection = createConnection(ProposedFeatures.all)): void {
  const documents = new TextDocuments(TextDocument);
  let failureShown = false;
  const workspace = new Workspace(
    (m) => connection.console.log(m),
    // Our own failure (not the user's configuration): an error in the log, and shown once, or the user sees nothing.
    (m) => {
      connection.console.error(m);
      // A notification, not window/showMessageRequest: nothing for a client to reject.
      if (!failureShown) void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Error, message: `Sourcelint cannot lint: ${m.split('\n')[0]} (details in the log)` });
      failureShown = true;
    },
  );
  let pullDiagnostics = false;
  let configurationPull = false;
  const abilities = { snippets: false };
  let root: string | undefined;
  const timers = new Map<string, NodeJS.Timeout>();

  const guard =
    <A extends unknown[], R>(name: string, fallback: R, fn: (...args: A) => R) =>
    (...args: A): R => {
      try {
        return fn(...args);
      } catch (e) {
        connection.console.error(`${name} failed: ${(e as Error).stack ?? e}`);
        return fallback;
      }
    };

  const resultOf = (uri: string) => {
    const doc = documents.get(uri);
    return doc ? workspace.resultFor(doc) : undefined;
  };

  const publish = (uri: string): void => {
    const result = resultOf(uri);
    if (result) void connection.sendDiagnostics({ uri, version: documents.get(uri)?.version, diagnostics: toDiagnostics(result) });
  };

  const schedule = (uri: string): void => {
    if (pullDiagnostics) return;
    clearTimeout(timers.get(uri));
    timers.set(uri, setTimeout(guard('diagnostics', undefined, () => { timers.delete(uri); publish(uri); }), DEBOUNCE_MS));
  };

  const refreshAll = (): void => {
    workspace.invalidate();
    if (pullDiagnostics) void connection.languages.diagnostics.refresh();
    else for (const doc of documents.all()) schedule(doc.uri);
  };

  const pullSettings = async (): Promise<void> => {
    if (!configurationPull) return;
    try {
      workspace.setSettings(await connection.workspace.getConfiguration('sourcelint'));
    } catch (e) {
      connection.console.error(`reading settings failed: ${(e as Error).message}`);
    }
  };

  connection.onInitialize((params): InitializeResult => {
    const caps = params.capabilities;
    pullDiagnostics = !!caps.textDocument?.diagnostic;
    configurationPull = !!caps.workspace?.configuration;
    abilities.snippets = !!caps.workspace?.workspaceEdit?.snippetEditSupport;
    const folder = params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? undefined;
    root = folder?.startsWith('file:') ? fileURLToPath(folder) : undefined;
    workspace.settingsBase = root;
    workspace.setSettings(params.initializationOptions?.settings);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        completionProvider: { triggerCharacters: ['@', '^'] },
        hoverProvider: true,
        definitionProvider: true,
        documentLinkProvider: { resolveProvider: false },
        diagnosticProvider: pullDiagnostics ? { interFileDependencies: false, workspaceDiagnostics: false } : undefined,
      },
      serverInfo: { name: 'sourcelint-language-server' },
    };
  });

  connection.onInitialized(async () => {
    if (configurationPull) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'sourcelint' });
    await pullSettings();
    refreshAll();
  });

  connection.onDidChangeConfiguration(async (change) => {
    if (configurationPull) await pullSettings();
    else workspace.setSettings((change.settings as { sourcelint?: unknown } | undefined)?.sourcelint);
    refreshAll();
  });

  // Configuration and bibliography files: the client watches them (see client/) and tells us.
  connection.onDidChangeWatchedFiles(() => refreshAll());

  documents.onDidChangeContent((e) => schedule(e.document.uri));
  documents.onDidClose((e) => {
    workspace.close(e.document.uri);
    if (!pullDiagnostics) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.languages.diagnostics.on(
    guard('pull diagnostics', { kind: DocumentDiagnosticReportKind.Full, items: [] } as DocumentDiagnosticReport, (params: DocumentDiagnosticParams) => {
      const result = resultOf(params.textDocument.uri);
      return { kind: DocumentDiagnosticReportKind.Full, items: result ? toDiagnostics(result) : [] } as DocumentDiagnosticReport;
    }),
  );

  connection.onCodeAction(
    guard('code actions', [], (params) => {
      const result = resultOf(params.textDocument.uri);
      if (!result) return [];
      const only = params.context.only;
      const wantsFixAll = only?.some((k) => FIX_ALL_KIND.startsWith(k) && k.startsWith(CodeActionKind.Source));
      if (wantsFixAll) {
        const action = fixAll(params.textDocument.uri, result);
        return action ? [action] : [];
      }
      return codeActionsFor(params.textDocument.uri, root, result, params.context.diagnostics, abilities);
    }),
  );

  connection.onCompletion(guard('completion', [], (params) => {
    const result = resultOf(params.textDocument.uri);
    return result ? completionsAt(result, params.position) : [];
  }));
  connection.onHover(guard('hover', null, (params) => {
    const result = resultOf(params.textDocument.uri);
    return (result && hoverAt(result, params.position)) ?? null;
  }));
  connection.onDefinition(guard('definition', null, (params) => {
    const result = resultOf(params.textDocument.uri);
    return (result && definitionAt(result, params.textDocument.uri, params.position)) ?? null;
  }));
  // The client's "Pick citation…" list: every entry of the document's bibliography.
  connection.onRequest(
    'sourcelint/bibliography',
    guard('bibliography', [], (params: { uri: string }) => {
      const entries = resultOf(params.uri)?.bibliography?.entries.values() ?? [];
      return [...entries].map((e) => ({ key: e.key, short: formatShortReference(e), reference: formatReference(e) }));
    }),
  );

  // The Claims view: every claim of a document with its status, sources and note.
  connection.onRequest(
    'sourcelint/claims',
    guard('claims', [], (params: { uri: string }) => {
      const result = resultOf(params.uri);
      if (!result) return [];
      const doc = result.textDocument;
      return reviewClaims(result).map(({ span, ...claim }) => ({
        ...claim,
        range: { start: doc.positionAt(span.start), end: doc.positionAt(span.end) },
        markOffset: reviewMarkOffset(result.document.text, span),
      }));
    }),
  );

  // "Mark verified / disputed": the client asked the reviewer for the note; the edit is made here, like every edit.
  connection.onRequest(
    'sourcelint/markClaim',
    guard('mark claim', Promise.resolve(false), async (params: { uri: string; offset: number; status: 'verified' | 'disputed'; note: string }) => {
      const doc = documents.get(params.uri);
      if (!doc) return false;
      const at = doc.positionAt(params.offset);
      const applied = await connection.workspace.applyEdit({ changes: { [params.uri]: [{ range: { start: at, end: at }, newText: reviewMark(params.status, params.note) }] } });
      return applied.applied;
    }),
  );

  // "Export review checklist": the Markdown checklist of the given documents (open or on disk).
  connection.onRequest(
    'sourcelint/checklist',
    guard('checklist', '', (params: { uris: string[] }) => {
      const rows = params.uris.flatMap((uri) => {
        const result = resultOf(uri) ?? workspace.resultForFile(uri);
        if (!result) return [];
        return claimRows(result, filePathOf(uri));
      });
      return formatClaimsMarkdown(rows, root ?? process.cwd());
    }),
  );

  connection.onDocumentLinks(guard('document links', [], (params) => {
    const result = resultOf(params.textDocument.uri);
    return result ? documentLinks(result, params.textDocument.uri) : [];
  }));

  documents.listen(connection);
  connection.listen();
}

