/**
 * The reviewer's view of a document: every claim, its status, the sources it rests on and the reviewer's note.
 * Shared by `sourcelint claims`, `sourcelint report` and the editor's Claims view.
 */
import { isClaim, namedSource, statusOf, type ClaimStatus } from './claims.js';
import { formatShortReference } from './bibliography.js';
import { entryUrl } from './cited-sources.js';
import { SOURCE_NOTE } from './citations.js';
import { NO_SOURCE_COPIES, type SourceCopies } from './evidence/copies.js';
import { savedCopies } from './evidence/cited-copies.js';
import { bestPassage, type Evidence } from './evidence/passages.js';
import { RULES } from './rules/index.js';
import { lastStartingAtOrBefore } from './search.js';
import type { LintResult } from './linter.js';
import type { Span } from './types.js';

export interface ClaimSource {
  /** `reference`: a numbered or author–date citation into the article's own reference list, or ibid. */
  kind: 'footnote' | 'citekey' | 'link' | 'reference' | 'attribution';
  /** Footnote label, citation key, reference number or author–date citation. */
  id?: string;
  /** Footnote text, short reference, link text or the named source. */
  text: string;
  /** A URL or DOI link, when there is one. */
  target?: string;
  /** When the adapter looked for saved copies: the saved copy of this source (its path), or none. */
  copy?: { file: string } | { missing: true };
}

export interface ReviewClaim {
  span: Span;
  /** The sentence as written, markup and review comments removed. */
  text: string;
  status: ClaimStatus;
  /** Sourcing rules that report the sentence. */
  rules: string[];
  citations: ClaimSource[];
  /** The passage of the claim's saved sources that best matches it, with its page (when a copy is saved). */
  evidence?: Evidence;
  note?: string;
  /** The heading the claim sits under ('' before the first heading) and its paragraph's index in the document. */
  section: string;
  paragraph: number;
}

const firstUrl = (s: string): string | undefined => /https?:\/\/[^\s<>)\]]+/.exec(s)?.[0];

/**
 * Finds `needle` at or after `from`, for scans whose `from` only grows: each search resumes where the last one ended,
 * so a whole scan costs one pass over the text however many times it asks (a regex `\[[^\]]*\]` retried at every
 * bracket would rescan to the next `]` from each one: quadratic on "[[[[…").
 */
function forwardFinder(text: string, needle: string): (from: number) => number {
  let found = -2;
  return (from) => {
    if (found === -1 || found >= from) return found;
    found = text.indexOf(needle, from);
    return found;
  };
}

/** Drops `<!-- … -->` comments. */
function withoutComments(s: string): string {
  if (!s.includes('<!--')) return s;
  let out = '';
  let at = 0;
  for (let open = s.indexOf('<!--'); open >= 0; open = s.indexOf('<!--', at)) {
    const close = s.indexOf('-->', open + 4);
    if (close < 0) break;
    out += s.slice(at, open);
    at = close + 3;
  }
  return out + s.slice(at);
}

/** Drops footnote calls `[^id]` and keeps only the text of links and images `[text](target)`. */
function withoutCallsAndTargets(s: string): string {
  if (!s.includes('[')) return s;
  const footnotes = (() => {
    const close = forwardFinder(s, ']');
    let out = '';
    let at = 0;
    for (let i = s.indexOf('[^'); i >= 0; i = s.indexOf('[^', i + 1)) {
      if (i < at) continue;
      const end = close(i + 2);
      if (end < 0) break;
      if (end === i + 2) continue;
      out += s.slice(at, i);
      at = end + 1;
    }
    return out + s.slice(at);
  })();
  const close = forwardFinder(footnotes, ']');
  const paren = forwardFinder(footnotes, ')');
  let out = '';
  let at = 0;
  for (let i = footnotes.indexOf('['); i >= 0; i = footnotes.indexOf('[', i + 1)) {
    if (i < at) continue;
    const end = close(i + 1);
    if (end < 0) break;
    if (footnotes[end + 1] !== '(') continue;
    const targetEnd = paren(end + 2);
    if (targetEnd < 0) continue;
    const from = i > 0 && footnotes[i - 1] === '!' && i - 1 >= at ? i - 1 : i;
    out += footnotes.slice(at, from) + footnotes.slice(i + 1, end);
    at = targetEnd + 1;
  }
  return out + footnotes.slice(at);
}

