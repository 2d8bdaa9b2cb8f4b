/** Command-line arguments. Hand-written: the surface is small and every error must be a one-line usage message. */
import { RULE_IDS } from '../engine/index.js';
import { FIX_TYPES, type ActiveSeverity, type FixType } from '../engine/index.js';

export type Format = 'stylish' | 'json' | 'sarif' | 'github';
export type ClaimsFormat = 'markdown' | 'csv' | 'json';
export type Command = 'lint' | 'claims' | 'sources' | 'report' | 'fetch';
export type Concurrency = number | 'auto' | 'off';

export interface CliOptions {
  command: Command;
  patterns: string[];
  format: Format;
  claimsFormat: ClaimsFormat;
  /** `report --out FILE.html` */
  out?: string;
  /** Only findings on lines added or changed since this git ref. */
  changedSince?: string;
  stdin: boolean;
  stdinFilename?: string;
  config?: string;
  maxWarnings: number;
  /** Worker threads: a number, 'off' (main thread only) or 'auto' (all cores, for runs large enough to gain). */
  concurrency: Concurrency;
  /** Files (drafts, bibliographies) larger than this are not read. */
  maxFileBytes?: number;
  quiet: boolean;
  rules: Map<string, ActiveSeverity | 'off'>;
  printConfig?: string;
  help: boolean;
  version: boolean;
  // Fixing, output and ignore conventions shared with ESLint and markdownlint-cli2.
  /** `--fix` (write) or `--fix-dry-run`, with the fix types to apply. */
  fix?: { write: boolean; types: ReadonlySet<FixType> };
  /** `-o FILE`: where the report goes instead of standard output. */
  outputFile?: string;
  /** `--color` / `--no-color`; undefined: decided by the terminal, NO_COLOR and FORCE_COLOR. */
  color?: boolean;
  /** `--ignore-path FILE`, read instead of `.sourcelintignore`. */
  ignorePath?: string;
  /** `--init`: write a starter configuration. */
  init: boolean;
  // CI over archives: skip unchanged files, split the files between jobs.
  cache: boolean;
  cacheLocation?: string;
  /** `--shard i/n`: 1-based shard index and shard count. */
  shard?: { index: number; count: number };
  // Saved copies of sources (issue #10).
  /** `--sources-cache DIR`: where extracted texts of saved copies are cached. */
  sourcesCache?: string;
  /** `sources fetch --timeout S`, in milliseconds. */
  timeoutMs?: number;
}

export class UsageError extends Error {}

export const HELP = `Usage: sourcelint [options] <files|dirs|globs…>
       sourcelint claims [--format markdown|csv|json] [options] <files|dirs|globs…>
       sourcelint sources [--format markdown|csv|json] [options] <files|dirs|globs…>
       sourcelint report --out FILE.html [options] <files|dirs|globs…>
       sourcelint sources fetch [--out DIR] [--timeout S] [--max-file-size MB] <files|dirs|globs…>

Finds unsourced statistics, unsourced claims and loaded language in Markdown drafts (.md, .markdown, .mdx, .qmd, .Rmd).
"claims" lists every claim with its status and sources (a review checklist); "sources" lists every source each
article cites with its rating (Wikipedia's perennial sources list, 2021-03-17, and your own); "report" writes one
self-contained HTML page for reviewers. "sources fetch" saves a copy of every URL the files cite into their sources
folder (the only command that uses the network); linting reads saved copies, never the network.

Options:
  -f, --format NAME         stylish (default), json (ESLint), sarif (SARIF 2.1.0), github (Actions annotations);
                            for "claims" and "sources": markdown (default), csv, json
      --out FILE            where "report" writes its HTML page; for "sources fetch", the folder to save into
                            (default: each document's sources folder, sources.dir)
      --timeout S           "sources fetch": give up on a URL after S seconds (default: 30)
      --sources-cache DIR   where extracted texts of saved copies are cached (default: SOURCELINT_CACHE_DIR,
                            else the user cache folder, e.g. ~/.cache/sourcelint/sources)
      --changed-since REF   report only findings on lines added or changed since the git ref REF
  -c, --config FILE         use this configuration file instead of looking for .sourcelintrc.* upward
      --rule RULE:SEVERITY  override a rule's severity (off, info, warning, error); repeatable
      --max-warnings N      exit 1 when there are more than N warnings (default: no limit)
      --concurrency N       threads that lint, the main thread included: a number, off (the main thread
                            alone), or auto (default: the idle cores, when the files add up to 1 MB or more)
      --max-file-size MB    skip drafts, bibliographies and saved copies larger than this; "sources fetch"
                            saves nothing larger (default: 16)
      --quiet               report errors only
      --stdin               lint standard input
      --stdin-filename NAME the file name standard input stands for (configuration, bibliography, output)
      --print-config FILE   print the configuration that applies to FILE and exit
      --fix                 apply the safe fixes (unused footnotes, spaced footnote calls, bare URLs, tracking parameters, footnote numbering) to the files
      --fix-dry-run         compute the fixes without writing them (json shows each file's fixed text as "output")
      --fix-type TYPES      fix types to apply, comma-separated: hygiene (default), wording, citation-needed
  -o, --output-file FILE    write the report to FILE instead of standard output
      --color, --no-color   force or turn off colour (default: on a terminal; NO_COLOR, FORCE_COLOR respected)
      --ignore-path FILE    read ignore patterns from FILE instead of .sourcelintignore
      --init                write a commented starter .sourcelintrc.json in the current folder
      !PATTERN              leave out files matching PATTERN (quote it: '!drafts/**')
      --cache               reuse results of files whose content, configuration and bibliography are unchanged
      --cache-location PATH cache file, or directory to keep it in (default: .sourcelintcache)
      --shard I/N           lint only the I-th of N shards of the files (for parallel CI jobs)
  -v, --version             print the version
  -h, --help                print this help

Exit codes: 0 no errors and warnings within --max-warnings; 1 errors, or too many warnings;
            2 usage or configuration error, or a file that could not be read.`;

