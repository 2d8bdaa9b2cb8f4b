/**
 * `sourcelint`: the CLI adapter over the engine. Exit codes: 0 clean, 1 findings over the limit, 2 usage/config/read
 * errors.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError, ConfigLoader, DEFAULT_MAX_FILE_BYTES, escapeControls, resolveConfig } from '../engine/index.js';
import { HELP, parseArgs, UsageError, type CliOptions } from './args.js';
import { discoverFiles } from './files.js';
import { lintTextAs, type FileResult } from './lint-file.js';
import { lintFiles } from './pool.js';
import { formatJson } from './formatters/json.js';
import { formatStylish } from './formatters/stylish.js';
import { formatSarif } from './formatters/sarif.js';
import { formatGithub, formatGithubSummary } from './formatters/github.js';
import { formatClaimsCsv, formatClaimsJson } from './formatters/claims.js';
import { formatClaimsMarkdown } from '../shared/checklist.js';
import { formatReport } from './formatters/report.js';
import { formatSourcesCsv, formatSourcesJson, formatSourcesMarkdown } from './formatters/sources.js';
import { changedLines } from './changed.js';
import { writeStarterConfig } from './init.js';
import { ResultCache, cacheFile, shardFiles } from './cache.js';
import { CopyPreparer } from './copies.js';
import { fetchSources } from './fetch.js';

const VERSION = (
  JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

/**
 * One line on stderr. Messages carry text from files (names, bibliography keys): control characters are shown escaped,
 * so nothing a draft contains can start a line of its own (in GitHub Actions, a line starting with "::" is a command).
 */
function stderrLine(message: string): void {
  process.stderr.write(`sourcelint: ${escapeControls(message)}\n`);
}

function fail(message: string): never {
  stderrLine(message);
  process.exit(2);
}

function writeOutputFile(file: string, content: string): void {
  try {
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    fs.writeFileSync(file, content);
  } catch (e) {
    fail(`cannot write ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

/** Where GitHub Actions collects the job summary, when the run prints annotations there. */
const stepSummary = (options: CliOptions): string | undefined =>
  options.command === 'lint' && options.format === 'github' ? process.env.GITHUB_STEP_SUMMARY || undefined : undefined;

function appendStepSummary(file: string, markdown: string): void {
  try {
    fs.appendFileSync(file, markdown);
  } catch (e) {
    process.stderr.write(
      `sourcelint: cannot write the job summary to ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`,
    );
  }
}

function readStdin(): string {
  try {
    const text = fs.readFileSync(0, 'utf8');
    // As for files: a byte-order mark is not part of the text, and would shift every column of line 1.
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch (e) {
    fail(`cannot read standard input: ${(e as Error).message}`);
  }
}

function printConfig(file: string, options: CliOptions): void {
  const abs = path.resolve(file);
  const layers = new ConfigLoader(options.config).layersFor(path.dirname(abs));
  const c = resolveConfig(layers);
  for (const [id, sev] of options.rules) (c.severities as Map<string, string>).set(id, sev);
  const printable = {
    sources: c.sources,
    rules: Object.fromEntries(c.severities),
    terms: { add: [...c.extraLexicons.values()].flatMap((l) => l.entries), allow: [...c.allow] },
    bibliography: c.bibliography,
    citations: { scope: c.scope, attribution: c.attribution, style: c.style },
    ignores: c.ignores,
  };
  process.stdout.write(JSON.stringify(printable, null, 2) + '\n');
}

/** A progress bar on stderr, only on a terminal and only once a run has taken a while. */
function progressReporter(): { update: (done: number, total: number) => void; clear: () => void } {
  const tty = process.stderr.isTTY && !process.env.CI;
  const started = Date.now();
  let shown = false;
  return {
    update(done, total) {
      if (!tty || Date.now() - started < 1000) return;
      shown = true;
      const width = 30;
      const filled = Math.round((done / total) * width);
      process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} files`);
    },
    clear() {
      if (shown) process.stderr.write('\r\u001b[2K');
    },
  };
}

function render(results: FileResult[], options: CliOptions, cwd: string): string {
  const claims = results.flatMap((r) => r.claims ?? []);
  if (options.command === 'sources') {
    if (options.claimsFormat === 'json') return formatSourcesJson(results);
    return options.claimsFormat === 'csv' ? formatSourcesCsv(results, cwd) : formatSourcesMarkdown(results, cwd);
  }
  if (options.command === 'claims') {
    if (options.claimsFormat === 'json') return formatClaimsJson(claims);
    return options.claimsFormat === 'csv' ? formatClaimsCsv(claims, cwd) : formatClaimsMarkdown(claims, cwd);
  }
  switch (options.format) {
    case 'json':
      return formatJson(results);
    case 'sarif':
      return formatSarif(results, cwd, VERSION);
    case 'github':
      return formatGithub(results, cwd);
    case 'stylish':
      return formatStylish(results, useColor(options), cwd);
  }
}

/**
 * `--color`/`--no-color`, then FORCE_COLOR (as Node and chalk read it), then NO_COLOR, then whether stdout is a
 * terminal.
 */
function useColor(options: CliOptions): boolean {
  if (options.color !== undefined) return options.color;
  const force = process.env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  if (process.env.NO_COLOR) return false;
  return !options.outputFile && !!process.stdout.isTTY;
}

/** Keeps only what touches lines added or changed since the ref: what a pull request's reviewer wants to see. */
function keepChanged(r: FileResult, ref: string): void {
  const changed = changedLines(r.filePath, ref);
  if (changed === 'all') return;
  const touches = (from: number, to: number): boolean => {
    for (let l = from; l <= to; l++) if (changed.has(l)) return true;
    return false;
  };
  r.messages = r.messages.filter((m) => touches(m.line, m.endLine));
  if (r.claims) r.claims = r.claims.filter((c) => touches(c.line, c.endLine));
}

