/** Code actions: quick fixes per finding and `source.fixAll.sourcelint`. The edits themselves come from the engine. */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  type CodeAction,
  type Diagnostic,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import {
  addFootnote,
  allowTermInConfig,
  attributeToSource,
  citeKey,
  disableInFile,
  disableLine,
  fixAllToStable,
  formatShortReference,
  markCitationNeeded,
  rankEntries,
  reviewMark,
  reviewMarkOffset,
  ruleById,
  type Edit,
  type Finding,
  type LintResult,
  type RuleAction,
  type Span,
} from '../engine/index.js';
import type { DiagnosticData } from './diagnostics.js';
import { FIX_ALL_KIND } from './capabilities.js';
import { CLIENT_COMMANDS } from '../shared/protocol.cjs';

const { pickCitation: PICK_CITATION_COMMAND, markClaim: MARK_CLAIM_COMMAND } = CLIENT_COMMANDS;

const toTextEdits = (result: LintResult, edits: readonly Edit[]): TextEdit[] =>
  edits.map((e) => ({
    range: { start: result.textDocument.positionAt(e.start), end: result.textDocument.positionAt(e.end) },
    newText: e.text,
  }));

function quickFix(
  title: string,
  uri: string,
  result: LintResult,
  edits: Edit[],
  diagnostic: Diagnostic,
  preferred = false,
): CodeAction {
  return {
    title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: preferred || undefined,
    edit: { changes: { [uri]: toTextEdits(result, edits) } },
  };
}

/**
 * The finding a diagnostic stands for, in the lint result of the document's `version`. A diagnostic made for another
 * version matches nothing (its span may now point at other text: no action rather than a wrong one). Diagnostics
 * without `data` (a client that does not keep it, or did not declare it) are matched by rule and range.
 */
function findingOf(result: LintResult, diagnostic: Diagnostic, version: number | undefined): Finding | undefined {
  if (diagnostic.source !== 'sourcelint') return undefined;
  const data = diagnostic.data as DiagnosticData | undefined;
  if (data?.version !== undefined && version !== undefined && data.version !== version) return undefined;
  const span = data?.span ?? {
    start: result.textDocument.offsetAt(diagnostic.range.start),
    end: result.textDocument.offsetAt(diagnostic.range.end),
  };
  return result.findings.find(
    (f) => f.ruleId === diagnostic.code && f.span.start === span.start && f.span.end === span.end,
  );
}

/** Editor abilities that change how an action is built. */
export interface ClientAbilities {
  /** LSP 3.18 snippet edits: the cursor can land in the new footnote's definition. */
  snippets: boolean;
  /** Commands the editor runs itself (the VS Code client declares them in `initializationOptions.clientCommands`). */
  commands: ReadonlySet<string>;
  /** Workspace edits may create files ("Allow this term" when there is no configuration file yet). */
  createFiles: boolean;
}

/** What a reviewer's verdict note should say; other editors get it as text to replace. */
const NOTE_PLACEHOLDER = {
  verified: 'what was checked, by whom, when',
  disputed: 'what is wrong, according to which source',
} as const;

const escapeSnippet = (text: string): string => text.replace(/[$}\\]/g, (c) => '\\' + c);

function addFootnoteAction(
  uri: string,
  result: LintResult,
  sentence: Finding['span'],
  diagnostic: Diagnostic,
  preferred: boolean,
  abilities: ClientAbilities,
): CodeAction | undefined {
  const footnote = addFootnote(result.document, sentence);
  if (!footnote) return undefined;
  const title = `Add footnote [^${footnote.label}]`;
  if (!abilities.snippets)
    return quickFix(title, uri, result, [footnote.reference, footnote.definition], diagnostic, preferred);
  const [reference, definition] = toTextEdits(result, [footnote.reference, footnote.definition]);
  const snippet = {
    range: definition.range,
    snippet: {
      kind: 'snippet' as const,
      value: `${escapeSnippet(definition.newText.replace(/\n$/, ''))}$0${definition.newText.endsWith('\n') ? '\n' : ''}`,
    },
  };
  return {
    title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: preferred || undefined,
    edit: { documentChanges: [{ textDocument: { uri, version: null }, edits: [reference, snippet] }] },
  };
}

