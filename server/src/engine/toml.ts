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

/** A value's text: a string, an array of strings, a number, a boolean, or else the text itself. */
function readValue(text: string): unknown {
  const value = text.replace(/\s+#[^"']*$/, '').trim();
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
    let value = assignment[2];
    // An array may run over several lines, until its closing bracket.
    if (value.trimStart().startsWith('[') && !value.includes(']'))
      while (n + 1 < lines.length && !value.includes(']')) value += ' ' + lines[++n].trim();
    table[unquote(assignment[1])] = readValue(value);
  }
  return root;
}
