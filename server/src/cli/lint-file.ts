/**
 * Linting one file or text, turning engine findings into positioned, serialisable messages. Used by the main thread and
 * the workers alike.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  lint,
  LintCache,
  listSources,
  layerIgnores,
  fixUntilStable,
  readRegularFile,
  ConfigError,
  type ConfigLoader,
  type ActiveSeverity,
  type Edit,
  type Finding,
  type FixType,
  type ListedSource,
  type PreparedCopies,
  type SourceSummary,
} from '../engine/index.js';
import { claimRows, type ClaimRow } from '../shared/checklist.js';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { ignoredByConfig } from './files.js';
import type { CopyPreparer } from './copies.js';

export type { ClaimRow };

export interface Message {
  ruleId: string;
  severity: 1 | 2;
  /** The engine's severity; `info` is 1 in ESLint's scale but never counts as a warning. */
  level: ActiveSeverity;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  fix?: { range: [number, number]; text: string };
  suggestions?: Array<{ desc: string; fix: { range: [number, number]; text: string } }>;
}

export interface FileResult {
  filePath: string;
  messages: Message[];
  /** Findings turned off by inline comments. */
  suppressed?: Message[];
  /** Filled when the run asks for claims (`sourcelint claims`, `sourcelint sources`, `sourcelint report`). */
  claims?: ClaimRow[];
  /** The article's source list, filled with the claims. */
  sources?: SourceRows;
  /** Not linted: why (unreadable, binary, not UTF-8, configuration error). */
  error?: { message: string; usage: boolean };
  /** Bibliography and front-matter problems, one line each. */
  problems: string[];
  /** Saved copies that could not be read: the same lines for every draft of a folder, printed once per run. */
  copyProblems?: string[];
  ignored?: boolean;
  /** The fixed text, when fixing changed it (ESLint's `output`). */
  output?: string;
  /** Bibliography files and saved source copies the lint read (for `--cache`). */
  bibliographies?: string[];
}

/** `sourcelint sources`: one article's sources with 1-based positions of their first use, and its summary. */
export interface SourceRows {
  rows: Array<Omit<ListedSource, 'first'> & { line: number; column: number }>;
  summary: SourceSummary;
}

export interface LintFileOptions {
  ruleOverrides: ReadonlyMap<string, ActiveSeverity | 'off'>;
  quiet: boolean;
  /** Drafts and bibliographies larger than this are not read. */
  maxFileBytes?: number;
  withClaims?: boolean;
  /** Apply fixes of these types; `write` saves them to the file. */
  fix?: { write: boolean; types: ReadonlySet<FixType> };
  /** Where extracted texts of saved source copies are cached (`--sources-cache`). */
  sourcesCache?: string;
}

/**
 * Reads a regular file as UTF-8 text, refusing devices, oversized, binary and malformed input with a one-line reason.
 */
export function readText(file: string, maxBytes?: number): { text: string; bom: boolean } | { error: string } {
  let buf: Buffer;
  try {
    buf = readRegularFile(file, maxBytes);
  } catch (e) {
    return { error: `cannot read file: ${(e as Error).message}` };
  }
  if (buf.subarray(0, 8000).includes(0)) return { error: 'binary file, not linted' };
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
    // TextDecoder drops a leading byte-order mark; remember it so that --fix writes it back.
    return { text, bom: buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf };
  } catch {
    return { error: `not valid UTF-8 (first bad byte at offset ${firstInvalidByte(buf)}), not linted` };
  }
}

function firstInvalidByte(buf: Buffer): number {
  const decodes = (length: number, stream: boolean): boolean => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(buf.subarray(0, length), { stream });
      return true;
    } catch {
      return false;
    }
  };
  // Bisect on prefixes that decode as a stream: a prefix that cuts a character short is still good, so the test is
  // monotonic (without streaming, every cut character looks bad and the search lands anywhere before the real fault).
  let lo = 0;
  for (let hi = buf.length; hi - lo > 1;) {
    const mid = (lo + hi) >> 1;
    if (decodes(mid, true)) lo = mid;
    else hi = mid;
  }
  // A character left open at `lo` is the ill-formed one: report its lead byte.
  while (lo > 0 && !decodes(lo, false)) lo--;
  return lo;
}

function toRange(doc: TextDocument, edits: readonly Edit[]): { range: [number, number]; text: string } {
  // ESLint fixes are one range: join several edits with the untouched text between them.
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  const text = doc.getText();
  let out = '';
  for (let i = 0; i < sorted.length; i++) {
    out += sorted[i].text;
    if (i + 1 < sorted.length) out += text.slice(sorted[i].end, sorted[i + 1].start);
  }
  return { range: [sorted[0].start, sorted[sorted.length - 1].end], text: out };
}