const FORMATS: readonly Format[] = ['stylish', 'json', 'sarif', 'github'];
const CLAIMS_FORMATS: readonly ClaimsFormat[] = ['markdown', 'csv', 'json'];
const SEVERITY_NAMES = ['off', 'info', 'warning', 'error'];

export function parseArgs(args: readonly string[]): CliOptions {
  let argv = args;
  let format: string | undefined;
  const command: Command =
    argv[0] === 'sources' && argv[1] === 'fetch'
      ? 'fetch'
      : argv[0] === 'claims' || argv[0] === 'sources' || argv[0] === 'report'
        ? argv[0]
        : 'lint';
  if (command !== 'lint') argv = argv.slice(command === 'fetch' ? 2 : 1);
  const o: CliOptions = {
    command,
    patterns: [],
    format: 'stylish',
    claimsFormat: 'markdown',
    stdin: false,
    maxWarnings: -1,
    concurrency: 'auto',
    quiet: false,
    rules: new Map(),
    help: false,
    version: false,
    init: false,
    cache: false,
  };
  let fixTypes: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i];
    const eq = raw.startsWith('--') ? raw.indexOf('=') : -1;
    const arg = eq > 0 ? raw.slice(0, eq) : raw;
    // `--help=x.md` is a file name someone hoped would be read as an option: a flag never takes a value.
    const flag = (): void => {
      if (eq > 0) throw new UsageError(`option ${arg} takes no value`);
    };
    const value = (): string => {
      if (eq > 0) return raw.slice(eq + 1);
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`option ${arg} needs a value`);
      return v;
    };
    switch (arg) {
      case '-f':
      case '--format':
        format = value();
        break;
      case '--out':
        o.out = value();
        break;
      case '--changed-since':
        o.changedSince = value();
        break;
      case '-c':
      case '--config':
        o.config = value();
        break;
      case '--rule': {
        const spec = value();
        const m = /^([a-z-]+):(\w+)$/.exec(spec);
        if (!m) throw new UsageError(`--rule expects RULE:SEVERITY, got "${spec}"`);
        if (!RULE_IDS.includes(m[1])) throw new UsageError(`unknown rule "${m[1]}"`);
        if (!SEVERITY_NAMES.includes(m[2]))
          throw new UsageError(`unknown severity "${m[2]}" (use ${SEVERITY_NAMES.join(', ')})`);
        o.rules.set(m[1], m[2] as ActiveSeverity | 'off');
        break;
      }
      case '--max-warnings': {
        const v = value();
        if (!/^-?\d+$/.test(v)) throw new UsageError(`--max-warnings expects a number, got "${v}"`);
        o.maxWarnings = Number(v);
        break;
      }
      case '--concurrency': {
        const v = value();
        if (v !== 'auto' && v !== 'off' && !/^[1-9]\d{0,2}$/.test(v))
          throw new UsageError(`--concurrency expects a number, off or auto, got "${v}"`);
        o.concurrency = v === 'auto' || v === 'off' ? v : Number(v);
        break;
      }
      case '--max-file-size': {
        const v = value();
        if (!/^\d+(\.\d+)?$/.test(v) || Number(v) <= 0)
          throw new UsageError(`--max-file-size expects a size in MB, got "${v}"`);
        o.maxFileBytes = Math.round(Number(v) * 1024 * 1024);
        break;
      }
      case '--quiet':
        flag();
        o.quiet = true;
        break;
      case '--stdin':
        flag();
        o.stdin = true;
        break;
      case '--stdin-filename':
        o.stdinFilename = value();
        break;
      case '--print-config':
        o.printConfig = value();
        break;
      case '--cache':
        o.cache = true;
        break;
      case '--cache-location':
        o.cacheLocation = value();
        break;
      case '--sources-cache':
        o.sourcesCache = value();
        break;
      case '--timeout': {
        const v = value();
        if (!/^\d+(\.\d+)?$/.test(v) || Number(v) <= 0) throw new UsageError(`--timeout expects seconds, got "${v}"`);
        o.timeoutMs = Math.round(Number(v) * 1000);
        break;
      }
      case '--shard': {
        const spec = value();
        const m = /^(\d+)\/(\d+)$/.exec(spec);
        if (!m || Number(m[1]) < 1 || Number(m[1]) > Number(m[2]))
          throw new UsageError(`--shard expects I/N with 1 <= I <= N, got "${spec}"`);
        o.shard = { index: Number(m[1]), count: Number(m[2]) };
        break;
      }
      case '-v':
      case '--version':
        flag();
        o.version = true;
        break;
      case '-h':
      case '--help':
        flag();
        o.help = true;
        break;
      case '--fix':
      case '--fix-dry-run':
        o.fix = { write: o.fix?.write || arg === '--fix', types: o.fix?.types ?? new Set() };
        break;
      case '--fix-type':
        fixTypes = value();
        break;
      case '-o':
      case '--output-file':
        o.outputFile = value();
        break;
      case '--color':
      case '--no-color':
        o.color = arg === '--color';
        break;
      case '--ignore-path':
        o.ignorePath = value();
        break;
      case '--init':
        o.init = true;
        break;
      case '--':
        o.patterns.push(...argv.slice(i + 1));
        i = argv.length;
        break;
      default:
        if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg}`);
        o.patterns.push(raw);
    }
  }
  if (o.stdinFilename && !o.stdin) throw new UsageError('--stdin-filename needs --stdin');
  if (fixTypes !== undefined && !o.fix) throw new UsageError('--fix-type needs --fix or --fix-dry-run');
  if (o.fix) {
    const types = (fixTypes ?? 'hygiene')
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean);
    const unknown = types.find((t) => !(FIX_TYPES as readonly string[]).includes(t));
    if (unknown !== undefined || types.length === 0)
      throw new UsageError(`unknown fix type "${unknown ?? ''}" (use ${FIX_TYPES.join(', ')})`);
    o.fix = { write: o.fix.write, types: new Set(types as FixType[]) };
    if (o.fix.write && o.stdin) throw new UsageError('--fix cannot write to standard input; use --fix-dry-run');
    if (command !== 'lint') throw new UsageError(`--fix and --fix-dry-run apply to linting, not to ${command}`);
  }
  if (o.stdin && (o.cache || o.shard)) throw new UsageError('--cache and --shard apply to files, not --stdin');
  if (format !== undefined) {
    const listing = command === 'claims' || command === 'sources';
    const allowed: readonly string[] = listing ? CLAIMS_FORMATS : command === 'lint' ? FORMATS : [];
    if (!allowed.includes(format))
      throw new UsageError(`unknown format "${format}" for ${command} (use ${allowed.join(', ') || 'no --format'})`);
    if (listing) o.claimsFormat = format as ClaimsFormat;
    else o.format = format as Format;
  }
  if (command === 'report' && !o.out && o.outputFile) [o.out, o.outputFile] = [o.outputFile, undefined];
  if (command === 'report' && !o.out) throw new UsageError('report needs --out FILE.html');
  if (o.timeoutMs !== undefined && command !== 'fetch') throw new UsageError('--timeout applies to "sources fetch"');
  if (command === 'fetch' && (o.stdin || o.cache || o.shard || o.changedSince || o.outputFile))
    throw new UsageError('"sources fetch" takes files and --out, --timeout, --max-file-size, --config, --ignore-path');
  if (!o.help && !o.version && !o.init && !o.printConfig && !o.stdin && !o.patterns.some((p) => !p.startsWith('!')))
    throw new UsageError('no files given (try: sourcelint docs/)');
  return o;
}
