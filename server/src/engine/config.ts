/**
 * Configuration: found upward from each document, validated against the shipped JSON Schema, merged with a
 * document's front-matter `sourcelint:` overrides. Data only: nothing in a workspace is ever executed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { shippedFile } from './paths.js';
import { createRequire } from 'node:module';
import type { Ajv as AjvType, ErrorObject } from 'ajv';
import { parse as parseYaml } from 'yaml';
import { RULES } from './rules/index.js';
import { Lexicon, LexiconError, lexiconFor, type LexiconEntry } from './lexicon.js';
import type { Severity } from './types.js';

export interface SourcelintConfig {
  rules?: Record<string, Severity>;
  terms?: { add?: Array<Omit<LexiconEntry, 'alternatives' | 'category' | 'id'> & { id?: string; alternatives?: string[]; category?: string }>; allow?: string[] };
  bibliography?: string | string[];
  citations?: { scope?: 'sentence' | 'paragraph'; attribution?: 'accept' | 'warn'; style?: 'footnote' | 'pandoc' };
  ignore?: string[];
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
  /** Absolute glob base and patterns. */
  ignore: { base: string; patterns: readonly string[] };
  /** The files this configuration came from, nearest last. */
  sources: readonly string[];
}

/** A configuration that cannot be used: names the file and the key. The CLI exits 2 on it. */
export class ConfigError extends Error {}

export const SCHEMA_PATH = shippedFile('schema', 'sourcelintrc.schema.json');
export const CONFIG_FILES = ['.sourcelintrc.json', '.sourcelintrc.yaml', '.sourcelintrc.yml', 'package.json'] as const;

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
  if (error.keyword === 'additionalProperties') return `"${key === '(top level)' ? '' : key + '.'}${String(params.additionalProperty)}" is not a known key`;
  const propertyName = (error as ErrorObject & { propertyName?: string }).propertyName;
  if (propertyName !== undefined) return `"${key}.${propertyName}" is not a known rule`;
  if (error.keyword === 'enum') return `"${key}" must be one of ${(params.allowedValues as string[]).join(', ')}`;
  return `"${key}" ${error.message ?? 'is invalid'}`;
}

/** Validates configuration data; `where` names its origin in errors (a file, or "file: front matter"). */
export function checkConfig(data: unknown, where: string): SourcelintConfig {
  const errors = validate(data);
  if (errors.length > 0) throw new ConfigError(`${where}: ${describe(errors[0])}`);
  return data as SourcelintConfig;
}

/** Reads one configuration file. Returns undefined for a package.json without a "sourcelint" key. */
export function readConfigFile(file: string): SourcelintConfig | undefined {
  let raw: string;
  try {
    raw = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new ConfigError(`${file}: cannot read configuration (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  let data: unknown;
  try {
    data = /\.ya?ml$/.test(file) ? parseYaml(raw, { maxAliasCount: 100 }) : JSON.parse(raw);
  } catch (e) {
    throw new ConfigError(`${file}: invalid ${/\.ya?ml$/.test(file) ? 'YAML' : 'JSON'}: ${(e as Error).message.split('\n')[0]}`);
  }
  if (path.basename(file) === 'package.json') {
    const inner = (data as Record<string, unknown> | null)?.sourcelint;
    if (inner === undefined) return undefined;
    return checkConfig(inner, `${file}: "sourcelint"`);
  }
  return checkConfig(data ?? {}, file);
}

/** The nearest configuration file at or above `dir`, or undefined. */
export function findConfigFile(dir: string): string | undefined {
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    for (const name of CONFIG_FILES) {
      const candidate = path.join(d, name);
      if (!fs.existsSync(candidate)) continue;
      if (name !== 'package.json' || packageHasConfig(candidate)) return candidate;
    }
    if (path.dirname(d) === d) return undefined;
  }
}

function packageHasConfig(file: string): boolean {
  try {
    return (JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>)?.sourcelint !== undefined;
  } catch {
    return false;
  }
}

/** The built-in defaults, layered with configuration `layers` (later wins), each with the file it came from. */
export function resolveConfig(layers: ReadonlyArray<{ config: SourcelintConfig; file: string }>): ResolvedConfig {
  const severities = new Map<string, Severity>(RULES.map((r) => [r.meta.id, r.meta.defaultSeverity]));
  const extra = new Map<string, Lexicon>();
  const allow = new Set<string>();
  const bibliography: string[] = [];
  let scope: ResolvedConfig['scope'] = 'sentence';
  let attribution: ResolvedConfig['attribution'] = 'accept';
  let style: ResolvedConfig['style'] = 'footnote';
  let ignore: ResolvedConfig['ignore'] = { base: process.cwd(), patterns: [] };
  for (const { config, file } of layers) {
    const dir = path.dirname(file);
    for (const [id, sev] of Object.entries(config.rules ?? {})) severities.set(id, sev);
    for (const term of config.terms?.add ?? []) {
      try {
        lexiconFor(extra, term.rule).add(
          { rule: term.rule, entries: [{ ...term, category: term.category ?? 'newsroom', alternatives: term.alternatives ?? [] }] },
          `${file}: terms.add`,
        );
      } catch (e) {
        if (e instanceof LexiconError) throw new ConfigError(e.message);
        throw e;
      }
    }
    for (const t of config.terms?.allow ?? []) allow.add(t.toLowerCase());
    const bibs = config.bibliography === undefined ? [] : Array.isArray(config.bibliography) ? config.bibliography : [config.bibliography];
    for (const b of bibs) bibliography.push(path.resolve(dir, b));
    scope = config.citations?.scope ?? scope;
    attribution = config.citations?.attribution ?? attribution;
    style = config.citations?.style ?? style;
    if (config.ignore) ignore = { base: dir, patterns: config.ignore };
  }
  return { severities, extraLexicons: extra, allow, bibliography, scope, attribution, style, ignore, sources: layers.map((l) => l.file) };
}

/**
 * Loads the configuration that applies to files in `dir`: `explicitFile` (from `--config`) if given, else the nearest
 * configuration file upward. Cached per directory: a CLI run over thousands of files reads each file once.
 */
export class ConfigLoader {
  private readonly byDir = new Map<string, { config: SourcelintConfig; file: string }[]>();
  constructor(private readonly explicitFile?: string) {}

  layersFor(dir: string): { config: SourcelintConfig; file: string }[] {
    const cached = this.byDir.get(dir);
    if (cached) return cached;
    const file = this.explicitFile ?? findConfigFile(dir);
    const config = file ? readConfigFile(file) : undefined;
    const layers = config && file ? [{ config, file }] : [];
    this.byDir.set(dir, layers);
    return layers;
  }
}
