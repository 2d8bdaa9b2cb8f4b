/**
 * Publication dates as precise as an entry gives them: `2022`, `2022-03`, `2022-03-05`. BibTeX/biblatex `date`
 * (ISO 8601, a range keeps its start) or `year` + `month` + `day`; CSL `issued` as date-parts, an EDTF string,
 * `raw`/`literal` text, or the `year`/`month`/`day` objects of older pandoc YAML.
 */
import { cslText } from './names.js';

export interface EntryDate {
  /** The year as the entry writes it ("2022", "2022a"), as citations show it. */
  year?: string;
  /** ISO 8601 to the precision given, when a four-digit year is known. */
  date?: string;
}

const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const ISO = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?![\d])/;

const pad = (n: number): string => String(n).padStart(2, '0');

/** Joins a year, a month and a day that are each valid, stopping at the first that is not. */
function isoOf(year: string, month?: number, day?: number): string {
  if (month === undefined || !(month >= 1 && month <= 12)) return year;
  if (day === undefined || !(day >= 1 && day <= 31)) return `${year}-${pad(month)}`;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** An ISO 8601 (or EDTF) date at the start of the text; "2022-03-05/2022-03-07" gives its start. */
export function isoDate(text: string | undefined): string | undefined {
  const m = text === undefined ? null : ISO.exec(text.trim());
  if (!m) return undefined;
  return isoOf(m[1], m[2] === undefined ? undefined : Number(m[2]), m[3] === undefined ? undefined : Number(m[3]));
}

/** "March", "mar", "Mar.", "3", "03" → 3. */
function monthNumber(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const t = text.trim().toLowerCase();
  if (/^\d{1,2}$/.test(t)) return Number(t);
  const index = MONTH_NAMES.indexOf(t.slice(0, 3));
  return index >= 0 && /^[a-z]+\.?$/.test(t) ? index + 1 : undefined;
}

/** BibTeX: `get` returns a field's cleaned value. */
export function bibtexDate(get: (field: string) => string | undefined): EntryDate {
  const date = get('date');
  const year = get('year') ?? (date ? /\d{4}/.exec(date)?.[0] : undefined);
  const fromDate = isoDate(date);
  if (fromDate && (!year || fromDate.startsWith(year))) return { year, date: fromDate };
  if (!year || !/^\d{4}$/.test(year)) return { year };
  const day = get('day');
  return { year, date: isoOf(year, monthNumber(get('month')), day && /^\d{1,2}$/.test(day) ? Number(day) : undefined) };
}

const partNumber = (v: unknown): number | undefined =>
  typeof v === 'number' ? v : typeof v === 'string' && /^\s*\d+\s*$/.test(v) ? Number(v) : undefined;

/** [year, month?, day?] as CSL date-parts or pandoc's old `{year, month, day}`. */
function fromParts(year: unknown, month: unknown, day: unknown): EntryDate {
  if (!(typeof year === 'number' || (typeof year === 'string' && year.trim()))) return {};
  const y = String(year).trim();
  if (!/^\d{4}$/.test(y)) return { year: y };
  return {
    year: y,
    date: isoOf(y, partNumber(month) ?? monthNumber(typeof month === 'string' ? month : undefined), partNumber(day)),
  };
}

export function cslDate(issued: unknown): EntryDate {
  if (typeof issued === 'string' || typeof issued === 'number') {
    const text = String(issued);
    return { year: /\d{4}/.exec(text)?.[0], date: isoDate(text) };
  }
  // Older pandoc YAML: a list of {year, month, day} (a range has two).
  if (Array.isArray(issued)) return issued.length > 0 ? cslDate(issued[0]) : {};
  if (!issued || typeof issued !== 'object') return {};
  const date = issued as {
    'date-parts'?: unknown;
    raw?: unknown;
    literal?: unknown;
    year?: unknown;
    month?: unknown;
    day?: unknown;
  };
  const parts = date['date-parts'];
  if (Array.isArray(parts) && Array.isArray(parts[0]) && parts[0].length > 0) {
    const found = fromParts(parts[0][0], parts[0][1], parts[0][2]);
    if (found.year) return found;
  }
  if (date.year !== undefined) {
    const found = fromParts(date.year, date.month, date.day);
    if (found.year) return found;
  }
  const text = cslText(date.raw) ?? cslText(date.literal);
  return text ? { year: /\d{4}/.exec(text)?.[0], date: isoDate(text) } : {};
}
