/**
 * The BibTeX reader: a hand-written, single-pass scanner over character offsets. A broken entry (missing closing
 * brace, missing key, bad field syntax, unterminated string) becomes a problem with its line and is skipped; reading
 * resumes at the next line that starts an entry (`@type{` / `@type(` after optional blanks). No entry is read past
 * such a line, and reading never goes back before it, so each character is scanned a bounded number of times: linear
 * time, whatever the input. @string expansion has a size budget (macros built from macros grow exponentially).
 * The parser never throws. What the fields mean (names, dates, crossref) is `bibtex-entry.ts`'s business.
 */
import { entriesFromRecords, type BibRecord } from './bibtex-entry.js';
import { isDigit, isLetter, isSpace, lineIndex, oneLine, stripBom } from './text.js';
import type { BibProblem, Bibliography } from './types.js';

const MONTHS: Record<string, string> = {
  jan: 'January',
  feb: 'February',
  mar: 'March',
  apr: 'April',
  may: 'May',
  jun: 'June',
  jul: 'July',
  aug: 'August',
  sep: 'September',
  oct: 'October',
  nov: 'November',
  dec: 'December',
};

/** A broken entry: the message and the offset whose line is reported. */
class BibSyntaxError {
  constructor(
    readonly message: string,
    readonly offset: number,
  ) {}
}

const isFieldChar = (c: string): boolean =>
  isLetter(c) || isDigit(c) || c === '_' || c === '-' || c === ':' || c === '.' || c === '+' || c === '/';
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
  /**
   * Characters that expanding long @string macros may still produce in this file (macros doubling macros grow
   * exponentially).
   */
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
function parseBibFields(
  s: BibScanner,
  close: string,
  ctx: BibContext,
  label: string,
  entryOffset: number,
): Map<string, string> {
  const fields = new Map<string, string>();
  const closing = close === '}' ? 'brace' : 'parenthesis';
  const missingClose = (): BibSyntaxError =>
    new BibSyntaxError(`${label} is missing its closing ${closing}`, entryOffset);
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
    if (s.peek() !== '=')
      throw new BibSyntaxError(`${label}: field '${name}' has no '='`, s.pos < s.end ? s.pos : nameAt);
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

export function parseBibtex(input: string, file: string): Bibliography {
  const text = stripBom(String(input ?? ''));
  const lineAt = lineIndex(text);
  const records = new Map<string, BibRecord>();
  const problems: BibProblem[] = [];
  const ctx: BibContext = {
    strings: new Map(),
    budget: Math.max(4_000_000, 4 * text.length),
    warnings: [],
    warned: new Set(),
  };
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
      const first = records.get(key);
      if (first) {
        problems.push({ file, line, message: `duplicate key '${key}' (first defined on line ${first.line}); skipped` });
        continue;
      }
      records.set(key, { type, key, fields, line, endLine: lineAt(s.pos - 1) });
      for (const w of ctx.warnings) problems.push({ file, line: lineAt(w.offset), message: w.message });
    } catch (e) {
      if (e instanceof BibSyntaxError)
        problems.push({ file, line: lineAt(e.offset), message: `${e.message}; skipped` });
      else problems.push({ file, line, message: `cannot read this entry (${String(e)}); skipped` });
      // Resume at the next line that starts an entry (never before the current position, so this always advances).
      pos = Math.max(limit, at + 1);
    }
  }
  const entries = entriesFromRecords(records, text.length, file, problems);
  return { entries, problems: oneLine(problems) };
}
