/**
 * Which files a run lints: paths, directories (recursively) and globs, minus `!pattern`s, .sourcelintignore (or
 * `--ignore-path`) and the configuration's `ignores` globs.
 */
import fs from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import ignore, { type Ignore } from 'ignore';

/** Markdown, MDX, Quarto and R Markdown. */
export const MARKDOWN_EXTENSIONS = /\.(md|markdown|mdx|qmd|rmd)$/i;
const SKIPPED_DIRS = new Set(['node_modules', '.git', '.hg', '.svn']);

export interface Discovery {
  files: string[];
  /** One-line messages for patterns that matched nothing or paths that do not exist. */
  errors: string[];
}

const isGlob = (p: string): boolean => /[*?[\]{}]/.test(p);

function walk(dir: string, out: string[], accept: (file: string) => boolean, errors: string[]): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    // A folder that cannot be listed may hold drafts: say so, and fail the run, rather than pass without them.
    const code = (e as NodeJS.ErrnoException).code;
    errors.push(
      `${dir}: cannot read folder (${code === 'EACCES' ? 'permission denied' : (code ?? (e as Error).message)})`,
    );
    return;
  }
  for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIPPED_DIRS.has(e.name) && !e.name.startsWith('.')) walk(full, out, accept, errors);
    } else if ((e.isFile() || e.isSymbolicLink()) && accept(full)) {
      out.push(full);
    }
  }
}

/** `.gitignore`-style patterns, relative to the folder of the file they come from. */
function loadIgnoreFile(file: string): { base: string; rules: Ignore } | undefined {
  if (!fs.existsSync(file)) return undefined;
  return { base: path.dirname(file), rules: ignore().add(fs.readFileSync(file, 'utf8')) };
}

const toPosix = (p: string): string => p.split(path.sep).join('/');

/** `ignorePath` (from `--ignore-path`) replaces `.sourcelintignore` in `cwd`; it must exist. */
export function discoverFiles(patterns: readonly string[], cwd: string, ignorePath?: string): Discovery {
  if (ignorePath !== undefined && !fs.existsSync(path.resolve(cwd, ignorePath))) {
    return { files: [], errors: [`${ignorePath}: ignore file not found`] };
  }
  const ignored = loadIgnoreFile(path.resolve(cwd, ignorePath ?? '.sourcelintignore'));
  // `!drafts/**` (or `!drafts`, a folder) leaves out what it matches, relative to the working directory.
  const negations = patterns.filter((p) => p.startsWith('!')).map((p) => toPosix(p.slice(1)).replace(/\/+$/, ''));
  const negated =
    negations.length > 0 ? picomatch([...negations, ...negations.map((n) => `${n}/**`)], { dot: true }) : undefined;
  const isIgnored = (file: string): boolean => {
    const rel = path.relative(ignored?.base ?? cwd, file);
    if (ignored && !rel.startsWith('..') && !path.isAbsolute(rel) && rel !== '' && ignored.rules.ignores(toPosix(rel)))
      return true;
    return !!negated && negated(toPosix(path.relative(cwd, file)));
  };
  const found = new Set<string>();
  const errors: string[] = [];
  for (const pattern of patterns) {
    if (pattern.startsWith('!')) continue;
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
      walk(abs, files, (f) => MARKDOWN_EXTENSIONS.test(f) && !isIgnored(f), errors);
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
      walk(
        root,
        files,
        (f) =>
          MARKDOWN_EXTENSIONS.test(f) && matches(path.relative(root, f).split(path.sep).join('/')) && !isIgnored(f),
        errors,
      );
      files.forEach((f) => found.add(f));
    } else {
      errors.push(`${pattern}: no such file or directory`);
      continue;
    }
    if (found.size === before && stat === undefined) errors.push(`${pattern}: no Markdown files match`);
  }
  return { files: [...found], errors };
}

/**
 * Whether configuration `ignores` exclude `file`: each layer's patterns (`.gitignore` syntax, `!` re-includes) are
 * relative to its base; the nearest layer with an opinion on the file decides.
 */
export function ignoredByConfig(
  file: string,
  ignores: ReadonlyArray<{ base: string; patterns: readonly string[] }>,
): boolean {
  let ignoredNow = false;
  for (const { base, patterns } of ignores) {
    const rel = path.relative(base, file);
    if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) continue;
    const verdict = ignore()
      .add(patterns as string[])
      .test(toPosix(rel));
    if (verdict.ignored) ignoredNow = true;
    else if (verdict.unignored) ignoredNow = false;
  }
  return ignoredNow;
}
