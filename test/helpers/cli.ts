/** Spawns the real `sourcelint` binary (server/bin/sourcelint.js) and makes throw-away folders for it to lint. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** test/out/helpers/cli.js → server/bin/sourcelint.js */
export const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../server/bin/sourcelint.js');

export interface Run {
  /** Exit code; null when the process was killed (e.g. by the timeout). */
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Wall-clock milliseconds, spawn to exit. */
  ms: number;
}

export interface RunOptions {
  cwd?: string;
  input?: string | Buffer;
  timeoutMs?: number;
  /** Added to (or, when undefined, removed from) the inherited environment. */
  env?: Record<string, string | undefined>;
}

/** The environment the CLI runs in: the test's own, minus anything that forces or suppresses colour. */
function environment(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.NO_COLOR;
  delete env.FORCE_COLOR;
  delete env.NODE_TEST_CONTEXT;
  for (const [k, v] of Object.entries(extra)) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return env;
}

/** Runs `sourcelint ...args` to completion. stdout is a pipe, never a TTY. */
export function sourcelint(args: readonly string[], options: RunOptions = {}): Run {
  const started = performance.now();
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd,
    input: options.input ?? '',
    encoding: 'utf8',
    timeout: options.timeoutMs ?? 60_000,
    killSignal: 'SIGKILL',
    maxBuffer: 1 << 28,
    env: environment(options.env),
  });
  if (r.error && (r.error as NodeJS.ErrnoException).code !== 'ETIMEDOUT') throw r.error;
  return {
    status: r.status,
    signal: r.signal,
    stdout: r.stdout ?? '',
    stderr: r.stderr ?? '',
    ms: performance.now() - started,
  };
}

/** A fresh folder under os.tmpdir() holding `files` (relative path → content). Call `cleanup` in a finally. */
export function tempDir(files: Record<string, string | Buffer> = {}): { dir: string; cleanup: () => void } {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'sourcelint-cli-')));
  for (const [name, content] of Object.entries(files)) {
    const full = path.join(dir, name);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, content);
  }
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export interface JsonMessage {
  ruleId: string;
  severity: 1 | 2;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  suggestions?: Array<{ desc: string; fix: { range: [number, number]; text: string } }>;
}

export interface JsonResult {
  filePath: string;
  messages: JsonMessage[];
  errorCount: number;
  warningCount: number;
}

/** Parses `--format json` output, failing with the raw text when it is not JSON. */
export function parseJson(stdout: string): JsonResult[] {
  try {
    return JSON.parse(stdout) as JsonResult[];
  } catch {
    throw new Error(`stdout is not JSON: ${JSON.stringify(stdout.slice(0, 500))}`);
  }
}

/** stderr split into non-empty lines. */
export const stderrLines = (stderr: string): string[] => stderr.split(/\r?\n/).filter((l) => l.trim() !== '');

/** Messages of one rule, as [line, column, endColumn]. */
export const positions = (r: JsonResult, ruleId: string): Array<[number, number, number]> =>
  r.messages.filter((m) => m.ruleId === ruleId).map((m) => [m.line, m.column, m.endColumn]);
