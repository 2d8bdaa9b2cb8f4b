/**
 * `--cache`: results of files whose content, configuration and bibliographies are unchanged since the last run are
 * reused instead of linted again. Content is compared by hash, not modification time, because CI checkouts give every
 * file a new mtime. One JSON file (ESLint's `--cache-location` semantics: a file, or a directory to put it in).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError, readRegularFile, type ConfigLoader } from '../engine/index.js';
import type { FileResult } from './lint-file.js';

const FORMAT = 1;

interface Entry {
  /** Hash of the file's bytes. */
  content: string;
  /** Hash of the configuration layers that applied. */
  config: string;
  /** Bibliography files the lint read, with the hash of each (`missing` when it could not be read). */
  bibliographies: Array<[string, string]>;
  result: FileResult;
}

interface CacheFile {
  format: number;
  /** Hash of the version and the options that change results (rule overrides, --quiet, claims or lint). */
  run: string;
  entries: Record<string, Entry>;
}

const hash = (data: string | Buffer): string => crypto.createHash('sha1').update(data).digest('base64url');

function listingHash(dir: string): string {
  try {
    return hash(fs.readdirSync(dir).sort().join('\n'));
  } catch {
    return 'missing';
  }
}

/**
 * Where the cache lives: ESLint's rule, a directory (existing, or named with a trailing slash) holds a file per working
 * directory.
 */
export function cacheFile(location: string | undefined, cwd: string): string {
  const target = path.resolve(cwd, location ?? '.sourcelintcache');
  const isDir = /[/\\]$/.test(location ?? '') || (fs.existsSync(target) && fs.statSync(target).isDirectory());
  return isDir ? path.join(target, `.sourcelintcache_${hash(cwd).slice(0, 10)}`) : target;
}

export class ResultCache {
  private entries: Record<string, Entry> = {};
  private readonly contentHashes = new Map<string, string>();
  private readonly bibliographyHashes = new Map<string, string>();
  private readonly configHashes = new Map<string, string>();

  /** `run` names everything outside the files that changes results: the version and the command-line options. */
  constructor(
    readonly file: string,
    private readonly run: string,
    private readonly loader: ConfigLoader,
  ) {
    try {
      const data = JSON.parse(fs.readFileSync(file, 'utf8')) as CacheFile;
      // Another version or other options: start afresh, as a corrupt or missing cache does.
      if (data.format === FORMAT && data.run === hash(run) && data.entries && typeof data.entries === 'object')
        this.entries = data.entries;
    } catch {
      this.entries = {};
    }
  }

  private bibliographyHash(file: string): string {
    let h = this.bibliographyHashes.get(file);
    if (h === undefined) {
      try {
        h = hash(readRegularFile(file));
      } catch (e) {
        // A sources folder: a copy added to it (named by a citation key) changes the result.
        h = (e as { code?: string }).code === 'EISDIR' ? listingHash(file) : 'missing';
      }
      this.bibliographyHashes.set(file, h);
    }
    return h;
  }

  private configHash(file: string): string | undefined {
    const dir = path.dirname(file);
    let h = this.configHashes.get(dir);
    if (h === undefined) {
      try {
        h = hash(JSON.stringify(this.loader.layersFor(dir)));
      } catch (e) {
        // A broken configuration is reported by the lint itself; never served from the cache.
        if (e instanceof ConfigError) return undefined;
        throw e;
      }
      this.configHashes.set(dir, h);
    }
    return h;
  }

  /**
   * The cached result of `file` if nothing it depends on changed, else undefined (and the file's hash is kept for
   * `store`).
   */
  lookup(file: string): FileResult | undefined {
    let bytes: Buffer;
    try {
      // Only a regular file of bounded size: a FIFO named like a draft must not hang the run (lintFile reports it).
      bytes = readRegularFile(file);
    } catch {
      return undefined;
    }
    const content = hash(bytes);
    this.contentHashes.set(file, content);
    const entry = this.entries[file];
    if (!entry || entry.content !== content || entry.config !== this.configHash(file)) return undefined;
    if (entry.bibliographies.some(([bib, h]) => this.bibliographyHash(bib) !== h)) return undefined;
    return entry.result;
  }

  /** Remembers a fresh result. Files that could not be read or configured are not cached: they are retried. */
  store(result: FileResult): void {
    const content = this.contentHashes.get(result.filePath);
    const config = this.configHash(result.filePath);
    if (result.error || content === undefined || config === undefined) {
      delete this.entries[result.filePath];
      return;
    }
    const bibliographies = (result.bibliographies ?? []).map((b): [string, string] => [b, this.bibliographyHash(b)]);
    this.entries[result.filePath] = {
      content,
      config,
      bibliographies,
      result: { ...result, bibliographies: undefined },
    };
  }

  /** Writes the cache, dropping files that no longer exist. Entries of files outside this run (other shards) stay. */
  save(): void {
    for (const file of Object.keys(this.entries))
      if (!this.contentHashes.has(file) && !fs.existsSync(file)) delete this.entries[file];
    const data: CacheFile = { format: FORMAT, run: hash(this.run), entries: this.entries };
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(data));
    fs.renameSync(tmp, this.file);
  }
}

/**
 * `--shard i/n`: the files of shard `index` (1-based) of `count`. A file's shard depends only on its path relative to
 * the working directory, so it stays in the same shard as the archive grows, and each shard's cache stays warm.
 */
export function shardFiles(files: readonly string[], index: number, count: number, cwd: string): string[] {
  return files.filter((f) => fnv1a(path.relative(cwd, f).split(path.sep).join('/')) % count === index - 1);
}

/** FNV-1a, 32 bits: a fast, stable hash that spreads paths evenly. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
