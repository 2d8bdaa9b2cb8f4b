/**
 * Sentence boundaries in masked block text. A rule-based splitter: measured against the human sentence boundaries of
 * real news articles it is as accurate as the NLP libraries we tried and an order of magnitude faster
 * (ARCHITECTURE.md).
 */
import { tagsQuotation } from './attribution.js';
import type { Span } from './types.js';

/** Words that end in a period without ending the sentence. Lowercase, without the period. */
const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr prof gen col lt sgt capt cmdr adm maj rep reps sen sens gov govs pres rev hon st jr sr vs etc e.g i.e eg ie cf al ' +
    'inc ltd co corp dept univ assn bros no nos vol vols pp p para fig ch sec art ed eds approx est ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun ' +
    'u.s u.k u.n e.u u.s.a d.c a.m p.m ph.d b.a m.a mt ft ave blvd rs'
  ).split(' '),
);

// A candidate end: terminal punctuation, optional closing quotes/brackets, whitespace, then something that can start a
// sentence. The whitespace run is bounded by the next non-space, so the scan is linear.
// A period typed without its space ("…annually.China has…") ends a sentence too, between a lower-case word and a
// capitalised one.
const CANDIDATE = /([.!?…]+)(["'”’)\]]*)(\s+(?=["'“‘(\[]{0,2}[\p{Lu}\p{N}])|(?<=\p{Ll}{2}\.)(?=\p{Lu}\p{Ll}))/gu;

/** A page number or range and the parenthesis it closes. */
const PAGE_CLOSES = /^\d{1,4}(?:\s*[–-]\s*\d{1,4})?\)/;

const SOURCE_NOTE_AFTER = /^\((?:sources?|data|via)\s*[:：]/i;
const MAX_ASIDE = 60;
/** A short parenthesis with no sentence in it, set after a sentence: a credit ("(Reuters)") or a stage note. */
const PARENTHESIS_AFTER = new RegExp(`^\\([^()\\n.!?]{1,${MAX_ASIDE}}\\)(?=\\s|$)`);

/** Up to three capitalised words (a name, a title) and the word after them: a reporting verb, after a quotation. */
const SPEAKER_AFTER = /^(?:\p{Lu}[\p{L}.’'-]*\s+){1,3}(\p{Ll}+)\b/u;

/** Sentence spans of `text`; no sentence ends inside an `unbroken` span (in order, disjoint), such as a link. */
export function splitSentences(text: string, unbroken: readonly Span[] = []): Span[] {
  const spans: Span[] = [];
  let start = skipSpace(text, 0);
  let u = 0;
  for (const m of text.matchAll(CANDIDATE)) {
    const punctAt = m.index!;
    if (m[1] === '.' && !m[2] && endsWithAbbreviation(text, punctAt, punctAt + m[0].length)) continue;
    // Spans in order, candidates in order: one pointer, not a search per candidate.
    while (u < unbroken.length && unbroken[u].end <= punctAt + 1) u++;
    if (u < unbroken.length && unbroken[u].start <= punctAt) continue;
    // "“Why speculate?” Mr. Gowdy added.": a question or exclamation quoted before its speaker ends no sentence.
    if (
      m[1] !== '.' &&
      /["”’']/.test(m[2]) &&
      speakerFollows(text.slice(punctAt + m[0].length, punctAt + m[0].length + 60))
    )
      continue;
    const after = punctAt + m[0].length;
    // "(Lindqvist. 72)": a period inside an author–page citation.
    if (m[1] === '.' && PAGE_CLOSES.test(text.slice(after, after + 16))) continue;
    // "… 40 terminals. (Source: Port Authority)": the credit belongs to the sentence before it.
    if (SOURCE_NOTE_AFTER.test(text.slice(after, after + 12))) continue;
    // "… by 1933. (Population Index) The…": so does a short parenthesis that is no sentence, and the next one starts
    // after it.
    const aside = PARENTHESIS_AFTER.exec(text.slice(after, after + MAX_ASIDE + 2));
    if (aside) {
      const end = after + aside[0].length;
      if (end > start) spans.push({ start, end });
      start = skipSpace(text, end);
      continue;
    }
    const end = punctAt + m[1].length + m[2].length;
    if (end > start) spans.push({ start, end });
    start = end + m[3].length;
  }
  const tailEnd = trimEnd(text, text.length);
  if (tailEnd > start) spans.push({ start, end: tailEnd });
  return spans;
}

/** "Mr. Gowdy added": the attribution of the quotation before it (reporting verbs are attribution.ts's word class). */
function speakerFollows(after: string): boolean {
  const verb = SPEAKER_AFTER.exec(after)?.[1];
  return verb !== undefined && tagsQuotation(verb);
}

/**
 * Capitalised words that open sentences and never a name: after initials ("…the U.S.S.R. On 15 October…", "Plan
 * B. The…") they start the next sentence.
 */
const SENTENCE_OPENER =
  /^["“‘]?(?:The|A|An|On|In|At|By|For|From|After|Before|During|When|While|Since|As|But|And|Yet|So|However|It|Its|He|She|They|We|This|That|These|Those|There|His|Her|Their|Our|Then)(?=\s)/u;

function endsWithAbbreviation(text: string, dot: number, nextAt: number): boolean {
  let i = dot;
  while (i > 0 && isLetterOrDot(text, i - 1)) i--;
  const word = text.slice(i, dot);
  if (word.length === 0) return false;
  // An initial ("George W. Bush"), but not a pronoun "I"; initials ("A.K. Mensah", "J.R.R. Tolkien").
  if (/^\p{Lu}$/u.test(word) || /^(?:\p{Lu}\.)+\p{Lu}$/u.test(word))
    return word !== 'I' && !SENTENCE_OPENER.test(text.slice(nextAt, nextAt + 12));
  const next = text[nextAt];
  // An ordinal ending a sentence ("on August 21st."), not Saint or Street.
  if (i > 0 && /\d/.test(text[i - 1])) return false;
  // "c. 3000 BCE", "ca. 1200": circa before a year.
  if ((word === 'c' || word === 'ca') && next >= '0' && next <= '9') return true;
  return ABBREVIATIONS.has(word.toLowerCase());
}

/** `/[\p{L}.]/u` on one character, without a regex run for ASCII (the scan above runs at every sentence end). */
function isLetterOrDot(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return c === 46 || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return /[\p{L}.]/u.test(text[i]);
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && /\s/.test(text[i])) i++;
  return i;
}

function trimEnd(text: string, i: number): number {
  while (i > 0 && /\s/.test(text[i - 1])) i--;
  return i;
}
