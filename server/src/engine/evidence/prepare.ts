/**
 * Preparing a document's saved source copies (issue #10): locate them (`locate.ts`), read each once (by modification
 * time in memory, by content hash on disk: `text-cache.ts`), extract its text (`extract.ts`). Asynchronous and slow
 * the first time, so the adapters call it off the keystroke path and hand the result to `lint` as
 * `LintOptions.sourceCopies`. Never throws: a copy that cannot be read is one problem naming the file.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Bibliography } from '../bibliography.js';
import type { Problem } from '../types.js';
import { DEFAULT_MAX_FILE_BYTES, FileReadError, readRegularFile } from '../read-file.js';
import { NO_SOURCE_COPIES, type SourceCopies, type SourceText } from './copies.js';
import { INDEX_FILE, locateCopies, type CopyKind, type CopyLocation } from './locate.js';
import { ExtractionError, extractText } from './extract.js';
import { TextCache, defaultCacheDir } from './text-cache.js';
import { urlKey } from './urls.js';

export interface PrepareOptions {
  /** Absolute path of the document. */
  filePath: string;
  /** The configured `sources.dir` (ResolvedConfig.sourcesDir); default `sources` next to the document. */
  sourcesDir?: string;
  /** The document's bibliography (its entries' `file` attachments). */
  bibliography?: Bibliography;
  /** Folders copies must lie in; undefined: anywhere. */
  roots?: readonly string[];
  /** Copies larger than this are not read (default: DEFAULT_MAX_FILE_BYTES). */
  maxFileBytes?: number;
  /** Where extracted texts are cached; false: nowhere; default `defaultCacheDir()`. */
  cacheDir?: string | false;
}

export interface PreparedCopies {
  copies: SourceCopies;
  /** How many distinct copies were read. */
  count: number;
  /** Copies that could not be read, an unreadable index, attachments outside the workspace: one line each. */
  problems: Problem[];
  /** The sources folder (absolute), existing or not. */
  dir: string;
  /** The files the copies came from (and the index): what an editor watches. */
  inputs: string[];
  /**
   * Work done: texts extracted, and texts found in the disk cache instead (unchanged files known in memory are
   * neither).
   */
  extracted: number;
  fromDisk: number;
}

type Work = Pick<PreparedCopies, 'extracted' | 'fromDisk'>;

type Read = { text: SourceText } | { error: string };
/**
 * In memory, by file: re-preparing (another document of the folder, a configuration change) reads nothing unchanged.
 */
const memo = new Map<string, { mtimeMs: number; size: number; kind: CopyKind; read: Read }>();

async function readCopy(loc: CopyLocation, maxBytes: number, cache: TextCache, work: Work): Promise<Read> {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(loc.file);
  } catch {
    return { error: 'no such file' };
  }
  const known = memo.get(loc.file);
  if (known && known.mtimeMs === stat.mtimeMs && known.size === stat.size && known.kind === loc.kind) return known.read;
  let read: Read;
  try {
    const bytes = readRegularFile(loc.file, maxBytes);
    const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
    let pages = cache.get(sha256, loc.kind);
    if (pages) work.fromDisk++;
    else {
      pages = await extractText(bytes, loc.kind);
      work.extracted++;
      cache.set(sha256, loc.kind, pages);
    }
    read = pages.some((p) => p !== '')
      ? { text: { file: loc.file, pages } }
      : { error: loc.kind === 'pdf' ? 'no text in this PDF (a scan without a text layer?)' : 'no text' };
  } catch (e) {
    read = {
      error:
        e instanceof FileReadError || e instanceof ExtractionError
          ? e.message
          : `cannot extract its text (${(e as Error).message})`,
    };
  }
  memo.set(loc.file, { mtimeMs: stat.mtimeMs, size: stat.size, kind: loc.kind, read });
  return read;
}

export async function prepareSourceCopies(options: PrepareOptions): Promise<PreparedCopies> {
  const problems: Problem[] = [];
  const located = locateCopies(
    {
      docDir: path.dirname(options.filePath),
      sourcesDir: options.sourcesDir,
      bibliography: options.bibliography,
      roots: options.roots,
      maxFileBytes: options.maxFileBytes,
    },
    problems,
  );
  const cache = new TextCache(options.cacheDir === false ? undefined : (options.cacheDir ?? defaultCacheDir()));
  const texts = new Map<string, SourceText | undefined>();
  const work: Work = { extracted: 0, fromDisk: 0 };
  for (const loc of [...located.byKey.values(), ...located.byUrl.values()]) {
    if (texts.has(loc.file)) continue;
    const read = await readCopy(loc, options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES, cache, work);
    if ('error' in read) problems.push({ file: loc.file, line: 1, message: `saved copy not used: ${read.error}` });
    texts.set(loc.file, 'text' in read ? read.text : undefined);
  }
  const byKey = new Map<string, SourceText>();
  const byUrl = new Map<string, SourceText>();
  for (const [key, loc] of located.byKey) {
    const text = texts.get(loc.file);
    if (text) byKey.set(key, text);
  }
  for (const [key, loc] of located.byUrl) {
    const text = texts.get(loc.file);
    if (text) byUrl.set(key, text);
  }
  const count = new Set([...byKey.values(), ...byUrl.values()]).size;
  const copies: SourceCopies =
    count === 0
      ? NO_SOURCE_COPIES
      : {
          byKey: (key) => byKey.get(key),
          byUrl: (url) => {
            const k = urlKey(url);
            return k === undefined ? undefined : byUrl.get(k);
          },
        };
  return {
    copies,
    count,
    problems,
    dir: located.dir,
    inputs: [...texts.keys(), path.join(located.dir, INDEX_FILE)],
    ...work,
  };
}
