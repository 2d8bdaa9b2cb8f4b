/**
 * `sourcelint --init`: a commented starter `.sourcelintrc.json` (JSON with comments) listing every rule at its default.
 */
import fs from 'node:fs';
import path from 'node:path';
import { CONFIG_FILES, RULES } from '../engine/index.js';
import { UsageError } from './args.js';

export function starterConfig(): string {
  const width = Math.max(...RULES.map((r) => r.meta.id.length)) + 4;
  const rules = RULES.map((r, i) => {
    const entry = `"${r.meta.id}": "${r.meta.defaultSeverity}"${i < RULES.length - 1 ? ',' : ''}`;
    return `    ${entry.padEnd(width + 12)}// ${r.meta.description}`;
  });
  return `// Sourcelint configuration: JSON with comments. Settings cascade: files in parent folders apply too, the nearest
// wins per key, and "root": true stops the search here. Documentation: https://github.com/sourcelint/sourcelint#configuration
{
  "$schema": "./node_modules/sourcelint/schema/sourcelintrc.schema.json",
  "root": true,

  // Share a house style: a relative file, or an installed package ("@newsroom/sourcelint-config").
  // "extends": ["./house-style.json"],

  // Severity per rule: "off", "info" (shown, never fails a run), "warning", "error". These are the defaults.
  "rules": {
${rules.join('\n')}
  },

  // Newsroom vocabulary: terms to flag (with a reason and neutral alternatives) and terms never to flag.
  "terms": {
    "add": [
      // { "pattern": "strongman", "rule": "loaded-term", "reason": "House style: describe the office.", "alternatives": ["president"] }
    ],
    "allow": []
  },

  // BibTeX or CSL-JSON files, relative to this file, for [@key] citations.
  // "bibliography": ["references.bib"],

  // "sentence": a citation covers its own sentence; "paragraph": the whole paragraph.
  // "accept": "according to Reuters" counts as a source; "warn": still ask for a citation.
  "citations": { "scope": "sentence", "attribution": "accept", "style": "footnote" },

  // Files not to lint, as globs relative to this file ("!" re-includes).
  "ignores": ["node_modules/**"]
}
`;
}

/** Writes the starter configuration into `dir`; refuses to overwrite any configuration file already there. */
export function writeStarterConfig(dir: string): string {
  const existing = CONFIG_FILES.filter((name) => name !== 'package.json').find((name) =>
    fs.existsSync(path.join(dir, name)),
  );
  if (existing) throw new UsageError(`${existing} already exists; not overwriting it`);
  const file = path.join(dir, '.sourcelintrc.json');
  fs.writeFileSync(file, starterConfig());
  return path.basename(file);
}
