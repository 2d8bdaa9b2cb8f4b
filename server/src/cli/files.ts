/** Which files a run lints: paths, directories (recursively) and globs, minus .sourcelintignore and `ignore` globs. */
import fs from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import ignore, { type Ignore } from 'ignore';

export const MARKDOWN_EXTENSIONS = /\.(md|markdown|mdx)$/i;
const SKIPPED_DIRS = new Set(['node_modules', '.git', '.hg', '.svn']);

export interface Discovery {
  files: string[];
  /** One-line messages for patterns that matched nothing or paths that do not exist. */
  errors: string[];
}

const isGlob = (p: string): boolean => /[*?[\]{}]/.test(p);

function walk(dir: string, out: string[], accept: (file: string) => boolean): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIPPED_DIRS.has(e.name) && !e.name.startsWith('.')) walk(full, out, accept);
    } else if ((e.isFile() || e.isSymbolicLink()) && accept(full)) {
      out.push(full);
    }
  }
}

function loadIgnoreFile(cwd: string): Ignore | undefined {
  const file = path.join(cwd, '.sourcelintignore');
  if (!fs.existsSync(file)) return undefined;
  return ignore().add(fs.readFileSync(file, 'utf8'));
}

export function discoverFiles(patterns: readonly string[], cwd: string): Discovery {
  const ignored = loadIgnoreFile(cwd);
  const isIgnored = (file: string): boolean => {
    const rel = path.relative(cwd, file);
    return !!ignored && !rel.startsWith('..') && !path.isAbsolute(rel) && rel !== '' && ignored.ignores(rel.split(path.sep).join('/'));
  };
  const found = new Set<string>();
  const errors: string[] = [];
  for (const pattern of patterns) {
    const before = found.size;
    const abs = path.resolve(cwd, pattern);
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(abs);
    } catch {
      stat = undefined;
    }
    if (stat?.isDirectory()) {
      const files: string[] = [];
      walk(abs, files, (f) => MARKDOWN_EXTENSIONS.test(f) && !isIgnored(f));
      files.forEach((f) => found.add(f));
    } else if (stat) {
      // A file named explicitly is linted whatever its extension, unless ignored.
      if (!isIgnored(abs)) found.add(abs);
      continue;
    } else if (isGlob(pattern)) {
      const { base, glob } = picomatch.scan(pattern.split(path.sep).join('/'));
      const root = path.resolve(cwd, base || '.');
      const matches = picomatch(glob || '**', { dot: false });
      const files: string[] = [];
      walk(root, files, (f) => MARKDOWN_EXTENSIONS.test(f) && matches(path.relative(root, f).split(path.sep).join('/')) && !isIgnored(f));
      files.forEach((f) => found.add(f));
    } else {
      errors.push(`${pattern}: no such file or directory`);
      continue;
    }
    if (found.size === before && stat === undefined) errors.push(`${pattern}: no Markdown files match`);
  }
  return { files: [...found], errors };
}

/** Whether a configuration's `ignore` globs exclude `file`. */
export function ignoredByConfig(file: string, base: string, patterns: readonly string[]): boolean {
  if (patterns.length === 0) return false;
  const rel = path.relative(base, file).split(path.sep).join('/');
  return !rel.startsWith('..') && picomatch(patterns as string[], { dot: true })(rel);
}
