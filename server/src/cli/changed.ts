/** `--changed-since REF`: which lines of a file git says were added or changed since REF (read-only git calls). */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { UsageError } from './args.js';

/** The changed 1-based line numbers, or 'all' for a file git does not track yet. */
export function changedLines(file: string, ref: string): Set<number> | 'all' {
  const cwd = path.dirname(file);
  const git = (args: string[]): string =>
    execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 28 });
  try {
    // A ref that looks like an option (`--output=…`) would be obeyed by git.
    if (ref.startsWith('-')) throw new Error('not a revision');
    git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]);
  } catch {
    throw new UsageError(`--changed-since: "${ref}" is not a git revision here (${cwd})`);
  }
  try {
    git(['ls-files', '--error-unmatch', '--', path.basename(file)]);
  } catch {
    return 'all';
  }
  const lines = new Set<number>();
  for (const m of git([
    'diff',
    '--unified=0',
    '--no-color',
    '--no-ext-diff',
    '--end-of-options',
    ref,
    '--',
    path.basename(file),
  ]).matchAll(/^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/gm)) {
    const start = Number(m[1]);
    const count = m[2] === undefined ? 1 : Number(m[2]);
    for (let l = start; l < start + count; l++) lines.add(l);
  }
  return lines;
}
