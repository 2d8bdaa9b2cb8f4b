/**
 * Saved copies of a document's sources (issue #10): what the evidence rules read.
 *
 * Reading copies is slow and asynchronous (PDF and HTML extraction), so the adapters (CLI, language server) prepare
 * them before linting, off the keystroke path, and pass the result in `LintOptions.sourceCopies`; the engine's rules
 * only look texts up here, synchronously, and never touch the file system or the network.
 */

/** The extracted text of one saved copy. */
export interface SourceText {
  /** Absolute path of the saved copy (PDF, HTML, plain text or Markdown). */
  readonly file: string;
  /** Text per page: `pages[0]` is page 1. HTML, plain text and Markdown have a single page. */
  readonly pages: readonly string[];
}

/** Lookup of saved copies by the ways a sentence cites a source. */
export interface SourceCopies {
  /** The copy for a citation key (`worldbank2022`) or a footnote label (`3`), if one is saved. */
  byKey(key: string): SourceText | undefined;
  /** The copy for a URL the document cites (a link, a bare URL, a bibliography entry's `url`), if one is saved. */
  byUrl(url: string): SourceText | undefined;
}

/** No copies: what the engine sees when the adapter prepared none. */
export const NO_SOURCE_COPIES: SourceCopies = { byKey: () => undefined, byUrl: () => undefined };
