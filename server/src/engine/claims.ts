/**
 * Claims: every sentence the sourcing rules look at, with what makes it checkable (figures, glosses, quotations,
 * factual cues) and what covers it (citations, named attribution, a `[citation needed]` marker). Computed once per
 * document and shared by the sourcing rules.
 */
import fs from 'node:fs';
import type { Lexicon } from './lexicon.js';
import { NO_CACHE, type Memo } from './cache.js';
import { shippedFile } from './paths.js';
import type { Sentence, AnalyzedDocument } from './document.js';
import { findFigures, type Figure } from './figures.js';
import type { Span } from './types.js';
import type { Word } from './words.js';

export interface QuoteInfo {
  /** Relative to the sentence text. */
  span: Span;
  attributed: boolean;
}

export type ClaimStatus = 'unsourced' | 'cited' | 'citation-needed' | 'verified' | 'disputed';

export interface Claim {
  sentence: Sentence;
  /** A citation (footnote, pandoc key, link) covers the sentence, or its paragraph when the scope is `paragraph`. */
  cited: boolean;
  /** A named source the sentence attributes itself to ("according to the World Bank", "Reuters reported"). */
  attribution?: string;
  figures: Figure[];
  /** Gloss cues, relative to the sentence text. */
  glosses: Span[];
  quotes: QuoteInfo[];
  /** Weighted factual cues minus opinion, plan and question cues (`data/claim-model.json`). */
  score: number;
  factual: boolean;
  /** The strongest factual cue, for messages: its category and the words that matched. */
  cue?: { category: string; text: string };
}

/**
 * A sentence the sourcing rules care about: it has a figure, a gloss or a quotation, reads as a checkable fact, or
 * the writer already cited it or marked it [citation needed]. Reviewers see exactly these.
 */
export function isClaim(claim: Claim): boolean {
  return claim.factual || claim.figures.length > 0 || claim.glosses.length > 0 || claim.quotes.length > 0 || claim.cited || claim.sentence.citationNeeded;
}

export function statusOf(claim: Claim, policy: 'accept' | 'warn'): ClaimStatus {
  const review = claim.sentence.review?.status;
  if (review) return review;
  if (claim.cited || (claim.attribution && policy === 'accept')) return 'cited';
  return claim.sentence.citationNeeded ? 'citation-needed' : 'unsourced';
}

export interface ClaimLexicons {
  attribution?: Lexicon;
  gloss?: Lexicon;
  cues?: Lexicon;
}

export interface ClaimOptions {
  scope: 'sentence' | 'paragraph';
  cache?: Memo;
}

interface ClaimModel {
  threshold: number;
  /** Per cue category of `data/claims/claim-cues.json`, plus the sentence features named in `claimOf`. */
  weights: Record<string, number>;
}
const MODEL = JSON.parse(fs.readFileSync(shippedFile('data', 'claim-model.json'), 'utf8')) as ClaimModel;
const MAX_COUNT = 3;
const MIN_QUOTE_WORDS = 5;
const FIRST_PERSON = new Set(['i', 'we', "i'm", "we're", "i've", "we've", "i'll", "we'll", "i'd", "we'd", 'me', 'us', 'my', 'our']);
const PRONOUNS = new Set(
  ("i he she it we you they this that these those there who which what one someone somebody everyone everybody his her their its our my your " +
    "i'd i'm i've i'll we're we've we'd we'll you're you've they're they've he'd she'd").split(' '),
);
/** Words that may stand between a source and its reporting verb: "the IMF has also said", "Reuters first reported". */
const BETWEEN_SOURCE_AND_VERB = new Set(
  'has have had was were is are also again once recently previously later earlier then repeatedly publicly officially separately first last'.split(' '),
);
const DETERMINERS = new Set('a an the this that his her its their our my your one another'.split(' '));

/** Only prose the writer asserts: paragraphs outside quotations and footnote definitions. */
export function isAssertedProse(sentence: Sentence): boolean {
  const b = sentence.block.block;
  return b.kind === 'paragraph' && !b.inQuote && b.footnote === undefined;
}

