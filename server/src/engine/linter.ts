/**
 * The engine's entry point: text in, findings out. Knows nothing about terminals, files to discover or LSP.
 */
import path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { flavorOf, parseMarkdown } from './markdown.js';
import { analyze, readFrontMatter, type AnalyzedDocument } from './document.js';
import { documentLanguage } from './language.js';
import { findClaims, type Claim } from './claims.js';
import { builtInLexicons, type Lexicon } from './lexicon.js';
import { RULES } from './rules/index.js';
import { format, type RuleContext } from './rules/rule.js';
import { checkConfig, resolveConfig, type ResolvedConfig, type SourcelintConfig } from './config.js';
import { Suppressions } from './directives.js';
import { loadBibliographies } from './bibliography-files.js';
import type { Bibliography } from './bibliography.js';
import { NO_CACHE, type LintCache, type Memo } from './cache.js';
import { sourceIndexFor } from './source-lists.js';
import type { SourceIndex } from './sources.js';
import { NO_SOURCE_COPIES, type SourceCopies } from './evidence/copies.js';
import type { ActiveSeverity, Edit, Finding, Problem, Span } from './types.js';

export interface LintOptions {
  /** Absolute path of the document; front-matter bibliographies resolve against its folder. */
  filePath?: string;
  /** Configuration layers from files (see ConfigLoader); the document's front matter is layered on top. */
  layers?: ReadonlyArray<{ config: SourcelintConfig; file: string }>;
  /** Per-rule severities that override everything (the CLI's `--rule`). */
  ruleOverrides?: ReadonlyMap<string, ActiveSeverity | 'off'>;
  /** Keep one per open document to re-analyse only what changed (the language server). */
  cache?: LintCache;
  /** Bibliography files larger than this are not read (default: DEFAULT_MAX_FILE_BYTES). */
  maxFileBytes?: number;
  /** Folders bibliography files must lie in (the workspace); undefined: anywhere. */
  roots?: readonly string[];
  /** Saved copies of the cited sources, prepared by the adapter (see `evidence/copies.ts`); none by default. */
  sourceCopies?: SourceCopies;
}

export interface LintResult {
  /** The options this result was linted with, to lint an edited text the same way (fix-all). */
  options: LintOptions;
  findings: Finding[];
  /** Findings turned off by inline `sourcelint-disable…` comments (ESLint's `suppressedMessages`). */
  suppressed: Finding[];
  /** Broken bibliography entries, unreadable bibliography files, front matter that does not parse. */
  problems: Problem[];
  document: AnalyzedDocument;
  /** Every sentence of the writer's prose with what the sourcing rules know about it (see `isClaim`). */
  claims: Claim[];
  config: ResolvedConfig;
  textDocument: TextDocument;
  /** The document's merged bibliography (front matter and configuration), if it has one. */
  bibliography?: Bibliography;
  /** The bibliography files it was read from (absolute paths): what a cached result depends on besides the text. */
  bibliographyFiles: string[];
  /** Source ratings and link kinds for this document's configuration. */
  sources: SourceIndex;
}

export function lint(text: string, options: LintOptions = {}): LintResult {
  const filePath = options.filePath ?? '<text>';
  const parsed = parseMarkdown(text, flavorOf(filePath), options.cache?.tree);
  const frontMatter = readFrontMatter(parsed, options.cache);
  const textDocument = TextDocument.create('file://' + filePath, 'markdown', 0, text);
  const problems: Problem[] = [];
  if (frontMatter?.error)
    problems.push({ file: filePath, line: 1, message: `front matter is not valid YAML: ${frontMatter.error}` });
  for (const d of parsed.degraded) problems.push({ file: filePath, ...d });

  const layers = [...(options.layers ?? [])];
  const inline = frontMatter?.data.sourcelint;
  if (inline !== undefined)
    layers.push({ config: checkConfig(inline, `${filePath}: front matter "sourcelint"`), file: filePath });
  const config = resolveConfig(layers);
  for (const [id, sev] of options.ruleOverrides ?? []) (config.severities as Map<string, string>).set(id, sev);

  const docDir = path.dirname(filePath);
  const fmBib = frontMatter?.data.bibliography;
  const bibFiles = [
    ...(typeof fmBib === 'string'
      ? [fmBib]
      : Array.isArray(fmBib)
        ? fmBib.filter((b): b is string => typeof b === 'string')
        : []
    ).map((b) => ({ file: path.resolve(docDir, b), written: b })),
    ...config.bibliography.map((file) => ({ file })),
  ];
  const bibliography =
    bibFiles.length > 0
      ? loadBibliographies(bibFiles, problems, { maxBytes: options.maxFileBytes, roots: options.roots })
      : undefined;

  const cache = options.cache ?? NO_CACHE;
  const doc = analyze(parsed, { inTextCitations: bibliography !== undefined, cache }, frontMatter);
  const builtIn = builtInLexicons();
  const { english, reason } = documentLanguage(doc, frontMatter?.data);
  if (!english)
    problems.push({
      file: filePath,
      line: 1,
      message: `not read as English (${reason}): only the rules that check citations and links ran`,
    });
  const claims = english
    ? findClaims(
        doc,
        {
          gloss: builtIn.get('unsourced-gloss'),
          cues: builtIn.get('unsourced-claim'),
          views: builtIn.get('unsupported-attribution'),
        },
        { scope: config.scope, cache },
      )
    : [];
  const sources = sourceIndexFor(config.sourceSettings, problems);
  const findings = runRules(
    english,
    doc,
    claims,
    config,
    bibliography,
    cache,
    sources,
    options.sourceCopies ?? NO_SOURCE_COPIES,
  );
  cache.sweep();
  const suppressions = new Suppressions(parsed.comments, (o) => textDocument.positionAt(o).line);
  const kept: Finding[] = [];
  const suppressed: Finding[] = [];
  for (const f of findings)
    (suppressions.isSuppressed(f.ruleId, f.span.start, textDocument.positionAt(f.span.start).line)
      ? suppressed
      : kept
    ).push(f);
  const byPosition = (a: Finding, b: Finding): number => a.span.start - b.span.start || a.span.end - b.span.end;
  kept.sort(byPosition);
  suppressed.sort(byPosition);
  return {
    findings: kept,
    suppressed,
    problems,
    document: doc,
    claims,
    config,
    textDocument,
    bibliography,
    bibliographyFiles: bibFiles.map((b) => b.file),
    sources,
    options,
  };
}

