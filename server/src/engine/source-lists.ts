/**
 * The source index a document is linted with: the shipped list, the configuration's `sources.lists` files (read and
 * cached by mtime, like bibliographies) and its `sources.ratings`, highest priority first. A list that cannot be
 * read or has the wrong shape is a problem naming the file; linting goes on without it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseYamlData } from './yaml.js';
import { FileReadError, readRegularTextFile } from './read-file.js';
import { jsonErrorMessage } from './strings.js';
import {
  SOURCE_STATUSES,
  SourceIndex,
  builtInList,
  normalizeName,
  type SourceEntry,
  type SourceLayerInput,
  type SourceListData,
} from './sources.js';
import type { SourceSettings } from './config.js';
import type { Problem } from './types.js';

const files = new Map<string, { mtimeMs: number; list?: SourceListData; error?: string }>();

function shapeError(data: unknown): string | undefined {
  const sources = (data as { sources?: unknown } | null)?.sources;
  if (!Array.isArray(sources)) return 'expected an object with a "sources" list';
  for (let i = 0; i < sources.length; i++) {
    const s = sources[i] as Partial<SourceEntry> | null;
    if (!s || typeof s.name !== 'string' || !s.name) return `source ${i + 1} has no "name"`;
    if (!SOURCE_STATUSES.includes(s.status as never))
      return `source "${s.name}": "status" must be one of ${SOURCE_STATUSES.join(', ')}`;
    for (const key of ['aliases', 'domains', 'doi'] as const) {
      if (s[key] !== undefined && (!Array.isArray(s[key]) || s[key]!.some((v) => typeof v !== 'string')))
        return `source "${s.name}": "${key}" must be a list of strings`;
    }
  }
  return undefined;
}

function readList(file: string): { list?: SourceListData; error?: string } {
  let mtimeMs: number;
  try {
    mtimeMs = fs.statSync(file).mtimeMs;
  } catch (e) {
    return { error: `cannot read source list (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` };
  }
  const cached = files.get(file);
  if (cached && cached.mtimeMs === mtimeMs) return cached;
  let entry: { mtimeMs: number; list?: SourceListData; error?: string };
  try {
    const raw = readRegularTextFile(file);
    const data: unknown = /\.ya?ml$/i.test(file) ? parseYamlData(raw) : JSON.parse(raw);
    const error = shapeError(data);
    entry = error ? { mtimeMs, error: `not a source list: ${error}` } : { mtimeMs, list: data as SourceListData };
  } catch (e) {
    entry = {
      mtimeMs,
      error:
        e instanceof FileReadError
          ? `cannot read source list (${e.message})`
          : `source list is not valid ${/\.ya?ml$/i.test(file) ? 'YAML' : 'JSON'}: ${jsonErrorMessage(e)}`,
    };
  }
  files.set(file, entry);
  return entry;
}

/** `sources.ratings` as one list; a rating by name keeps the addresses the lists know for that name. */
function ratingsLayer(settings: SourceSettings, below: readonly SourceLayerInput[]): SourceLayerInput | undefined {
  if (settings.ratings.length === 0) return undefined;
  const known = (name: string): SourceEntry | undefined => {
    const key = normalizeName(name);
    for (const layer of below) {
      const hit = layer.list.sources.find((s) => [s.name, ...(s.aliases ?? [])].some((n) => normalizeName(n) === key));
      if (hit) return hit;
    }
    return undefined;
  };
  const sources = settings.ratings.map(({ key, rating }): SourceEntry => {
    const { status, reason, name } =
      typeof rating === 'string' ? { status: rating, reason: undefined, name: undefined } : rating;
    if (/^[a-z0-9-]+(\.[a-z0-9-]+)+(\/\S*)?$/i.test(key)) return { name: name ?? key, domains: [key], status, reason };
    const base = known(key);
    return {
      name: name ?? base?.name ?? key,
      aliases: [key, ...(base?.aliases ?? [])],
      domains: base?.domains,
      doi: base?.doi,
      status,
      reason,
    };
  });
  const files = [...new Set(settings.ratings.map((r) => path.basename(r.file)))];
  return {
    list: { title: `sources.ratings in ${files.join(', ')}`, sources },
    label: 'configuration',
    configured: true,
  };
}

const indexes = new Map<string, SourceIndex>();

export function sourceIndexFor(settings: SourceSettings, problems: Problem[]): SourceIndex {
  const below: SourceLayerInput[] = [];
  const stamps: string[] = [];
  for (const file of [...settings.lists].reverse()) {
    const { list, error } = readList(file);
    if (error) problems.push({ file, line: 1, message: error });
    if (list) below.push({ list, label: path.basename(file), configured: true });
    stamps.push(`${file}@${files.get(file)?.mtimeMs ?? 0}`);
  }
  if (settings.builtin) below.push({ list: builtInList(), label: 'built-in list', configured: false });
  const key = JSON.stringify([settings.builtin, stamps, settings.ratings, settings.ignore]);
  let index = indexes.get(key);
  if (!index) {
    const ratings = ratingsLayer(settings, below);
    index = new SourceIndex(ratings ? [ratings, ...below] : below, settings.ignore);
    if (indexes.size > 50) indexes.clear();
    indexes.set(key, index);
  }
  return index;
}