export function findClaims(doc: AnalyzedDocument, lexicons: ClaimLexicons, options: ClaimOptions): Claim[] {
  const claims: Claim[] = [];
  for (const pb of doc.prose) {
    const paragraphCited = options.scope === 'paragraph' && pb.sentences.some((s) => s.citations.length > 0);
    for (const sentence of pb.sentences) {
      if (!isAssertedProse(sentence)) continue;
      // The quotation spans are part of the key: they depend on quote marks elsewhere in the paragraph, not only on this text.
      const quotes = sentence.quotes.map((q) => `${q.start}-${q.end}`).join(',');
      const core = (options.cache ?? NO_CACHE).memo(`claim|${quotes}|${sentence.text}`, () => claimCore(sentence.text, sentence.words, sentence.quotes, lexicons));
      claims.push({ ...core, sentence, cited: paragraphCited || sentence.citations.length > 0 });
    }
  }
  return claims;
}

type ClaimCore = Omit<Claim, 'sentence' | 'cited'>;

/** What depends only on the sentence's text: cached across lints of a document. */
function claimCore(text: string, words: readonly Word[], sentenceQuotes: readonly Span[], lexicons: ClaimLexicons): ClaimCore {
  const figures = findFigures(text, words);
  const glosses = (lexicons.gloss?.match(words) ?? []).map((m) => ({ start: words[m.from].start, end: words[m.to - 1].end }));
  // Short quoted phrases are terms or scare quotes, and a quoted gloss ("literally means “…”") is the gloss's business.
  const quotes = sentenceQuotes
    .filter((q) => countWords(text.slice(q.start, q.end)) >= MIN_QUOTE_WORDS && !glosses.some((g) => g.end <= q.start && q.start - g.end <= 3))
    .map((q) => ({ span: q, attributed: hasSpeaker(words, text, q, lexicons.attribution) }));
  const { counts, cue } = claimFeatures(text, words, lexicons.cues);
  let score = 0;
  for (const [feature, n] of Object.entries(counts)) score += (MODEL.weights[feature] ?? 0) * Math.min(n, MAX_COUNT);
  return {
    attribution: namedAttribution(text, words, lexicons.attribution),
    figures,
    glosses,
    quotes,
    score,
    factual: score >= MODEL.threshold,
    cue,
  };
}

const YEAR_OR_MONTH = /^(1[5-9]\d\d|20\d\d|january|february|march|april|june|july|august|september|october|november|december)$/;

/** The features the claim model weighs: counts per cue category of the cue lexicon, and sentence-shape features. */
export function claimFeatures(text: string, words: readonly Word[], cues: Lexicon | undefined): { counts: Record<string, number>; cue?: Claim['cue'] } {
  const counts: Record<string, number> = {
    properNoun: properNouns(words),
    firstPerson: words.filter((w) => FIRST_PERSON.has(w.norm)).length,
    question: text.trimEnd().endsWith('?') ? 1 : 0,
    short: words.length < 6 ? 1 : 0,
    long: words.length > 25 ? 1 : 0,
    date: words.filter((w) => YEAR_OR_MONTH.test(w.norm)).length,
  };
  let cue: Claim['cue'];
  for (const m of cues?.match(words) ?? []) {
    const category = m.entry.category;
    // A capitalised word inside the sentence is a name ("Finance Minister"), not the event the cue is about.
    if (m.from > 0 && (MODEL.weights[category] ?? 0) > 0 && /^\p{Lu}/u.test(words[m.from].raw)) continue;
    counts[category] = (counts[category] ?? 0) + 1;
    if ((MODEL.weights[category] ?? 0) > (cue ? (MODEL.weights[cue.category] ?? 0) : 0)) {
      cue = { category, text: text.slice(words[m.from].start, words[m.to - 1].end) };
    }
  }
  return { counts, cue };
}