function runRules(
  english: boolean,
  doc: AnalyzedDocument,
  claims: Claim[],
  config: ResolvedConfig,
  bibliography: Bibliography | undefined,
  cache: Memo,
  sources: SourceIndex,
  sourceCopies: SourceCopies,
): Finding[] {
  const builtIn = builtInLexicons();
  const findings: Finding[] = [];
  const lexiconsFor = (rule: string): Lexicon[] =>
    [builtIn.get(rule), config.extraLexicons.get(rule)].filter((l): l is Lexicon => !!l);
  // The configuration and copies a rule reads through its context: part of every key its replayed findings are under.
  const settings = `${config.attribution}|${copiesId(sourceCopies)}|${[...config.allow].join('|')}`;
  for (const rule of RULES) {
    const severity = config.severities.get(rule.meta.id) ?? rule.meta.defaultSeverity;
    if (severity === 'off' || (rule.meta.readsEnglish && !english)) continue;
    const reused = cache.table(
      `findings|${rule.meta.id}|${severity}|${lexiconsFor(rule.meta.id).map((l) => l.id)}|${settings}`,
    );
    const ctx: RuleContext = {
      doc,
      claims: () => claims,
      lexicons: lexiconsFor,
      allowed: (entryId, term) => !config.allow.has(entryId) && !config.allow.has(term.toLowerCase()),
      bibliography,
      attributionPolicy: config.attribution,
      memo: (kind, key, compute) => cache.memo(kind, key, compute),
      sources,
      sourceCopies,
      sourceSeverity: config.sourceSettings.severity,
      severity,
      report: ({ messageId, values, severity: own, ...f }) =>
        findings.push({
          message: format(rule.meta.messages[messageId], values ?? {}),
          ...f,
          ruleId: rule.meta.id,
          severity: own ?? severity,
        }),
      reuse: (text, context, origin, produce) => {
        if (cache === NO_CACHE) return produce();
        // One remembered context per text: a text that recurs in another context is linted again.
        const made = reused(text, (): Made => ({ context: undefined, origin, findings: [] }));
        if (made.context !== context) {
          const from = findings.length;
          produce();
          Object.assign(made, { context, origin, findings: findings.splice(from) });
        }
        for (const f of made.findings) findings.push(moved(f, origin - made.origin));
      },
    };
    rule.check(ctx);
  }
  return findings;
}

/** A unit's findings (see `RuleContext.reuse`): made in `context`, at `origin`. */
interface Made {
  context: string | undefined;
  origin: number;
  findings: Finding[];
}

const copiesIds = new WeakMap<SourceCopies, number>();
let lastCopiesId = 0;
/** Prepared copies are replaced, never changed: a new set of copies gets a new id. */
function copiesId(copies: SourceCopies): number {
  let id = copiesIds.get(copies);
  if (id === undefined) copiesIds.set(copies, (id = ++lastCopiesId));
  return id;
}

/** A finding `by` characters further on: a copy with every offset moved (the same object when it did not move). */
function moved(f: Finding, by: number): Finding {
  if (by === 0) return f;
  const span = (s: Span): Span => ({ start: s.start + by, end: s.end + by });
  const edits = (es: Edit[]): Edit[] => es.map((e) => ({ ...e, ...span(e) }));
  const copy: Finding = { ...f, span: span(f.span) };
  if (f.fix) copy.fix = edits(f.fix);
  if (f.suggestions) copy.suggestions = f.suggestions.map((s) => ({ ...s, edits: edits(s.edits) }));
  if (f.data?.sentence) copy.data = { ...f.data, sentence: span(f.data.sentence) };
  return copy;
}
