/**
 * Figures as values: "10%", "10 per cent" and "ten percent" all read as 10 '%'; "$100m", "100 million dollars" and
 * "USD 100 million" as 1e8 'USD'; "2.5 million" and "2,500,000" as 2.5e6. One reader for the draft and for the saved
 * sources, so both sides compare as numbers, never as strings. Its vocabulary is data (data/evidence/quantities.json).
 */
import fs from 'node:fs';
import { shippedFile } from '../paths.js';
import { tokenize, type Word } from '../words.js';
import type { Span } from '../types.js';

interface Tables {
  numbers: Record<string, number>;
  scales: Record<string, number>;
  scalesNeedCurrency: string[];
  fractions: Record<string, number>;
  percent: string[];
  currencies: Record<string, string>;
  units: Record<string, string>;
  hedges: Record<string, Hedge>;
}

const TABLES = JSON.parse(fs.readFileSync(shippedFile('data', 'evidence', 'quantities.json'), 'utf8')) as Tables;
const NUMBERS = new Map(Object.entries(TABLES.numbers));
const SCALES = new Map(Object.entries(TABLES.scales));
const SCALES_NEED_CURRENCY = new Set(TABLES.scalesNeedCurrency);
const FRACTIONS = new Map(Object.entries(TABLES.fractions));
const PERCENT = new Set(TABLES.percent);
const CURRENCIES = new Map(Object.entries(TABLES.currencies));
const UNITS = new Map(Object.entries(TABLES.units));
const HEDGES = new Map(Object.entries(TABLES.hedges));
const CURRENCY_SYMBOLS = /[$€£¥₹₦]/;

/**
 * What a word before a figure lets the source say: `exact` (the source value rounds to the figure at the precision it
 * is written to), `about` (within 10% either side), `nearly` (up to 10% below), `just-over` (up to 10% above),
 * `more` (up to 25% above), `less` (up to 25% below).
 */
export type Hedge = 'exact' | 'about' | 'nearly' | 'just-over' | 'more' | 'less';

export interface Quantity {
  value: number;
  /** '%', 'pp' (percentage points), a currency code ('USD'), a unit ('km', 'times'), or '' for a plain count. */
  unit: string;
  hedge: Hedge;
  /** The step the figure is written to: 0.1 for "9.7%", 1e5 for "2.5 million", 1 for "1,000". */
  precision: number;
  /** Relative to the text read; from the hedge, if any, to the unit. */
  span: Span;
}

// "1,000", "2.5", "12,5" (decimal comma), with an attached scale or unit ("2.5bn", "10km", "10-fold").
const DIGITS = /^(\d{1,3}(?:,\d{3})+|\d+)(?:([.,])(\d+))?(?:-?([a-z]+))?$/i;

/**
 * Every figure in `text` with its value, unit, hedge and precision; `words` are `text`'s words if already tokenized.
 */
export function readQuantities(text: string, words: readonly Word[] = tokenize(text)): Quantity[] {
  const out: Quantity[] = [];
  for (let i = 0; i < words.length; i++) {
    const q = readAt(text, words, i);
    if (!q) continue;
    out.push(q.quantity);
    i = q.next - 1;
  }
  return out;
}

/** Only whitespace (or nothing) between two words: "2.5 million", not "2.5. Million". */
function adjacent(text: string, a: Word, b: Word | undefined): b is Word {
  return !!b && b.start - a.end <= 2 && /^\s*$/.test(text.slice(a.end, b.start));
}

interface Mantissa {
  value: number;
  precision: number;
  /** An attached scale or unit ("bn", "km") or a unit read with the number ("%" of a fraction). */
  unit?: string;
  hedge?: Hedge;
  /** One past the last word used. */
  next: number;
}