function countWords(s: string): number {
  return s.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

const isCapitalised = (w: Word): boolean => /^\p{Lu}/u.test(w.raw);

/** Capitalised words other than the sentence's first word and "I": names, in English prose. */
function properNouns(words: readonly Word[]): number {
  let n = 0;
  for (let i = 1; i < words.length; i++) if (isCapitalised(words[i]) && words[i].norm !== 'i') n++;
  return n;
}

/** Capitalised words that start sentences or name times, not sources. */
const NOT_A_SOURCE = new Set(
  (
    'a an the and but or so yet if when while as since because although though after before once then now also still ' +
    'yes no well indeed meanwhile moreover however therefore thus hence instead besides only even just in on at by for ' +
    'with from to of about over under into during despite according last next this that these those there here ' +
    'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august ' +
    'september october november december mr mrs ms dr'
  ).split(' '),
);

/** A name ("Reuters", "the IMF") or an institution ("the foreign ministry", "the UN envoy"), not a vague group or pronoun. */
function isNamedSource(w: Word | undefined, attribution: Lexicon | undefined): boolean {
  if (!w || PRONOUNS.has(w.norm) || NOT_A_SOURCE.has(w.norm) || attribution?.inClass('VAGUE_SOURCE', w.norm)) return false;
  return isCapitalised(w) || !!attribution?.inClass('INSTITUTION', w.norm);
}

/**
 * "according to the World Bank", "the IMF said", "Reuters reported", "…,” said Diop": returns the source's name.
 * Only verbs of reporting (class REPORT of the attribution lexicon) count: "the United States believes" is no source.
 * The source is the verb's subject (a name just before it, with no pronoun in between) or, in an inverted
 * attribution after a comma or a closing quote, the name just after it. Vague and pronoun subjects are not sources.
 */
export function namedAttribution(text: string, words: readonly Word[], attribution: Lexicon | undefined): string | undefined {
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w.norm === 'according' && words[i + 1]?.norm === 'to') {
      for (let j = i + 2; j < Math.min(words.length, i + 5); j++) if (isNamedSource(words[j], attribution)) return words[j].raw;
    }
    // A reporting verb is lowercase ("United States" is no verb) and not a noun after a determiner ("a report").
    if (!attribution?.inClass('REPORT', w.norm) || !/^\p{Ll}/u.test(w.raw) || DETERMINERS.has(words[i - 1]?.norm ?? '')) continue;
    let j = i - 1;
    while (j >= 0 && BETWEEN_SOURCE_AND_VERB.has(words[j].norm)) j--;
    // "…in Mali, said it could…": a comma between name and verb means the name is not the subject.
    if (j >= 0 && isNamedSource(words[j], attribution) && !/[,;:]/.test(text.slice(words[j].end, w.start))) return words[j].raw;
    if (/[,”"]\s*$/.test(text.slice(0, w.start)) && isNamedSource(words[i + 1], attribution)) return words[i + 1].raw;
  }
  return undefined;
}

/** A quotation is attributed when the sentence has a reporting verb, "according to", or a "Name: “…”" lead-in. */
function hasSpeaker(words: readonly Word[], text: string, quote: Span, attribution: Lexicon | undefined): boolean {
  const outside = words.filter((w) => w.start < quote.start || w.start >= quote.end);
  if (outside.some((w) => attribution?.inClass('REPORT', w.norm) || w.norm === 'according')) return true;
  return /:\s*$/.test(text.slice(0, quote.start));
}

/**
 * Whether a claim still needs a source, given the attribution policy. Returns the named source when the claim is
 * only attributed (reported under `attribution: warn`), `true` when nothing covers it, `false` when it is covered.
 */
export function needsSource(claim: Claim, policy: 'accept' | 'warn'): string | boolean {
  // A reviewer's verdict replaces the sourcing findings: verified accepts the claim, disputed reports it as an error.
  if (claim.cited || claim.sentence.citationNeeded || claim.sentence.review) return false;
  if (claim.attribution) return policy === 'warn' ? claim.attribution : false;
  return true;
}
