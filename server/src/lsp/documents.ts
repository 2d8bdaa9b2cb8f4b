/**
 * The language server's view of open documents: each has its latest lint result, computed with a per-document
 * LintCache so only changed blocks are re-analysed. Configuration = files found upward (as the CLI) + the client's
 * `sourcelint.*` settings on top.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ConfigError, ConfigLoader, LintCache, checkConfig, lint, type LintResult, type SourcelintConfig } from '../engine/index.js';

export interface DocumentState {
  version: number;
  result: LintResult;
}

export function filePathOf(uri: string): string {
  return uri.startsWith('file:') ? fileURLToPath(uri) : path.resolve(uri.replace(/^[a-z-]+:\/*/i, '/'));
}

export class Workspace {
  private loader = new ConfigLoader();
  private readonly caches = new Map<string, LintCache>();
  private readonly states = new Map<string, DocumentState>();
  private readonly loggedProblems = new Map<string, string>();
  private settings: SourcelintConfig | undefined;
  /** Where paths in the client's settings are relative to: the workspace root (else the document's folder). */
  settingsBase: string | undefined;

  /** `log` takes what users can act on (a broken configuration); `fail` what is our fault (e.g. a module missing from the bundle). */
  constructor(
    private readonly log: (message: string) => void,
    private readonly fail: (message: string) => void = log,
  ) {}

  private report(e: unknown, message: string): void {
    (e instanceof ConfigError ? this.log : this.fail)(message);
  }

  /** Client settings (`sourcelint.*`), validated like a configuration file; invalid settings are logged and ignored. */
  setSettings(raw: unknown): void {
    try {
      this.settings = raw && typeof raw === 'object' && Object.keys(raw).length > 0 ? checkConfig(raw, 'settings "sourcelint"') : undefined;
    } catch (e) {
      this.settings = undefined;
      this.report(e, (e as Error).message);
    }
    this.invalidate();
  }

  /** Configuration or bibliography files changed: forget every cached lint. */
  invalidate(): void {
    this.loader = new ConfigLoader();
    this.states.clear();
  }

  close(uri: string): void {
    this.caches.delete(uri);
    this.states.delete(uri);
    this.loggedProblems.delete(uri);
  }

  /** The lint result of a file that is not open in the editor, read from disk. */
  resultForFile(uri: string): LintResult | undefined {
    try {
      return this.resultFor(TextDocument.create(uri, 'markdown', -1, fs.readFileSync(filePathOf(uri), 'utf8')));
    } catch (e) {
      this.log(`${uri}: ${(e as Error).message}`);
      return undefined;
    }
  }

  /** The lint result for the document's current version (linting it if needed). Never throws. */
  resultFor(doc: TextDocument): LintResult | undefined {
    const known = this.states.get(doc.uri);
    if (known && known.version === doc.version) return known.result;
    const filePath = filePathOf(doc.uri);
    let cache = this.caches.get(doc.uri);
    if (!cache) this.caches.set(doc.uri, (cache = new LintCache()));
    try {
      const layers = [...this.loader.layersFor(path.dirname(filePath))];
      if (this.settings) layers.push({ config: this.settings, file: path.join(this.settingsBase ?? path.dirname(filePath), 'settings.json') });
      const result = lint(doc.getText(), { filePath, layers, cache });
      this.states.set(doc.uri, { version: doc.version, result });
      // Re-lints happen on every keystroke: log a document's problems when they change, not each time.
      const problems = result.problems.map((p) => `${p.file}:${p.line}: ${p.message}`).join('\n');
      if (problems && problems !== this.loggedProblems.get(doc.uri)) this.log(problems);
      this.loggedProblems.set(doc.uri, problems);
      return result;
    } catch (e) {
      this.report(e, `${filePath}: ${(e as Error).message}`);
      return undefined;
    }
  }
}
