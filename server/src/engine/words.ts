/** A fast word tokenizer over masked block text; the lexicons and the figure finder work on its output. */

export interface Word {
  /** Offsets relative to the text that was tokenized. */
  start: number;
  end: number;
  /** The word as written. */
  raw: string;
  /** Lowercased, curly apostrophes straightened, possessive `'s` dropped. */
  norm: string;
  isNumber: boolean;
}

const NUMBER_WORDS = new Set(
  (
    'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen ' +
    'eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million billion trillion ' +
    'dozen dozens hundreds thousands millions billions trillions lakh lakhs crore crores'
  ).split(' '),
);

/** A word written with a capital: a name, or the first word of a sentence. */
export const isCapitalised = (w: Word | undefined): boolean => {
  if (!w) return false;
  // Called on most words: ASCII is decided by its code, only other scripts need the Unicode class.
  const c = w.raw.charCodeAt(0);
  return c < 128 ? c >= 65 && c <= 90 : /^\p{Lu}/u.test(w.raw);
};

export function isNumberWord(norm: string): boolean {
  if (NUMBER_WORDS.has(norm)) return true;
  return (
    norm.includes('-') &&
    /^(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-(one|two|three|four|five|six|seven|eight|nine)$/.test(
      norm,
    )
  );
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const JOINERS = "'’.,-";

function isLetterOrDigit(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return LETTER_OR_DIGIT.test(text[i]);
}

/**
 * Words: a letter or digit, then letters, digits and inner joiners (' ’ . , -) that are followed by a letter or digit
 * ("so-called", "U.S", "1,000.5"), but not a double hyphen. A hand-written scan: the equivalent Unicode regex was the
 * engine's hottest spot.
 */
export function tokenize(text: string): Word[] {
  const words: Word[] = [];
  const n = text.length;
  for (let i = 0; i < n;) {
    if (!isLetterOrDigit(text, i)) {
      i++;
      continue;
    }
    let j = i + 1;
    for (;;) {
      while (j < n && isLetterOrDigit(text, j)) j++;
      let k = j;
      while (k < n && JOINERS.includes(text[k])) k++;
      // "--" types a dash: "Ruiz--because" is two words.
      if (k > j && k < n && isLetterOrDigit(text, k) && !(k > j + 1 && text.slice(j, k).includes('--'))) {
        j = k + 1;
        continue;
      }
      break;
    }
    const raw = text.slice(i, j);
    // Only inner "." and "," need a second look ("done.The" is two words, "1,000" one).
    if (!raw.includes('.') && !raw.includes(',')) pushWord(words, raw, i);
    else {
      let from = 0;
      for (const piece of splitInnerPunctuation(raw)) {
        const at = raw.indexOf(piece, from);
        pushWord(words, piece, i + at);
        from = at + piece.length;
      }
    }
    i = j;
  }
  return words;
}

/** "done.The" and "said,and" are two words; "1,000", "U.S." and "e.g" stay whole. */
function splitInnerPunctuation(raw: string): string[] {
  if (!/[.,]/.test(raw) || /^[\d.,]+$/.test(raw) || /^(\p{L}\.)+\p{L}?$/u.test(raw)) return [raw];
  return raw.split(/[.,](?=\p{L}{2})/u).filter(Boolean);
}

/** "it's" is "it is", not a possessive: kept whole, so that "made it clear that" is not "it's clear that". */
const IS_CONTRACTIONS = new Set([
  "it's",
  "there's",
  "that's",
  "what's",
  "who's",
  "here's",
  "where's",
  "he's",
  "she's",
  "let's",
]);

/** Lowercased, curly apostrophes straightened, possessive `'s` dropped: how words and lexicon patterns are compared. */
export function normalizeWord(raw: string): string {
  const lower = raw.toLowerCase();
  if (!lower.includes("'") && !lower.includes('’')) return lower;
  const straight = lower.replace(/’/g, "'");
  return IS_CONTRACTIONS.has(straight) ? straight : straight.replace(/'s?$/, '');
}

/** The number of blank-separated words in `s`, counting no further than `limit + 1`. */
export function wordCount(s: string, limit = Infinity): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < s.length && n <= limit; i++) {
    const space = s.charCodeAt(i) <= 32;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

/** A year of modern history as a word ("2015"). */
export const isYear = (norm: string): boolean => norm.length === 4 && /^(1[5-9]\d\d|20\d\d)$/.test(norm);

function pushWord(words: Word[], raw: string, start: number): void {
  const norm = normalizeWord(raw);
  const first = raw.charCodeAt(0);
  words.push({
    start,
    end: start + raw.length,
    raw,
    norm,
    isNumber: (first >= 48 && first <= 57) || isNumberWord(norm),
  });
}
