/**
 * SARIF 2.1.0, for GitHub code scanning and other static-analysis dashboards. Locations are relative to
 * `%SRCROOT%` — the repository root (the nearest folder upward with `.git`), else the working directory — so a run
 * from a subfolder still places its results; files outside it get absolute `file:` URIs. URIs are percent-encoded.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { RULES, ruleDocsUrl, type RuleMeta } from '../../engine/index.js';
import type { FileResult } from '../lint-file.js';

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;
const SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

/** The nearest folder at or above `dir` holding `.git`, else `dir`. */
export function sourceRoot(dir: string): string {
  for (let d = dir; ; d = path.dirname(d)) {
    if (fs.existsSync(path.join(d, '.git'))) return d;
    if (path.dirname(d) === d) return dir;
  }
}

/** A relative URI reference: each path segment percent-encoded (spaces, `#`, `%`, `?`, non-ASCII). */
const relativeUri = (rel: string): string => rel.split(path.sep).map(encodeURIComponent).join('/');

function artifactLocation(file: string, root: string): { uri: string; uriBaseId?: string } {
  const rel = path.relative(root, file);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return { uri: pathToFileURL(file).href };
  return { uri: relativeUri(rel), uriBaseId: '%SRCROOT%' };
}

function ruleHelp(meta: RuleMeta): { fullDescription: { text: string }; help: { text: string; markdown: string } } {
  const url = ruleDocsUrl(meta.id);
  const facts = `Family: ${meta.family}. Default severity: ${meta.defaultSeverity}.${meta.fixable ? ' Fixable with --fix.' : ''}`;
  const text = `${meta.description} ${facts}`;
  return {
    fullDescription: { text },
    help: {
      text: `${text} Turn it off for one line with <!-- sourcelint-disable-next-line ${meta.id} -->. Documentation: ${url}`,
      markdown: `${meta.description}\n\n${facts}\n\nTurn it off for one line with \`<!-- sourcelint-disable-next-line ${meta.id} -->\`, or in \`.sourcelintrc.json\` with \`"rules": { "${meta.id}": "off" }\`.\n\n[Documentation of ${meta.id}](${url})`,
    },
  };
}

export function formatSarif(results: readonly FileResult[], cwd: string, version: string): string {
  const root = sourceRoot(cwd);
  const ruleIndex = new Map(RULES.map((r, i) => [r.meta.id, i]));
  const sarif = {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Sourcelint',
            version,
            semanticVersion: version,
            informationUri: 'https://github.com/sourcelint/sourcelint',
            rules: RULES.map((r) => ({
              id: r.meta.id,
              name: r.meta.id.replace(/(^|-)(\w)/g, (_m, _d: string, c: string) => c.toUpperCase()),
              shortDescription: { text: r.meta.description },
              ...ruleHelp(r.meta),
              helpUri: ruleDocsUrl(r.meta.id),
              defaultConfiguration: { level: LEVEL[r.meta.defaultSeverity] },
              properties: { tags: [r.meta.family] },
            })),
          },
        },
        originalUriBaseIds: {
          '%SRCROOT%': {
            uri: pathToFileURL(root + path.sep).href,
            description: { text: 'The repository root, or the working directory outside a repository.' },
          },
        },
        results: results.flatMap((r) =>
          r.messages.map((m) => ({
            ruleId: m.ruleId,
            ruleIndex: ruleIndex.get(m.ruleId),
            level: LEVEL[m.level],
            message: { text: m.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: artifactLocation(r.filePath, root),
                  region: { startLine: m.line, startColumn: m.column, endLine: m.endLine, endColumn: m.endColumn },
                },
              },
            ],
          })),
        ),
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
  return JSON.stringify(sarif, null, 2);
}
