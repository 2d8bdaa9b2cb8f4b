/**
 * Bibliographies: BibTeX and CSL-JSON.
 *
 * The BibTeX reader is a hand-written, single-pass scanner over character offsets. A broken entry (missing closing
 * brace, missing key, bad field syntax, unterminated string) becomes a problem with its line and is skipped; reading
 * resumes at the next line that starts an entry (`@type{` / `@type(` after optional blanks). No entry is read past
 * such a line, and reading never goes back before it, so each character is scanned a bounded number of times: linear
 * time, whatever the input. @string expansion has a size budget (macros built from macros grow exponentially).
 * The parsers never throw.
 */
import { escapeControls, jsonErrorMessage } from './strings.js';

/** Keys and ids are quoted in messages: a line break in one (a CSL id can hold anything) must not start a new line. */
const oneLine = <P extends { message: string }>(problems: P[]): P[] => problems.map((p) => ({ ...p, message: escapeControls(p.message) }));

export interface BibEntry {
  key: string;
  /** Lowercased BibTeX type ('article', 'online', …) or the CSL type as given. */
  type: string;
  /** Braces and LaTeX escapes/accents stripped. */
  title?: string;
  /** "Family, Given" display names, or institutions' literal names. */
  authors: string[];
  year?: string;
  /** Journal, book title, publisher, organisation, institution or container-title: the first present. */
  container?: string;
  /** Every field naming who published it (journal, publisher, organization, container-title…), for source ratings. */
  publishers?: string[];
  url?: string;
  doi?: string;
  keywords: string[];
  /** The raw `file` field: attachments as Zotero, Better BibTeX or JabRef export them (read by `evidence/locate.ts`). */
  attachments?: string;
  /** The file it came from, as passed to the parser. */
  file: string;
  /** 1-based line of the entry's `@` (or of its CSL id). */
  line: number;
  /** 1-based line of its closing brace (or of the end of its CSL item). */
  endLine: number;
}

export interface BibProblem {
  file: string;
  line: number;
  message: string;
}

export interface Bibliography {
  entries: Map<string, BibEntry>;
  problems: BibProblem[];
  /** Every file named as a bibliography, readable or not (what an editor watches); set by bibliography-files.ts. */
  files?: readonly string[];
  /** Named files that could not be read: their keys are unknown, so no key can be called missing. */
  unreadable?: readonly UnreadableBibliography[];
}

export interface UnreadableBibliography {
  file: string;
  /** Why, in a few words: "no such file", "permission denied", "not BibTeX (.bib) or CSL-JSON (.json)". */
  reason: string;
  /** The path as the document's front matter writes it, when the front matter names the file. */
  written?: string;
}

/**
 * Family names (or whole institutional names) of each parsed entry's authors, in order. "Family, Given" strings
 * alone cannot tell "Food and Agriculture Organization, Rome" (an institution) from a person; the parsers know.
 */
const familyNames = new WeakMap<BibEntry, string[]>();

// ---------------------------------------------------------------------------------------------------------------
// Shared helpers

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Maps offsets to 1-based lines by binary search over the newline offsets. */
function lineIndex(text: string): (offset: number) => number {
  const newlines: number[] = [];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) newlines.push(i);
  return (offset: number): number => {
    let lo = 0;
    let hi = newlines.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (newlines[mid] < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  };
}

function splitKeywords(value: string | undefined): string[] {
  if (!value) return [];
  return value
    .split(/[,;]/)
    .map((k) => k.trim())
    .filter((k) => k.length > 0);
}

function normalizeDoi(doi: string | undefined): string | undefined {
  if (!doi) return undefined;
  const d = doi.trim().replace(/^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)/i, '');
  return d || undefined;
}

const isSpace = (c: string): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\v';
const isLetter = (c: string): boolean => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
const isDigit = (c: string): boolean => c >= '0' && c <= '9';

// ---------------------------------------------------------------------------------------------------------------
// LaTeX → text

