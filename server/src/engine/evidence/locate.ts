/**
 * Where a document's saved source copies are (issue #10), in order of precedence:
 * 1. the sources folder (`sources.dir`, default `sources/` next to the document): files named by citation key or
 *    footnote label (`worldbank2022.pdf`, `3.html`), and its `index.json` mapping URLs to files (`sources fetch`);
 * 2. bibliography attachments: a `.bib` entry's `file` field as Zotero, Better BibTeX and JabRef write it, relative
 *    to the `.bib`.
 * Only locations: nothing is read here but folder listings and the index. Every path must lie inside `roots`.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Bibliography } from '../bibliography.js';
import type { Problem } from '../types.js';
import { readRegularTextFile, DEFAULT_MAX_FILE_BYTES } from '../read-file.js';
import { insideRoots } from '../workspace-paths.js';
import { jsonErrorMessage } from '../strings.js';
import { urlKey } from './urls.js';

export type CopyKind = 'pdf' | 'html' | 'text';

/** Extensions of saved copies, best first when one key has several (a PDF is the document of record). */
export const COPY_EXTENSIONS: ReadonlyArray<readonly [string, CopyKind]> = [
  ['.pdf', 'pdf'],
  ['.html', 'html'],
  ['.htm', 'html'],
  ['.txt', 'text'],
  ['.md', 'text'],
];

const MIME_KINDS: Record<string, CopyKind> = {
  'application/pdf': 'pdf',
  'text/html': 'html',
  'application/xhtml+xml': 'html',
  'text/plain': 'text',
  'text/markdown': 'text',
};

export const INDEX_FILE = 'index.json';

/** The kind of a copy from its name, else from a MIME type (an attachment's, a download's). */
export function copyKind(file: string, mime?: string): CopyKind | undefined {
  const ext = path.extname(file).toLowerCase();
  return (
    COPY_EXTENSIONS.find(([e]) => e === ext)?.[1] ??
    (mime ? MIME_KINDS[mime.split(';')[0].trim().toLowerCase()] : undefined)
  );
}

const rank = (file: string): number => {
  const ext = path.extname(file).toLowerCase();
  const i = COPY_EXTENSIONS.findIndex(([e]) => e === ext);
  return i < 0 ? COPY_EXTENSIONS.length : i;
};

export interface CopyLocation {
  file: string;
  kind: CopyKind;
}

export interface CopyLocations {
  /** By citation key or footnote label. */
  byKey: Map<string, CopyLocation>;
  /** By `urlKey` of a cited URL. */
  byUrl: Map<string, CopyLocation>;
  /** The sources folder (absolute), whether or not it exists: what an editor watches. */
  dir: string;
}

/** One attachment of a `file` field. */
export interface Attachment {
  path: string;
  mime?: string;
}

/** Splits on `sep` where it is not escaped with a backslash. */
function splitUnescaped(s: string, sep: string): string[] {
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === sep) {
      parts.push(s.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(s.slice(start));
  return parts;
}

const unescape = (s: string): string => s.replace(/\\(.)/g, '$1').trim();

/**
 * A BibTeX `file` field: a plain path (`{reports/wb.pdf}`), or Zotero / Better BibTeX / JabRef's list
 * `Description:path:mime;…` with `\:`, `\;` and `\\` escaped (`Full Text PDF:C\:\\Users\\me\\wb.pdf:application/pdf`).
 */
export function parseFileField(raw: string): Attachment[] {
  const field = raw.replace(/(^|[^\\])[{}]/g, '$1').trim();
  const out: Attachment[] = [];
  for (const item of splitUnescaped(field, ';')) {
    if (item.trim() === '') continue;
    const parts = splitUnescaped(item, ':');
    if (parts.length >= 3) {
      // Description:path:mime; an unescaped drive colon ("C:/x.pdf") leaves the path in two parts.
      const mime = unescape(parts[parts.length - 1]);
      out.push({ path: unescape(parts.slice(1, -1).join(':')), mime: mime || undefined });
    } else if (parts.length === 2) {
      out.push({ path: /^[A-Za-z]$/.test(parts[0].trim()) ? unescape(item) : unescape(parts[1]) });
    } else {
      out.push({ path: unescape(item) });
    }
  }
  return out.filter((a) => a.path !== '');
}

export interface LocateOptions {
  /** The document's folder. */
  docDir: string;
  /** The configured sources folder; default `sources` next to the document. */
  sourcesDir?: string;
  bibliography?: Bibliography;
  /** Folders copies must lie in (symbolic links resolved); undefined: anywhere. */
  roots?: readonly string[];
  maxFileBytes?: number;
}

/**
 * Where the document's copies are. Problems (an unreadable index, attachments outside the workspace) are added to
 * `problems`.
 */
export function locateCopies(options: LocateOptions, problems: Problem[]): CopyLocations {
  const dir = options.sourcesDir ?? path.join(options.docDir, 'sources');
  const byKey = new Map<string, CopyLocation>();
  const byUrl = new Map<string, CopyLocation>();
  const inside = (file: string): boolean => !options.roots || insideRoots(file, options.roots);
  let names: string[] = [];
  try {
    if (fs.statSync(dir).isDirectory()) names = fs.readdirSync(dir);
  } catch {
    // No sources folder: nothing saved there.
  }
  if (names.length > 0 && !inside(dir)) {
    problems.push({ file: dir, line: 1, message: 'sources folder outside the workspace, not read' });
    names = [];
  }
  for (const name of names.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))) {
    const kind = copyKind(name);
    if (!kind || name.startsWith('.')) continue;
    const key = name.slice(0, name.length - path.extname(name).length);
    if (!byKey.has(key)) byKey.set(key, { file: path.join(dir, name), kind });
  }
  if (names.includes(INDEX_FILE)) readIndex(path.join(dir, INDEX_FILE), byUrl, options.maxFileBytes, problems);
  for (const [key, loc] of byKey)
    if (!inside(loc.file)) {
      byKey.delete(key);
      problems.push({
        file: loc.file,
        line: 1,
        message: 'saved copy outside the workspace (a symbolic link?), not read',
      });
    }
  for (const [key, loc] of byUrl)
    if (!inside(loc.file)) {
      byUrl.delete(key);
      problems.push({ file: loc.file, line: 1, message: 'saved copy outside the workspace, not read' });
    }
  if (options.bibliography) addAttachments(options.bibliography, byKey, byUrl, inside, problems);
  return { byKey, byUrl, dir };
}

