/** CSL-JSON bibliographies, with the line of each item found by a linear scan of the JSON text. */
import { jsonErrorMessage } from '../strings.js';
import { addCslItem } from './csl-item.js';
import { lineIndex, oneLine, stripBom } from './text.js';
import type { BibEntry, BibProblem, Bibliography } from './types.js';

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
    const start = span ? lineAt(span.start) : 1;
    const id = span?.idAt !== undefined ? lineAt(span.idAt) : undefined;
    addCslItem(
      raw,
      index,
      { start, id, end: span ? lineAt(Math.max(span.start, span.end - 1)) : undefined },
      file,
      entries,
      problems,
      'CSL-JSON',
    );
  });
  return { entries, problems: oneLine(problems) };
}
