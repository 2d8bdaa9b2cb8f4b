/** Character classes, line numbers and field clean-ups that every bibliography format needs. */
import { escapeControls } from '../strings.js';

/** Keys and ids are quoted in messages: a line break in one (a CSL id can hold anything) must not start a new line. */
export const oneLine = <P extends { message: string }>(problems: P[]): P[] =>
  problems.map((p) => ({ ...p, message: escapeControls(p.message) }));

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Maps offsets to 1-based lines by binary search over the newline offsets. */
export function lineIndex(text: string): (offset: number) => number {
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

export function splitKeywords(value: string | undefined): string[] {
  if (!value) return [];
  return value
    .split(/[,;]/)
    .map((k) => k.trim())
    .filter((k) => k.length > 0);
}

export function normalizeDoi(doi: string | undefined): string | undefined {
  if (!doi) return undefined;
  const d = doi.trim().replace(/^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)/i, '');
  return d || undefined;
}

export const isSpace = (c: string): boolean =>
  c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\v';
export const isLetter = (c: string): boolean => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
export const isDigit = (c: string): boolean => c >= '0' && c <= '9';