/** Actions for a sentence a sourcing rule flagged: once per sentence, however many findings it has. */
function sourcingActions(
  uri: string,
  result: LintResult,
  sentence: Span,
  diagnostics: Diagnostic[],
  abilities: ClientAbilities,
  label: string,
): CodeAction[] {
  const doc = result.document;
  const pandoc = result.config.style === 'pandoc' && result.bibliography !== undefined;
  const [diagnostic] = diagnostics;
  const withAll = (action: CodeAction): CodeAction => ({ ...action, title: action.title + label, diagnostics });
  const footnote = addFootnoteAction(uri, result, sentence, diagnostic, !pandoc, abilities);
  const actions = footnote ? [footnote] : [];
  if (result.bibliography) {
    const text = doc.text.slice(sentence.start, sentence.end);
    rankEntries(text, result.bibliography, 3).forEach((entry, i) => {
      actions.push(
        quickFix(
          `Cite [@${entry.key}] ${formatShortReference(entry)}`,
          uri,
          result,
          [citeKey(doc, sentence, entry.key)],
          diagnostic,
          pandoc && i === 0,
        ),
      );
    });
    if (abilities.commands.has(PICK_CITATION_COMMAND)) {
      actions.push({
        title: 'Pick citation…',
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        command: {
          title: 'Pick citation…',
          command: PICK_CITATION_COMMAND,
          arguments: [uri, citeKey(doc, sentence, '').start],
        },
      });
    }
  }
  actions.push(quickFix('Mark [citation needed]', uri, result, [markCitationNeeded(doc, sentence)], diagnostic));
  const offset = reviewMarkOffset(doc.text, sentence);
  for (const status of ['verified', 'disputed'] as const) {
    if (abilities.commands.has(MARK_CLAIM_COMMAND)) {
      const title = `Mark claim ${status}…`;
      actions.push({
        title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        command: { title, command: MARK_CLAIM_COMMAND, arguments: [uri, offset, status] },
      });
    } else {
      // No dialog to ask for the note: write the mark with a note for the reviewer to replace.
      const mark = { start: offset, end: offset, text: reviewMark(status, NOTE_PLACEHOLDER[status]) };
      actions.push(quickFix(`Mark claim ${status} (replace the note)`, uri, result, [mark], diagnostic));
    }
  }
  return actions.map(withAll);
}

/** A short quotation of a sentence, to tell apart actions for several sentences. */
function excerpt(result: LintResult, sentence: Span): string {
  const words = result.document.text.slice(sentence.start, sentence.end).replace(/\s+/g, ' ').trim().split(' ');
  return ` — “${words.slice(0, 5).join(' ')}${words.length > 5 ? '…' : ''}”`;
}

/** The configuration file that "Allow this term" edits: the nearest JSON one, or a new one at the workspace root. */
function allowTermAction(
  uri: string,
  root: string | undefined,
  result: LintResult,
  finding: Finding,
  diagnostic: Diagnostic,
  abilities: ClientAbilities,
): CodeAction | undefined {
  const term = finding.data?.term;
  if (!term) return undefined;
  const nearest = result.config.sources.find((f) => f.endsWith('.sourcelintrc.json'));
  const target = nearest ?? path.join(root ?? path.dirname(new URL(uri).pathname), '.sourcelintrc.json');
  const targetUri = pathToFileURL(target).href;
  let existing: string | undefined;
  try {
    existing = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : undefined;
    if (existing === undefined && !abilities.createFiles) return undefined;
    const content = allowTermInConfig(existing, term);
    const edit: WorkspaceEdit =
      existing === undefined
        ? {
            documentChanges: [
              { kind: 'create', uri: targetUri, options: { ignoreIfExists: true } },
              {
                textDocument: { uri: targetUri, version: null },
                edits: [
                  { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: content },
                ],
              },
            ],
          }
        : {
            changes: {
              [targetUri]: [
                {
                  range: {
                    start: { line: 0, character: 0 },
                    end: { line: existing.split('\n').length + 1, character: 0 },
                  },
                  newText: content,
                },
              ],
            },
          };
    return {
      title: `Allow "${term}" in the workspace`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      edit,
    };
  } catch {
    // An unparsable configuration file is reported elsewhere; never offer an edit that would corrupt it.
    return undefined;
  }
}

