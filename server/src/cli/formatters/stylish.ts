/** ESLint's "stylish" look: findings grouped by file, aligned columns, one summary line. Colour only on a terminal. */
import path from 'node:path';
import type { FileResult } from '../lint-file.js';

const paint =
  (on: boolean, code: number) =>
  (s: string): string =>
    on ? `\u001b[${code}m${s}\u001b[0m` : s;

export function formatStylish(results: readonly FileResult[], color: boolean, cwd: string): string {
  const red = paint(color, 31);
  const yellow = paint(color, 33);
  const blue = paint(color, 34);
  const dim = paint(color, 2);
  const bold = paint(color, 1);
  const lines: string[] = [];
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const r of results) {
    if (r.messages.length === 0) continue;
    lines.push('', bold(path.relative(cwd, r.filePath) || r.filePath));
    const width = Math.max(...r.messages.map((m) => `${m.line}:${m.column}`.length));
    for (const m of r.messages) {
      const label = m.level === 'error' ? red('error  ') : m.level === 'warning' ? yellow('warning') : blue('info   ');
      if (m.level === 'error') errors++;
      else if (m.level === 'warning') warnings++;
      else infos++;
      lines.push(`  ${dim(`${m.line}:${m.column}`.padEnd(width))}  ${label}  ${m.message}  ${dim(m.ruleId)}`);
    }
  }
  const total = errors + warnings + infos;
  if (total === 0) return '';
  const summary = `${total} problem${total === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}, ${infos} info)`;
  lines.push('', (errors > 0 ? red : yellow)(bold(`✖ ${summary}`)), '');
  return lines.join('\n');
}
