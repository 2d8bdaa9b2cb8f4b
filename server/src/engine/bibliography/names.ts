/**
 * Author names: BibTeX name lists and CSL name objects → "Family, Given" display names, plus the family names that
 * short references use (remembered per parsed entry: a display string alone cannot tell "Food and Agriculture
 * Organization, Rome", an institution, from a person; the parsers know).
 */
import { cleanLatex } from './latex.js';
import { isSpace } from './text.js';
import type { BibEntry } from './types.js';

export interface Name {
  display: string;
  family: string;
}

const familyNames = new WeakMap<BibEntry, string[]>();

/** Records the family names of a parsed entry's authors, in order. */
export function rememberFamilies(entry: BibEntry, names: readonly Name[]): BibEntry {
  familyNames.set(
    entry,
    names.map((n) => n.family),
  );
  return entry;
}

/** Family names of an entry's authors: as parsed, or guessed from the display names of an entry built elsewhere. */
export function familiesOf(entry: BibEntry): string[] {
  const known = familyNames.get(entry);
  if (known && known.length === entry.authors.length) return known;
  return entry.authors.map((a) => (a.includes(',') ? a.slice(0, a.indexOf(',')).trim() : a.trim()));
}

/** Splits at top-level (brace depth 0) characters that satisfy `isSep`. */
function splitTopLevel(s: string, isSep: (c: string) => boolean): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '{') depth++;
    else if (c === '}') depth = Math.max(0, depth - 1);
    else if (depth === 0 && isSep(c)) {
      parts.push(s.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(s.slice(start));
  return parts;
}

/** True if `s` is one brace group from first to last character: {World Bank}. */
function isWholeGroup(s: string): boolean {
  if (s[0] !== '{' || s[s.length - 1] !== '}') return false;
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '{') depth++;
    else if (s[i] === '}') {
      depth--;
      if (depth === 0 && i < s.length - 1) return false;
    }
  }
  return depth === 0;
}

function parseName(raw: string): Name | undefined {
  const name = raw.trim();
  if (!name) return undefined;
  if (isWholeGroup(name)) {
    const literal = cleanLatex(name);
    return literal ? { display: literal, family: literal } : undefined;
  }
  const commaParts = splitTopLevel(name, (c) => c === ',').map((p) => cleanLatex(p));
  if (commaParts.length >= 2) {
    const family = commaParts[0];
    const given = commaParts[commaParts.length - 1];
    const suffix = commaParts.length >= 3 ? commaParts[1] : '';
    if (!family) return given ? { display: given, family: given } : undefined;
    return { display: [family, given, suffix].filter(Boolean).join(', '), family };
  }
  const words = splitTopLevel(name, isSpace).filter((w) => w.length > 0);
  const clean = words.map((w) => cleanLatex(w));
  if (words.length === 1) return clean[0] ? { display: clean[0], family: clean[0] } : undefined;
  // "First von Last": the family name starts at the first lowercase word after the first (not the last) word.
  let start = words.length - 1;
  for (let i = 1; i < words.length - 1; i++) {
    if (words[i][0] !== '{' && /^\p{Ll}/u.test(clean[i])) {
      start = i;
      break;
    }
  }
  const family = clean.slice(start).join(' ');
  const given = clean.slice(0, start).join(' ');
  return { display: given ? `${family}, ${given}` : family, family };
}

/** BibTeX name lists: split on " and " at brace depth 0, so {Barnes and Noble} stays one institution. */
export function parseBibtexNames(raw: string): Name[] {
  const names: Name[] = [];
  let current: string[] = [];
  const flush = (): void => {
    const joined = current.join(' ');
    current = [];
    if (joined.trim().toLowerCase() === 'others') return;
    const name = parseName(joined);
    if (name) names.push(name);
  };
  for (const word of splitTopLevel(raw, isSpace)) {
    if (!word) continue;
    if (word.toLowerCase() === 'and') flush();
    else current.push(word);
  }
  flush();
  return names;
}

interface CslName {
  family?: unknown;
  given?: unknown;
  literal?: unknown;
  'non-dropping-particle'?: unknown;
  'dropping-particle'?: unknown;
  suffix?: unknown;
}

/** A CSL value as trimmed text: strings, numbers, and the first string of an array (CSL-JSON from some exporters). */
export const cslText = (v: unknown): string | undefined => {
  if (typeof v === 'string') return v.trim() || undefined;
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v) && typeof v[0] === 'string') return v[0].trim() || undefined;
  return undefined;
};

export function cslName(n: unknown): Name | undefined {
  if (!n || typeof n !== 'object') return undefined;
  const name = n as CslName;
  const literal = cslText(name.literal);
  if (literal) return { display: literal, family: literal };
  const family = [cslText(name['non-dropping-particle']), cslText(name.family)].filter(Boolean).join(' ');
  const given = [cslText(name.given), cslText(name['dropping-particle'])].filter(Boolean).join(' ');
  const suffix = cslText(name.suffix);
  if (!family) return given ? { display: given, family: given } : undefined;
  return { display: [family, given, suffix].filter(Boolean).join(', '), family };
}
