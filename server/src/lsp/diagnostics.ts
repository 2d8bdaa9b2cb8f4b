/** Engine findings → LSP diagnostics. `data` carries what the quick fixes need, so code actions never re-lint. */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import { ruleDocsUrl, type Finding, type LintResult } from '../engine/index.js';

const SEVERITY = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information } as const;

/** What a diagnostic's `data` holds: enough to find its finding again in the document's current lint result. */
export interface DiagnosticData {
  ruleId: string;
  span: Finding['span'];
}

export function toDiagnostics(result: LintResult): Diagnostic[] {
  const doc = result.textDocument;
  return result.findings.map((f) => ({
    range: { start: doc.positionAt(f.span.start), end: doc.positionAt(f.span.end) },
    severity: SEVERITY[f.severity],
    source: 'sourcelint',
    code: f.ruleId,
    codeDescription: { href: ruleDocsUrl(f.ruleId) },
    message: f.message,
    data: { ruleId: f.ruleId, span: f.span } satisfies DiagnosticData,
  }));
}
