/** Several bibliography files as one: the first definition of a key wins; later ones become problems. */
import { oneLine } from './text.js';
import type { BibEntry, BibProblem, Bibliography } from './types.js';

export function mergeBibliographies(parts: Bibliography[]): Bibliography {
  const entries = new Map<string, BibEntry>();
  const problems: BibProblem[] = [];
  for (const part of parts) {
    problems.push(...part.problems);
    for (const [key, entry] of part.entries) {
      const first = entries.get(key);
      if (first) {
        const where = first.file === entry.file ? `on line ${first.line}` : `in ${first.file} on line ${first.line}`;
        problems.push({
          file: entry.file,
          line: entry.line,
          message: `duplicate key '${key}' (first defined ${where}); skipped`,
        });
      } else entries.set(key, entry);
    }
  }
  return { entries, problems: oneLine(problems) };
}
