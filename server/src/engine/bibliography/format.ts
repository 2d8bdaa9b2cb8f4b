/** Entries as text: the short form citations show, the one-line reference hovers and reports show. */
import { familiesOf } from './names.js';
import type { BibEntry } from './types.js';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

function shortAuthors(entry: BibEntry): string | undefined {
  const names = familiesOf(entry).filter(Boolean);
  if (names.length === 0) return undefined;
  if (names.length === 1) return names[0];
  if (names.length === 2) return `${names[0]} & ${names[1]}`;
  return `${names[0]} et al.`;
}

/** "2022, March 5" or "2022, March" from a full date of the entry's year (news sources are dated to the day). */
function displayDate(entry: BibEntry): string | undefined {
  const m =
    entry.date && entry.year && entry.date.startsWith(entry.year)
      ? /^\d{4}-(\d\d)(?:-(\d\d))?$/.exec(entry.date)
      : null;
  if (!m) return entry.year;
  return `${entry.year}, ${MONTHS[Number(m[1]) - 1]}${m[2] ? ` ${Number(m[2])}` : ''}`;
}

/** "Diarra, 2022, Title of the work": family names only; "A & B"; "A et al."; missing parts omitted. */
export function formatShortReference(entry: BibEntry): string {
  return [shortAuthors(entry), entry.year, entry.title].filter((p): p is string => !!p).join(', ');
}

/** "Authors (Year, Month Day). Title. Container. URL-or-DOI": one line, for documentation popups and reports. */
export function formatReference(entry: BibEntry): string {
  const authors = entry.authors.length > 0 ? entry.authors.join('; ') : undefined;
  const date = displayDate(entry);
  const head = [authors, date ? `(${date})` : undefined].filter(Boolean).join(' ');
  const link = entry.url ?? (entry.doi ? `https://doi.org/${entry.doi}` : undefined);
  const parts = [head, entry.title, entry.container].filter((p): p is string => !!p);
  let out = '';
  for (const part of parts) {
    if (out) out += /[.?!]$/.test(out) ? ' ' : '. ';
    out += part;
  }
  if (out && !/[.?!]$/.test(out)) out += '.';
  if (link) out += (out ? ' ' : '') + link;
  return out.replace(/\s+/g, ' ').trim();
}
