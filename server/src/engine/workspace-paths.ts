/**
 * Paths that configuration and front matter name (bibliographies) come from documents anyone can write: they must
 * stay inside the folders the user is working in, or a draft could make the linter read `../../secret.json`.
 */
import fs from 'node:fs';
import path from 'node:path';

function realOrResolved(p: string): string {
  try {
    return fs.realpathSync.native(p);
  } catch {
    return path.resolve(p);
  }
}

/** Whether `file`, symbolic links resolved, lies inside one of `roots`. */
export function insideRoots(file: string, roots: readonly string[]): boolean {
  const real = realOrResolved(file);
  return roots.some((root) => {
    const rel = path.relative(realOrResolved(root), real);
    return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
  });
}