/** Accent commands → Unicode combining marks (composed with NFC). */
const ACCENTS: Record<string, string> = {
  "'": '\u0301', '`': '\u0300', '^': '\u0302', '"': '\u0308', '~': '\u0303', '=': '\u0304', '.': '\u0307',
  u: '\u0306', v: '\u030c', H: '\u030b', c: '\u0327', k: '\u0328', r: '\u030a', d: '\u0323', b: '\u0331',
};

const SYMBOLS: Record<string, string> = {
  ss: 'ß', o: 'ø', O: 'Ø', ae: 'æ', AE: 'Æ', oe: 'œ', OE: 'Œ', aa: 'å', AA: 'Å', l: 'ł', L: 'Ł', i: 'ı', j: 'ȷ',
  textendash: '–', textemdash: '—', dots: '…', ldots: '…', textquoteleft: '‘', textquoteright: '’', S: '§',
  textquotedblleft: '“', textquotedblright: '”', euro: '€', pounds: '£', copyright: '©', textregistered: '®',
};

/** Strips braces and the common LaTeX escapes, accents and formatting commands from a field value. */
export function cleanLatex(value: string): string {
  let out = '';
  const n = value.length;
  let i = 0;
  while (i < n) {
    const c = value[i];
    if (c === '{' || c === '}') {
      i++;
      continue;
    }
    if (c === '~') {
      out += ' ';
      i++;
      continue;
    }
    // TeX quotes: ``…'' and `…'.
    if ((c === '`' || c === "'") && value[i + 1] === c) {
      out += c === '`' ? '“' : '”';
      i += 2;
      continue;
    }
    if (c === '`' || c === "'") {
      out += c === '`' ? '‘' : '’';
      i++;
      continue;
    }
    if (c === '-' && value[i + 1] === '-') {
      if (value[i + 2] === '-') {
        out += '—';
        i += 3;
      } else {
        out += '–';
        i += 2;
      }
      continue;
    }
    if (c !== '\\') {
      out += c;
      i++;
      continue;
    }
    // A control sequence.
    const next = value[i + 1] ?? '';
    if (next === '') {
      i++;
      continue;
    }
    if (!isLetter(next)) {
      const mark = ACCENTS[next];
      if (mark) {
        const r = accentTarget(value, i + 2);
        // With nothing to accent ({\"}, \~{}), the character itself: an escaped quote, a tilde.
        out += r.base ? r.base + mark : next;
        i = r.end;
      } else if (next === '\\') {
        out += ' ';
        i += 2;
      } else {
        // \& \% \$ \# \_ \{ \} \  and friends: the character itself.
        out += next === ' ' ? ' ' : next;
        i += 2;
      }
      continue;
    }
    let j = i + 1;
    while (j < n && isLetter(value[j])) j++;
    const name = value.slice(i + 1, j);
    // Letter-named accents: \c{c}, \v s, \u{a}.
    if (ACCENTS[name] && (value[j] === '{' || value[j] === ' ')) {
      const r = accentTarget(value, j);
      if (r.base) {
        out += r.base + ACCENTS[name];
        i = r.end;
        continue;
      }
    }
    if (SYMBOLS[name] !== undefined) out += SYMBOLS[name];
    // Other commands (\emph, \textit, \url, unknown ones) vanish; their braced argument stays as text.
    i = j;
    // TeX swallows the space after a control word: "Stra\ss e" is "Straße".
    if (value[i] === ' ') i++;
  }
  return out.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** The letter an accent applies to: `e`, `{e}`, ` e`, `{\i}`, `\i`. Returns '' as base if there is none. */
function accentTarget(value: string, start: number): { base: string; end: number } {
  let p = start;
  while (value[p] === ' ') p++;
  let braced = false;
  if (value[p] === '{') {
    braced = true;
    p++;
  }
  let base = '';
  if (value[p] === '\\' && (value[p + 1] === 'i' || value[p + 1] === 'j') && !isLetter(value[p + 2] ?? '')) {
    base = value[p + 1];
    p += 2;
    while (braced && value[p] === ' ') p++;
  } else if (value[p] !== undefined && isLetter(value[p])) {
    base = value[p];
    p++;
  }
  if (braced) {
    if (value[p] === '}') p++;
    else if (base) return { base: '', end: start }; // {ab}: not a simple accent target; leave to the caller
  }
  return { base, end: p };
}

// ---------------------------------------------------------------------------------------------------------------
// Names

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

interface Name {
  display: string;
  family: string;
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
function parseNames(raw: string): Name[] {
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

// ---------------------------------------------------------------------------------------------------------------
// BibTeX

const MONTHS: Record<string, string> = {
  jan: 'January', feb: 'February', mar: 'March', apr: 'April', may: 'May', jun: 'June',
  jul: 'July', aug: 'August', sep: 'September', oct: 'October', nov: 'November', dec: 'December',
};

/** A broken entry: the message and the offset whose line is reported. */
class BibSyntaxError {
  constructor(
    readonly message: string,
    readonly offset: number,
  ) {}
}

const isFieldChar = (c: string): boolean => isLetter(c) || isDigit(c) || c === '_' || c === '-' || c === ':' || c === '.' || c === '+' || c === '/';
const KEY_STOP = new Set([',', '{', '}', '(', ')', '"', '#', '%', '=', '@', '\\']);
const isKeyChar = (c: string): boolean => c !== '' && !isSpace(c) && !KEY_STOP.has(c);

/**
 * Offsets of the lines that start an entry: first non-blank character `@`, then a type, optional white space (line
 * breaks included) and `{` or `(`. These are the resynchronisation points. No entry is read past the next one, and
 * reading resumes there after a broken entry, so every character is scanned a bounded number of times.
 */
function entryLineStarts(text: string): number[] {
  const starts: number[] = [];
  const n = text.length;
  let lineStart = 0;
  while (lineStart < n) {
    let p = lineStart;
    while (p < n && (text[p] === ' ' || text[p] === '\t')) p++;
    if (text[p] === '@') {
      p++;
      const typeStart = p;
      while (p < n && isLetter(text[p])) p++;
      if (p > typeStart) {
        while (p < n && isSpace(text[p])) p++;
        if (text[p] === '{' || text[p] === '(') starts.push(lineStart);
      }
    }
    // From this line's start, not from p: the white space after a type may have run onto later lines.
    const nl = text.indexOf('\n', lineStart);
    if (nl < 0) break;
    lineStart = nl + 1;
  }
  return starts;
}

/** A cursor that treats `end` (the next entry line, or the end of the text) as the end of the input. */
class BibScanner {
  pos = 0;
  end = 0;
  /** Offset just after the last value part read (before any trailing space). */
  valueEnd = 0;
  constructor(readonly text: string) {}

  peek(): string {
    return this.pos < this.end ? this.text[this.pos] : '';
  }

  skipSpace(): void {
    while (this.pos < this.end && isSpace(this.text[this.pos])) this.pos++;
  }

  /** Skips spaces and `%` comment lines (between fields, as biber does). */
  skipSpaceAndComments(): void {
    for (;;) {
      this.skipSpace();
      if (this.peek() !== '%') return;
      const nl = this.text.indexOf('\n', this.pos);
      this.pos = nl < 0 || nl >= this.end ? this.end : nl + 1;
    }
  }

  read(pred: (c: string) => boolean): string {
    const start = this.pos;
    while (this.pos < this.end && pred(this.text[this.pos])) this.pos++;
    return this.text.slice(start, this.pos);
  }

  /**
   * Reads a `{…}` value (open brace consumed) or a `"…"` value (open quote consumed) with nested braces; returns the
   * inner text. In a quoted value, `\"` (and `\\`) do not end it. Throws `onRunaway()` on reaching `end`, or on a
   * `}` at depth 0 inside a quoted value.
   */
  readDelimited(quoted: boolean, onRunaway: () => BibSyntaxError): string {
    const t = this.text;
    const start = this.pos;
    let depth = 0;
    while (this.pos < this.end) {
      const c = t[this.pos];
      if (c === '{') depth++;
      else if (c === '}') {
        if (depth === 0) {
          if (!quoted) return t.slice(start, this.pos++);
          throw onRunaway();
        }
        depth--;
      } else if (quoted && depth === 0) {
        if (c === '"') return t.slice(start, this.pos++);
        const d = t[this.pos + 1];
        if (c === '\\' && (d === '"' || d === '\\') && this.pos + 1 < this.end) {
          this.pos += 2;
          continue;
        }
      }
      this.pos++;
    }
    throw onRunaway();
  }

  /** Reads `( … )` content (open parenthesis consumed) for @comment(…)/@preamble(…); braces nest. */
  readParenBlock(onRunaway: () => BibSyntaxError): void {
    const t = this.text;
    let depth = 0;
    while (this.pos < this.end) {
      const c = t[this.pos++];
      if (c === '{') depth++;
      else if (c === '}') depth = Math.max(0, depth - 1);
      else if (c === ')' && depth === 0) return;
    }
    throw onRunaway();
  }
}

/** @string values up to this length are not counted against the expansion budget. */
const SHORT_MACRO = 64;

interface BibContext {
  strings: Map<string, string>;
  /** Characters that expanding long @string macros may still produce in this file (macros doubling macros grow exponentially). */
  budget: number;
  /** Warnings about the entry being read; reported only if the entry is kept. */
  warnings: { message: string; offset: number }[];
  /** Undefined macro names already warned about in the entry being read. */
  warned: Set<string>;
}

function parseBibValue(
  s: BibScanner,
  ctx: BibContext,
  label: string,
  field: string,
  missingBrace: () => BibSyntaxError,
): string {
  const subject = label === '@string' ? `@string '${field}'` : `${label}: field '${field}'`;
  const fail = (what: string, offset: number): BibSyntaxError => new BibSyntaxError(`${subject} ${what}`, offset);
  let value = '';
  for (;;) {
    s.skipSpace();
    const c = s.peek();
    const at = s.pos;
    if (c === '{') {
      s.pos++;
      value += s.readDelimited(false, missingBrace);
    } else if (c === '"') {
      s.pos++;
      value += s.readDelimited(true, () => new BibSyntaxError(`${label}: unterminated string`, at));
    } else if (isDigit(c)) {
      value += s.read(isDigit);
    } else if (isLetter(c)) {
      const name = s.read(isFieldChar).toLowerCase();
      const macro = ctx.strings.get(name) ?? MONTHS[name];
      if (macro === undefined) {
        if (!ctx.warned.has(name)) {
          ctx.warned.add(name);
          ctx.warnings.push({ message: `${subject} uses undefined @string '${name}' (kept as text)`, offset: at });
        }
        value += name;
      } else {
        // Short macros (months, journal abbreviations) cost at most a constant factor over the text that names them.
        if (macro.length > SHORT_MACRO) {
          ctx.budget -= macro.length;
          if (ctx.budget < 0) throw fail('expands @string macros beyond the size limit', at);
        }
        value += macro;
      }
    } else {
      throw fail(c === '' ? 'has no value (end of entry)' : `has no value (found '${c}')`, at);
    }
    s.valueEnd = s.pos;
    s.skipSpace();
    if (s.peek() !== '#') return value;
    s.pos++;
  }
}

/** Reads `name = value, …` up to the entry's closing delimiter (consumed). */
function parseBibFields(s: BibScanner, close: string, ctx: BibContext, label: string, entryOffset: number): Map<string, string> {
  const fields = new Map<string, string>();
  const closing = close === '}' ? 'brace' : 'parenthesis';
  const missingClose = (): BibSyntaxError => new BibSyntaxError(`${label} is missing its closing ${closing}`, entryOffset);
  for (;;) {
    s.skipSpaceAndComments();
    const c = s.peek();
    if (c === close) {
      s.pos++;
      return fields;
    }
    if (c === ',') {
      s.pos++;
      continue;
    }
    if (c === '' || c === '@') throw missingClose();
    const nameAt = s.pos;
    const name = s.read(isFieldChar).toLowerCase();
    if (!name) throw new BibSyntaxError(`${label}: unexpected '${c}' where a field name should be`, nameAt);
    s.skipSpace();
    if (s.peek() !== '=') throw new BibSyntaxError(`${label}: field '${name}' has no '='`, s.pos < s.end ? s.pos : nameAt);
    s.pos++;
    const value = parseBibValue(s, ctx, label, name, missingClose);
    // BibTeX keeps the first of repeated fields; so do we.
    if (!fields.has(name)) fields.set(name, value);
    const afterValue = s.valueEnd;
    s.skipSpaceAndComments();
    const d = s.peek();
    if (d !== ',' && d !== close) {
      if (d === '' || d === '@') throw missingClose();
      throw new BibSyntaxError(`${label}: expected ',' or '${close}' after field '${name}'`, afterValue);
    }
  }
}

function entryFromFields(type: string, key: string, fields: Map<string, string>, file: string, line: number, endLine: number): BibEntry {
  const get = (name: string): string | undefined => {
    const v = fields.get(name);
    if (v === undefined) return undefined;
    const cleaned = cleanLatex(v);
    return cleaned || undefined;
  };
  const raw = (name: string): string | undefined => {
    const v = fields.get(name);
    if (v === undefined) return undefined;
    const cleaned = v.replace(/\\([_%&#$~])/g, '$1').replace(/[{}]/g, '').replace(/\s+/g, '').trim();
    return cleaned || undefined;
  };
  const names = parseNames(fields.get('author') ?? fields.get('editor') ?? '');
  const date = get('date');
  const entry: BibEntry = {
    key,
    type,
    title: get('title'),
    authors: names.map((n) => n.display),
    year: get('year') ?? (date ? /\d{4}/.exec(date)?.[0] : undefined),
    container:
      get('journal') ?? get('journaltitle') ?? get('booktitle') ?? get('publisher') ?? get('organization') ?? get('institution') ?? get('container-title'),
    publishers: ['journal', 'journaltitle', 'publisher', 'organization', 'institution', 'container-title'].map(get).filter((v): v is string => !!v),
    url: raw('url'),
    doi: normalizeDoi(raw('doi')),
    keywords: splitKeywords(get('keywords')),
    file,
    line,
    endLine,
  };
  const attachments = fields.get('file');
  if (attachments) entry.attachments = attachments;
  familyNames.set(
    entry,
    names.map((n) => n.family),
  );
  return entry;
}

export function parseBibtex(input: string, file: string): Bibliography {
  const text = stripBom(String(input ?? ''));
  const lineAt = lineIndex(text);
  const entries = new Map<string, BibEntry>();
  const problems: BibProblem[] = [];
  const ctx: BibContext = { strings: new Map(), budget: Math.max(4_000_000, 4 * text.length), warnings: [], warned: new Set() };
  const boundaries = entryLineStarts(text);
  let next = 0;
  const s = new BibScanner(text);
  let pos = 0;
  while (pos < text.length) {
    const at = text.indexOf('@', pos);
    if (at < 0) break;
    // This entry may not run into the next line that starts an entry.
    while (next < boundaries.length && boundaries[next] <= at) next++;
    const limit = next < boundaries.length ? boundaries[next] : text.length;
    s.end = limit;
    s.pos = at + 1;
    const type = s.read(isLetter).toLowerCase();
    s.skipSpace();
    const open = s.peek();
    if (!type || (open !== '{' && open !== '(')) {
      // A stray '@' in free text between entries (or `@comment` without braces): ignored, as BibTeX does.
      pos = Math.max(at + 1, s.pos);
      continue;
    }
    s.pos++;
    const close = open === '{' ? '}' : ')';
    const closing = open === '{' ? 'brace' : 'parenthesis';
    const line = lineAt(at);
    ctx.warnings = [];
    ctx.warned.clear();
    try {
      if (type === 'comment') {
        // A balanced block is skipped; an unbalanced one hides the text up to the next entry line.
        try {
          if (close === '}') s.readDelimited(false, () => new BibSyntaxError('', at));
          else s.readParenBlock(() => new BibSyntaxError('', at));
          pos = s.pos;
        } catch {
          pos = limit;
        }
        continue;
      }
      if (type === 'preamble') {
        const runaway = (): BibSyntaxError => new BibSyntaxError(`@preamble is missing its closing ${closing}`, at);
        if (close === '}') s.readDelimited(false, runaway);
        else s.readParenBlock(runaway);
        pos = s.pos;
        continue;
      }
      if (type === 'string') {
        const fields = parseBibFields(s, close, ctx, '@string', at);
        for (const [name, value] of fields) ctx.strings.set(name, value);
        pos = s.pos;
        for (const w of ctx.warnings) problems.push({ file, line: lineAt(w.offset), message: w.message });
        continue;
      }
      s.skipSpace();
      const keyAt = s.pos;
      const key = s.read(isKeyChar);
      s.skipSpace();
      const after = s.peek();
      if (!key || after === '=') throw new BibSyntaxError(`@${type} entry has no citation key`, at);
      const label = `entry '${key}'`;
      let fields: Map<string, string>;
      if (after === close) {
        s.pos++;
        fields = new Map();
      } else if (after === ',') {
        s.pos++;
        fields = parseBibFields(s, close, ctx, label, at);
      } else if (after === '' || after === '@') {
        throw new BibSyntaxError(`${label} is missing its closing ${closing}`, at);
      } else {
        throw new BibSyntaxError(`${label}: expected ',' after the key, found '${after}'`, keyAt + key.length);
      }
      pos = s.pos;
      const first = entries.get(key);
      if (first) {
        problems.push({ file, line, message: `duplicate key '${key}' (first defined on line ${first.line}); skipped` });
        continue;
      }
      entries.set(key, entryFromFields(type, key, fields, file, line, lineAt(s.pos - 1)));
      for (const w of ctx.warnings) problems.push({ file, line: lineAt(w.offset), message: w.message });
    } catch (e) {
      if (e instanceof BibSyntaxError) problems.push({ file, line: lineAt(e.offset), message: `${e.message}; skipped` });
      else problems.push({ file, line, message: `cannot read this entry (${String(e)}); skipped` });
      // Resume at the next line that starts an entry (never before the current position, so this always advances).
      pos = Math.max(limit, at + 1);
    }
  }
  return { entries, problems: oneLine(problems) };
}

// ---------------------------------------------------------------------------------------------------------------
// CSL-JSON

interface JsonItemSpan {
  start: number;
  end: number;
  /** Offset of the item's own "id" key, if any. */
  idAt?: number;
}

/**
 * A linear JSON scanner (no values built): validates the syntax, returning the offset of the first error (or -1),
 * and records where each element of a top-level array starts and ends and where its "id" key is.
 */
function scanJson(t: string): { error: number; items: JsonItemSpan[] } {
  const items: JsonItemSpan[] = [];
  const stack: string[] = []; // 'a' | 'o'
  const n = t.length;
  const number = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
  let i = 0;
  const ws = (): void => {
    while (i < n && (t[i] === ' ' || t[i] === '\t' || t[i] === '\n' || t[i] === '\r')) i++;
  };
  /** Scans a string at i (a '"'); returns its raw content or undefined on error (i at the error). */
  const str = (): string | undefined => {
    const open = i;
    i++;
    const start = i;
    while (i < n) {
      const c = t.charCodeAt(i);
      if (c === 0x22) return t.slice(start, i++);
      if (c < 0x20) return undefined;
      if (c === 0x5c) {
        const e = t[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(t.slice(i + 2, i + 6))) {
            i++;
            return undefined;
          }
          i += 6;
          continue;
        }
        if (e === undefined || !'"\\/bfnrt'.includes(e)) {
          i++;
          return undefined;
        }
        i += 2;
        continue;
      }
      i++;
    }
    i = open;
    return undefined;
  };
  /** Reads `"key":` at i, noting where an item's "id" key is; false on a syntax error (i at the error). */
  const objectKey = (): boolean => {
    if (t[i] !== '"') return false;
    const keyAt = i;
    const k = str();
    if (k === undefined) return false;
    if (k === 'id' && stack.length === 2 && stack[0] === 'a') items[items.length - 1].idAt = keyAt;
    ws();
    if (t[i] !== ':') return false;
    i++;
    ws();
    return true;
  };
  const endItem = (): void => {
    // Called when a value at depth 1 (inside the top-level array) has just ended at i.
    if (stack.length === 1 && stack[0] === 'a' && items.length > 0) items[items.length - 1].end = i;
  };
  ws();
  for (;;) {
    // Expect a value at i.
    if (stack.length === 1 && stack[0] === 'a') items.push({ start: i, end: i });
    const c = t[i];
    if (c === '{') {
      stack.push('o');
      i++;
      ws();
      if (t[i] === '}') {
        i++;
        stack.pop();
      } else {
        if (!objectKey()) return { error: i, items };
        continue;
      }
    } else if (c === '[') {
      stack.push('a');
      i++;
      ws();
      if (t[i] === ']') {
        i++;
        stack.pop();
      } else continue;
    } else if (c === '"') {
      if (str() === undefined) return { error: i, items };
    } else if (c === 't' || c === 'f' || c === 'n') {
      const word = c === 't' ? 'true' : c === 'f' ? 'false' : 'null';
      if (!t.startsWith(word, i)) return { error: i, items };
      i += word.length;
    } else {
      number.lastIndex = i;
      if (!number.test(t)) return { error: i, items };
      i = number.lastIndex;
    }
    // After a value: close containers or move to the next element.
    for (;;) {
      endItem();
      ws();
      if (stack.length === 0) return { error: i < n ? i : -1, items };
      const top = stack[stack.length - 1];
      const d = t[i];
      if (d === ',') {
        i++;
        ws();
        if (top === 'o') {
          if (!objectKey()) return { error: i, items };
        }
        break;
      }
      if ((top === 'a' && d === ']') || (top === 'o' && d === '}')) {
        i++;
        stack.pop();
        continue;
      }
      return { error: i, items };
    }
  }
}

interface CslName {
  family?: unknown;
  given?: unknown;
  literal?: unknown;
  'non-dropping-particle'?: unknown;
  'dropping-particle'?: unknown;
  suffix?: unknown;
}

const str = (v: unknown): string | undefined => {
  if (typeof v === 'string') return v.trim() || undefined;
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v) && typeof v[0] === 'string') return v[0].trim() || undefined;
  return undefined;
};

function cslName(n: unknown): Name | undefined {
  if (!n || typeof n !== 'object') return undefined;
  const name = n as CslName;
  const literal = str(name.literal);
  if (literal) return { display: literal, family: literal };
  const family = [str(name['non-dropping-particle']), str(name.family)].filter(Boolean).join(' ');
  const given = [str(name.given), str(name['dropping-particle'])].filter(Boolean).join(' ');
  const suffix = str(name.suffix);
  if (!family) return given ? { display: given, family: given } : undefined;
  return { display: [family, given, suffix].filter(Boolean).join(', '), family };
}

function cslYear(issued: unknown): string | undefined {
  if (typeof issued === 'string' || typeof issued === 'number') return /\d{4}/.exec(String(issued))?.[0];
  if (!issued || typeof issued !== 'object') return undefined;
  const date = issued as { 'date-parts'?: unknown; raw?: unknown; literal?: unknown };
  const parts = date['date-parts'];
  if (Array.isArray(parts) && Array.isArray(parts[0]) && parts[0].length > 0) {
    const y = parts[0][0];
    if (typeof y === 'number' || (typeof y === 'string' && y.trim())) return String(y).trim();
  }
  const text = str(date.raw) ?? str(date.literal);
  return text ? /\d{4}/.exec(text)?.[0] : undefined;
}

export function parseCslJson(input: string, file: string): Bibliography {
  const text = stripBom(input);
  const lineAt = lineIndex(text);
  const entries = new Map<string, BibEntry>();
  const problems: BibProblem[] = [];
  const scan = scanJson(text);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const message = jsonErrorMessage(e);
    const position = /at position (\d+)/.exec(message);
    const offset = scan.error >= 0 ? scan.error : position ? Number(position[1]) : -1;
    problems.push({ file, line: offset >= 0 ? lineAt(offset) : 1, message: `invalid CSL-JSON: ${message}` });
    return { entries, problems: oneLine(problems) };
  }
  if (!Array.isArray(data)) {
    problems.push({ file, line: 1, message: 'CSL-JSON must be an array of items; nothing loaded' });
    return { entries, problems: oneLine(problems) };
  }
  const spans = scan.items.length === data.length ? scan.items : undefined;
  data.forEach((raw: unknown, index) => {
    const span = spans?.[index];
    const item = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : undefined;
    const id = item && (typeof item.id === 'string' || typeof item.id === 'number') ? String(item.id).trim() : '';
    const startLine = span ? lineAt(span.start) : 1;
    if (!item || !id) {
      problems.push({ file, line: startLine, message: `CSL-JSON item ${index + 1} has no id; skipped` });
      return;
    }
    const line = span?.idAt !== undefined ? lineAt(span.idAt) : startLine;
    const first = entries.get(id);
    if (first) {
      problems.push({ file, line, message: `duplicate key '${id}' (first defined on line ${first.line}); skipped` });
      return;
    }
    const people = Array.isArray(item.author) ? item.author : Array.isArray(item.editor) ? item.editor : [];
    const names = people.map(cslName).filter((n): n is Name => n !== undefined);
    const keyword = Array.isArray(item.keyword) ? item.keyword.filter((k) => typeof k === 'string').join(',') : str(item.keyword);
    const entry: BibEntry = {
      key: id,
      type: str(item.type) ?? 'document',
      title: str(item.title),
      authors: names.map((n) => n.display),
      year: cslYear(item.issued),
      container: str(item['container-title']) ?? str(item.publisher),
      publishers: [str(item['container-title']), str(item.publisher), str(item.authority)].filter((v): v is string => !!v),
      url: str(item.URL),
      doi: normalizeDoi(str(item.DOI)),
      keywords: splitKeywords(keyword),
      file,
      line,
      endLine: span ? lineAt(Math.max(span.start, span.end - 1)) : line,
    };
    familyNames.set(
      entry,
      names.map((n) => n.family),
    );
    entries.set(id, entry);
  });
  return { entries, problems: oneLine(problems) };
}

// ---------------------------------------------------------------------------------------------------------------
// Formatting and merging

function families(entry: BibEntry): string[] {
  const known = familyNames.get(entry);
  if (known && known.length === entry.authors.length) return known;
  return entry.authors.map((a) => (a.includes(',') ? a.slice(0, a.indexOf(',')).trim() : a.trim()));
}

function shortAuthors(entry: BibEntry): string | undefined {
  const names = families(entry).filter(Boolean);
  if (names.length === 0) return undefined;
  if (names.length === 1) return names[0];
  if (names.length === 2) return `${names[0]} & ${names[1]}`;
  return `${names[0]} et al.`;
}

/** "Diarra, 2022, Title of the work": family names only; "A & B"; "A et al."; missing parts omitted. */
export function formatShortReference(entry: BibEntry): string {
  return [shortAuthors(entry), entry.year, entry.title].filter((p): p is string => !!p).join(', ');
}

/** "Authors (Year). Title. Container. URL-or-DOI": one line, for documentation popups and reports. */
export function formatReference(entry: BibEntry): string {
  const authors = entry.authors.length > 0 ? entry.authors.join('; ') : undefined;
  const head = [authors, entry.year ? `(${entry.year})` : undefined].filter(Boolean).join(' ');
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

/** Merges bibliographies in order: the first definition of a key wins; later ones become problems. */
export function mergeBibliographies(parts: Bibliography[]): Bibliography {
  const entries = new Map<string, BibEntry>();
  const problems: BibProblem[] = [];
  for (const part of parts) {
    problems.push(...part.problems);
    for (const [key, entry] of part.entries) {
      const first = entries.get(key);
      if (first) {
        const where = first.file === entry.file ? `on line ${first.line}` : `in ${first.file} on line ${first.line}`;
        problems.push({ file: entry.file, line: entry.line, message: `duplicate key '${key}' (first defined ${where}); skipped` });
      } else entries.set(key, entry);
    }
  }
  return { entries, problems: oneLine(problems) };
}
