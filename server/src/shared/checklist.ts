/**
 * The review checklist, shared by the adapters (the CLI's `sourcelint claims` and `report`, the language server's
 * "Export review checklist"): claims as rows with 1-based positions, computed here at the edge as every position is,
 * and the Markdown checklist of those rows.
 */
import path from 'node:path';
import { reviewClaims, type LintResult, type ReviewClaim } from '../engine/index.js';

/** A claim with 1-based line/column positions (endColumn exclusive), as `sourcelint claims --format json` prints it. */
export type ClaimRow = Omit<ReviewClaim, 'span'> & {
  filePath: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
};

export function claimRows(result: LintResult, filePath: string): ClaimRow[] {
  const doc = result.textDocument;
  return reviewClaims(result).map(({ span, ...claim }) => {
    const s = doc.positionAt(span.start);
    const e = doc.positionAt(span.end);
    return {
      filePath,
      line: s.line + 1,
      column: s.character + 1,
      endLine: e.line + 1,
      endColumn: e.character + 1,
      ...claim,
    };
  });
}

/** A footnote as the writer calls it: `[^label]`, or `^[…]` for a pandoc inline note (it has no label). */
export const footnoteCall = (id: string | undefined): string => (id === undefined ? '^[…]' : `[^${id}]`);

/** How a claim's sources read in the checklist. */
export const sourceText = (c: ClaimRow): string =>
  c.citations.length === 0
    ? 'no source'
    : c.citations
        .map((s) =>
          s.kind === 'footnote'
            ? `${footnoteCall(s.id)} ${s.text}`
            : s.kind === 'citekey'
              ? `@${s.id} (${s.text})`
              : s.kind === 'link'
                ? `link: ${s.target}`
                : s.kind === 'reference'
                  ? `[${s.id}] ${s.text}`
                  : `attributed to ${s.text}`,
        )
        .join('; ');

/** A cited source by its label alone: `[^1]`, `@key`, `[12]`, or a link's target. */
export const sourceLabel = (s: ClaimRow['citations'][number]): string =>
  s.kind === 'footnote'
    ? footnoteCall(s.id)
    : s.kind === 'citekey'
      ? `@${s.id}`
      : s.kind === 'reference'
        ? `[${s.id}]`
        : (s.target ?? s.text);

/** The best-matching passage of the claim's saved sources, and the cited sources that have no saved copy. */
export function evidenceText(c: ClaimRow): string {
  const parts: string[] = [];
  if (c.evidence) parts.push(`${path.basename(c.evidence.file)}, p. ${c.evidence.page}: “${c.evidence.passage}”`);
  const missing = c.citations.filter((s) => s.copy && 'missing' in s.copy).map(sourceLabel);
  if (missing.length > 0) parts.push(`no saved copy of ${missing.join(', ')}`);
  return parts.join('; ');
}

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
    const evidence = evidenceText(c);
    lines.push(
      `- ${box} \`${rel}:${c.line}\` ${c.text.replace(/\n/g, ' ')} — **${c.status}**${rules} — ${sourceText(c)}${note}${evidence ? ` — evidence: ${evidence}` : ''}`,
    );
  }
  return lines.join('\n').trimStart();
}