async function main(argv: string[]): Promise<number> {
  const options = parseArgs(argv);
  if (options.help) {
    process.stdout.write(HELP + '\n');
    return 0;
  }
  if (options.version) {
    process.stdout.write(VERSION + '\n');
    return 0;
  }
  if (options.config && !fs.existsSync(options.config))
    throw new UsageError(`${options.config}: configuration file not found`);
  const config = options.config && path.resolve(options.config);
  if (options.printConfig) {
    printConfig(options.printConfig, options);
    return 0;
  }
  const cwd = process.cwd();
  if (options.init) {
    stderrLine(`wrote ${writeStarterConfig(cwd)}`);
    return 0;
  }
  if (options.command === 'fetch') {
    const found = discoverFiles(options.patterns, cwd, options.ignorePath);
    for (const e of found.errors) stderrLine(e);
    const fetchOptions = {
      outDir: options.out,
      timeoutMs: options.timeoutMs ?? 30_000,
      maxBytes: options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES,
      maxRedirects: 5,
      userAgent: `Sourcelint/${VERSION} (saving cited sources for fact-checking; +https://github.com/sourcelint/sourcelint)`,
      parallel: 4,
    };
    const code = await fetchSources(found.files, new ConfigLoader(config), fetchOptions, options.maxFileBytes, cwd);
    return found.errors.length > 0 ? 2 : code;
  }
  const sourcesCache = options.sourcesCache && path.resolve(options.sourcesCache);
  const lintOptions = {
    ruleOverrides: options.rules,
    quiet: options.quiet,
    withClaims: options.command !== 'lint' || stepSummary(options) !== undefined,
    fix: options.fix,
    maxFileBytes: options.maxFileBytes,
    sourcesCache,
  };
  let results: FileResult[];
  let failed = false;
  if (options.stdin) {
    const name = path.resolve(options.stdinFilename ?? '<stdin>');
    results = [
      await lintTextAs(
        readStdin(),
        name,
        new ConfigLoader(config),
        lintOptions,
        new CopyPreparer(sourcesCache, options.maxFileBytes),
      ),
    ];
  } else {
    const found = discoverFiles(options.patterns, cwd, options.ignorePath);
    for (const e of found.errors) stderrLine(e);
    failed = found.errors.length > 0;
    const files = options.shard ? shardFiles(found.files, options.shard.index, options.shard.count, cwd) : found.files;
    const runKey = JSON.stringify([
      VERSION,
      [...options.rules],
      options.quiet,
      lintOptions.withClaims,
      options.fix && [options.fix.write, [...options.fix.types]],
    ]);
    const cache = options.cache
      ? new ResultCache(cacheFile(options.cacheLocation, cwd), runKey, new ConfigLoader(config))
      : undefined;
    const cached = files.map((f) => cache?.lookup(f));
    const progress = progressReporter();
    const fresh = await lintFiles(
      files.filter((_, i) => !cached[i]),
      config,
      lintOptions,
      progress.update,
      options.concurrency,
    );
    progress.clear();
    if (cache) {
      for (const r of fresh) cache.store(r);
      try {
        cache.save();
      } catch (e) {
        stderrLine(
          `${cache.file}: cannot write the cache (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
        );
      }
    }
    let next = 0;
    results = cached.map((hit) => hit ?? fresh[next++]);
  }
  // Each thread reports a folder's copy problems once: with several threads, several results carry them.
  const copyProblems = new Set<string>();
  for (const r of results) {
    for (const p of r.problems) stderrLine(p);
    for (const p of r.copyProblems ?? []) {
      if (copyProblems.has(p)) continue;
      copyProblems.add(p);
      stderrLine(p);
    }
    if (r.error) {
      stderrLine(r.error.message);
      failed = true;
    }
  }
  const linted = results.filter((r) => !r.error && !r.ignored);
  if (options.changedSince) for (const r of linted) keepChanged(r, options.changedSince);
  if (options.command === 'report') {
    const sources = new Map(linted.flatMap((r) => (r.sources ? [[r.filePath, r.sources] as const] : [])));
    try {
      fs.writeFileSync(
        options.out!,
        formatReport(
          linted.flatMap((r) => r.claims ?? []),
          linted.map((r) => r.filePath),
          cwd,
          VERSION,
          sources,
        ),
      );
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      fail(
        `${options.out}: cannot write the report (${code === 'ENOENT' ? 'no such directory' : code === 'EACCES' ? 'permission denied' : (code ?? (e as Error).message)})`,
      );
    }
    stderrLine(`wrote ${options.out}`);
    return failed ? 2 : 0;
  }
  const output = render(linted, options, cwd);
  const summary = stepSummary(options);
  if (summary) appendStepSummary(summary, formatGithubSummary(linted, cwd));
  if (options.outputFile) writeOutputFile(options.outputFile, output ? output + '\n' : '');
  else if (output) process.stdout.write(output + '\n');
  if (failed || options.command === 'claims' || options.command === 'sources') return failed ? 2 : 0;
  const messages = linted.flatMap((r) => r.messages);
  const errors = messages.filter((m) => m.level === 'error').length;
  const warnings = messages.filter((m) => m.level === 'warning').length;
  if (errors > 0) return 1;
  if (options.maxWarnings >= 0 && warnings > options.maxWarnings) {
    stderrLine(`too many warnings (${warnings}); maximum allowed is ${options.maxWarnings}`);
    return 1;
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    if (e instanceof UsageError || e instanceof ConfigError) fail(e.message);
    fail(`internal error: ${(e as Error).message}`);
  },
);
