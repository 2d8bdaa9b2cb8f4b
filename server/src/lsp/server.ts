/**
 * `sourcelint-language-server`: the LSP adapter over the engine. Speaks stdio or Node IPC (whatever the command line
 * says, as vscode-languageserver reads it). No rule logic here: lint results come from the engine, edits from
 * engine/edits.ts. Every handler is guarded: a bad request is logged and answered empty, the server keeps serving.
 * Every server → client message is sent only if the client declared it can take it, and a rejected one is logged.
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DocumentDiagnosticReportKind,
  LSPErrorCodes,
  MessageType,
  ResponseError,
  ShowMessageNotification,
  TextDocuments,
  type CancellationToken,
  type Connection,
  type Diagnostic,
  type DiagnosticServerCancellationData,
  type DocumentDiagnosticParams,
  type DocumentDiagnosticReport,
  type InitializeParams,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Workspace } from './documents.js';
import {
  formatReference,
  formatShortReference,
  listSources,
  readRegularTextFile,
  reviewClaims,
  reviewMark,
  reviewMarkOffset,
  type LintResult,
} from '../engine/index.js';
import { claimRows, formatClaimsMarkdown } from '../shared/checklist.js';
import {
  REQUESTS,
  type ChecklistParams,
  type CitationChoice,
  type ClaimItem,
  type InitializationOptions,
  type MarkClaimParams,
  type SourcesAnswer,
  type UriParams,
} from '../shared/protocol.cjs';
import { filePathOf } from './documents.js';
import {
  configErrorLine,
  configErrorOnDocument,
  documentTooLarge,
  lineRange,
  settingsErrorOnDocument,
  toDiagnostics,
} from './diagnostics.js';
import { codeActionsFor, fixAll, type ClientAbilities } from './actions.js';
import { FIX_ALL_KIND, readClientSupport, type ClientSupport } from './capabilities.js';
import { completionsAt, definitionAt, documentLinks, hoverAt } from './navigation.js';
import { applyChanges, inEncoding, negotiateEncoding, type PositionEncoding } from './encoding.js';
import { ClientWatchRegistration, FolderWatcher, watchTargets } from './watch.js';
import type { Inbound } from './inbound.js';

/**
 * No debounce: a lint already waits for the edits received before it (inbound.ts), which is what coalesces a burst; a
 * delay would be added to every keystroke's diagnostics.
 */
const DEBOUNCE_MS = 0;
/** File events come in bursts (write, rename, chmod; two watchers): wait this long for the burst to end. */
const WATCH_SETTLE_MS = 50;

/** What the server learns and keeps while it runs, in one place: the handlers below read and update it. */
interface ServerState {
  /** Negotiated in `initialize`. */
  encoding: PositionEncoding;
  /** What the client declared, read in `initialize`. */
  support: ClientSupport;
  abilities: ClientAbilities;
  /** The first workspace folder, when it is on disk. */
  root: string | undefined;
  /** A failure of our own has been shown to the user (once is enough). */
  failureShown: boolean;
  /** Debounce timers of the documents' diagnostics. */
  timers: Map<string, NodeJS.Timeout>;
  /** Settling a burst of file events. */
  watchedTimer: NodeJS.Timeout | undefined;
  folderWatcher: FolderWatcher | undefined;
  clientWatch: ClientWatchRegistration | undefined;
  /** Configuration files that carry a configuration error's diagnostic, with its message. */
  configFileDiagnostics: Map<string, string>;
}

/**
 * Serves `connection`, whose `initialize` main.ts has answered (capabilities.ts) with `params`. `inbound` sees the
 * connection's messages (its `strategy` is in the connection's options).
 */
