/** SARIF 2.1.0, for GitHub code scanning and other static-analysis dashboards. */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { RULES, ruleDocsUrl } from '../../engine/index.js';
import type { FileResult } from '../lint-file.js';

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

export function formatSarif(results: readonly FileResult[], cwd: string, version: string): string {
  const ruleIndex = new Map(RULES.map((r, i) => [r.meta.id, i]));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Sourcelint',
            version,
            informationUri: 'https://github.com/sourcelint/sourcelint',
            rules: RULES.map((r) => ({
              id: r.meta.id,
              name: r.meta.id.replace(/(^|-)(\w)/g, (_m, _d: string, c: string) => c.toUpperCase()),
              shortDescription: { text: r.meta.description },
              helpUri: ruleDocsUrl(r.meta.id),
              defaultConfiguration: { level: LEVEL[r.meta.defaultSeverity] },
              properties: { tags: [r.meta.family] },
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(cwd + path.sep).href } },
        results: results.flatMap((r) =>
          r.messages.map((m) => ({
            ruleId: m.ruleId,
            ruleIndex: ruleIndex.get(m.ruleId),
            level: LEVEL[m.level],
            message: { text: m.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: path.relative(cwd, r.filePath).split(path.sep).join('/'), uriBaseId: '%SRCROOT%' },
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
