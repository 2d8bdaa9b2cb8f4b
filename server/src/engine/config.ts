/**
 * Configuration: files cascade from the document's folder up to the file system root (or a `root: true` file), each
 * preceded by what it `extends`; validated against the shipped JSON Schema; merged with a document's front-matter
 * `sourcelint:` overrides. Data only: JSON (with comments) and YAML are read, nothing in a workspace is executed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { shippedFile } from './paths.js';
import { createRequire } from 'node:module';
import type { Ajv as AjvType, ErrorObject } from 'ajv';
import { parseYamlData } from './yaml.js';
import { readRegularTextFile } from './read-file.js';
import { escapeControls, jsonErrorMessage } from './strings.js';
import { RULES } from './rules/index.js';
import { Lexicon, LexiconError, lexiconFor, type LexiconEntry } from './lexicon.js';
import type { Severity } from './types.js';
import type { SourceStatus } from './sources.js';

/** `sources.ratings` values: a status, or a status with the reason and name messages should give. */
export type SourceRating = SourceStatus | { status: SourceStatus; reason?: string; name?: string };

export interface SourcesConfig {
  ratings?: Record<string, SourceRating>;
  lists?: string | string[];
  ignore?: string[];
  builtin?: boolean;
  severity?: Partial<Record<SourceStatus, Severity>>;
  /** The folder of saved source copies (issue #10), relative to the configuration file. */
  dir?: string;
}

/** `sources`, layered: ratings and severities merged key by key, lists and ignores accumulated. */
export interface SourceSettings {
  builtin: boolean;
  /** Absolute paths of extra lists. */
  lists: readonly string[];
  ratings: ReadonlyArray<{ key: string; rating: SourceRating; file: string }>;
  ignore: readonly string[];
  severity: Partial<Record<SourceStatus, Severity>>;
}

export interface SourcelintConfig {
  /** Stop the upward search here. */
  root?: boolean;
  /** Files (relative) or installed packages whose configuration this one builds on. */
  extends?: string | string[];
  rules?: Record<string, Severity>;
  terms?: {
    add?: Array<
      Omit<LexiconEntry, 'alternatives' | 'category' | 'id'> & {
        id?: string;
        alternatives?: string[];
        category?: string;
      }
    >;
    allow?: string[];
  };
  bibliography?: string | string[];
  citations?: { scope?: 'sentence' | 'paragraph'; attribution?: 'accept' | 'warn'; style?: 'footnote' | 'pandoc' };
  ignores?: string[];
  /** The former name of `ignores`. */
  ignore?: string[];
  sources?: SourcesConfig;
}

/** One configuration in the order of application, with the file it came from (relative paths resolve against it). */
export interface ConfigLayer {
  config: SourcelintConfig;
  file: string;
  /** Where `ignores` globs are relative to, when not the file's folder (a preset's: the configuration extending it). */
  ignoreBase?: string;
}

export interface ResolvedConfig {
  severities: ReadonlyMap<string, Severity>;
  /** Compiled `terms.add`, by rule. */
  extraLexicons: ReadonlyMap<string, Lexicon>;
  /** Lowercased terms and entry ids of `terms.allow`. */
  allow: ReadonlySet<string>;
  /** Absolute paths. */
  bibliography: readonly string[];
  scope: 'sentence' | 'paragraph';
  attribution: 'accept' | 'warn';
  style: 'footnote' | 'pandoc';
  /** Every layer's `ignores`: absolute glob base and patterns, nearest last. */
  ignores: ReadonlyArray<{ base: string; patterns: readonly string[] }>;
  /** The files this configuration came from, nearest last. */
  sources: readonly string[];
  sourceSettings: SourceSettings;
  /** Absolute path of the configured `sources.dir`; undefined: `sources` next to the document. */
  sourcesDir?: string;
}

/**
 * A configuration that cannot be used: names the file and the key, on one line (a key or pattern quoted from the file
 * may hold line breaks: they are shown escaped). The CLI exits 2 on it.
 */
export class ConfigError extends Error {
  /** The configuration file at fault, when it is one (editors put the error there too). */
  constructor(
    message: string,
    readonly file?: string,
  ) {
    super(escapeControls(message));
  }
}

export const SCHEMA_PATH = shippedFile('schema', 'sourcelintrc.schema.json');
export const CONFIG_FILES = [
  '.sourcelintrc.json',
  '.sourcelintrc.jsonc',
  '.sourcelintrc.yaml',
  '.sourcelintrc.yml',
  'package.json',
] as const;

let validator: ReturnType<AjvType['compile']> | undefined;
function validate(data: unknown): readonly ErrorObject[] {
  if (!validator) {
    // Loaded on first use: most runs have no configuration file, and Ajv is the costliest module to start.
    const { Ajv } = createRequire(import.meta.url)('ajv') as typeof import('ajv');
    const ajv = new Ajv({ allErrors: false, strict: false });
    validator = ajv.compile(JSON.parse(fs.readFileSync(SCHEMA_PATH, 'utf8')));
  }
  return validator(data) ? [] : (validator.errors ?? []);
}

