/**
 * `sourcelint claims`: the review checklist as Markdown (for a pull request, shared/checklist.ts), CSV (for a
 * spreadsheet) or JSON.
 */
import path from 'node:path';
import { evidenceText, sourceText, type ClaimRow } from '../../shared/checklist.js';

/**
 * One CSV cell. A text cell starting with =, +, -, @, tab or carriage return would be run as a formula by
 * spreadsheets (every pandoc citation starts with @): as OWASP recommends, it gets a leading ' and is quoted.
 */
const csvCell = (v: string | number): string => {
  if (typeof v === 'number') return String(v);
  const formula = /^[=+\-@\t\r]/.test(v);
  const text = formula ? `'${v}` : v;
  return formula || /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

export function formatClaimsCsv(claims: readonly ClaimRow[], cwd: string): string {
  const header = [
    'file',
    'line',
    'column',
    'endLine',
    'endColumn',
    'status',
    'rules',
    'sources',
    'note',
    'text',
    'evidence',
  ];
  const rows = claims.map((c) =>
    [
      path.relative(cwd, c.filePath) || c.filePath,
      c.line,
      c.column,
      c.endLine,
      c.endColumn,
      c.status,
      c.rules.join(' '),
      c.citations.length ? sourceText(c) : '',
      c.note ?? '',
      c.text,
      evidenceText(c),
    ]
      .map(csvCell)
      .join(','),
  );
  return [header.join(','), ...rows].join('\n');
}

export function formatClaimsJson(claims: readonly ClaimRow[]): string {
  return JSON.stringify(claims);
}
