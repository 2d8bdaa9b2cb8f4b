/** Code actions: quick fixes per finding and `source.fixAll.sourcelint`. The edits themselves come from the engine. */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver/node';
import {
  addFootnote,
  allowTermInConfig,
  attributeToSource,
  citeKey,
  disableInFile,
  disableNextLine,
  formatShortReference,
  markCitationNeeded,
  rankEntries,
  fixAllEdits,
  reviewMarkOffset,
  ruleById,
  type Edit,
  type Finding,
  type LintResult,
} from '../engine/index.js';
import type { DiagnosticData } from './diagnostics.js';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.sourcelint`;
export const PICK_CITATION_COMMAND = 'sourcelint.pickCitation';
/** Client command: asks the reviewer for a note, then writes `<!-- verified|disputed: NOTE -->` at the offset. */
export const MARK_CLAIM_COMMAND = 'sourcelint.markClaim';

const toTextEdits = (result: LintResult, edits: readonly Edit[]): TextEdit[] =>
  edits.map((e) => ({ range: { start: result.textDocument.positionAt(e.start), end: result.textDocument.positionAt(e.end) }, newText: e.text }));

function quickFix(title: string, uri: string, result: LintResult, edits: Edit[], diagnostic: Diagnostic, preferred = false): CodeAction {
  return { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: preferred || undefined, edit: { changes: { [uri]: toTextEdits(result, edits) } } };
}

/** The finding a diagnostic stands for, in the current lint result (the document may have changed since). */
function findingOf(result: LintResult, diagnostic: Diagnostic): Finding | undefined {
  const data = diagnostic.data as DiagnosticData | undefined;
  if (!data || diagnostic.source !== 'sourcelint') return undefined;
  return result.findings.find((f) => f.ruleId === data.ruleId && f.span.start === data.span.start && f.span.end === data.span.end);
}

/** Editor abilities that change how an action is built. */
export interface ClientAbilities {
  /** LSP 3.18 snippet edits: the cursor can land in the new footnote's definition. */
  snippets: boolean;
}

const escapeSnippet = (text: string): string => text.replace(/[$}\\]/g, (c) => '\\' + c);

function addFootnoteAction(uri: string, result: LintResult, sentence: Finding['span'], diagnostic: Diagnostic, preferred: boolean, abilities: ClientAbilities): CodeAction {
  const footnote = addFootnote(result.document, sentence);
  const title = `Add footnote [^${footnote.label}]`;
  if (!abilities.snippets) return quickFix(title, uri, result, [footnote.reference, footnote.definition], diagnostic, preferred);
  const [reference, definition] = toTextEdits(result, [footnote.reference, footnote.definition]);
  const snippet = { range: definition.range, snippet: { kind: 'snippet' as const, value: `${escapeSnippet(definition.newText.replace(/\n$/, ''))}$0${definition.newText.endsWith('\n') ? '\n' : ''}` } };
  return {
    title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: preferred || undefined,
    edit: { documentChanges: [{ textDocument: { uri, version: null }, edits: [reference, snippet] }] },
  };
}

function sourcingActions(uri: string, result: LintResult, finding: Finding, diagnostic: Diagnostic, abilities: ClientAbilities): CodeAction[] {
  const sentence = finding.data?.sentence;
  if (!sentence) return [];
  const doc = result.document;
  const pandoc = result.config.style === 'pandoc' && result.bibliography !== undefined;
  const actions = [addFootnoteAction(uri, result, sentence, diagnostic, !pandoc, abilities)];
  if (result.bibliography) {
    const text = doc.text.slice(sentence.start, sentence.end);
    rankEntries(text, result.bibliography, 3).forEach((entry, i) => {
      actions.push(quickFix(`Cite [@${entry.key}] ${formatShortReference(entry)}`, uri, result, [citeKey(doc, sentence, entry.key)], diagnostic, pandoc && i === 0));
    });
    actions.push({
      title: 'Pick citation…',
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      command: { title: 'Pick citation…', command: PICK_CITATION_COMMAND, arguments: [uri, citeKey(doc, sentence, '').start] },
    });
  }
  actions.push(quickFix('Mark [citation needed]', uri, result, [markCitationNeeded(doc, sentence)], diagnostic));
  const offset = reviewMarkOffset(doc.text, sentence);
  for (const status of ['verified', 'disputed'] as const) {
    const title = `Mark claim ${status}…`;
    actions.push({ title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], command: { title, command: MARK_CLAIM_COMMAND, arguments: [uri, offset, status] } });
  }
  return actions;
}

/** The configuration file that "Allow this term" edits: the nearest JSON one, or a new one at the workspace root. */
function allowTermAction(uri: string, root: string | undefined, result: LintResult, finding: Finding, diagnostic: Diagnostic): CodeAction | undefined {
  const term = finding.data?.term;
  if (!term) return undefined;
  const nearest = result.config.sources.find((f) => f.endsWith('.sourcelintrc.json'));
  const target = nearest ?? path.join(root ?? path.dirname(new URL(uri).pathname), '.sourcelintrc.json');
  const targetUri = pathToFileURL(target).href;
  let existing: string | undefined;
  try {
    existing = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : undefined;
    const content = allowTermInConfig(existing, term);
    const edit: WorkspaceEdit =
      existing === undefined
        ? { documentChanges: [{ kind: 'create', uri: targetUri, options: { ignoreIfExists: true } }, { textDocument: { uri: targetUri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: content }] }] }
        : { changes: { [targetUri]: [{ range: { start: { line: 0, character: 0 }, end: { line: existing.split('\n').length + 1, character: 0 } }, newText: content }] } };
    return { title: `Allow "${term}" in the workspace`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit };
  } catch {
    return undefined; // An unparsable configuration file is reported elsewhere; never offer an edit that would corrupt it.
  }
}

export function codeActionsFor(uri: string, root: string | undefined, result: LintResult, diagnostics: readonly Diagnostic[], abilities: ClientAbilities): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const diagnostic of diagnostics) {
    const finding = findingOf(result, diagnostic);
    if (!finding) continue;
    const family = ruleById(finding.ruleId)?.meta.family;
    if (finding.fix) actions.push(quickFix(`Fix: ${finding.suggestions?.[0]?.desc ?? finding.ruleId}`, uri, result, finding.fix, diagnostic, true));
    else (finding.suggestions ?? []).forEach((s, i) => actions.push(quickFix(s.desc, uri, result, s.edits, diagnostic, i === 0)));
    if (family === 'sourcing' && finding.ruleId !== 'citation-needed') actions.push(...sourcingActions(uri, result, finding, diagnostic, abilities));
    const sentence = finding.data?.sentence;
    const attribute = finding.ruleId === 'unsupported-attribution' && sentence && attributeToSource(result.document.text, sentence, finding.span);
    if (attribute) actions.push(quickFix('Attribute: "According to [source], …"', uri, result, [attribute], diagnostic, true));
    if (family === 'language' || finding.ruleId === 'relative-time') {
      const allow = allowTermAction(uri, root, result, finding, diagnostic);
      if (allow) actions.push(allow);
    }
    const line = diagnostic.range.start.line;
    const lineStart = result.textDocument.offsetAt({ line, character: 0 });
    actions.push(quickFix(`Disable ${finding.ruleId} for this line`, uri, result, [disableNextLine(result.document.text, lineStart, finding.ruleId)], diagnostic));
    actions.push(quickFix(`Disable ${finding.ruleId} for this file`, uri, result, [disableInFile(result.document, finding.ruleId)], diagnostic));
  }
  return actions;
}

/** Deterministic fixes only: unused footnotes removed, bare URLs wrapped, footnotes renumbered in order of use. */
export function fixAll(uri: string, result: LintResult): CodeAction | undefined {
  const edits = fixAllEdits(result);
  if (edits.length === 0) return undefined;
  return { title: 'Sourcelint: fix all', kind: FIX_ALL_KIND, edit: { changes: { [uri]: toTextEdits(result, edits) } } };
}
