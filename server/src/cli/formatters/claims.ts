/** `sourcelint claims`: the review checklist as Markdown (for a pull request), CSV (for a spreadsheet) or JSON. */
import path from 'node:path';
import type { ClaimRow } from '../lint-file.js';

const sourceText = (c: ClaimRow): string =>
  c.citations.length === 0
    ? 'no source'
    : c.citations.map((s) => (s.kind === 'footnote' ? `[^${s.id}] ${s.text}` : s.kind === 'citekey' ? `@${s.id} (${s.text})` : s.kind === 'link' ? `link: ${s.target}` : s.kind === 'reference' ? `[${s.id}] ${s.text}` : `attributed to ${s.text}`)).join('; ');

export function formatClaimsMarkdown(claims: readonly ClaimRow[], cwd: string): string {
  // Counted in one pass: a checklist of a whole archive has thousands of files.
  const counts = new Map<string, { ok: number; all: number }>();
  for (const c of claims) {
    let n = counts.get(c.filePath);
    if (!n) counts.set(c.filePath, (n = { ok: 0, all: 0 }));
    n.all++;
    if (c.status === 'cited' || c.status === 'verified') n.ok++;
  }
  const lines: string[] = [];
  let file = '';
  for (const c of claims) {
    const rel = path.relative(cwd, c.filePath) || c.filePath;
    if (rel !== file) {
      file = rel;
      const { ok, all } = counts.get(c.filePath)!;
      lines.push('', `### ${rel} — ${ok}/${all} claims cited or verified`, '');
    }
    const box = c.status === 'verified' ? '[x]' : '[ ]';
    const note = c.note ? ` — note: ${c.note}` : '';
    const rules = c.rules.length > 0 ? ` (${c.rules.join(', ')})` : '';
    lines.push(`- ${box} \`${rel}:${c.line}\` ${c.text.replace(/\n/g, ' ')} — **${c.status}**${rules} — ${sourceText(c)}${note}`);
  }
  return lines.join('\n').trimStart();
}

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
  const header = ['file', 'line', 'column', 'endLine', 'endColumn', 'status', 'rules', 'sources', 'note', 'text'];
  const rows = claims.map((c) =>
    [path.relative(cwd, c.filePath) || c.filePath, c.line, c.column, c.endLine, c.endColumn, c.status, c.rules.join(' '), c.citations.length ? sourceText(c) : '', c.note ?? '', c.text].map(csvCell).join(','),
  );
  return [header.join(','), ...rows].join('\n');
}

export function formatClaimsJson(claims: readonly ClaimRow[]): string {
  return JSON.stringify(claims);
}
