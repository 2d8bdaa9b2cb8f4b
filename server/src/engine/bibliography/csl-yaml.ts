/**
 * CSL YAML bibliographies, as pandoc reads them (`.yaml`/`.yml`: a `references` list, the format of pandoc's
 * `--from=biblatex --to=markdown` and of Better BibTeX's "Better CSL YAML" export) or a bare list of items. Read as
 * data through `yaml.ts` (no alias cycles, bounded alias expansion); the file-size limit bounds the rest.
 */
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { parseYamlDocument, yamlDocumentData, YamlError } from '../yaml.js';
import { addCslItem, type ItemLines } from './csl-item.js';
import { lineIndex, oneLine, stripBom } from './text.js';
import type { BibEntry, BibProblem, Bibliography } from './types.js';

export function parseCslYaml(input: string, file: string): Bibliography {
  const text = stripBom(input);
  const lineAt = lineIndex(text);
  const entries = new Map<string, BibEntry>();
  const problems: BibProblem[] = [];
  let items: unknown;
  let nodes: readonly unknown[] | undefined;
  try {
    const doc = parseYamlDocument(text, Infinity);
    const data = yamlDocumentData(doc);
    const top = doc.contents;
    if (Array.isArray(data)) {
      items = data;
      nodes = isSeq(top) ? top.items : undefined;
    } else if (data && typeof data === 'object') {
      items = (data as Record<string, unknown>).references;
      const list = isMap(top) ? top.get('references', true) : undefined;
      nodes = isSeq(list) ? list.items : undefined;
    }
  } catch (e) {
    if (!(e instanceof YamlError)) throw e;
    problems.push({
      file,
      line: e.offset !== undefined ? lineAt(e.offset) : 1,
      message: `invalid CSL YAML: ${e.message}`,
    });
    return { entries, problems: oneLine(problems) };
  }
  if (!Array.isArray(items)) {
    problems.push({
      file,
      line: 1,
      message: 'CSL YAML must be a list of items or have a "references" list; nothing loaded',
    });
    return { entries, problems: oneLine(problems) };
  }
  const spans = nodes?.length === items.length ? nodes : undefined;
  items.forEach((raw: unknown, index) =>
    addCslItem(raw, index, linesOf(spans?.[index], lineAt), file, entries, problems, 'CSL YAML'),
  );
  return { entries, problems: oneLine(problems) };
}

function linesOf(node: unknown, lineAt: (offset: number) => number): ItemLines {
  const range = (node as Node | undefined)?.range;
  if (!range) return { start: 1 };
  const idKey = isMap(node) ? node.items.find((pair) => isScalar(pair.key) && pair.key.value === 'id')?.key : undefined;
  const idAt = isScalar(idKey) ? idKey.range?.[0] : undefined;
  return {
    start: lineAt(range[0]),
    id: idAt === undefined ? undefined : lineAt(idAt),
    end: lineAt(Math.max(range[0], range[1] - 1)),
  };
}
