/**
 * Whether a document is written in English, the only language the prose rules' lexicons and cues read. A French or
 * German post linted with English word lists gets nonsense ("tout" as loaded language, every "81,8 millions" a
 * statistic), so such a document keeps only the rules that read citations and links.
 */
import type { AnalyzedDocument } from './document.js';

export interface DocumentLanguage {
  english: boolean;
  /** Why the document is not read as English (for the one-line notice), when it is not. */
  reason?: string;
}

/** Front matter keys that declare a document's language (Hugo, Jekyll, Quarto, Pandoc). */
const DECLARING_KEYS = ['lang', 'language', 'locale'];

/**
 * Words that make up a large share of any English prose (about a third of running text) and are rare as words of
 * other languages written in Latin script. German "in", "was", "will" and French "on", "as" are left out.
 */
const ENGLISH_FUNCTION_WORDS = new Set(
  'the of and to is that it for with by this be are from at have has not which but or they their its were been would he she we you'.split(
    ' ',
  ),
);
/**
 * The commonest function words of the other languages news Markdown is written in (French, Spanish, Portuguese,
 * Italian, German, Dutch): a low English share alone is no evidence (a table of names, or pathological markup).
 */
const OTHER_FUNCTION_WORDS = new Set(
  (
    'le la les des une est et du dans pour pas qui que sur au avec ne se sont ce cette ' +
    'el los las del por con una es lo como más pero sus ' +
    'os do da em um não uma dos das ao ' +
    'il di che per non della con gli sono ' +
    'der die das und ist nicht mit ein eine den dem zu auf sich auch ' +
    'het een van en niet op dat zijn voor'
  ).split(' '),
);
/** A letter outside the Latin script: Cyrillic, Greek, Arabic, Hebrew, Devanagari, CJK… */
const NON_LATIN = /[^\p{Script=Latin}\P{L}]/u;
/** Enough words to judge by, and no more: the check must cost nothing on a long document. */
const MIN_WORDS = 40;
const MAX_WORDS = 2000;
/** English prose runs at 25–40% of these words; other languages at a few percent. */
const MIN_SHARE = 0.1;

export function documentLanguage(
  doc: AnalyzedDocument,
  frontMatter: Record<string, unknown> | undefined,
): DocumentLanguage {
  for (const key of DECLARING_KEYS) {
    const value = frontMatter?.[key];
    if (typeof value !== 'string' || !/^[a-z]{2,3}\b/i.test(value.trim())) continue;
    const primary = value
      .trim()
      .slice(0, 3)
      .toLowerCase()
      .replace(/[^a-z].*$/, '');
    return primary === 'en' || primary === 'eng'
      ? { english: true }
      : { english: false, reason: `its front matter declares ${key}: ${value.trim()}` };
  }
  let words = 0;
  let english = 0;
  let other = 0;
  for (const pb of doc.prose) {
    for (const w of pb.words) {
      if (w.isNumber) continue;
      words++;
      if (ENGLISH_FUNCTION_WORDS.has(w.norm)) english++;
      else if (OTHER_FUNCTION_WORDS.has(w.norm) || NON_LATIN.test(w.norm)) other++;
      if (words === MAX_WORDS) break;
    }
    if (words === MAX_WORDS) break;
  }
  if (words < MIN_WORDS || english >= words * MIN_SHARE || other < words * MIN_SHARE) return { english: true };
  return {
    english: false,
    reason: `only ${Math.round((100 * english) / words)}% of its first ${words} words are common English words`,
  };
}
