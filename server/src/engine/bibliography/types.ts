/** The bibliography data model shared by the parsers, the rules and the adapters. */

export interface BibEntry {
  key: string;
  /** Lowercased BibTeX type ('article', 'online', …) or the CSL type as given. */
  type: string;
  /** Braces and LaTeX escapes/accents stripped. */
  title?: string;
  /** "Family, Given" display names, or institutions' literal names. */
  authors: string[];
  year?: string;
  /** The date as precise as the entry gives it: `2022`, `2022-03` or `2022-03-05` (the start of a range). */
  date?: string;
  /** Journal, book title, publisher, organisation, institution or container-title: the first present. */
  container?: string;
  /** Every field naming who published it (journal, publisher, organization, container-title…), for source ratings. */
  publishers?: string[];
  url?: string;
  doi?: string;
  keywords: string[];
  /**
   * The raw `file` field: attachments as Zotero, Better BibTeX or JabRef export them (read by `evidence/locate.ts`).
   */
  attachments?: string;
  /** The file it came from, as passed to the parser. */
  file: string;
  /** 1-based line of the entry's `@` (or of its CSL id). */
  line: number;
  /** 1-based line of its closing brace (or of the end of its CSL item). */
  endLine: number;
}

export interface BibProblem {
  file: string;
  line: number;
  message: string;
}

export interface Bibliography {
  entries: Map<string, BibEntry>;
  problems: BibProblem[];
  /** Every file named as a bibliography, readable or not (what an editor watches); set by bibliography-files.ts. */
  files?: readonly string[];
  /** Named files that could not be read: their keys are unknown, so no key can be called missing. */
  unreadable?: readonly UnreadableBibliography[];
}

export interface UnreadableBibliography {
  file: string;
  /** Why, in a few words: "no such file", "permission denied", "not a bibliography (.bib, .json, .yaml)". */
  reason: string;
  /** The path as the document's front matter writes it, when the front matter names the file. */
  written?: string;
}
