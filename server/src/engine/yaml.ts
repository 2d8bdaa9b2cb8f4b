/**
 * YAML from front matter and `.sourcelintrc.yaml`: data only, and bounded. A YAML alias may refer to the node that
 * contains it, and the `yaml` package then needs cubic time to convert the document (800 such aliases: a minute),
 * so aliases are counted and cycles refused before conversion; plain alias expansion is capped by `maxAliasCount`.
 * Warnings are collected, never printed by the library on stderr.
 */
import { isNode, parseDocument, visit } from 'yaml';

/** Larger YAML is refused: front matter and configuration are a few kilobytes. */
export const MAX_YAML_LENGTH = 256 * 1024;
const MAX_ALIASES = 100;

export class YamlError extends Error {}

/** The data of one YAML document; throws YamlError with a one-line message that quotes nothing from the input. */
export function parseYamlData(source: string): unknown {
  if (source.length > MAX_YAML_LENGTH) throw new YamlError(`${source.length} characters of YAML, more than the ${MAX_YAML_LENGTH} allowed`);
  const doc = parseDocument(source, { prettyErrors: false, logLevel: 'silent', uniqueKeys: false });
  const error = doc.errors[0];
  if (error) throw new YamlError(error.message.split('\n')[0]);
  let aliases = 0;
  let cycle = false;
  visit(doc, {
    Alias(_key, alias, path) {
      aliases++;
      if (path.some((ancestor) => isNode(ancestor) && ancestor.anchor !== undefined && ancestor.anchor === alias.source)) cycle = true;
      return aliases > MAX_ALIASES || cycle ? visit.BREAK : undefined;
    },
  });
  if (cycle) throw new YamlError('an alias refers to the node that contains it');
  if (aliases > MAX_ALIASES) throw new YamlError(`more than ${MAX_ALIASES} aliases`);
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (e) {
    throw new YamlError((e as Error).message.split('\n')[0]);
  }
}