function mantissaAt(text: string, words: readonly Word[], i: number): Mantissa | undefined {
  const w = words[i];
  const m = DIGITS.exec(w.raw);
  if (m) {
    const grouped = m[1].includes(',');
    const decimals = m[3] ?? '';
    // "1,000" and "9,700" group thousands; "12,5" is a decimal comma; "1,000,5" is nothing we can read.
    if (m[2] === ',' && (grouped || decimals.length === 3)) return undefined;
    let value = Number(m[1].replace(/,/g, '') + (decimals ? '.' + decimals : ''));
    let precision = decimals ? 10 ** -decimals.length : 1;
    const suffix = m[4]?.toLowerCase();
    if (!suffix) return { value, precision, next: i + 1 };
    const scale = SCALES.get(suffix);
    if (scale !== undefined) {
      value *= scale;
      precision *= scale;
      return { value, precision, next: i + 1 };
    }
    const unit = UNITS.get(suffix);
    return unit ? { value, precision, unit, next: i + 1 } : undefined; // "15th", "1990s", "3D"
  }
  const n = w.norm;
  // "one in five", "1 in 4": a share.
  const fraction = FRACTIONS.get(n);
  if (fraction !== undefined) {
    const before = words[i - 1]?.norm;
    const numerator =
      before && NUMBERS.has(before) ? NUMBERS.get(before)! : before === 'a' || before === 'one' ? 1 : undefined;
    if (n.startsWith('half') || numerator !== undefined) {
      if (n === 'half' && words[i + 1]?.norm !== 'of' && words[i + 1]?.norm !== 'the') return undefined;
      return {
        value: fraction * (n.startsWith('half') ? 1 : (numerator ?? 1)),
        precision: 1,
        unit: '%',
        hedge: 'about',
        next: i + 1,
      };
    }
    return undefined;
  }
  const hyphenated = /^([a-z]+)-([a-z]+)$/.exec(n);
  if (hyphenated && NUMBERS.has(hyphenated[1]) && FRACTIONS.has(hyphenated[2])) {
    return {
      value: NUMBERS.get(hyphenated[1])! * FRACTIONS.get(hyphenated[2])!,
      precision: 1,
      unit: '%',
      hedge: 'about',
      next: i + 1,
    };
  }
  let value =
    hyphenated && NUMBERS.has(hyphenated[1]) && NUMBERS.has(hyphenated[2])
      ? NUMBERS.get(hyphenated[1])! + NUMBERS.get(hyphenated[2])!
      : NUMBERS.get(n);
  // "a million", "a hundred".
  if (
    value === undefined &&
    (n === 'a' || n === 'an') &&
    adjacent(text, w, words[i + 1]) &&
    SCALES.has(words[i + 1].norm) &&
    words[i + 1].norm.length > 2
  )
    value = 1;
  if (value === undefined) return undefined;
  let next = i + 1;
  const inWord = words[next];
  if (adjacent(text, words[next - 1], inWord) && inWord.norm === 'in') {
    const of = words[next + 1];
    const denominator = of && (NUMBERS.get(of.norm) ?? (/^\d{1,3}$/.test(of.raw) ? Number(of.raw) : undefined));
    if (denominator && adjacent(text, inWord, of))
      return { value: (100 * value) / denominator, precision: 1, unit: '%', hedge: 'about', next: next + 2 };
  }
  if (adjacent(text, words[next - 1], words[next]) && words[next].norm === 'hundred') {
    value *= 100;
    next++;
  }
  // A bare "one" is an article more often than a figure: it counts only with a scale or unit after it.
  if (
    value <= 1 &&
    !(
      adjacent(text, words[next - 1], words[next]) &&
      (SCALES.has(words[next].norm) || PERCENT.has(words[next].norm) || words[next].norm === 'per')
    )
  )
    return undefined;
  return { value, precision: 1, next };
}

