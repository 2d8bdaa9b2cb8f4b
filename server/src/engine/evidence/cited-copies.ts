/** The saved copies of a sentence's sources, looked up by its keys and URLs (see `sentenceSources`). */
import path from 'node:path';
import { sentenceSources } from '../cited-sources.js';
import type { Bibliography } from '../bibliography.js';
import type { AnalyzedDocument, Sentence } from '../document.js';
import { claimContext, type Claim } from '../claims.js';
import type { RuleContext } from '../rules/rule.js';
import { NO_SOURCE_COPIES, type SourceCopies, type SourceText } from './copies.js';

export function savedCopies(
  doc: AnalyzedDocument,
  bibliography: Bibliography | undefined,
  copies: SourceCopies,
  sentence: Sentence,
): SourceText[] {
  if (sentence.citations.length === 0) return [];
  const { keys, urls } = sentenceSources(doc, bibliography, sentence);
  const found = new Set<SourceText>();
  for (const k of keys) {
    const c = copies.byKey(k);
    if (c) found.add(c);
  }
  for (const u of urls) {
    const c = copies.byUrl(u);
    if (c) found.add(c);
  }
  return [...found];
}

/**
 * Checks the claims an evidence rule looks at (`wanted`: it has figures, quotations…), each against its sentence's
 * saved copies. A claim whose text, coverage and copies an earlier lint checked is not checked again (see
 * `RuleContext.reuse`): a keystroke compares only the edited sentences with their sources.
 */
export function checkClaimsWithCopies(
  ctx: RuleContext,
  wanted: (claim: Claim) => boolean,
  check: (claim: Claim, copies: SourceText[]) => void,
): void {
  if (ctx.sourceCopies === NO_SOURCE_COPIES) return;
  for (const claim of ctx.claims()) {
    if (!wanted(claim)) continue;
    const copies = savedCopies(ctx.doc, ctx.bibliography, ctx.sourceCopies, claim.sentence);
    if (copies.length === 0) continue;
    // No path holds a NUL.
    const context = `${claimContext(claim)}\0${copies.map((c) => c.file).join('\0')}`;
    ctx.reuse(claim.sentence.text, context, claim.sentence.span.start, () => check(claim, copies));
  }
}

/** "the source" when a sentence has one saved copy, else the copy's file name; with "p. N" for copies with pages. */
export function copyName(copy: SourceText, copies: readonly SourceText[]): string {
  return copies.length === 1 ? 'the source' : path.basename(copy.file);
}

export function pageNote(copy: SourceText, page: number): string {
  return copy.pages.length > 1 ? ` (p. ${page})` : '';
}

/**
 * A passage short enough for a message: the window of `max` characters that holds most of the query's words (so the
 * part that matched is what the reader sees), cut at spaces.
 */
export function excerpt(passage: string, query: string, max = 200): string {
  if (passage.length <= max) return passage;
  const lower = passage.toLowerCase();
  const hits: number[] = [];
  for (const word of new Set(query.toLowerCase().match(/[\p{L}\p{N}]{4,}/gu) ?? [])) {
    for (let at = lower.indexOf(word); at >= 0; at = lower.indexOf(word, at + 1)) hits.push(at);
  }
  hits.sort((a, b) => a - b);
  let from = 0;
  let best = 0;
  for (let i = 0, j = 0; i < hits.length; i++) {
    while (j < hits.length && hits[j] < hits[i] + max - 20) j++;
    if (j - i > best) {
      best = j - i;
      from = hits[i];
    }
  }
  from = Math.max(0, Math.min(from - 20, passage.length - max));
  if (from > 0) from = passage.indexOf(' ', from) + 1 || from;
  let to = Math.min(passage.length, from + max);
  if (to < passage.length) to = passage.lastIndexOf(' ', to) > from ? passage.lastIndexOf(' ', to) : to;
  return (from > 0 ? '…' : '') + passage.slice(from, to).trim() + (to < passage.length ? '…' : '');
}
