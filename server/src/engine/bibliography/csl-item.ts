/** One CSL item (from CSL-JSON or CSL YAML) → an entry; the caller knows its lines. */
import { cslDate } from './dates.js';
import { cslName, cslText, rememberFamilies, type Name } from './names.js';
import { normalizeDoi, splitKeywords } from './text.js';
import type { BibEntry, BibProblem } from './types.js';

/** Where an item sits in its file, when the reader could tell. */
export interface ItemLines {
  /** Line of the item's start. */
  start: number;
  /** Line of its "id" key. */
  id?: number;
  end?: number;
}

/** Adds the item `index` (0-based) to `entries`, or a problem when it has no id or repeats one. */
export function addCslItem(
  raw: unknown,
  index: number,
  lines: ItemLines,
  file: string,
  entries: Map<string, BibEntry>,
  problems: BibProblem[],
  format: string,
): void {
  const item = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : undefined;
  const id = item && (typeof item.id === 'string' || typeof item.id === 'number') ? String(item.id).trim() : '';
  if (!item || !id) {
    problems.push({ file, line: lines.start, message: `${format} item ${index + 1} has no id; skipped` });
    return;
  }
  const line = lines.id ?? lines.start;
  const first = entries.get(id);
  if (first) {
    problems.push({ file, line, message: `duplicate key '${id}' (first defined on line ${first.line}); skipped` });
    return;
  }
  const people = Array.isArray(item.author) ? item.author : Array.isArray(item.editor) ? item.editor : [];
  const names = people.map(cslName).filter((n): n is Name => n !== undefined);
  const keyword = Array.isArray(item.keyword)
    ? item.keyword.filter((k) => typeof k === 'string').join(',')
    : cslText(item.keyword);
  const { year, date } = cslDate(item.issued);
  const entry: BibEntry = {
    key: id,
    type: cslText(item.type) ?? 'document',
    title: cslText(item.title),
    authors: names.map((n) => n.display),
    year,
    ...(date ? { date } : {}),
    container: cslText(item['container-title']) ?? cslText(item.publisher),
    publishers: [cslText(item['container-title']), cslText(item.publisher), cslText(item.authority)].filter(
      (v): v is string => !!v,
    ),
    url: cslText(item.URL),
    doi: normalizeDoi(cslText(item.DOI)),
    keywords: splitKeywords(keyword),
    file,
    line,
    endLine: lines.end ?? line,
  };
  entries.set(id, rememberFamilies(entry, names));
}