function describe(error: ErrorObject): string {
  const key = error.instancePath.replace(/^\//, '').replace(/\//g, '.') || '(top level)';
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'additionalProperties')
    return `"${key === '(top level)' ? '' : key + '.'}${String(params.additionalProperty)}" is not a known key`;
  const propertyName = (error as ErrorObject & { propertyName?: string }).propertyName;
  if (propertyName !== undefined) return `"${key}.${propertyName}" is not a known rule`;
  if (error.keyword === 'enum') return `"${key}" must be one of ${(params.allowedValues as string[]).join(', ')}`;
  return `"${key}" ${error.message ?? 'is invalid'}`;
}

/** Validates configuration data; `where` names its origin in errors (a file, or "file: front matter"). */
export function checkConfig(data: unknown, where: string, file?: string): SourcelintConfig {
  const errors = validate(data);
  if (errors.length > 0) throw new ConfigError(`${where}: ${describe(errors[0])}`, file);
  return data as SourcelintConfig;
}

/** Reads and parses a JSON (with comments) or YAML file of configuration data. */
function readDataFile(file: string): unknown {
  let raw: string;
  try {
    raw = readRegularTextFile(file);
  } catch (e) {
    throw new ConfigError(`${file}: cannot read configuration (${(e as Error).message})`, file);
  }
  try {
    return /\.ya?ml$/.test(file) ? parseYamlData(raw) : parseJsonWithComments(raw);
  } catch (e) {
    throw new ConfigError(`${file}: invalid ${/\.ya?ml$/.test(file) ? 'YAML' : 'JSON'}: ${jsonErrorMessage(e)}`, file);
  }
}

/** Reads one configuration file. Returns undefined for a package.json without a "sourcelint" key. */
export function readConfigFile(file: string): SourcelintConfig | undefined {
  const data = readDataFile(file);
  if (path.basename(file) === 'package.json') {
    const inner = (data as Record<string, unknown> | null)?.sourcelint;
    if (inner === undefined) return undefined;
    return checkConfig(inner, `${file}: "sourcelint"`, file);
  }
  return checkConfig(data ?? {}, file, file);
}

/** Quarto's project file and per-folder metadata, whose `bibliography` applies to every document below them. */
const QUARTO_FILES = ['_quarto.yml', '_quarto.yaml', '_metadata.yml', '_metadata.yaml'];

/** The `bibliography` of Quarto files in `dir`, as configuration layers (other Quarto options are not ours). */
function quartoLayers(dir: string): ConfigLayer[] {
  const layers: ConfigLayer[] = [];
  for (const name of QUARTO_FILES) {
    const file = path.join(dir, name);
    if (!fs.existsSync(file)) continue;
    const bib = (readDataFile(file) as Record<string, unknown> | null)?.bibliography;
    const files = (Array.isArray(bib) ? bib : [bib]).filter((b): b is string => typeof b === 'string' && b !== '');
    if (files.length > 0) layers.push({ config: { bibliography: files }, file });
  }
  return layers;
}

/**
 * JSON with comments and trailing commas, as VS Code settings and markdownlint's `.jsonc` allow: comments and trailing
 * commas become spaces (so error positions stay true), then JSON.parse. One linear pass.
 */
function parseJsonWithComments(raw: string): unknown {
  const out = raw.split('');
  const blank = (from: number, to: number): void => {
    for (let k = from; k < to; k++) if (out[k] !== '\n' && out[k] !== '\r') out[k] = ' ';
  };
  let lastComma = -1;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c === '"') {
      lastComma = -1;
      for (i++; i < raw.length && raw[i] !== '"' && raw[i] !== '\n'; i++) if (raw[i] === '\\') i++;
    } else if (c === '/' && raw[i + 1] === '/') {
      const end = raw.indexOf('\n', i);
      blank(i, end < 0 ? raw.length : end);
      i = end < 0 ? raw.length : end;
    } else if (c === '/' && raw[i + 1] === '*') {
      const end = raw.indexOf('*/', i + 2);
      blank(i, end < 0 ? raw.length : end + 2);
      i = end < 0 ? raw.length : end + 1;
    } else if (c === ',') {
      lastComma = i;
    } else if ((c === '}' || c === ']') && lastComma >= 0) {
      out[lastComma] = ' ';
      lastComma = -1;
    } else if (!/\s/.test(c)) {
      lastComma = -1;
    }
  }
  try {
    return JSON.parse(out.join(''));
  } catch (e) {
    const message = (e as Error).message;
    const at = /at position (\d+)/.exec(message);
    const offset = at ? Number(at[1]) : /end of JSON input/.test(message) ? raw.length : undefined;
    if (offset === undefined) throw e;
    const before = raw.slice(0, offset).split('\n');
    throw new Error(
      `${message.replace(/ (in JSON )?at position \d+.*$/, '')} at line ${before.length}, column ${before[before.length - 1].length + 1}`,
    );
  }
}

