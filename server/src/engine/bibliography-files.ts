/** Reading bibliography files from disk, cached by modification time so a run over many drafts parses each once. */
import fs from 'node:fs';
import { mergeBibliographies, parseBibtex, parseCslJson, type Bibliography } from './bibliography.js';
import type { Problem } from './types.js';

const cache = new Map<string, { mtimeMs: number; size: number; bibliography: Bibliography }>();

function loadOne(file: string): Bibliography {
  const stat = fs.statSync(file);
  const hit = cache.get(file);
  if (hit && hit.mtimeMs === stat.mtimeMs && hit.size === stat.size) return hit.bibliography;
  const text = fs.readFileSync(file, 'utf8');
  const bibliography = /\.json$/i.test(file) ? parseCslJson(text, file) : parseBibtex(text, file);
  cache.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, bibliography });
  return bibliography;
}

/** Merges the given files; unreadable files and broken entries become problems, never exceptions. */
export function loadBibliographies(files: readonly string[], problems: Problem[]): Bibliography {
  const parts: Bibliography[] = [];
  for (const file of [...new Set(files)]) {
    if (!/\.(bib|bibtex|json)$/i.test(file)) {
      problems.push({ file, line: 1, message: 'unsupported bibliography format (use BibTeX .bib or CSL-JSON .json)' });
      continue;
    }
    try {
      parts.push(loadOne(file));
    } catch (e) {
      problems.push({ file, line: 1, message: `cannot read bibliography (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` });
    }
  }
  const merged = mergeBibliographies(parts);
  problems.push(...merged.problems);
  return merged;
}
