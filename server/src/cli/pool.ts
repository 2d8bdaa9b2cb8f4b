/**
 * Lints many files on all cores with worker threads. Each worker loads the engine and compiles the lexicons again
 * (~250 ms), which measured slower than one thread below several MB on our 2-core machines: with `--concurrency auto`
 * small runs stay on the main thread; a number asks for that many workers whatever the size.
 */
import os from 'node:os';
import fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import { ConfigLoader } from '../engine/index.js';
import { lintFile, type FileResult, type LintFileOptions } from './lint-file.js';
import { CopyPreparer } from './copies.js';
import type { Concurrency } from './args.js';

const PARALLEL_MIN_BYTES = 8 * 1024 * 1024;

function totalSize(files: readonly string[]): number {
  let sum = 0;
  for (const f of files) {
    try {
      sum += fs.statSync(f).size;
    } catch {
      // Unreadable files are reported when linted.
    }
  }
  return sum;
}

/** How many worker threads lint `files`; 0 means the main thread does. */
export function workerCount(
  concurrency: Concurrency,
  files: readonly string[],
  cores = os.availableParallelism(),
): number {
  if (concurrency === 'off') return 0;
  if (concurrency !== 'auto') return Math.min(concurrency, files.length);
  const threads = Math.min(cores, files.length);
  return threads < 2 || totalSize(files) < PARALLEL_MIN_BYTES ? 0 : threads;
}

export async function lintFiles(
  files: readonly string[],
  configFile: string | undefined,
  options: LintFileOptions,
  onProgress: (done: number, total: number) => void,
  concurrency: Concurrency = 'auto',
): Promise<FileResult[]> {
  const threads = workerCount(concurrency, files);
  if (threads === 0) {
    const loader = new ConfigLoader(configFile);
    const copies = new CopyPreparer(options.sourcesCache, options.maxFileBytes);
    const results: FileResult[] = [];
    for (const f of files) {
      results.push(await lintFile(f, loader, options, copies));
      onProgress(results.length, files.length);
    }
    return results;
  }
  const results: FileResult[] = new Array(files.length);
  let next = 0;
  let done = 0;
  const workerData = {
    configFile,
    rules: [...options.ruleOverrides],
    quiet: options.quiet,
    withClaims: options.withClaims,
    fix: options.fix,
    maxFileBytes: options.maxFileBytes,
    sourcesCache: options.sourcesCache,
  };
  await Promise.all(
    Array.from({ length: threads }, () => {
      const worker = new Worker(new URL('./worker.js', import.meta.url), { workerData });
      return new Promise<void>((resolve, reject) => {
        const feed = (): void => {
          if (next >= files.length) {
            void worker.terminate().then(() => resolve());
            return;
          }
          const index = next++;
          worker.postMessage({ index, file: files[index] });
        };
        worker.on('message', (msg: { index: number; result: FileResult }) => {
          results[msg.index] = msg.result;
          onProgress(++done, files.length);
          feed();
        });
        worker.on('error', reject);
        feed();
      });
    }),
  );
  return results;
}
