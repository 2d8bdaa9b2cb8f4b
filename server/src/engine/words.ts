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

const WORD = /[\p{L}\p{N}](?:[\p{L}\p{N}'’.,-]*[\p{L}\p{N}])?/gu;

const NUMBER_WORDS = new Set(
  (
    'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen ' +
    'eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million billion trillion ' +
    'dozen dozens hundreds thousands millions billions trillions'
  ).split(' '),
);

export function isNumberWord(norm: string): boolean {
  if (NUMBER_WORDS.has(norm)) return true;
  return norm.includes('-') && /^(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-(one|two|three|four|five|six|seven|eight|nine)$/.test(norm);
}

export function tokenize(text: string): Word[] {
  const words: Word[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    const raw = m[0];
    // Words never end in punctuation (the pattern ends in a letter or digit); only inner "." and "," need a look.
    if (!raw.includes('.') && !raw.includes(',')) {
      pushWord(words, raw, m.index);
      continue;
    }
    let from = 0;
    for (const piece of splitInnerPunctuation(raw)) {
      const at = raw.indexOf(piece, from);
      pushWord(words, piece, m.index + at);
      from = at + piece.length;
    }
  }
  return words;
}

/** "done.The" and "said,and" are two words; "1,000", "U.S." and "e.g" stay whole. */
function splitInnerPunctuation(raw: string): string[] {
  if (!/[.,]/.test(raw) || /^[\d.,]+$/.test(raw) || /^(\p{L}\.)+\p{L}?$/u.test(raw)) return [raw];
  return raw.split(/[.,](?=\p{L}{2})/u).filter(Boolean);
}

/** Lowercased, curly apostrophes straightened, possessive `'s` dropped: how words and lexicon patterns are compared. */
export function normalizeWord(raw: string): string {
  const lower = raw.toLowerCase();
  if (!lower.includes("'") && !lower.includes('’')) return lower;
  return lower.replace(/’/g, "'").replace(/'s?$/, '');
}

function pushWord(words: Word[], raw: string, start: number): void {
  const norm = normalizeWord(raw);
  const first = raw.charCodeAt(0);
  words.push({ start, end: start + raw.length, raw, norm, isNumber: (first >= 48 && first <= 57) || isNumberWord(norm) });
}
