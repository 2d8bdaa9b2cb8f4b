/**
 * Extracted texts on disk, keyed by the copy's content hash (and the extractor's version), so a PDF is read once per
 * machine, not once per run or keystroke. Kept in the user's cache folder, never in the sources folder: copies are
 * the user's documents. Failures to read or write the cache only cost a new extraction.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CopyKind } from './locate.js';

/** Bump when extraction changes what it produces: older entries are then ignored. */
export const EXTRACTOR_VERSION = 1;

/**
 * `SOURCELINT_CACHE_DIR`, else the platform's cache folder (`$XDG_CACHE_HOME` or `~/.cache` on Linux,
 * `~/Library/Caches` on macOS, `%LOCALAPPDATA%` on Windows), then `sourcelint/sources`.
 */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.SOURCELINT_CACHE_DIR) return path.resolve(env.SOURCELINT_CACHE_DIR);
  const home = os.homedir();
  const base =
    process.platform === 'win32'
      ? (env.LOCALAPPDATA ?? path.join(home, 'AppData', 'Local'))
      : process.platform === 'darwin'
        ? path.join(home, 'Library', 'Caches')
        : env.XDG_CACHE_HOME || path.join(home, '.cache');
  return path.join(base, 'sourcelint', 'sources');
}

export class TextCache {
  /** `dir` undefined: no disk cache. */
  constructor(readonly dir: string | undefined) {}

  private fileFor(sha256: string, kind: CopyKind): string | undefined {
    return this.dir && path.join(this.dir, `${sha256}-${kind}-v${EXTRACTOR_VERSION}.json`);
  }

  get(sha256: string, kind: CopyKind): string[] | undefined {
    const file = this.fileFor(sha256, kind);
    if (!file) return undefined;
    try {
      const pages = (JSON.parse(fs.readFileSync(file, 'utf8')) as { pages?: unknown }).pages;
      return Array.isArray(pages) && pages.every((p) => typeof p === 'string') ? pages : undefined;
    } catch {
      return undefined;
    }
  }

  set(sha256: string, kind: CopyKind, pages: readonly string[]): void {
    const file = this.fileFor(sha256, kind);
    if (!file) return;
    try {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      // Written aside and renamed: a process reading at the same time sees the whole entry or none.
      const temp = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(temp, JSON.stringify({ pages }));
      fs.renameSync(temp, file);
    } catch {
      // A read-only or full disk: extraction will simply run again next time.
    }
  }
}