/** The editor actions the finding's rule declares (`meta.actions`). */
const actionsOf = (finding: Finding): readonly RuleAction[] => ruleById(finding.ruleId)?.meta.actions ?? [];

const touches = (span: Span, range: Span): boolean => span.start <= range.end && range.start <= span.end;

/**
 * Quick fixes for the findings that the requested range touches, in the result of the document's `version`. Clients
 * may send more diagnostics than that (Neovim sends the whole line's, and a paragraph is one line): those are ignored.
 * Sentence-level actions come once per sentence, labelled with the sentence when there are several.
 */
export function codeActionsFor(
  uri: string,
  root: string | undefined,
  result: LintResult,
  range: Span,
  diagnostics: readonly Diagnostic[],
  abilities: ClientAbilities,
  version?: number,
): CodeAction[] {
  const findings: Array<{ finding: Finding; diagnostic: Diagnostic }> = [];
  for (const diagnostic of diagnostics) {
    const finding = findingOf(result, diagnostic, version);
    if (finding && touches(finding.span, range) && !findings.some((x) => x.finding === finding))
      findings.push({ finding, diagnostic });
  }
  const sourcing = new Map<string, { sentence: Span; diagnostics: Diagnostic[] }>();
  for (const { finding, diagnostic } of findings) {
    const sentence = finding.data?.sentence;
    if (!sentence || !actionsOf(finding).includes('source-sentence')) continue;
    const key = `${sentence.start}:${sentence.end}`;
    const entry = sourcing.get(key) ?? { sentence, diagnostics: [] };
    entry.diagnostics.push(diagnostic);
    sourcing.set(key, entry);
  }
  const actions: CodeAction[] = [];
  for (const { finding, diagnostic } of findings) {
    const offered = actionsOf(finding);
    if (finding.fix)
      actions.push(
        quickFix(
          `Fix: ${finding.suggestions?.[0]?.desc ?? finding.ruleId}`,
          uri,
          result,
          finding.fix,
          diagnostic,
          true,
        ),
      );
    else
      (finding.suggestions ?? []).forEach((s, i) =>
        actions.push(quickFix(s.desc, uri, result, s.edits, diagnostic, i === 0)),
      );
    const sentence = finding.data?.sentence;
    const group = sentence && sourcing.get(`${sentence.start}:${sentence.end}`);
    if (group && group.diagnostics[0] === diagnostic) {
      actions.push(
        ...sourcingActions(
          uri,
          result,
          group.sentence,
          group.diagnostics,
          abilities,
          sourcing.size > 1 ? excerpt(result, group.sentence) : '',
        ),
      );
    }
    const attribute =
      offered.includes('attribute') && sentence && attributeToSource(result.document.text, sentence, finding.span);
    if (attribute)
      actions.push(quickFix('Attribute: "According to [source], …"', uri, result, [attribute], diagnostic, true));
    if (offered.includes('allow-term')) {
      const allow = allowTermAction(uri, root, result, finding, diagnostic, abilities);
      if (allow) actions.push(allow);
    }
    const disable = disableLine(result.document, finding.span.start, finding.ruleId);
    if (disable) actions.push(quickFix(`Disable ${finding.ruleId} for this line`, uri, result, [disable], diagnostic));
    actions.push(
      quickFix(
        `Disable ${finding.ruleId} for this file`,
        uri,
        result,
        [disableInFile(result.document, finding.ruleId)],
        diagnostic,
      ),
    );
  }
  // Two findings of one rule on one line offer the same "Disable…" edit: once is enough.
  const seen = new Set<string>();
  return actions.filter((a) => {
    const key = a.title + JSON.stringify(a.edit ?? a.command);
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

/** Deterministic fixes only: unused footnotes removed, bare URLs wrapped, footnotes renumbered in order of use. */
export function fixAll(uri: string, result: LintResult): CodeAction | undefined {
  const edits = fixAllToStable(result);
  if (edits.length === 0) return undefined;
  return { title: 'Sourcelint: fix all', kind: FIX_ALL_KIND, edit: { changes: { [uri]: toTextEdits(result, edits) } } };
}
