/**
 * YAML from front matter and `.sourcelintrc.yaml`: data only, and bounded. A YAML alias may refer to the node that
 * contains it, and the `yaml` package then needs cubic time to convert the document (800 such aliases: a minute),
 * so aliases are counted and cycles refused before conversion; plain alias expansion is capped by `maxAliasCount`.
 * Warnings are collected, never printed by the library on stderr.
 */
import { isNode, parseDocument, visit, type Document } from 'yaml';

/** Larger YAML is refused: front matter and configuration are a few kilobytes. */
export const MAX_YAML_LENGTH = 256 * 1024;
const MAX_ALIASES = 100;

export class YamlError extends Error {
  constructor(
    message: string,
    /** Where in the source, when the parser says. */
    readonly offset?: number,
  ) {
    super(message);
  }
}

/** The data of one YAML document; throws YamlError with a one-line message that quotes nothing from the input. */
export function parseYamlData(source: string): unknown {
  return flatMappingData(source) ?? yamlDocumentData(parseYamlDocument(source));
}

const FLAT_KEY = /^([A-Za-z][A-Za-z0-9_-]*): +(.*)$/;
/** Scalars whose meaning cannot differ between YAML schemas or readers: no escapes, indicators or special forms. */
const FLAT_VALUE =
  /^(?:"([^"\\\p{C}\p{Zl}\p{Zp}]*)"|'([^'\p{C}\p{Zl}\p{Zp}]*)'|(\p{L}[\p{L}\p{N} .,_/()'’&+-]*(?<! )|\d{4}-\d\d-\d\d))$/u;
const NOT_STRINGS = /^(?:null|Null|NULL|true|True|TRUE|false|False|FALSE)$/;

/**
 * The data of front matter that is only `key: scalar` lines of plain words, dates or quoted text without escapes (most
 * articles' title, author, date, bibliography), read without the YAML parser, which costs ~0.5 ms a document in a
 * short-lived process; undefined for anything else, which the parser reads. Tested to give the parser's data exactly.
 */
export function flatMappingData(source: string): Record<string, string> | undefined {
  if (source.length > MAX_YAML_LENGTH) return undefined;
  const data: Record<string, string> = {};
  let keys = 0;
  for (const line of source.split('\n')) {
    if (line === '') continue;
    const pair = FLAT_KEY.exec(line);
    const value = pair && FLAT_VALUE.exec(pair[2]);
    if (!value || NOT_STRINGS.test(pair[2]) || Object.hasOwn(data, pair[1])) return undefined;
    data[pair[1]] = value[1] ?? value[2] ?? value[3] ?? value[4];
    keys++;
  }
  return keys > 0 ? data : undefined;
}

/**
 * One YAML document, parsed and checked for alias cycles and counts (its nodes know their offsets). `maxLength`:
 * bibliographies are bounded by the file-size limit instead.
 */
export function parseYamlDocument(source: string, maxLength = MAX_YAML_LENGTH): Document.Parsed {
  if (source.length > maxLength)
    throw new YamlError(`${source.length} characters of YAML, more than the ${maxLength} allowed`);
  const doc = parseDocument(source, { prettyErrors: false, logLevel: 'silent', uniqueKeys: false });
  const error = doc.errors[0];
  if (error) throw new YamlError(error.message.split('\n')[0], error.pos[0]);
  let aliases = 0;
  let cycle = false;
  visit(doc, {
    Alias(_key, alias, path) {
      aliases++;
      if (
        path.some((ancestor) => isNode(ancestor) && ancestor.anchor !== undefined && ancestor.anchor === alias.source)
      )
        cycle = true;
      return aliases > MAX_ALIASES || cycle ? visit.BREAK : undefined;
    },
  });
  if (cycle) throw new YamlError('an alias refers to the node that contains it');
  if (aliases > MAX_ALIASES) throw new YamlError(`more than ${MAX_ALIASES} aliases`);
  return doc;
}

/** A checked document's data; aliases expand within the same cap. */
export function yamlDocumentData(doc: Document.Parsed): unknown {
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (e) {
    throw new YamlError((e as Error).message.split('\n')[0]);
  }
}
