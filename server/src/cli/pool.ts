/**
 * Lints many files on all cores: the main thread lints too, beside `threads - 1` worker threads (it has loaded the
 * engine already, and starts at once while the workers load theirs). Results keep the order of `files` whichever
 * thread linted them. Each thread warms its own JIT, so two threads cost more CPU than one: worth it only on cores no
 * other process uses (figures in ARCHITECTURE.md, *Speed*).
 */
import os from 'node:os';
import fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import { ConfigLoader } from '../engine/index.js';
import { lintFile, type FileResult, type LintFileOptions } from './lint-file.js';
import { CopyPreparer } from './copies.js';
import type { Concurrency } from './args.js';

/** Below this, `auto` lints on the main thread alone: a worker would spend most of the run warming up. */
const PARALLEL_MIN_BYTES = 1024 * 1024;
/** Files a worker holds at once: it starts the next as soon as it has answered one. */
const WORKER_QUEUE = 2;
/**
 * The young generation of a lint thread, in MB. Parsing allocates short-lived objects fast: with V8's default (16 MB
 * semi-spaces) scavenges took about a sixth of a CLI run over long Markdown documents, and 192 MB cut the CPU time by
 * 12–16% on the varied-Markdown corpus of `npm run bench` (nothing measurable on short news articles). Only a worker's
 * heap can be sized from inside the process, so a large run lints in a worker even when it lints on one thread.
 */
const YOUNG_GENERATION_MB = 192;

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

export interface Machine {
  cores: number;
  /** Runnable processes, averaged over the last minute (0 where the system does not say, e.g. Windows). */
  load: number;
}

const thisMachine = (): Machine => ({ cores: os.availableParallelism(), load: os.loadavg()[0] });

/**
 * How many threads lint `files`, the main thread included; 1 means the main thread alone. `auto` uses the cores that
 * other processes leave idle (as `make --load-average` does): on a busy machine more threads only add CPU time. One
 * idle core is left to V8's garbage collector, whose helper threads already keep it busy: on two idle cores, two
 * threads took 1.08× the wall time and 1.25× the CPU of one (ARCHITECTURE.md, *Speed*). `bytes`: the files' total
 * size, read only when needed.
 */
export function threadCount(
  concurrency: Concurrency,
  files: readonly string[],
  machine = thisMachine(),
  bytes = (): number => totalSize(files),
): number {
  if (concurrency === 'off') return 1;
  if (concurrency !== 'auto') return Math.max(1, Math.min(concurrency, files.length));
  const idle = Math.ceil(machine.cores - machine.load);
  const threads = Math.min(idle - 1, files.length);
  return threads < 2 || bytes() < PARALLEL_MIN_BYTES ? 1 : threads;
}

/** Lets the event loop deliver the workers' answers between two files linted on the main thread. */
const yieldToWorkers = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export async function lintFiles(
  files: readonly string[],
  configFile: string | undefined,
  options: LintFileOptions,
  onProgress: (done: number, total: number) => void,
  concurrency: Concurrency = 'auto',
): Promise<FileResult[]> {
  const results: FileResult[] = new Array(files.length);
  let next = 0;
  let done = 0;
  const finish = (index: number, result: FileResult): void => {
    results[index] = result;
    onProgress(++done, files.length);
  };
  const workerData = {
    configFile,
    rules: [...options.ruleOverrides],
    quiet: options.quiet,
    withClaims: options.withClaims,
    fix: options.fix,
    maxFileBytes: options.maxFileBytes,
    sourcesCache: options.sourcesCache,
  };
  // The files' size is read once, and only when `auto` needs it.
  let size: number | undefined;
  const bytes = (): number => (size ??= totalSize(files));
  const threads = threadCount(concurrency, files, thisMachine(), bytes);
  const mainLints = threads > 1 || concurrency !== 'auto' || bytes() < PARALLEL_MIN_BYTES;
  const workers = Array.from({ length: mainLints ? threads - 1 : 1 }, () => {
    const worker = new Worker(new URL('./worker.js', import.meta.url), {
      workerData,
      resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
    });
    return new Promise<void>((resolve, reject) => {
      let pending = 0;
      const feed = (): void => {
        while (pending < WORKER_QUEUE && next < files.length) {
          const index = next++;
          pending++;
          worker.postMessage({ index, file: files[index] });
        }
        if (pending === 0) void worker.terminate().then(() => resolve());
      };
      worker.on('message', (msg: { index: number; result: FileResult }) => {
        pending--;
        finish(msg.index, msg.result);
        feed();
      });
      worker.on('error', reject);
      feed();
    });
  });
  const onMainThread = async (): Promise<void> => {
    const loader = new ConfigLoader(configFile);
    const copies = new CopyPreparer(options.sourcesCache, options.maxFileBytes);
    while (next < files.length) {
      const index = next++;
      finish(index, await lintFile(files[index], loader, options, copies));
      if (workers.length > 0) await yieldToWorkers();
    }
  };
  await Promise.all(mainLints ? [onMainThread(), ...workers] : workers);
  return results;
}
