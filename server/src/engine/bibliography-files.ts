/** Reading bibliography files from disk, cached by modification time so a run over many drafts parses each once. */
import fs from 'node:fs';
import {
  bibliographyFormat,
  mergeBibliographies,
  parseBibtex,
  parseCslJson,
  parseCslYaml,
  type Bibliography,
  type UnreadableBibliography,
} from './bibliography.js';
import type { Problem } from './types.js';
import { DEFAULT_MAX_FILE_BYTES, FileReadError, readRegularTextFile } from './read-file.js';
import { insideRoots } from './workspace-paths.js';

const cache = new Map<string, { mtimeMs: number; size: number; bibliography: Bibliography }>();

function loadOne(file: string, maxBytes: number): Bibliography {
  const stat = fs.statSync(file);
  const hit = cache.get(file);
  if (hit && hit.mtimeMs === stat.mtimeMs && hit.size === stat.size) return hit.bibliography;
  const text = readRegularTextFile(file, maxBytes);
  const format = bibliographyFormat(file);
  const bibliography =
    format === 'csl-json'
      ? parseCslJson(text, file)
      : format === 'csl-yaml'
        ? parseCslYaml(text, file)
        : parseBibtex(text, file);
  cache.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, bibliography });
  return bibliography;
}

export interface BibliographyReadOptions {
  maxBytes?: number;
  /** Folders the files must lie in (symbolic links resolved); undefined: anywhere. */
  roots?: readonly string[];
}

const REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EISDIR: 'is a directory',
  ENOTDIR: 'no such file',
};

/** A bibliography file to read, with the path as the front matter writes it when it comes from there. */
export interface BibliographySource {
  file: string;
  written?: string;
}

/**
 * Merges the given files. A file that cannot be read is listed in `unreadable` (the unknown-citekey rule reports it
 * where it is named); broken entries become problems. Never throws.
 */
export function loadBibliographies(
  sources: readonly BibliographySource[],
  problems: Problem[],
  options: BibliographyReadOptions = {},
): Bibliography {
  const parts: Bibliography[] = [];
  const unreadable: UnreadableBibliography[] = [];
  const files = [...new Map(sources.map((s) => [s.file, s])).values()];
  for (const { file, written } of files) {
    if (!bibliographyFormat(file)) {
      unreadable.push({ file, written, reason: 'not BibTeX (.bib), CSL-JSON (.json) or CSL YAML (.yaml)' });
      continue;
    }
    if (options.roots && !insideRoots(file, options.roots)) {
      unreadable.push({ file, written, reason: 'outside the workspace, not read' });
      continue;
    }
    try {
      parts.push(loadOne(file, options.maxBytes ?? DEFAULT_MAX_FILE_BYTES));
    } catch (e) {
      unreadable.push({
        file,
        written,
        reason:
          e instanceof FileReadError
            ? e.message
            : (REASONS[(e as NodeJS.ErrnoException).code ?? ''] ?? (e as NodeJS.ErrnoException).code ?? 'unreadable'),
      });
    }
  }
  const merged = mergeBibliographies(parts);
  problems.push(...merged.problems);
  return { ...merged, files: files.map((s) => s.file), unreadable };
}
