/**
 * Bibliographies: BibTeX, CSL-JSON and CSL YAML. The parsers never throw; a broken entry becomes a problem with its
 * line. One module per job in `bibliography/`: `latex` (field text), `names`, `dates`, `bibtex` (the scanner) and
 * `bibtex-entry` (fields, crossref), `csl-json` and `csl-yaml` over `csl-item`, `format`, `merge`.
 */
export type { BibEntry, BibProblem, Bibliography, UnreadableBibliography } from './bibliography/types.js';
export { cleanLatex } from './bibliography/latex.js';
export { parseBibtex } from './bibliography/bibtex.js';
export { parseCslJson } from './bibliography/csl-json.js';
export { parseCslYaml } from './bibliography/csl-yaml.js';
export { formatReference, formatShortReference } from './bibliography/format.js';
export { mergeBibliographies } from './bibliography/merge.js';

/** Which parser reads a bibliography file, by its extension; undefined for a file that is no bibliography. */
export function bibliographyFormat(file: string): 'bibtex' | 'csl-json' | 'csl-yaml' | undefined {
  if (/\.(bib|bibtex)$/i.test(file)) return 'bibtex';
  if (/\.json$/i.test(file)) return 'csl-json';
  if (/\.ya?ml$/i.test(file)) return 'csl-yaml';
  return undefined;
}