/** Markup out, words in: what a reviewer reads in a checklist. Every step is one pass over the text. */
function plainSentence(source: string): string {
  return withoutCallsAndTargets(withoutComments(source))
    .replace(/[*_`]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const CLAIM_RULES = new Set(RULES.filter((r) => r.meta.reportsClaims).map((r) => r.meta.id));

const reviewed = new WeakMap<LintResult, readonly ReviewClaim[]>();

/**
 * Every claim of a lint result, with its status, sources, note, section and paragraph. Linear in the document: the
 * indexes (headings, paragraphs, sourcing findings, footnotes, references) are built once, each claim looks itself up
 * by binary search. Remembered per result, so the editor's hovers and Claims view reuse the last lint's answer.
 */
export function reviewClaims(result: LintResult): readonly ReviewClaim[] {
  const known = reviewed.get(result);
  if (known) return known;
  const doc = result.document;
  const footnotes = new Map(doc.parsed.footnotes.map((f) => [f.id, { text: f.content, target: firstUrl(f.content) }]));
  const references = new Map<string, { text: string; target?: string }>();
  const entries = new Map(
    doc.parsed.references.entries.filter((e) => e.number !== undefined).map((e) => [e.number!, e.span]),
  );
  const numberedEntry = (n: number): { text: string; target?: string } => {
    const span = entries.get(n);
    const text = span ? plainSentence(doc.text.slice(span.start, span.end)) : '';
    return { text, target: firstUrl(text) };
  };
  const referenceOf = (key: string): { text: string; target?: string } => {
    let ref = references.get(key);
    if (!ref) {
      const entry = result.bibliography?.entries.get(key);
      const target = entry && entryUrl(entry);
      ref = { text: entry ? formatShortReference(entry) : '(not in the bibliography)', target };
      references.set(key, ref);
    }
    return ref;
  };
  const paragraphIndex = new Map(doc.prose.map((pb, i) => [pb, i]));
  const headings = doc.prose.filter((pb) => pb.block.kind === 'heading');
  const sectionNames = new Map<number, string>();
  const sectionOf = (i: number): string => {
    if (i < 0) return '';
    let name = sectionNames.get(i);
    if (name === undefined) {
      const h = headings[i].block;
      name = plainSentence(doc.text.slice(h.start, h.end)).replace(/^#+\s*/, '');
      sectionNames.set(i, name);
    }
    return name;
  };
  // Findings are sorted by start; a claim's rules are the sourcing findings inside its span.
  const sourcing = result.findings.filter((f) => CLAIM_RULES.has(f.ruleId));
  const out: ReviewClaim[] = [];
  for (const claim of result.claims) {
    if (!isClaim(claim)) continue;
    const block = claim.sentence.block.block;
    const span = claim.sentence.span;
    const citations: ClaimSource[] = [];
    for (const m of claim.sentence.citations) {
      if (m.kind === 'footnote') {
        const note = footnotes.get(m.id ?? '');
        citations.push({ kind: 'footnote', id: m.id, text: note?.text ?? '', target: note?.target });
      } else if (m.kind === 'note') {
        citations.push({ kind: 'footnote', text: plainSentence(m.id ?? '') });
      } else if (m.kind === 'link') {
        citations.push({ kind: 'link', text: plainSentence(doc.text.slice(m.span.start, m.span.end)), target: m.id });
      } else if (m.kind === 'reference') {
        for (const n of m.numbers ?? []) citations.push({ kind: 'reference', id: String(n), ...numberedEntry(n) });
      } else if (m.kind === 'author-date' || m.kind === 'ibid') {
        citations.push({
          kind: 'reference',
          id: m.id ?? 'ibid.',
          text:
            m.kind === 'ibid'
              ? 'the work cited just before'
              : SOURCE_NOTE.test(m.id ?? '')
                ? 'source named in the text'
                : 'author–date citation',
        });
      } else {
        for (const k of m.keys ?? []) citations.push({ kind: 'citekey', id: k.key, ...referenceOf(k.key) });
      }
    }
    const copies = result.options.sourceCopies ?? NO_SOURCE_COPIES;
    let evidence: Evidence | undefined;
    if (copies !== NO_SOURCE_COPIES && citations.length > 0) {
      for (const c of citations) c.copy = copyOf(copies, c);
      const saved = savedCopies(doc, result.bibliography, copies, claim.sentence);
      if (saved.length > 0) evidence = bestPassage(claim.sentence.text, saved);
    }
    const source = namedSource(claim);
    if (source) citations.push({ kind: 'attribution', text: source });
    const rules = new Set<string>();
    for (
      let i = lastStartingAtOrBefore(sourcing, (f) => f.span.start, span.start - 1) + 1;
      i < sourcing.length && sourcing[i].span.start <= span.end;
      i++
    ) {
      if (sourcing[i].span.end <= span.end) rules.add(sourcing[i].ruleId);
    }
    out.push({
      span,
      text: plainSentence(doc.text.slice(span.start, span.end)),
      status: statusOf(claim, result.config.attribution),
      rules: [...rules],
      citations,
      ...(evidence ? { evidence } : {}),
      note: claim.sentence.review?.note,
      section: sectionOf(lastStartingAtOrBefore(headings, (h) => h.block.start, block.start - 1)),
      paragraph: paragraphIndex.get(claim.sentence.block) ?? -1,
    });
  }
  reviewed.set(result, out);
  return out;
}

/** The saved copy of one cited source, by its key or label, else by its URL. */
function copyOf(copies: SourceCopies, source: ClaimSource): ClaimSource['copy'] {
  const copy =
    (source.id !== undefined ? copies.byKey(source.id) : undefined) ??
    (source.target ? copies.byUrl(source.target) : undefined);
  return copy ? { file: copy.file } : { missing: true };
}

/** The claim whose sentence contains `offset` (claims are disjoint and in document order), for hovers. */
export function claimAt(result: LintResult, offset: number): ReviewClaim | undefined {
  const claims = reviewClaims(result);
  let i = lastStartingAtOrBefore(claims, (c) => c.span.start, offset);
  // Where one claim ends exactly where the next starts, the earlier one answers.
  if (i > 0 && claims[i - 1].span.end >= offset) i--;
  const claim = claims[i];
  return claim && offset <= claim.span.end ? claim : undefined;
}
