/** Engine findings → LSP diagnostics. `data` carries what the quick fixes need, so code actions never re-lint. */
import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver/node';
import { ruleDocsUrl, type Finding, type LintResult } from '../engine/index.js';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ClientSupport } from './capabilities.js';

const SEVERITY = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
} as const;

/**
 * What a diagnostic's `data` holds: with its `code` (the rule), enough to find its finding again in the document's
 * current lint result, and the document version it was made for (its span means nothing in another version).
 */
export interface DiagnosticData {
  span: Finding['span'];
  version?: number;
}

/** The optional parts of a diagnostic the client declared it supports. */
type DiagnosticParts = Pick<ClientSupport, 'diagnosticLinks' | 'diagnosticData'>;

/**
 * `doc` speaks the client's position encoding (see encoding.ts); the result's own document speaks UTF-16. `version`:
 * the version of the editor's document that was linted.
 */
export function toDiagnostics(
  result: LintResult,
  parts: DiagnosticParts,
  doc: TextDocument = result.textDocument,
  version?: number,
): Diagnostic[] {
  return result.findings.map((f) => {
    const diagnostic: Diagnostic = {
      range: { start: doc.positionAt(f.span.start), end: doc.positionAt(f.span.end) },
      severity: SEVERITY[f.severity],
      source: 'sourcelint',
      code: f.ruleId,
      message: f.message,
    };
    if (parts.diagnosticLinks) diagnostic.codeDescription = { href: ruleDocsUrl(f.ruleId) };
    if (parts.diagnosticData) diagnostic.data = { span: f.span, version } satisfies DiagnosticData;
    return diagnostic;
  });
}

const FIRST_LINE: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** On a document whose configuration is broken: the only diagnostic, so no stale finding stays on screen. */
export function configErrorOnDocument(message: string, range: Range = FIRST_LINE): Diagnostic {
  return {
    range,
    severity: DiagnosticSeverity.Error,
    source: 'sourcelint',
    code: 'configuration',
    message: `Configuration error, nothing is checked until it is fixed: ${message}`,
  };
}

/** On a document too large to lint as it is typed: the only diagnostic. */
export function documentTooLarge(message: string): Diagnostic {
  return {
    range: FIRST_LINE,
    severity: DiagnosticSeverity.Information,
    source: 'sourcelint',
    code: 'document-too-large',
    message,
  };
}

/** Client settings that were ignored: shown on each document, beside its findings. */
export function settingsErrorOnDocument(message: string): Diagnostic {
  return {
    range: FIRST_LINE,
    severity: DiagnosticSeverity.Warning,
    source: 'sourcelint',
    code: 'configuration',
    message: `Sourcelint settings ignored: ${message}`,
  };
}

/**
 * The line of a configuration file an error is about: the line a YAML parser names, the offset a JSON parser names,
 * else the last key the message quotes ("rules.unsourced-claim" → `unsourced-claim:`), else the first line.
 */
export function configErrorLine(text: string, message: string): number {
  const lineOf = (offset: number): number => text.slice(0, offset).split('\n').length - 1;
  const line = /\bline (\d+)/i.exec(message);
  if (line) return Math.max(0, Number(line[1]) - 1);
  const position = /\bposition (\d+)/i.exec(message);
  if (position) return lineOf(Number(position[1]));
  const key = [...message.matchAll(/"([^"]+)"/g)]
    .map((m) =>
      m[1]
        .split('.')
        .filter((part) => !/^\d+$/.test(part))
        .pop(),
    )
    .filter(Boolean)
    .pop();
  if (key) {
    const at = text.search(new RegExp(`["']?${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["']?\\s*:`));
    if (at >= 0) return lineOf(at);
  }
  return 0;
}

/** The trimmed text of a line, as a range in the document's (client's) units. */
export function lineRange(doc: TextDocument, line: number): Range {
  const full = doc.getLineRange(Math.min(line, doc.lineCount - 1));
  const text = doc.getText(full);
  const indent = text.length - text.trimStart().length;
  const start = doc.offsetAt(full.start);
  return { start: doc.positionAt(start + indent), end: doc.positionAt(start + text.trimEnd().length) };
}
