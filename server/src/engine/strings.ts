/** Small string helpers. */

/** Levenshtein distance, bounded: gives up (returns max + 1) once every path exceeds `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      best = Math.min(best, row[j]);
    }
    if (best > max) return max + 1;
    prev = row;
  }
  return prev[b.length];
}

/** Up to `n` candidates closest to `word`, within a third of its length in edits. */
export function closest(word: string, candidates: readonly string[], n: number): string[] {
  const max = Math.max(2, Math.floor(word.length / 3));
  return candidates
    .map((c) => ({ c, d: editDistance(word.toLowerCase(), c.toLowerCase(), max) }))
    .filter((x) => x.d <= max)
    .sort((x, y) => x.d - y.d)
    .slice(0, n)
    .map((x) => x.c);
}

/**
 * A JSON.parse error in one line, without the excerpt of the input V8 quotes (a file's content never goes to a log).
 */
export function jsonErrorMessage(e: unknown): string {
  const message = (e instanceof Error ? e.message : String(e)).split('\n')[0];
  return message.includes('"') ? 'unexpected character' : message;
}

/**
 * `s` with control characters (line breaks included) shown as `\uXXXX`: text from a file, safe to print as one line.
 */
export function escapeControls(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Source text as a message quotes it: one line, without Markdown's backslash escapes ("around\n\\$12 billion" reads
 * "around $12 billion").
 */
export function quotable(s: string): string {
  return s.replace(/\\([!-/:-@[-`{-~])/g, '$1').replace(/\s+/g, ' ');
}