export function toMessage(doc: TextDocument, f: Finding): Message {
  const s = doc.positionAt(f.span.start);
  const e = doc.positionAt(f.span.end);
  const m: Message = {
    ruleId: f.ruleId,
    severity: f.severity === 'error' ? 2 : 1,
    level: f.severity,
    message: f.message,
    line: s.line + 1,
    column: s.character + 1,
    endLine: e.line + 1,
    endColumn: e.character + 1,
  };
  if (f.fix && f.fix.length > 0) m.fix = toRange(doc, f.fix);
  if (f.suggestions && f.suggestions.length > 0)
    m.suggestions = f.suggestions.map((sg) => ({ desc: sg.desc, fix: toRange(doc, sg.edits) }));
  return m;
}

/**
 * Lints `text` as the file `filePath`. With `copies`, the document's saved source copies are prepared first: a first
 * lint tells its configuration and bibliography, and only a document that has copies is linted again with them (the
 * shared LintCache makes that second pass re-run the rules, not the analysis).
 */
export async function lintTextAs(
  text: string,
  filePath: string,
  loader: ConfigLoader,
  options: LintFileOptions,
  copies?: CopyPreparer,
): Promise<FileResult> {
  try {
    const layers = loader.layersFor(path.dirname(filePath));
    if (ignoredByConfig(filePath, layerIgnores(layers))) {
      return { filePath, messages: [], problems: [], ignored: true };
    }
    // Bibliographies and saved copies are read only inside the folders of this run, of the document and of its
    // configuration.
    const roots = [process.cwd(), path.dirname(filePath), ...layers.map((l) => path.dirname(l.file))];
    const base = {
      filePath,
      layers,
      ruleOverrides: options.ruleOverrides,
      maxFileBytes: options.maxFileBytes,
      roots,
      cache: new LintCache(),
    };
    let first = lint(text, base);
    const prepared = copies && (await copies.for(first, filePath, roots));
    const sourceCopies = prepared && prepared.prepared.count > 0 ? prepared.prepared.copies : undefined;
    if (sourceCopies) first = lint(text, { ...base, sourceCopies });
    const lintText = (t: string) => (t === text ? first : lint(t, { ...base, sourceCopies }));
    const fixing = options.fix && fixUntilStable(text, lintText, options.fix.types);
    const result = fixing ? fixing.result : first;
    const findings = options.quiet ? result.findings.filter((f) => f.severity === 'error') : result.findings;
    const doc = result.textDocument;
    const claims = options.withClaims ? claimRows(result, filePath) : undefined;
    return {
      filePath,
      messages: findings.map((f) => toMessage(doc, f)),
      suppressed: result.suppressed.map((f) => toMessage(doc, f)),
      claims,
      sources: options.withClaims ? sourceRows(result) : undefined,
      problems: result.problems.map((p) => `${p.file}:${p.line}: ${p.message}`),
      copyProblems: prepared && prepared.problems.length > 0 ? prepared.problems : undefined,
      output: fixing && fixing.fixed ? fixing.output : undefined,
      bibliographies: dependencies(result.bibliographyFiles, prepared?.prepared),
    };
  } catch (e) {
    if (e instanceof ConfigError)
      return { filePath, messages: [], problems: [], error: { message: e.message, usage: true } };
    return {
      filePath,
      messages: [],
      problems: [],
      error: { message: `${filePath}: internal error: ${(e as Error).message}`, usage: false },
    };
  }
}

/**
 * What a cached result depends on besides text and configuration: bibliographies, saved copies, the sources folder's
 * listing.
 */
function dependencies(bibliographies: readonly string[], copies: PreparedCopies | undefined): string[] | undefined {
  const files = [...bibliographies, ...(copies ? [copies.dir, ...copies.inputs] : [])];
  return files.length > 0 ? files : undefined;
}

function sourceRows(result: ReturnType<typeof lint>): SourceRows {
  const { sources, summary } = listSources(result);
  const rows = sources.map(({ first, ...s }) => {
    const p = result.textDocument.positionAt(first.start);
    return { ...s, line: p.line + 1, column: p.character + 1 };
  });
  return { rows, summary };
}

export async function lintFile(
  file: string,
  loader: ConfigLoader,
  options: LintFileOptions,
  copies?: CopyPreparer,
): Promise<FileResult> {
  const read = readText(file, options.maxFileBytes);
  if ('error' in read)
    return { filePath: file, messages: [], problems: [], error: { message: `${file}: ${read.error}`, usage: false } };
  const result = await lintTextAs(read.text, file, loader, options, copies);
  if (result.output !== undefined && options.fix?.write) {
    try {
      fs.writeFileSync(file, (read.bom ? '\ufeff' : '') + result.output);
    } catch (e) {
      result.error = {
        message: `${file}: cannot write fixes: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
        usage: false,
      };
    }
  }
  return result;
}
