/**
 * ESLint's JSON format, field for field (ESLint's `LintResult`): what score scripts, editors, CI tools and ESLint's own
 * formatters already read. ESLint has two severities, so an info finding is `severity: 1` like a warning and counts in
 * `warningCount` (ESLint's formatters add the counts up); `level` on each message and `infoCount` on each result tell
 * info apart. Sourcelint never fails to parse a document, so `fatalErrorCount` is 0 and no message is `fatal`.
 */
import type { FileResult, Message } from '../lint-file.js';

export interface EslintResult {
  filePath: string;
  messages: Message[];
  suppressedMessages: Array<Message & { suppressions: Array<{ kind: 'directive'; justification: string }> }>;
  errorCount: number;
  fatalErrorCount: number;
  warningCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  /** Sourcelint's own: how many of `warningCount` are info findings. */
  infoCount: number;
  usedDeprecatedRules: Array<{ ruleId: string; replacedBy: string[] }>;
  /** The fixed text, with `--fix` or `--fix-dry-run`, when fixes changed it. */
  output?: string;
}

export function toEslintResults(results: readonly FileResult[]): EslintResult[] {
  return results.map((r) => ({
    filePath: r.filePath,
    messages: r.messages,
    suppressedMessages: (r.suppressed ?? []).map((m) => ({
      ...m,
      suppressions: [{ kind: 'directive' as const, justification: '' }],
    })),
    errorCount: r.messages.filter((m) => m.severity === 2).length,
    fatalErrorCount: 0,
    warningCount: r.messages.filter((m) => m.severity === 1).length,
    fixableErrorCount: r.messages.filter((m) => m.severity === 2 && m.fix).length,
    fixableWarningCount: r.messages.filter((m) => m.severity === 1 && m.fix).length,
    infoCount: r.messages.filter((m) => m.level === 'info').length,
    usedDeprecatedRules: [],
    ...(r.output !== undefined ? { output: r.output } : {}),
  }));
}

export function formatJson(results: readonly FileResult[]): string {
  return JSON.stringify(toEslintResults(results));
}