function readAt(text: string, words: readonly Word[], i: number): { quantity: Quantity; next: number } | undefined {
  const mantissa = mantissaAt(text, words, i);
  if (!mantissa) return undefined;
  let { value, precision, next } = mantissa;
  let unit = mantissa.unit ?? '';
  let start = words[i].start;
  let end = words[next - 1].end;

  // A currency before: "$", "US$", "€", or a code ("USD 100 million").
  let currency: string | undefined;
  const symbol = text[start - 1] ?? '';
  if (CURRENCY_SYMBOLS.test(symbol)) {
    currency = CURRENCIES.get(symbol);
    start--;
    if (/us$/i.test(text.slice(Math.max(0, start - 2), start))) start -= 2;
  }
  let first = i;
  const code = words[i - 1];
  if (!currency && code && /^[A-Z]{3}$/.test(code.raw) && CURRENCIES.has(code.norm) && adjacent(text, code, words[i])) {
    currency = CURRENCIES.get(code.norm);
    start = code.start;
    first = i - 1;
  }
  // Scales: "2.5 million", "100 bn", "$4 m".
  while (!mantissa.unit && adjacent(text, words[next - 1], words[next])) {
    const scaleWord = words[next].norm;
    const scale = SCALES.get(scaleWord);
    if (scale === undefined || (SCALES_NEED_CURRENCY.has(scaleWord) && !currency)) break;
    value *= scale;
    precision *= scale;
    end = words[next].end;
    next++;
  }
  if (!mantissa.unit) {
    const after = words[next];
    const follows = adjacent(text, words[next - 1], after);
    const percentSign = /^ ?%/.exec(text.slice(end, end + 2));
    if (percentSign) {
      unit = '%';
      end += percentSign[0].length;
    } else if (
      follows &&
      after.norm === 'per' &&
      adjacent(text, after, words[next + 1]) &&
      words[next + 1].norm === 'cent'
    ) {
      unit = '%';
      end = words[next + 1].end;
      next += 2;
    } else if (
      follows &&
      after.norm === 'percentage' &&
      adjacent(text, after, words[next + 1]) &&
      /^points?$/.test(words[next + 1].norm)
    ) {
      unit = 'pp';
      end = words[next + 1].end;
      next += 2;
    } else if (follows && PERCENT.has(after.norm) && after.norm !== 'percentage') {
      unit = '%';
      end = after.end;
      next++;
    } else if (
      follows &&
      !currency &&
      (after.norm === 'us' || after.norm === 'cfa') &&
      adjacent(text, after, words[next + 1]) &&
      CURRENCIES.has(words[next + 1].norm)
    ) {
      currency = after.norm === 'cfa' ? 'XOF' : CURRENCIES.get(words[next + 1].norm);
      end = words[next + 1].end;
      next += 2;
    } else if (follows && !currency && CURRENCIES.has(after.norm)) {
      currency = CURRENCIES.get(after.norm);
      end = after.end;
      next++;
    } else if (follows && UNITS.has(after.norm)) {
      unit = UNITS.get(after.norm)!;
      end = after.end;
      next++;
    }
  }
  if (currency) unit = currency;

  // A hedge before: one to three words ("about", "more than", "in excess of").
  let hedge: Hedge = mantissa.hedge ?? 'exact';
  for (let n = 3; n >= 1; n--) {
    const from = first - n;
    if (from < 0) continue;
    const phrase = words
      .slice(from, first)
      .map((w) => w.norm)
      .join(' ');
    const found = HEDGES.get(phrase);
    if (found && words.slice(from, first + 1).every((w, k, ws) => k === 0 || adjacent(text, ws[k - 1], w))) {
      hedge = found;
      start = Math.min(start, words[from].start);
      break;
    }
  }
  return { quantity: { value, unit, hedge, precision, span: { start, end } }, next };
}

/** The values a source may give for a figure: its rounding, or what its hedge allows (see `Hedge`). */
export function acceptedRange(q: Quantity): [number, number] {
  const v = q.value;
  const eps = Math.abs(v) * 1e-9;
  switch (q.hedge) {
    case 'about':
      return [v * 0.9 - eps, v * 1.1 + eps];
    case 'nearly':
      return [v * 0.9 - eps, v + eps];
    case 'just-over':
      return [v - eps, v * 1.1 + eps];
    case 'more':
      return [v - eps, v * 1.25 + eps];
    case 'less':
      return [v * 0.75 - eps, v + eps];
    default:
      return [v - q.precision / 2 - eps, v + q.precision / 2 + eps];
  }
}

/** How a unit reads in a message: "a percentage", "an amount in USD". */
export function describeUnit(unit: string): string {
  if (unit === '%') return 'percentage';
  if (unit === 'pp') return 'figure in percentage points';
  if (unit === '') return 'number';
  return /^[A-Z]{3}$/.test(unit) ? `amount in ${unit}` : `figure in ${unit}`;
}
