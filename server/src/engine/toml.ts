/**
 * TOML front matter (Hugo's `+++` fences), read for the few keys Sourcelint uses: `title`, `bibliography`, `lang`,
 * and a `[sourcelint]` table. Strings, arrays of strings, numbers and booleans are read, at the top level or in a
 * `[table]`; any other value (dates, inline tables, multi-line strings) is kept as its text or skipped, never an
 * error: the site generator, not the linter, validates its front matter.
 */

/** `key = value`, the key bare or quoted; dotted keys are one name here. */
const ASSIGNMENT = /^\s*("[^"]*"|'[^']*'|[A-Za-z0-9_.-]+)\s*=\s*(.*)$/;
const TABLE_HEADER = /^\s*\[([^[\]]+)\]\s*(?:#.*)?$/;
/** One string, basic or literal, and what may follow it on its line (a comment or a comma). */
const STRING = /^\s*(?:"((?:[^"\\]|\\.)*)"|'([^']*)')/;
const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '"': '"', '\\': '\\' };

const unquote = (key: string): string => (/^["']/.test(key) ? key.slice(1, -1) : key);

function readString(text: string): { value: string; rest: string } | undefined {
  const m = STRING.exec(text);
  if (!m) return undefined;
  const value = m[1] !== undefined ? m[1].replace(/\\(.)/g, (_, c: string) => ESCAPES[c] ?? c) : m[2];
  return { value, rest: text.slice(m[0].length) };
}

/** `text` up to a `#` outside quotes, in one pass (a pattern for it backtracks on long runs of spaces or `#`). */
function withoutComment(text: string): string {
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#') return text.slice(0, i);
  }
  return text;
}

/** A value's text: a string, an array of strings, a number, a boolean, or else the text itself. */
function readValue(text: string): unknown {
  const value = withoutComment(text).trim();
  const string = readString(value);
  if (string) return string.value;
  if (value.startsWith('[')) {
    const items: string[] = [];
    let rest = value.slice(1);
    for (let item = readString(rest); item; item = readString(rest)) {
      items.push(item.value);
      rest = item.rest.replace(/^\s*,/, '');
    }
    return items;
  }
  if (value === 'true' || value === 'false') return value === 'true';
  if (/^[+-]?\d+(\.\d+)?$/.test(value)) return Number(value);
  return value;
}

/** The data of TOML front matter, as far as it is read (see above). */
export function parseTomlData(raw: string): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  let table = root;
  const lines = raw.split(/\r?\n/);
  for (let n = 0; n < lines.length; n++) {
    const header = TABLE_HEADER.exec(lines[n]);
    if (header) {
      table = root;
      for (const part of header[1].split('.').map((p) => unquote(p.trim()))) {
        const inner = table[part];
        table = (table[part] = inner && typeof inner === 'object' && !Array.isArray(inner) ? inner : {}) as Record<
          string,
          unknown
        >;
      }
      continue;
    }
    const assignment = ASSIGNMENT.exec(lines[n]);
    if (!assignment) continue;
    const parts = [assignment[2]];
    // An array may run over several lines, until its closing bracket.
    if (assignment[2].trimStart().startsWith('[') && !assignment[2].includes(']'))
      while (n + 1 < lines.length && !parts[parts.length - 1].includes(']')) parts.push(lines[++n].trim());
    table[unquote(assignment[1])] = readValue(parts.join(' '));
  }
  return root;
}
