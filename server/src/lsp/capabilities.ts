/**
 * The answer to `initialize`: what the server offers, given what the client declared. Kept apart from the handlers and
 * light (no engine), so that main.ts answers before the engine has loaded.
 */
import fs from 'node:fs';
import path from 'node:path';
import type {
  ClientCapabilities,
  CodeActionKind,
  InitializeParams,
  InitializeResult,
  TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import { negotiateEncoding } from './encoding.js';
import { shippedFile } from '../engine/paths.js';

// The protocol's values, written out: importing the library's constants would load all of it (main.ts answers first).
const QUICK_FIX: CodeActionKind = 'quickfix';
const SOURCE_FIX_ALL: CodeActionKind = 'source.fixAll';
const INCREMENTAL_SYNC: TextDocumentSyncKind = 2;

export const FIX_ALL_KIND = `${SOURCE_FIX_ALL}.sourcelint`;

/** What the client declared it can do, read once from `initialize`. */
export interface ClientSupport {
  /** Pull diagnostics, only with refresh: without it a configuration change could never reach the screen. */
  pullDiagnostics: boolean;
  configurationPull: boolean;
  configurationRegistration: boolean;
  watchRegistration: boolean;
  relativePatterns: boolean;
  applyEdit: boolean;
  /**
   * What a diagnostic may carry besides its range, code and message. Left out for a client that did not declare it:
   * on a long draft the rule's link and the fix data are a third of every `publishDiagnostics` sent per keystroke.
   */
  diagnosticLinks: boolean;
  diagnosticData: boolean;
}

export function readClientSupport(caps: ClientCapabilities): ClientSupport {
  const workspace = caps.workspace;
  return {
    pullDiagnostics: !!caps.textDocument?.diagnostic && !!workspace?.diagnostics?.refreshSupport,
    configurationPull: !!workspace?.configuration,
    configurationRegistration: !!workspace?.didChangeConfiguration?.dynamicRegistration,
    watchRegistration: !!workspace?.didChangeWatchedFiles?.dynamicRegistration,
    relativePatterns: !!workspace?.didChangeWatchedFiles?.relativePatternSupport,
    applyEdit: !!workspace?.applyEdit,
    diagnosticLinks: !!caps.textDocument?.publishDiagnostics?.codeDescriptionSupport,
    diagnosticData: !!caps.textDocument?.publishDiagnostics?.dataSupport,
  };
}

/** The package's version, from the package.json beside the compiled tree (server/) or above the bundle (dist/..). */
function serverVersion(): string | undefined {
  for (const file of [shippedFile('package.json'), path.join(shippedFile(), '..', 'package.json')]) {
    try {
      const version = (JSON.parse(fs.readFileSync(file, 'utf8')) as { version?: unknown }).version;
      if (typeof version === 'string') return version;
    } catch {
      // Not there: try the next place.
    }
  }
  return undefined;
}

export function initializeResult(params: InitializeParams): InitializeResult {
  const caps = params.capabilities;
  return {
    capabilities: {
      positionEncoding: negotiateEncoding(caps.general?.positionEncodings),
      textDocumentSync: INCREMENTAL_SYNC,
      codeActionProvider: { codeActionKinds: [QUICK_FIX, FIX_ALL_KIND] },
      completionProvider: { triggerCharacters: ['@', '^'] },
      hoverProvider: true,
      definitionProvider: true,
      documentLinkProvider: { resolveProvider: false },
      diagnosticProvider: readClientSupport(caps).pullDiagnostics
        ? { interFileDependencies: false, workspaceDiagnostics: false }
        : undefined,
    },
    serverInfo: { name: 'sourcelint-language-server', version: serverVersion() },
  };
}
