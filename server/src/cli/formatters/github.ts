/** GitHub Actions workflow commands: findings become annotations on the pull request's diff. */
import path from 'node:path';
import type { FileResult } from '../lint-file.js';

// Workflow-command escaping: data and property values differ (properties also escape ':' and ',').
const escapeData = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function formatGithub(results: readonly FileResult[], cwd: string): string {
  const lines: string[] = [];
  for (const r of results) {
    const file = escapeProperty(path.relative(cwd, r.filePath).split(path.sep).join('/') || r.filePath);
    for (const m of r.messages) {
      const command = m.level === 'error' ? 'error' : m.level === 'warning' ? 'warning' : 'notice';
      lines.push(
        `::${command} file=${file},line=${m.line},col=${m.column},endLine=${m.endLine},endColumn=${m.endColumn},title=${escapeProperty(m.ruleId)}::${escapeData(m.message)}`,
      );
    }
  }
  return lines.join('\n');
}
