/**
 * The language server's view of open documents: each has its latest lint result, computed with a per-document
 * LintCache so only changed blocks are re-analysed. Configuration = files found upward (as the CLI) + the client's
 * `sourcelint.*` settings on top. A configuration that cannot be used is remembered per document, to be shown.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  ConfigError,
  ConfigLoader,
  LintCache,
  checkConfig,
  insideRoots,
  lint,
  prepareSourceCopies,
  readRegularFile,
  type LintResult,
  type PreparedCopies,
  type SourcelintConfig,
} from '../engine/index.js';

export interface DocumentState {
  version: number;
  result: LintResult;
}

/** A configuration error, and the file to show it on: the configuration file, or the document (front matter). */
export interface ConfigIssue {
  message: string;
  file?: string;
}

export function filePathOf(uri: string): string {
  if (!uri.startsWith('file:')) return path.resolve(uri.replace(/^[a-z-]+:\/*/i, '/'));
  try {
    return fileURLToPath(uri);
  } catch {
    // `file://host/…` and an encoded "/" (%2F) are refused by fileURLToPath here: the text is linted all the same,
    // with the path read as well as it can be (it only places configuration and bibliographies).
    const pathname = uri.replace(/^file:\/\/[^/]*/i, '').replace(/[?#].*$/, '');
    try {
      return path.resolve('/', decodeURIComponent(pathname));
    } catch {
      return path.resolve('/', pathname);
    }
  }
}

/**
 * Above this many characters a document is not linted as it is typed (20 MB took 40 s a keystroke): one diagnostic says
 * so.
 */
export const MAX_LIVE_DOCUMENT_CHARS = 2 * 1024 * 1024;

export class Workspace {
  private loader = new ConfigLoader();
  private readonly caches = new Map<string, LintCache>();
  private readonly states = new Map<string, DocumentState>();
  private readonly loggedProblems = new Map<string, string>();
  private readonly configIssues = new Map<string, ConfigIssue>();
  /** Per open document: the bibliography and configuration files its lint read (what must be watched). */
  private readonly inputs = new Map<string, readonly string[]>();
  private settings: SourcelintConfig | undefined;
  /** Why the client's settings were ignored, if they were. */
  settingsError: string | undefined;
  /** Where paths in the client's settings are relative to: the workspace root (else the document's folder). */
  settingsBase: string | undefined;
  /** The workspace folders: bibliographies and files asked for by path must lie inside them. */
  roots: readonly string[] = [];
  /** Open documents too large to lint as they are typed, with their size in characters. */
  private readonly tooLarge = new Map<string, number>();
  /**
   * Per open document: its saved source copies, prepared in the background for the inputs named by `key` (folder,
   * configuration, bibliography, and a generation that file changes advance). Lints use the last ones ready.
   */
  private readonly copies = new Map<string, { key: string; prepared?: PreparedCopies }>();
  private generation = 0;
  /** Called after each lint of an open document, with the version linted and how long it took (the protocol trace). */
  onLinted: (uri: string, version: number, ms: number) => void = () => undefined;
  /** Called when a document's copies are ready; `changed`: its lint result was dropped and must be published again. */
  onCopiesReady: (uri: string, prepared: PreparedCopies, changed: boolean) => void = () => undefined;

  /**
   * `log` takes what users can act on (a broken configuration); `fail` what is our fault (e.g. a module missing from
   * the bundle).
   */
  constructor(
    private readonly log: (message: string) => void,
    private readonly fail: (message: string) => void = log,
  ) {}

  private report(e: unknown, message: string): void {
    (e instanceof ConfigError ? this.log : this.fail)(message);
  }

  /**
   * Client settings (`sourcelint.*`), validated like a configuration file; invalid settings are ignored and reported.
   */
  setSettings(raw: unknown): void {
    this.settingsError = undefined;
    try {
      this.settings =
        raw && typeof raw === 'object' && Object.keys(raw).length > 0
          ? checkConfig(raw, 'settings "sourcelint"')
          : undefined;
    } catch (e) {
      this.settings = undefined;
      this.settingsError = (e as Error).message;
      this.report(e, this.settingsError);
    }
    this.invalidate();
  }

  /** Configuration or bibliography files changed: forget every cached lint. */
  invalidate(): void {
    this.loader = new ConfigLoader();
    this.states.clear();
    this.generation++;
  }

  close(uri: string): void {
    this.caches.delete(uri);
    this.states.delete(uri);
    this.loggedProblems.delete(uri);
    this.configIssues.delete(uri);
    this.inputs.delete(uri);
    this.tooLarge.delete(uri);
    this.copies.delete(uri);
  }

  /** Why the document is not linted, when it is too large: the message of its one diagnostic. */
  tooLargeMessage(uri: string): string | undefined {
    const size = this.tooLarge.get(uri);
    if (size === undefined) return undefined;
    const mb = (n: number): string => `${(n / (1024 * 1024)).toFixed(1)} M`;
    return `Document too large to lint as you type (${mb(size)} characters; the limit is ${mb(MAX_LIVE_DOCUMENT_CHARS)}): run the sourcelint CLI on it instead.`;
  }

  /** Whether a file asked for by path (not open) may be read: a Markdown file inside the workspace folders. */
  mayRead(file: string): boolean {
    return /\.(md|markdown|mdx|qmd|rmd)$/i.test(file) && this.roots.length > 0 && insideRoots(file, this.roots);
  }

  /** The configuration error that keeps the document from being linted, if any. */
  configIssueFor(uri: string): ConfigIssue | undefined {
    return this.configIssues.get(uri);
  }

  /** Every configuration error of open documents, by document. */
  allConfigIssues(): ReadonlyMap<string, ConfigIssue> {
    return this.configIssues;
  }

  /** Folders whose configuration applies to open documents, and the files their lints read. */
  watched(): { folders: string[]; files: string[] } {
    const folders = new Set<string>();
    const files = new Set<string>();
    for (const [uri, read] of this.inputs) {
      folders.add(path.dirname(filePathOf(uri)));
      for (const f of read) files.add(f);
    }
    // The sources folder's creation (seen from its parent), any file in it, and attachments elsewhere.
    for (const { prepared } of this.copies.values()) {
      if (!prepared) continue;
      files.add(prepared.dir);
      files.add(path.join(prepared.dir, '*'));
      for (const f of prepared.inputs) files.add(f);
    }
    return { folders: [...folders], files: [...files] };
  }

  /** The lint result of a file that is not open in the editor, read from disk. */
  resultForFile(uri: string): LintResult | undefined {
    try {
      const file = filePathOf(uri);
      if (!uri.startsWith('file:') || !this.mayRead(file))
        throw new Error('not a Markdown file inside the workspace, not read');
      const text = new TextDecoder('utf-8', { fatal: true }).decode(readRegularFile(file, MAX_LIVE_DOCUMENT_CHARS));
      return this.lintOrThrow(TextDocument.create(uri, 'markdown', -1, text));
    } catch (e) {
      this.log(`${uri}: ${(e as Error).message}`);
      return undefined;
    }
  }

  /** The lint result for the document's current version (linting it if needed); undefined when it cannot be linted. */
  resultFor(doc: TextDocument): LintResult | undefined {
    const known = this.states.get(doc.uri);
    if (known && known.version === doc.version) return known.result;
    if (doc.getText().length > MAX_LIVE_DOCUMENT_CHARS) {
      this.tooLarge.set(doc.uri, doc.getText().length);
      this.states.delete(doc.uri);
      return undefined;
    }
    this.tooLarge.delete(doc.uri);
    const filePath = filePathOf(doc.uri);
    try {
      const start = performance.now();
      const result = this.lintOrThrow(doc);
      this.onLinted(doc.uri, doc.version, performance.now() - start);
      this.states.set(doc.uri, { version: doc.version, result });
      this.configIssues.delete(doc.uri);
      this.inputs.set(doc.uri, [
        ...(result.bibliography?.files ?? []),
        ...result.config.sources.filter((f) => f !== filePath && fs.existsSync(f)),
      ]);
      // Re-lints happen on every keystroke: log a document's problems when they change, not each time.
      this.logOnce(doc.uri, result.problems.map((p) => `${p.file}:${p.line}: ${p.message}`).join('\n'));
      this.requestCopies(doc.uri, filePath, result);
      return result;
    } catch (e) {
      const message = e instanceof ConfigError ? e.message : `${filePath}: ${(e as Error).message}`;
      if (e instanceof ConfigError) {
        const file = e.file ?? this.configFileOf(message);
        this.configIssues.set(doc.uri, { message, file });
        // Watch the broken file too: fixing it is what must bring the findings back.
        if (file) this.inputs.set(doc.uri, [...new Set([...(this.inputs.get(doc.uri) ?? []), file])]);
      }
      if (e instanceof ConfigError) this.logOnce(doc.uri, message);
      else this.fail(message);
      return undefined;
    }
  }

  private lintOrThrow(doc: TextDocument): LintResult {
    const filePath = filePathOf(doc.uri);
    let cache = this.caches.get(doc.uri);
    if (!cache) this.caches.set(doc.uri, (cache = new LintCache()));
    const layers = [...this.loader.layersFor(path.dirname(filePath))];
    if (this.settings)
      layers.push({
        config: this.settings,
        file: path.join(this.settingsBase ?? path.dirname(filePath), 'settings.json'),
      });
    // Bibliographies named by a draft or its configuration are read only inside the workspace (or, without one,
    // the folders of the document and of its configuration).
    const roots =
      this.roots.length > 0 ? this.roots : [path.dirname(filePath), ...layers.map((l) => path.dirname(l.file))];
    return lint(doc.getText(), {
      filePath,
      layers,
      cache,
      roots,
      sourceCopies: this.copies.get(doc.uri)?.prepared?.copies,
    });
  }

  /**
   * Prepares the document's saved copies in the background when what they depend on changed since the last time
   * (not on a keystroke: the key is the same), then drops its lint result so the next one uses them.
   */
  private requestCopies(uri: string, filePath: string, result: LintResult): void {
    const { sourcesDir } = result.config;
    const roots = result.options.roots;
    const key = JSON.stringify([
      this.generation,
      sourcesDir ?? path.dirname(filePath),
      result.bibliographyFiles,
      roots,
    ]);
    const known = this.copies.get(uri);
    if (known?.key === key) return;
    this.copies.set(uri, { key, prepared: known?.prepared });
    setImmediate(() => {
      prepareSourceCopies({ filePath, sourcesDir, bibliography: result.bibliography, roots })
        .then((prepared) => {
          const state = this.copies.get(uri);
          if (state?.key !== key) return;
          const changed = prepared.count > 0 || (state.prepared?.count ?? 0) > 0;
          state.prepared = prepared;
          this.logOnce(`${uri}#copies`, prepared.problems.map((p) => `${p.file}:${p.line}: ${p.message}`).join('\n'));
          if (changed) this.states.delete(uri);
          this.onCopiesReady(uri, prepared, changed);
        })
        .catch((e: Error) => this.fail(`${filePath}: preparing saved source copies failed: ${e.stack ?? e.message}`));
    });
  }

  private logOnce(uri: string, message: string): void {
    if (message && message !== this.loggedProblems.get(uri)) this.log(message);
    this.loggedProblems.set(uri, message);
  }

  /**
   * Configuration errors start with the file they are about (a configuration file found upward, one it extends, or
   * the document for its front matter): the first "path: " prefix that names an existing file.
   */
  private configFileOf(message: string): string | undefined {
    for (let at = message.indexOf(': '); at > 0; at = message.indexOf(': ', at + 1)) {
      const candidate = message.slice(0, at);
      if (path.isAbsolute(candidate) && fs.existsSync(candidate)) return candidate;
    }
    return undefined;
  }
}
