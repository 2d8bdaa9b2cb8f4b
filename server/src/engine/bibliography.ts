/**
 * Bibliographies: BibTeX and CSL-JSON. A hand-written, single-pass BibTeX reader: a broken entry becomes a problem
 * with its line and is skipped, and reading resumes at the next line that starts with `@`. Never throws; linear time.
 */

export interface BibEntry {
  key: string;
  /** Lowercased BibTeX type ('article', 'online', …) or the CSL type as given. */
  type: string;
  title?: string;
  /** "Family, Given" or institutional names. */
  authors: string[];
  year?: string;
  /** Journal, book title, publisher or organisation: the first present. */
  container?: string;
  url?: string;
  doi?: string;
  keywords: string[];
  file: string;
  /** 1-based line of the entry's `@` (or of its CSL id). */
  line: number;
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
}

const MONTHS: Record<string, string> = {
  jan: 'January', feb: 'February', mar: 'March', apr: 'April', may: 'May', jun: 'June',
  jul: 'July', aug: 'August', sep: 'September', oct: 'October', nov: 'November', dec: 'December',
};

const ACCENTS: Record<string, Record<string, string>> = {
  "'": { a: 'á', e: 'é', i: 'í', o: 'ó', u: 'ú', y: 'ý', c: 'ć', n: 'ń', s: 'ś', z: 'ź', A: 'Á', E: 'É', I: 'Í', O: 'Ó', U: 'Ú' },
  '`': { a: 'à', e: 'è', i: 'ì', o: 'ò', u: 'ù', A: 'À', E: 'È' },
  '^': { a: 'â', e: 'ê', i: 'î', o: 'ô', u: 'û', A: 'Â', E: 'Ê' },
  '"': { a: 'ä', e: 'ë', i: 'ï', o: 'ö', u: 'ü', A: 'Ä', O: 'Ö', U: 'Ü' },
  '~': { a: 'ã', n: 'ñ', o: 'õ', A: 'Ã', N: 'Ñ' },
  c: { c: 'ç', C: 'Ç' },
};