export function startServer(inbound: Inbound, connection: Connection, params: InitializeParams): void {
  const state: ServerState = {
    encoding: 'utf-16',
    support: readClientSupport({}),
    abilities: { snippets: false, commands: new Set(), createFiles: false },
    root: undefined,
    failureShown: false,
    timers: new Map(),
    watchedTimer: undefined,
    folderWatcher: undefined,
    clientWatch: undefined,
    configFileDiagnostics: new Map(),
  };
  const documents = new TextDocuments<TextDocument>({
    create: (uri, languageId, version, content) => TextDocument.create(uri, languageId, version, content),
    update: (doc, changes, version) => applyChanges(doc, changes, version, () => state.encoding),
  });
  const log = (m: string) => connection.console.log(m);
  const workspace = new Workspace(
    log,
    // Our own failure (not the user's configuration): an error in the log, and shown once, or the user sees nothing.
    (m) => {
      connection.console.error(m);
      // A notification, not window/showMessageRequest: nothing for a client to reject.
      if (!state.failureShown)
        void connection.sendNotification(ShowMessageNotification.type, {
          type: MessageType.Error,
          message: `Sourcelint cannot lint: ${m.split('\n')[0]} (details in the log)`,
        });
      state.failureShown = true;
    },
  );
  // With the client's trace on (`sourcelint.trace.server`), each lint is traced: what was linted, and how long it took.
  workspace.onLinted = (uri, version, ms) =>
    connection.tracer.log(`lint ${path.basename(filePathOf(uri))} version ${version}: ${ms.toFixed(1)} ms`);
  // Saved source copies are prepared off the keystroke path (documents.ts); once ready, the document is linted again.
  workspace.onCopiesReady = (uri, prepared, changed) => {
    updateWatches();
    if (!changed) return;
    log(
      `${filePathOf(uri)}: ${prepared.count} saved source cop${prepared.count === 1 ? 'y' : 'ies'} ready (${prepared.extracted} extracted, ${prepared.fromDisk} from the cache)`,
    );
    if (state.support.pullDiagnostics) tolerate('diagnostic refresh', connection.languages.diagnostics.refresh());
    else schedule(uri);
  };

  /** A handler that logs its failure and answers `fallback` (a promise's rejection too). */
  const guard =
    <A extends unknown[], R>(name: string, fallback: NoInfer<Awaited<R>>, fn: (...args: A) => R) =>
    (...args: A): R => {
      const failed = (e: unknown): Awaited<R> => {
        connection.console.error(`${name} failed: ${(e as Error).stack ?? e}`);
        return fallback;
      };
      try {
        const answer = fn(...args);
        return (answer instanceof Promise ? answer.catch(failed) : answer) as R;
      } catch (e) {
        return failed(e) as R;
      }
    };

  /** A message to the client that may be refused (or the client may be gone): logged, never fatal. */
  const tolerate = (what: string, sent: Promise<unknown>): void => {
    sent.catch((e: Error) => connection.console.error(`${what} failed: ${e.message}`));
  };

  /**
   * The document as it stands once the messages already received are handled (edits on their way included), or
   * undefined when a newer version superseded the one that was current when asked, when it was closed, or when the
   * client cancelled the request: what was asked about that version can no longer be answered right.
   */
  const settled = async (uri: string, token?: CancellationToken): Promise<TextDocument | undefined> => {
    const version = documents.get(uri)?.version;
    await inbound.drained();
    const doc = documents.get(uri);
    return doc && doc.version === version && !token?.isCancellationRequested ? doc : undefined;
  };

  /**
   * What a request about an open document is answered from: the lint result of the version it was made on (each
   * version is linted once, by whichever of the diagnostics and the requests needs it first); undefined if superseded.
   */
  const settledResult = async (
    uri: string,
    token: CancellationToken,
  ): Promise<{ doc: TextDocument; result: LintResult } | undefined> => {
    const doc = await settled(uri, token);
    const result = doc && resultOf(uri);
    return result && { doc, result };
  };

  /** The document's lint result, with positions in the client's encoding. */
  const resultOf = (uri: string): LintResult | undefined => {
    const doc = documents.get(uri);
    const result = doc && workspace.resultFor(doc);
    return (
      result &&
      (state.encoding === 'utf-16'
        ? result
        : { ...result, textDocument: inEncoding(result.textDocument, state.encoding) })
    );
  };

  /** Findings, or the configuration error that stops them: never stale findings from before the error. */
  const diagnosticsOf = (uri: string): Diagnostic[] => {
    const result = resultOf(uri);
    const issue = workspace.configIssueFor(uri);
    const doc = documents.get(uri);
    // A broken front matter is shown where it is broken; a broken configuration file, on the first line.
    const at =
      doc && issue?.file === filePathOf(uri)
        ? lineRange(inEncoding(doc, state.encoding), configErrorLine(doc.getText(), issue.message))
        : undefined;
    const tooLarge = workspace.tooLargeMessage(uri);
    const diagnostics = result
      ? toDiagnostics(result, state.support, result.textDocument, doc?.version)
      : issue
        ? [configErrorOnDocument(issue.message, at)]
        : tooLarge
          ? [documentTooLarge(tooLarge)]
          : [];
    if (workspace.settingsError) diagnostics.unshift(settingsErrorOnDocument(workspace.settingsError));
    syncConfigFileDiagnostics();
    updateWatches();
    return diagnostics;
  };

  /** Configuration errors also go on the configuration file itself (cleared once it is fixed). */
  const syncConfigFileDiagnostics = (): void => {
    const wanted = new Map<string, string>();
    for (const issue of workspace.allConfigIssues().values()) {
      if (issue.file && !documents.get(pathToFileURL(issue.file).href))
        wanted.set(pathToFileURL(issue.file).href, issue.message);
    }
    for (const [uri, message] of wanted) {
      if (state.configFileDiagnostics.get(uri) === message) continue;
      let text = '';
      try {
        text = readRegularTextFile(fileURLToPath(uri));
      } catch {
        // Unreadable (or not a regular file: a FIFO must not block the server): the message says so; the diagnostic
        // goes on the first line.
      }
      const file = inEncoding(TextDocument.create(uri, 'json', 0, text), state.encoding);
      const diagnostic = {
        ...configErrorOnDocument(message, lineRange(file, configErrorLine(text, message))),
        message,
      };
      tolerate('publishing diagnostics', connection.sendDiagnostics({ uri, diagnostics: [diagnostic] }));
    }
    for (const uri of state.configFileDiagnostics.keys())
      if (!wanted.has(uri)) tolerate('publishing diagnostics', connection.sendDiagnostics({ uri, diagnostics: [] }));
    state.configFileDiagnostics = wanted;
  };

  const updateWatches = (): void => {
    const { folders, files } = workspace.watched();
    state.clientWatch?.update(files);
    state.folderWatcher?.update(watchTargets(folders, files));
  };

  /**
   * Lints the document once the edits already received are applied, and publishes the diagnostics unless an edit that
   * arrived during the lint superseded them (its own publication is scheduled).
   */
  const publish = async (uri: string): Promise<void> => {
    const doc = await settled(uri);
    if (!doc) return;
    const diagnostics = diagnosticsOf(uri);
    if (!(await settled(uri))) return;
    tolerate('publishing diagnostics', connection.sendDiagnostics({ uri, version: doc.version, diagnostics }));
  };

  const schedule = (uri: string): void => {
    if (state.support.pullDiagnostics) return;
    clearTimeout(state.timers.get(uri));
    state.timers.set(
      uri,
      setTimeout(
        guard('diagnostics', undefined, () => {
          state.timers.delete(uri);
          return publish(uri);
        }),
        DEBOUNCE_MS,
      ),
    );
  };

  const refreshAll = (): void => {
    workspace.invalidate();
    if (state.support.pullDiagnostics) tolerate('diagnostic refresh', connection.languages.diagnostics.refresh());
    else for (const doc of documents.all()) schedule(doc.uri);
    // Configuration files with errors are re-read by the documents that use them; with no documents open, clear them.
    if (documents.all().length === 0) syncConfigFileDiagnostics();
  };

  const applySettings = (raw: unknown): void => {
    const before = workspace.settingsError;
    workspace.setSettings(raw);
    const error = workspace.settingsError;
    if (error && error !== before)
      tolerate(
        'showing a message',
        connection.sendNotification('window/showMessage', {
          type: MessageType.Warning,
          message: `Sourcelint settings ignored: ${error}`,
        }),
      );
  };

  const pullSettings = async (): Promise<void> => {
    if (!state.support.configurationPull) return;
    try {
      applySettings(await connection.workspace.getConfiguration('sourcelint'));
    } catch (e) {
      connection.console.error(`reading settings failed: ${(e as Error).message}`);
    }
  };

  // What `initialize` told: the client's abilities, its workspace and its settings.
  {
    const caps = params.capabilities;
    state.support = readClientSupport(caps);
    state.encoding = negotiateEncoding(caps.general?.positionEncodings);
    const options = (params.initializationOptions ?? {}) as { [K in keyof InitializationOptions]?: unknown };
    state.abilities.snippets = !!caps.workspace?.workspaceEdit?.snippetEditSupport;
    state.abilities.createFiles = !!caps.workspace?.workspaceEdit?.resourceOperations?.includes('create');
    state.abilities.commands = new Set(
      Array.isArray(options.clientCommands)
        ? options.clientCommands.filter((c): c is string => typeof c === 'string')
        : [],
    );
    const folder = params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? undefined;
    state.root = folder?.startsWith('file:') ? fileURLToPath(folder) : undefined;
    workspace.settingsBase = state.root;
    const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    workspace.roots = folders.filter((f) => f.startsWith('file:')).map(filePathOf);
    workspace.setSettings(options.settings);
  }

  connection.onInitialized(async () => {
    if (state.support.configurationRegistration)
      tolerate(
        'registering for configuration changes',
        connection.client.register(DidChangeConfigurationNotification.type, { section: 'sourcelint' }),
      );
    if (state.support.watchRegistration)
      state.clientWatch = new ClientWatchRegistration(connection, state.support.relativePatterns, log);
    else state.folderWatcher = new FolderWatcher(guard('refresh', undefined, refreshAll), WATCH_SETTLE_MS, log);
    updateWatches();
    await pullSettings();
    refreshAll();
  });

  connection.onDidChangeConfiguration(async (change) => {
    if (state.support.configurationPull) await pullSettings();
    else applySettings((change.settings as { sourcelint?: unknown } | null | undefined)?.sourcelint);
    refreshAll();
  });

  // Configuration and bibliography files: the client watches them when it can (see watch.ts) and tells us. A save
  // comes as several events (and VS Code's own watcher may report it too): one refresh per burst.
  connection.onDidChangeWatchedFiles(() => {
    clearTimeout(state.watchedTimer);
    state.watchedTimer = setTimeout(guard('refresh', undefined, refreshAll), WATCH_SETTLE_MS);
  });

  documents.onDidChangeContent((e) => schedule(e.document.uri));
  documents.onDidClose((e) => {
    clearTimeout(state.timers.get(e.document.uri));
    workspace.close(e.document.uri);
    if (!state.support.pullDiagnostics)
      tolerate('publishing diagnostics', connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] }));
    syncConfigFileDiagnostics();
    updateWatches();
  });
  connection.onShutdown(() => {
    state.folderWatcher?.dispose();
    for (const timer of state.timers.values()) clearTimeout(timer);
  });

  connection.languages.diagnostics.on(
    guard(
      'pull diagnostics',
      { kind: DocumentDiagnosticReportKind.Full, items: [] } as DocumentDiagnosticReport,
      async (params: DocumentDiagnosticParams, token: CancellationToken) => {
        const uri = params.textDocument.uri;
        // Superseded by an edit: the client asks again for the new version (and may be told to).
        if (documents.get(uri) && !(await settled(uri, token)))
          return new ResponseError<DiagnosticServerCancellationData>(
            LSPErrorCodes.ServerCancelled,
            'the document changed',
            { retriggerRequest: true },
          );
        return { kind: DocumentDiagnosticReportKind.Full, items: diagnosticsOf(uri) } as DocumentDiagnosticReport;
      },
    ),
  );

  connection.onCodeAction(
    guard('code actions', [], async (params, token) => {
      const settledNow = await settledResult(params.textDocument.uri, token);
      if (!settledNow) return [];
      const { doc, result } = settledNow;
      const only = params.context.only;
      const wantsFixAll = only?.some((k) => FIX_ALL_KIND.startsWith(k) && k.startsWith(CodeActionKind.Source));
      if (wantsFixAll) {
        const action = fixAll(params.textDocument.uri, result);
        return action ? [action] : [];
      }
      const range = {
        start: result.textDocument.offsetAt(params.range.start),
        end: result.textDocument.offsetAt(params.range.end),
      };
      return codeActionsFor(
        params.textDocument.uri,
        state.root,
        result,
        range,
        params.context.diagnostics,
        state.abilities,
        doc.version,
      );
    }),
  );

  connection.onCompletion(
    guard('completion', [], async (params, token) => {
      const result = (await settledResult(params.textDocument.uri, token))?.result;
      return result ? completionsAt(result, params.position) : [];
    }),
  );
  connection.onHover(
    guard('hover', null, async (params, token) => {
      const result = (await settledResult(params.textDocument.uri, token))?.result;
      return (result && hoverAt(result, params.position)) ?? null;
    }),
  );
  connection.onDefinition(
    guard('definition', null, async (params, token) => {
      const result = (await settledResult(params.textDocument.uri, token))?.result;
      return (result && definitionAt(result, params.textDocument.uri, params.position)) ?? null;
    }),
  );
  // The client's "Pick citation…" list: every entry of the document's bibliography.
  connection.onRequest(
    REQUESTS.bibliography,
    guard('bibliography', [], async (params: UriParams, token: CancellationToken): Promise<CitationChoice[]> => {
      const entries = (await settledResult(params.uri, token))?.result.bibliography?.entries.values() ?? [];
      return [...entries].map((e) => ({ key: e.key, short: formatShortReference(e), reference: formatReference(e) }));
    }),
  );

  // The Claims view: every claim of a document with its status, sources and note.
  connection.onRequest(
    REQUESTS.claims,
    guard('claims', [], async (params: UriParams, token: CancellationToken): Promise<ClaimItem[]> => {
      const result = (await settledResult(params.uri, token))?.result;
      if (!result) return [];
      const doc = result.textDocument;
      return reviewClaims(result).map(({ span, ...claim }) => ({
        ...claim,
        range: { start: doc.positionAt(span.start), end: doc.positionAt(span.end) },
        markOffset: reviewMarkOffset(result.document.text, span),
      }));
    }),
  );

  // The Sources view: every source the document cites, its rating and use, and the summary line.
  connection.onRequest(
    REQUESTS.sources,
    guard(
      'sources',
      { summary: '', sources: [] },
      async (params: UriParams, token: CancellationToken): Promise<SourcesAnswer> => {
        const result = (await settledResult(params.uri, token))?.result;
        if (!result) return { summary: '', sources: [] };
        const { sources, summary } = listSources(result);
        const doc = result.textDocument;
        return {
          summary: summary.line,
          sources: sources.map(({ first, ...s }) => ({
            ...s,
            range: { start: doc.positionAt(first.start), end: doc.positionAt(first.end) },
          })),
        };
      },
    ),
  );

  // "Mark verified / disputed": the client asked the reviewer for the note; the edit is made here, like every edit.
  connection.onRequest(
    REQUESTS.markClaim,
    guard('mark claim', false, async (params: MarkClaimParams): Promise<boolean> => {
      const doc = documents.get(params.uri);
      if (!doc || !state.support.applyEdit) return false;
      const at = inEncoding(doc, state.encoding).positionAt(params.offset);
      try {
        const applied = await connection.workspace.applyEdit({
          changes: {
            [params.uri]: [{ range: { start: at, end: at }, newText: reviewMark(params.status, params.note) }],
          },
        });
        return applied.applied;
      } catch (e) {
        connection.console.error(`applying the review mark failed: ${(e as Error).message}`);
        return false;
      }
    }),
  );

  // "Export review checklist": the Markdown checklist of the given documents (open or on disk).
  connection.onRequest(
    REQUESTS.checklist,
    guard('checklist', '', (params: ChecklistParams): string => {
      const rows = params.uris.flatMap((uri) => {
        const doc = documents.get(uri);
        const result = (doc && workspace.resultFor(doc)) ?? workspace.resultForFile(uri);
        if (!result) return [];
        return claimRows(result, filePathOf(uri));
      });
      return formatClaimsMarkdown(rows, state.root ?? process.cwd());
    }),
  );

  connection.onDocumentLinks(
    guard('document links', [], async (params, token) => {
      const result = (await settledResult(params.textDocument.uri, token))?.result;
      return result ? documentLinks(result, params.textDocument.uri) : [];
    }),
  );

  documents.listen(connection);
}
