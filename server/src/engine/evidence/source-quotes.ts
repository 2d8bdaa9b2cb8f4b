/**
 * Whether a quotation is in a saved copy. Both sides are reduced to their words: lower case, quotation marks, dashes
 * and
 * punctuation as one space, apostrophes dropped ("don’t" = "don't" = "dont"), a hyphen between letters dropped, and
 * with it a hyphen that breaks a word at a line end ("govern-\nment" = "government"). An ellipsis ("...", "…", "[…]")
 * splits the quotation into parts found in order with anything between; a bracketed editorial insertion ("[the
 * army]") stands for a few words at most.
 */
import type { SourceText } from './copies.js';

interface NormalText {
  /** Words separated by single spaces, with a space at both ends, so " part " finds whole words. */
  text: string;
  /** For the copy: where each page starts in `text` (index 0 is page 1). */
  pageStarts: number[];
}

const LIGATURES: Record<string, string> = { ﬁ: 'fi', ﬂ: 'fl', ﬀ: 'ff', ﬃ: 'ffi', ﬄ: 'ffl' };
const isWordChar = (c: string | undefined): boolean => !!c && /[\p{L}\p{N}]/u.test(c);
const HYPHENS = '-\u00ad\u2010\u2011';
const APOSTROPHES = "'’ʼ";

/** Appends the words of `s` to `out` (which ends in a space), in the normal form described above. */
function appendNormal(out: string[], s: string): void {
  let spaced = out.length === 0 || out[out.length - 1] === ' ';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (isWordChar(c)) {
      const lower = LIGATURES[c] ?? c.toLowerCase();
      out.push(lower);
      spaced = false;
      continue;
    }
    const prevWord = isWordChar(s[i - 1]);
    if (prevWord && APOSTROPHES.includes(c) && isWordChar(s[i + 1])) continue;
    if (prevWord && HYPHENS.includes(c)) {
      // A hyphen inside a word, or at a line end before the word's rest: the word continues.
      let j = i + 1;
      if (s[j] === '\n' || s[j] === '\r' || s[j] === ' ') {
        while (j < s.length && (s[j] === ' ' || s[j] === '\t')) j++;
        if (s[j] === '\r') j++;
        if (s[j] === '\n') j++;
        else j = -1;
        while (j > 0 && j < s.length && (s[j] === ' ' || s[j] === '\t')) j++;
      }
      if (j > 0 && isWordChar(s[j])) {
        i = j - 1;
        continue;
      }
    }
    if (!spaced) {
      out.push(' ');
      spaced = true;
    }
  }
}

export function normalWords(s: string): string {
  const out: string[] = [' '];
  appendNormal(out, s);
  if (out[out.length - 1] !== ' ') out.push(' ');
  return out.join('');
}

const normalCopies = new WeakMap<SourceText, NormalText>();

function normalCopy(copy: SourceText): NormalText {
  let n = normalCopies.get(copy);
  if (n) return n;
  const out: string[] = [' '];
  const pageStarts: number[] = [];
  let length = 1;
  for (const page of copy.pages) {
    pageStarts.push(length - 1);
    const before = out.length;
    appendNormal(out, page);
    if (out[out.length - 1] !== ' ') out.push(' ');
    for (let k = before; k < out.length; k++) length += out[k].length;
  }
  n = { text: out.join(''), pageStarts };
  normalCopies.set(copy, n);
  return n;
}

/** Quotations with more parts than this are not real quotations (and would make the look-up costly). */
const MAX_PARTS = 24;
/** The longest stretch a bracketed insertion may stand for, in normalised characters (about eight words). */
const MAX_INSERTION = 60;
const ELLIPSIS = /\[\s*(?:\.\s*){3}\]|\[\s*…\s*\]|(?:\.\s*){3}|…/g;

interface Part {
  words: string;
  /** The gap allowed before this part: any (after an ellipsis) or a short insertion. */
  gap: 'any' | 'short';
}

/**
 * The quotation's parts, in order. `[T]he` (a bracket inside a word) keeps its letters; `[the army]` is a short gap.
 * None for a "quotation" cut into more parts than any real one has: it is not checked.
 */
export function quotationParts(quote: string): Part[] {
  const parts: Part[] = [];
  for (const piece of quote.split(ELLIPSIS)) {
    let gap: Part['gap'] = 'any';
    const inWord = piece.replace(
      /(?<=\p{L})\[(\p{L}{1,2})\]|\[(\p{L}{1,2})\](?=\p{L})/gu,
      (_m, a?: string, b?: string) => a ?? b ?? '',
    );
    for (const sub of inWord.split(/\[[^\]]*\]/)) {
      const words = normalWords(sub);
      if (words.trim()) parts.push({ words, gap: parts.length === 0 ? 'any' : gap });
      gap = 'short';
    }
  }
  return parts.length > MAX_PARTS ? [] : parts;
}

export interface QuoteLocation {
  copy: SourceText;
  /** 1-based page where the quotation (its first part) starts. */
  page: number;
}

/** Starts of the first part tried when a short gap may only fit after a later one. */
const MAX_STARTS = 16;
const MAX_ANSWERS = 4096;

/** Answers given so far per copy, by quotation: a keystroke asks the same questions again. */
const answers = new WeakMap<SourceText, Map<string, number>>();

/** Where the quotation's parts are found, in order, in one of the copies; undefined if in none. */
export function findQuotation(parts: readonly Part[], copies: readonly SourceText[]): QuoteLocation | undefined {
  if (parts.length === 0) return undefined;
  const key = parts.map((p) => `${p.gap}${p.words}`).join('|');
  for (const copy of copies) {
    let known = answers.get(copy);
    if (!known) answers.set(copy, (known = new Map()));
    let page = known.get(key);
    if (page === undefined) {
      page = locate(parts, normalCopy(copy));
      if (known.size >= MAX_ANSWERS) known.clear();
      known.set(key, page);
    }
    if (page > 0) return { copy, page };
  }
  return undefined;
}

/** The 1-based page where the parts are found in order, or 0. */
function locate(parts: readonly Part[], { text, pageStarts }: NormalText): number {
  // With only "any" gaps the leftmost start is the best one; a short gap may only fit after a later start.
  const starts = parts.some((p, k) => k > 0 && p.gap === 'short') ? MAX_STARTS : 1;
  let tries = 0;
  for (
    let at = text.indexOf(parts[0].words);
    at >= 0 && tries < starts;
    at = text.indexOf(parts[0].words, at + 1), tries++
  ) {
    if (restFits(text, parts, at + parts[0].words.length - 1)) return pageOf(pageStarts, at);
  }
  return 0;
}

function restFits(text: string, parts: readonly Part[], from: number): boolean {
  let end = from;
  for (let k = 1; k < parts.length; k++) {
    const at = text.indexOf(parts[k].words, end);
    if (at < 0 || (parts[k].gap === 'short' && at - end > MAX_INSERTION)) return false;
    end = at + parts[k].words.length - 1;
  }
  return true;
}

function pageOf(pageStarts: readonly number[], at: number): number {
  let lo = 0;
  let hi = pageStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (pageStarts[mid] <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}