/** Strips braces and the common LaTeX escapes and accents from a field value. */
export function cleanLatex(value: string): string {
  return value
    .replace(/\\([`'^"~])\s*\{?\\?([a-zA-Z])\}?/g, (_m, accent: string, letter: string) => ACCENTS[accent]?.[letter] ?? letter)
    .replace(/\\c\s*\{?([cC])\}?/g, (_m, letter: string) => ACCENTS.c[letter])
    .replace(/\\([&%$#_{}])/g, '$1')
    .replace(/\\(textit|textbf|emph|textsc|url)\s*/g, '')
    .replace(/--/g, '–')
    .replace(/[{}]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A cursor over the text that tracks line numbers as it advances. */
class Reader {
  pos = 0;
  line = 1;
  constructor(readonly text: string) {}

  peek(): string {
    return this.text[this.pos] ?? '';
  }
  next(): string {
    const c = this.text[this.pos++] ?? '';
    if (c === '\n') this.line++;
    return c;
  }
  skipSpace(): void {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos])) this.next();
  }
  /** Moves to the next line that starts with `@` (after optional spaces) — this one, if the cursor is before its `@`. */
  skipToNextEntry(): void {
    const lineStart = this.text.lastIndexOf('\n', this.pos - 1) + 1;
    if (/^[ \t]*$/.test(this.text.slice(lineStart, this.pos))) {
      let p = this.pos;
      while (this.text[p] === ' ' || this.text[p] === '\t') p++;
      if (this.text[p] === '@') {
        while (this.pos < p) this.next();
        return;
      }
    }
    while (this.pos < this.text.length) {
      const c = this.next();
      if (c === '\n') {
        let p = this.pos;
        while (this.text[p] === ' ' || this.text[p] === '\t') p++;
        if (this.text[p] === '@') {
          while (this.pos < p) this.next();
          return;
        }
      }
    }
  }
}

class BibSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

const IDENT = /[A-Za-z0-9_:.\-+/']/;

function readIdent(r: Reader): string {
  let s = '';
  while (IDENT.test(r.peek())) s += r.next();
  return s;
}

/** Reads `{…}` with nesting, or `"…"` (braces inside quotes nest too). Returns the inner text. */
function readDelimited(r: Reader, close: string, entryKey: string): string {
  const startLine = r.line;
  let depth = 0;
  let out = '';
  for (;;) {
    if (r.pos >= r.text.length) throw new BibSyntaxError(`entry '${entryKey}': unterminated value starting on line ${startLine}`, startLine);
    const c = r.next();
    if (c === '\\') {
      out += c + r.next();
      continue;
    }
    if (c === '{') depth++;
    else if (c === '}') {
      if (depth === 0) {
        if (close === '}') return out;
        throw new BibSyntaxError(`entry '${entryKey}': unbalanced '}' in a quoted value`, r.line);
      }
      depth--;
    } else if (c === close && depth === 0) return out;
    // A new entry inside a value means the value (or its entry) was never closed.
    if (c === '\n' && depth >= 0 && /^[ \t]*@[A-Za-z]+\s*[({]/.test(r.text.slice(r.pos, r.pos + 40))) {
      throw new BibSyntaxError(`entry '${entryKey}' is missing its closing brace`, startLine);
    }
    out += c;
  }
}

function readValue(r: Reader, strings: Map<string, string>, entryKey: string): string {
  let value = '';
  for (;;) {
    r.skipSpace();
    const c = r.peek();
    if (c === '{') {
      r.next();
      value += readDelimited(r, '}', entryKey);
    } else if (c === '"') {
      r.next();
      value += readDelimited(r, '"', entryKey);
    } else if (/[0-9]/.test(c)) {
      value += readIdent(r);
    } else if (/[A-Za-z]/.test(c)) {
      const name = readIdent(r).toLowerCase();
      value += strings.get(name) ?? MONTHS[name.slice(0, 3)] ?? name;
    } else {
      throw new BibSyntaxError(`entry '${entryKey}': expected a value, found '${c || 'end of file'}'`, r.line);
    }
    r.skipSpace();
    if (r.peek() !== '#') return value;
    r.next();
  }
}

function readFields(r: Reader, close: string, strings: Map<string, string>, entryKey: string, entryLine: number): Map<string, string> {
  const fields = new Map<string, string>();
  for (;;) {
    r.skipSpace();
    const c = r.peek();
    if (c === close) {
      r.next();
      return fields;
    }
    if (c === ',') {
      r.next();
      continue;
    }
    if (c === '' || c === '@') throw new BibSyntaxError(`entry '${entryKey}' is missing its closing brace`, entryLine);
    const name = readIdent(r).toLowerCase();
    if (!name) throw new BibSyntaxError(`entry '${entryKey}': unexpected '${c}' where a field name should be`, r.line);
    r.skipSpace();
    if (r.next() !== '=') throw new BibSyntaxError(`entry '${entryKey}': field '${name}' has no '='`, r.line);
    fields.set(name, readValue(r, strings, entryKey));
  }
}

function splitAuthors(raw: string): string[] {
  const names: string[] = [];
  let depth = 0;
  let current = '';
  // Split on " and " only at brace depth 0, so {Barnes and Noble} stays one institution.
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c === '{') depth++;
    else if (c === '}') depth--;
    if (depth === 0 && /^\s+and\s+/i.test(raw.slice(i, i + 6)) && /\s/.test(c)) {
      names.push(current);
      current = '';
      i += /^\s+and\s+/i.exec(raw.slice(i))![0].length - 1;
      continue;
    }
    current += c;
  }
  names.push(current);
  return names.map(personOrInstitution).filter(Boolean);
}

/**
 * BibTeX names as "Family, Given". A name wrapped in braces ({World Bank}) is an institution and stays whole;
 * "Given Family" is turned around, with lowercase particles kept in the family name ("Ludwig van Beethoven").
 */
function personOrInstitution(raw: string): string {
  const trimmed = raw.trim();
  if (/^\{[^{}]*(\{[^{}]*\}[^{}]*)*\}$/.test(trimmed)) return cleanLatex(trimmed);
  const name = cleanLatex(trimmed);
  if (name.includes(',') || !name.includes(' ')) return name;
  const parts = name.split(' ');
  let family = parts.length - 1;
  while (family > 1 && /^\p{Ll}/u.test(parts[family - 1])) family--;
  return `${parts.slice(family).join(' ')}, ${parts.slice(0, family).join(' ')}`;
}

function entryFrom(type: string, key: string, fields: Map<string, string>, file: string, line: number, endLine: number): BibEntry {
  const get = (name: string): string | undefined => {
    const v = fields.get(name);
    return v === undefined ? undefined : cleanLatex(v);
  };
  const date = get('date');
  return {
    key,
    type,
    title: get('title'),
    authors: splitAuthors(fields.get('author') ?? fields.get('editor') ?? ''),
    year: get('year') ?? (date ? /\d{4}/.exec(date)?.[0] : undefined),
    container: get('journal') ?? get('journaltitle') ?? get('booktitle') ?? get('publisher') ?? get('organization') ?? get('institution'),
    url: get('url'),
    doi: get('doi'),
    keywords: (get('keywords') ?? '').split(/[,;]/).map((k) => k.trim()).filter(Boolean),
    file,
    line,
    endLine,
  };
}

export function parseBibtex(input: string, file: string): Bibliography {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const r = new Reader(text);
  const entries = new Map<string, BibEntry>();
  const problems: BibProblem[] = [];
  const strings = new Map<string, string>();
  while (r.pos < text.length) {
    const at = text.indexOf('@', r.pos);
    if (at < 0) break;
    while (r.pos < at) r.next();
    const line = r.line;
    r.next();
    const type = readIdent(r).toLowerCase();
    r.skipSpace();
    const open = r.peek();
    if (!type || (open !== '{' && open !== '(')) {
      // A stray '@' in free text between entries: BibTeX ignores it.
      continue;
    }
    r.next();
    const close = open === '{' ? '}' : ')';
    let key = '';
    try {
      if (type === 'comment' || type === 'preamble') {
        readDelimited(r, close, type);
        continue;
      }
      if (type === 'string') {
        const fields = readFields(r, close, strings, '@string', line);
        for (const [name, value] of fields) strings.set(name, value);
        continue;
      }
      r.skipSpace();
      key = readIdent(r);
      r.skipSpace();
      if (!key || r.peek() !== ',') {
        if (!key) throw new BibSyntaxError(`@${type} entry has no citation key`, line);
        throw new BibSyntaxError(`entry '${key}': expected ',' after the key`, r.line);
      }
      const fields = readFields(r, close, strings, key, line);
      const first = entries.get(key);
      if (first) {
        problems.push({ file, line, message: `duplicate key '${key}' (first defined on line ${first.line}); skipped` });
        continue;
      }
      entries.set(key, entryFrom(type, key, fields, file, line, r.line));
    } catch (e) {
      if (!(e instanceof BibSyntaxError)) throw e;
      problems.push({ file, line: e.line, message: `${e.message}; skipped` });
      r.skipToNextEntry();
    }
  }
  return { entries, problems };
}

interface CslName {
  family?: string;
  given?: string;
  literal?: string;
}
interface CslItem {
  id?: unknown;
  type?: string;
  title?: string;
  author?: CslName[];
  editor?: CslName[];
  issued?: { 'date-parts'?: unknown[][]; raw?: string; literal?: string };
  'container-title'?: string;
  publisher?: string;
  URL?: string;
  DOI?: string;
  keyword?: string;
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

export function parseCslJson(input: string, file: string): Bibliography {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const entries = new Map<string, BibEntry>();
  const problems: BibProblem[] = [];
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const position = /position (\d+)/.exec((e as Error).message);
    const line = position ? lineOf(text, Number(position[1])) : 1;
    problems.push({ file, line, message: `invalid CSL-JSON: ${(e as Error).message.split('\n')[0]}` });
    return { entries, problems };
  }
  if (!Array.isArray(data)) {
    problems.push({ file, line: 1, message: 'CSL-JSON must be an array of items' });
    return { entries, problems };
  }
  for (const [index, raw] of data.entries()) {
    const item = raw as CslItem;
    if (!item || typeof item !== 'object' || (typeof item.id !== 'string' && typeof item.id !== 'number')) {
      problems.push({ file, line: 1, message: `CSL-JSON item ${index + 1} has no id; skipped` });
      continue;
    }
    const key = String(item.id);
    const found = text.search(new RegExp(`"id"\\s*:\\s*"?${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"?`));
    const line = found >= 0 ? lineOf(text, found) : 1;
    if (entries.has(key)) {
      problems.push({ file, line, message: `duplicate id '${key}'; skipped` });
      continue;
    }
    const names = (item.author ?? item.editor ?? []).map((n) => n.literal ?? [n.family, n.given].filter(Boolean).join(', ')).filter(Boolean);
    const parts = item.issued?.['date-parts']?.[0];
    const year = parts?.[0] !== undefined ? String(parts[0]) : /\d{4}/.exec(item.issued?.raw ?? item.issued?.literal ?? '')?.[0];
    entries.set(key, {
      key,
      type: item.type ?? 'document',
      title: item.title,
      authors: names,
      year,
      container: item['container-title'] ?? item.publisher,
      url: item.URL,
      doi: item.DOI,
      keywords: (item.keyword ?? '').split(/[,;]/).map((k) => k.trim()).filter(Boolean),
      file,
      line,
      endLine: line,
    });
  }
  return { entries, problems };
}

/** Authors are stored as "Family, Given" or as an institution's whole name. */
const familyName = (author: string): string => (author.includes(',') ? author.split(',')[0].trim() : author);

function shortAuthors(authors: readonly string[]): string | undefined {
  if (authors.length === 0) return undefined;
  if (authors.length === 1) return familyName(authors[0]);
  if (authors.length === 2) return `${familyName(authors[0])} & ${familyName(authors[1])}`;
  return `${familyName(authors[0])} et al.`;
}

/** "Diarra, 2022, Title": for lists and hovers. */
export function formatShortReference(entry: BibEntry): string {
  return [shortAuthors(entry.authors), entry.year, entry.title].filter(Boolean).join(', ');
}

/** "Authors (Year). Title. Container. URL": one line, for documentation popups and reports. */
export function formatReference(entry: BibEntry): string {
  const authors = entry.authors.length > 0 ? entry.authors.join('; ') : undefined;
  const head = [authors, entry.year ? `(${entry.year})` : undefined].filter(Boolean).join(' ');
  const link = entry.doi ? `https://doi.org/${entry.doi}` : entry.url;
  return [head, entry.title, entry.container, link].filter(Boolean).join('. ').replace(/\.\./g, '.');
}

/** Merges bibliographies in order: the first definition of a key wins; later ones are reported. */
export function mergeBibliographies(parts: readonly Bibliography[]): Bibliography {
  const entries = new Map<string, BibEntry>();
  const problems: BibProblem[] = [];
  for (const part of parts) {
    problems.push(...part.problems);
    for (const [key, entry] of part.entries) {
      const first = entries.get(key);
      if (first) problems.push({ file: entry.file, line: entry.line, message: `duplicate key '${key}' (also in ${first.file}:${first.line}); skipped` });
      else entries.set(key, entry);
    }
  }
  return { entries, problems };
}
