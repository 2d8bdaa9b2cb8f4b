/**
 * The reviewer's view of a document: every claim, its status, the sources it rests on and the reviewer's note.
 * Shared by `sourcelint claims`, `sourcelint report` and the editor's Claims view.
 */
import { isClaim, statusOf, type ClaimStatus } from './claims.js';
import { formatShortReference } from './bibliography.js';
import { ruleById } from './rules/index.js';
import type { LintResult } from './linter.js';
import type { Span } from './types.js';

export interface ClaimSource {
  kind: 'footnote' | 'citekey' | 'link' | 'attribution';
  /** Footnote label or citation key. */
  id?: string;
  /** Footnote text, short reference, link text or the named source. */
  text: string;
  /** A URL or DOI link, when there is one. */
  target?: string;
}

export interface ReviewClaim {
  span: Span;
  /** The sentence as written, markup and review comments removed. */
  text: string;
  status: ClaimStatus;
  /** Sourcing rules that report the sentence. */
  rules: string[];
  citations: ClaimSource[];
  note?: string;
  /** The heading the claim sits under ('' before the first heading) and its paragraph's index in the document. */
  section: string;
  paragraph: number;
}

const firstUrl = (s: string): string | undefined => /https?:\/\/[^\s<>)\]]+/.exec(s)?.[0];

/** Markup out, words in: what a reviewer reads in a checklist. */
function plainSentence(source: string): string {
  return source
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/\[\^[^\]]+\]/g, '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export function reviewClaims(result: LintResult): ReviewClaim[] {
  const doc = result.document;
  const footnotes = new Map(doc.parsed.footnotes.map((f) => [f.id, f]));
  const out: ReviewClaim[] = [];
  const headings = doc.prose.filter((pb) => pb.block.kind === 'heading');
  for (const claim of result.claims) {
    if (!isClaim(claim)) continue;
    const block = claim.sentence.block.block;
    const heading = headings.filter((h) => h.block.start < block.start).at(-1);
    const section = heading ? plainSentence(doc.text.slice(heading.block.start, heading.block.end)).replace(/^#+\s*/, '') : '';
    const span = claim.sentence.span;
    const citations: ClaimSource[] = [];
    for (const m of claim.sentence.citations) {
      if (m.kind === 'footnote') {
        const text = footnotes.get(m.id ?? '')?.content ?? '';
        citations.push({ kind: 'footnote', id: m.id, text, target: firstUrl(text) });
      } else if (m.kind === 'link') {
        citations.push({ kind: 'link', text: plainSentence(doc.text.slice(m.span.start, m.span.end)), target: m.id });
      } else {
        for (const k of m.keys ?? []) {
          const entry = result.bibliography?.entries.get(k.key);
          const target = entry?.url ?? (entry?.doi ? `https://doi.org/${entry.doi}` : undefined);
          citations.push({ kind: 'citekey', id: k.key, text: entry ? formatShortReference(entry) : '(not in the bibliography)', target });
        }
      }
    }
    if (claim.attribution) citations.push({ kind: 'attribution', text: claim.attribution });
    const rules = [
      ...new Set(
        result.findings.filter((f) => ruleById(f.ruleId)?.meta.family === 'sourcing' && f.span.start >= span.start && f.span.end <= span.end).map((f) => f.ruleId),
      ),
    ];
    out.push({
      span,
      text: plainSentence(doc.text.slice(span.start, span.end)),
      status: statusOf(claim, result.config.attribution),
      rules,
      citations,
      note: claim.sentence.review?.note,
      section,
      paragraph: doc.prose.indexOf(claim.sentence.block),
    });
  }
  return out;
}

/** A claim with 1-based line/column positions (endColumn exclusive), as `sourcelint claims --format json` prints it. */
export type ClaimRow = Omit<ReviewClaim, 'span'> & { filePath: string; line: number; column: number; endLine: number; endColumn: number };

export function claimRows(result: LintResult, filePath: string): ClaimRow[] {
  const doc = result.textDocument;
  return reviewClaims(result).map(({ span, ...claim }) => {
    const s = doc.positionAt(span.start);
    const e = doc.positionAt(span.end);
    return { filePath, line: s.line + 1, column: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1, ...claim };
  });
}
