/**
 * Sourcelint's own LSP extensions: the custom requests the language server answers, the commands an editor may run
 * for it, and the payloads of both. One module for the server (lsp/) and the VS Code client (client/), which imports it
 * at build time: it holds names and types only, so the client's bundle takes nothing of the engine with it. CommonJS
 * (`.cts`), because the client is: an ES module would need an import() where a name is wanted.
 */
import type { ClaimStatus, ReviewClaim, ListedSource } from '../engine/index.js' with { 'resolution-mode': 'import' };

/** A position as LSP speaks it: 0-based line, character in the negotiated encoding. */
export interface Range {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

export interface UriParams {
  uri: string;
}

/** One entry of the document's bibliography, for the editor's "Pick citation…" list. */
export interface CitationChoice {
  key: string;
  short: string;
  reference: string;
}

/** A claim for the Claims view: the reviewer's view of it, where it is, and where a review mark goes. */
export type ClaimItem = Omit<ReviewClaim, 'span'> & { range: Range; markOffset: number };

/** A cited source for the Sources view, with the range of its first use. */
export type SourceItem = Omit<ListedSource, 'first'> & { range: Range };

export interface SourcesAnswer {
  /** The summary line ("14 sources, 2 deprecated, …"). */
  summary: string;
  sources: SourceItem[];
}

export type ReviewVerdict = Extract<ClaimStatus, 'verified' | 'disputed'>;

export interface MarkClaimParams {
  uri: string;
  /** Where the mark goes (see `ClaimItem.markOffset`), in UTF-16 code units. */
  offset: number;
  status: ReviewVerdict;
  note: string;
}

export interface ChecklistParams {
  uris: string[];
}

/** Custom requests, client → server. */
export const REQUESTS = {
  /** `UriParams` → `CitationChoice[]`. */
  bibliography: 'sourcelint/bibliography',
  /** `UriParams` → `ClaimItem[]`. */
  claims: 'sourcelint/claims',
  /** `UriParams` → `SourcesAnswer`. */
  sources: 'sourcelint/sources',
  /** `MarkClaimParams` → whether the edit was applied. */
  markClaim: 'sourcelint/markClaim',
  /** `ChecklistParams` → the Markdown review checklist. */
  checklist: 'sourcelint/checklist',
} as const;

/**
 * Commands the VS Code client runs itself and declares in `initializationOptions.clientCommands`; the server offers
 * code actions that run them only to a client that declared them.
 */
export const CLIENT_COMMANDS = {
  /** `(uri, offset)`: asks for a bibliography entry and inserts its citation at the offset. */
  pickCitation: 'sourcelint.pickCitation',
  /** `(uri, offset, status, note?)`: asks the reviewer for a note, then has the server write the review mark. */
  markClaim: 'sourcelint.markClaim',
} as const;

export interface InitializationOptions {
  /** The client's `sourcelint.*` settings at start-up. */
  settings?: unknown;
  clientCommands?: string[];
}