/** The configuration file in `dir` itself, or undefined. */
function configFileIn(dir: string): string | undefined {
  for (const name of CONFIG_FILES) {
    const candidate = path.join(dir, name);
    if (!fs.existsSync(candidate)) continue;
    if (name !== 'package.json' || packageHasConfig(candidate)) return candidate;
  }
  return undefined;
}

/** The nearest configuration file at or above `dir`, or undefined. */
export function findConfigFile(dir: string): string | undefined {
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    const file = configFileIn(d);
    if (file) return file;
    if (path.dirname(d) === d) return undefined;
  }
}

const CONFIG_DATA = /\.(json|jsonc|ya?ml)$/i;

/** An installed package's folder: `node_modules/NAME` in `from` or a folder above it. */
function findPackage(name: string, from: string): string | undefined {
  for (let d = from; ; d = path.dirname(d)) {
    const candidate = path.join(d, 'node_modules', name);
    if (fs.existsSync(path.join(candidate, 'package.json'))) return candidate;
    if (path.dirname(d) === d) return undefined;
  }
}

/**
 * The file an `extends` entry names: a path relative to the extending file, or an installed package (`NAME`,
 * `@scope/NAME`, or a JSON/YAML file inside one, `NAME/strict.json`; `NAME` may omit a `sourcelint-config-` prefix).
 * A package is read, never run: its package.json's "sourcelint" key, a JSON/YAML "main", or a .sourcelintrc.* file.
 */
function resolveExtends(spec: string, from: string): string {
  const dir = path.dirname(from);
  const fail = (why: string): never => {
    throw new ConfigError(`${from}: "extends" ${JSON.stringify(spec)}: ${why}`, from);
  };
  if (spec.startsWith('.') || path.isAbsolute(spec)) {
    const file = path.resolve(dir, spec);
    if (!fs.existsSync(file)) fail('file not found');
    return file;
  }
  const parts = spec.split('/');
  const nameLength = spec.startsWith('@') ? 2 : 1;
  const name = parts.slice(0, nameLength).join('/');
  const inner = parts.slice(nameLength).join('/');
  const prefixed = spec.startsWith('@')
    ? parts.length === 1
      ? `${name}/sourcelint-config`
      : `${parts[0]}/sourcelint-config-${parts[1]}`
    : `sourcelint-config-${name}`;
  const pkg = findPackage(name, dir) ?? (name.includes('sourcelint-config') ? undefined : findPackage(prefixed, dir));
  if (!pkg) return fail('no such file, and no installed package of that name (run npm install?)');
  if (inner) {
    if (!CONFIG_DATA.test(inner)) fail('a file inside a package must be JSON or YAML');
    const file = path.join(pkg, inner);
    if (!fs.existsSync(file)) fail(`${inner} is not in the package`);
    return file;
  }
  const manifest = path.join(pkg, 'package.json');
  if (packageHasConfig(manifest)) return manifest;
  let main: unknown;
  try {
    main = (JSON.parse(fs.readFileSync(manifest, 'utf8')) as Record<string, unknown>).main;
  } catch {
    main = undefined;
  }
  if (typeof main === 'string' && CONFIG_DATA.test(main) && fs.existsSync(path.join(pkg, main)))
    return path.join(pkg, main);
  return (
    configFileIn(pkg) ??
    fail(
      'the package has no Sourcelint configuration (a "sourcelint" key in its package.json, a JSON or YAML "main", or a .sourcelintrc.* file)',
    )
  );
}

function packageHasConfig(file: string): boolean {
  try {
    return (JSON.parse(readRegularTextFile(file)) as Record<string, unknown>)?.sourcelint !== undefined;
  } catch {
    return false;
  }
}

/** Every layer's `ignores` (or former `ignore`) globs with the folder they are relative to, nearest last. */
export function layerIgnores(layers: readonly ConfigLayer[]): Array<{ base: string; patterns: readonly string[] }> {
  return layers.flatMap((l) => {
    const patterns = l.config.ignores ?? l.config.ignore;
    return patterns ? [{ base: l.ignoreBase ?? path.dirname(l.file), patterns }] : [];
  });
}

