/**
 * Saved source copies for the CLI's lints: prepared once per folder, sources folder and bibliography (every draft of a
 * folder shares them), their problems given once per thread (and printed once per run: see main.ts).
 */
import path from 'node:path';
import { prepareSourceCopies, type LintResult, type PreparedCopies } from '../engine/index.js';

export class CopyPreparer {
  private readonly prepared = new Map<string, Promise<PreparedCopies>>();
  private readonly reported = new Set<string>();

  constructor(
    private readonly cacheDir: string | undefined,
    private readonly maxFileBytes: number | undefined,
  ) {}

  /**
   * The copies for a document, from a first lint of it (its configuration and bibliography); problems not yet printed.
   */
  async for(
    result: LintResult,
    filePath: string,
    roots: readonly string[],
  ): Promise<{ prepared: PreparedCopies; problems: string[] }> {
    const sourcesDir = result.config.sourcesDir;
    const key = JSON.stringify([sourcesDir ?? path.dirname(filePath), result.bibliographyFiles, roots]);
    let pending = this.prepared.get(key);
    if (!pending) {
      pending = prepareSourceCopies({
        filePath,
        sourcesDir,
        bibliography: result.bibliography,
        roots,
        maxFileBytes: this.maxFileBytes,
        cacheDir: this.cacheDir,
      });
      this.prepared.set(key, pending);
    }
    const prepared = await pending;
    const problems = prepared.problems
      .map((p) => `${p.file}:${p.line}: ${p.message}`)
      .filter((p) => !this.reported.has(p));
    for (const p of problems) this.reported.add(p);
    return { prepared, problems };
  }
}
