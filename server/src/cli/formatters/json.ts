/** ESLint's JSON format: what score scripts, editors and CI tools already read. */
import type { FileResult, Message } from '../lint-file.js';

export interface EslintResult {
  filePath: string;
  messages: Array<Omit<Message, 'level'>>;
  errorCount: number;
  warningCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
}

export function toEslintResults(results: readonly FileResult[]): EslintResult[] {
  return results.map((r) => ({
    filePath: r.filePath,
    messages: r.messages.map(({ level: _level, ...m }) => m),
    errorCount: r.messages.filter((m) => m.severity === 2).length,
    warningCount: r.messages.filter((m) => m.severity === 1).length,
    fixableErrorCount: r.messages.filter((m) => m.severity === 2 && m.fix).length,
    fixableWarningCount: r.messages.filter((m) => m.severity === 1 && m.fix).length,
  }));
}

export function formatJson(results: readonly FileResult[]): string {
  return JSON.stringify(toEslintResults(results));
}