/** The built-in defaults, layered with configuration `layers` (later wins), each with the file it came from. */
export function resolveConfig(layers: readonly ConfigLayer[]): ResolvedConfig {
  const severities = new Map<string, Severity>(RULES.map((r) => [r.meta.id, r.meta.defaultSeverity]));
  const extra = new Map<string, Lexicon>();
  const allow = new Set<string>();
  const bibliography: string[] = [];
  let scope: ResolvedConfig['scope'] = 'sentence';
  let attribution: ResolvedConfig['attribution'] = 'accept';
  let style: ResolvedConfig['style'] = 'footnote';
  let sourcesDir: string | undefined;
  const sourceSettings = {
    builtin: true,
    lists: [] as string[],
    ratings: new Map<string, { key: string; rating: SourceRating; file: string }>(),
    ignore: [] as string[],
    severity: {},
  };
  for (const { config, file } of layers) {
    const dir = path.dirname(file);
    for (const [id, sev] of Object.entries(config.rules ?? {})) severities.set(id, sev);
    for (const term of config.terms?.add ?? []) {
      try {
        lexiconFor(extra, term.rule).add(
          {
            rule: term.rule,
            entries: [{ ...term, category: term.category ?? 'newsroom', alternatives: term.alternatives ?? [] }],
          },
          `${file}: terms.add`,
        );
      } catch (e) {
        if (e instanceof LexiconError) throw new ConfigError(e.message, file);
        throw e;
      }
    }
    for (const t of config.terms?.allow ?? []) allow.add(t.toLowerCase());
    const bibs =
      config.bibliography === undefined
        ? []
        : Array.isArray(config.bibliography)
          ? config.bibliography
          : [config.bibliography];
    for (const b of bibs) bibliography.push(path.resolve(dir, b));
    scope = config.citations?.scope ?? scope;
    attribution = config.citations?.attribution ?? attribution;
    style = config.citations?.style ?? style;
    const src = config.sources;
    if (src) {
      sourceSettings.builtin = src.builtin ?? sourceSettings.builtin;
      for (const l of src.lists === undefined ? [] : Array.isArray(src.lists) ? src.lists : [src.lists])
        sourceSettings.lists.push(path.resolve(dir, l));
      for (const [key, rating] of Object.entries(src.ratings ?? {}))
        sourceSettings.ratings.set(key.toLowerCase(), { key, rating, file });
      sourceSettings.ignore.push(...(src.ignore ?? []));
      Object.assign(sourceSettings.severity, src.severity);
      if (src.dir) sourcesDir = path.resolve(dir, src.dir);
    }
  }
  return {
    severities,
    extraLexicons: extra,
    allow,
    bibliography,
    scope,
    attribution,
    style,
    ignores: layerIgnores(layers),
    sources: layers.map((l) => l.file),
    sourceSettings: { ...sourceSettings, ratings: [...sourceSettings.ratings.values()] },
    sourcesDir,
  };
}

/**
 * Loads the configuration that applies to files in `dir`: `explicitFile` (from `--config`) if given, else every
 * configuration file from the file system root (or the nearest `root: true`) down to `dir`, nearest last, each preceded
 * by what it extends. Cached per directory and per file: a run over thousands of files reads each file once.
 */
export class ConfigLoader {
  private readonly byDir = new Map<string, ConfigLayer[]>();
  private readonly byFile = new Map<string, ConfigLayer[]>();
  constructor(private readonly explicitFile?: string) {}

  layersFor(dir: string): ConfigLayer[] {
    if (this.explicitFile) return this.expand(path.resolve(this.explicitFile), []);
    const abs = path.resolve(dir);
    const cached = this.byDir.get(abs);
    if (cached) return cached;
    const file = configFileIn(abs);
    const own = [...quartoLayers(abs), ...(file ? this.expand(file, []) : [])];
    const parent = path.dirname(abs);
    const stop = parent === abs || (file !== undefined && own[own.length - 1]?.config.root === true);
    const layers = stop ? own : [...this.layersFor(parent), ...own];
    this.byDir.set(abs, layers);
    return layers;
  }

  /** `file`'s layers: what it extends (depth first, in order), then itself. `chain` detects cycles. */
  private expand(file: string, chain: readonly string[]): ConfigLayer[] {
    if (chain.includes(file))
      throw new ConfigError(
        `${chain[chain.length - 1]}: "extends" cycle: ${[...chain, file].join(' → ')}`,
        chain[chain.length - 1],
      );
    const cached = this.byFile.get(file);
    if (cached) return cached;
    const config = readConfigFile(file);
    if (!config) return [];
    const specs = config.extends === undefined ? [] : Array.isArray(config.extends) ? config.extends : [config.extends];
    const base = path.dirname(file);
    const layers: ConfigLayer[] = [];
    for (const spec of specs) {
      for (const layer of this.expand(resolveExtends(spec, file), [...chain, file]))
        layers.push({ ...layer, ignoreBase: layer.ignoreBase ?? base });
    }
    layers.push({ config, file });
    this.byFile.set(file, layers);
    return layers;
  }
}