/**
 * `index.json` as `sources fetch` writes it: `{ "sources": [{ "url", "finalUrl", "file", … }] }`, files relative to it.
 */
function readIndex(
  file: string,
  byUrl: Map<string, CopyLocation>,
  maxBytes: number | undefined,
  problems: Problem[],
): void {
  let data: unknown;
  try {
    data = JSON.parse(readRegularTextFile(file, maxBytes ?? DEFAULT_MAX_FILE_BYTES));
  } catch (e) {
    problems.push({
      file,
      line: 1,
      message: `${e instanceof SyntaxError ? `not valid JSON (${jsonErrorMessage(e)})` : (e as Error).message}, ignored`,
    });
    return;
  }
  const sources = (data as { sources?: unknown } | null)?.sources;
  if (!Array.isArray(sources)) {
    problems.push({ file, line: 1, message: 'expected { "sources": [ … ] }, ignored' });
    return;
  }
  for (const s of sources as Array<Record<string, unknown>>) {
    if (!s || typeof s.file !== 'string' || s.file === '') continue;
    const saved = path.resolve(path.dirname(file), s.file);
    const kind = copyKind(saved, typeof s.contentType === 'string' ? s.contentType : undefined);
    if (!kind) continue;
    for (const url of [s.url, s.finalUrl]) {
      const key = typeof url === 'string' ? urlKey(url) : undefined;
      if (key && !byUrl.has(key)) byUrl.set(key, { file: saved, kind });
    }
  }
}

/**
 * Each entry's best attachment (a PDF before a snapshot), under its key and its URL or DOI, where nothing else is
 * saved.
 */
function addAttachments(
  bibliography: Bibliography,
  byKey: Map<string, CopyLocation>,
  byUrl: Map<string, CopyLocation>,
  inside: (file: string) => boolean,
  problems: Problem[],
): void {
  const skipped = new Map<string, { line: number; outside: string[]; missing: string[] }>();
  for (const entry of bibliography.entries.values()) {
    const urls = [entry.url, entry.doi && `https://doi.org/${entry.doi}`]
      .map((u) => (u ? urlKey(u) : undefined))
      .filter((k): k is string => !!k);
    const saved = byKey.get(entry.key) ?? urls.map((u) => byUrl.get(u)).find((l) => l);
    let best = saved;
    if (!best && entry.attachments) {
      const candidates = parseFileField(entry.attachments)
        .map((a) => ({ file: path.resolve(path.dirname(entry.file), a.path), kind: copyKind(a.path, a.mime) }))
        .filter((c): c is CopyLocation => c.kind !== undefined)
        .sort((a, b) => rank(a.file) - rank(b.file));
      best = candidates.find((c) => inside(c.file) && fs.existsSync(c.file));
      if (!best && candidates.length > 0) {
        const note = skipped.get(entry.file) ?? { line: entry.line, outside: [], missing: [] };
        for (const c of candidates) (inside(c.file) ? note.missing : note.outside).push(c.file);
        skipped.set(entry.file, note);
      }
    }
    if (!best) continue;
    if (!byKey.has(entry.key)) byKey.set(entry.key, best);
    for (const u of urls) if (!byUrl.has(u)) byUrl.set(u, best);
  }
  // One line per bibliography, not one per entry: a whole Zotero library can point outside the workspace.
  for (const [file, { line, outside, missing }] of skipped) {
    if (outside.length > 0)
      problems.push({
        file,
        line,
        message: `${outside.length} attachment${outside.length > 1 ? 's' : ''} outside the workspace, not read (first: ${outside[0]})`,
      });
    if (missing.length > 0)
      problems.push({
        file,
        line,
        message: `${missing.length} attachment${missing.length > 1 ? 's' : ''} not found (first: ${missing[0]})`,
      });
  }
}
