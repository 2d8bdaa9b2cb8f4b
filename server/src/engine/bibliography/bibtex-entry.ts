/**
 * BibTeX fields → entries: `crossref` inheritance, then what each field means (names, dates, links, publishers).
 */
import { bibtexDate } from './dates.js';
import { cleanLatex } from './latex.js';
import { parseBibtexNames, rememberFamilies } from './names.js';
import { normalizeDoi, splitKeywords } from './text.js';
import type { BibEntry, BibProblem } from './types.js';

/** One entry as the scanner read it: raw field values, @string macros expanded. */
export interface BibRecord {
  type: string;
  key: string;
  fields: Map<string, string>;
  line: number;
  endLine: number;
}

/** Fields a child never inherits (biblatex's defaults): they describe the parent entry itself. */
const NOT_INHERITED = new Set([
  'ids',
  'crossref',
  'xref',
  'entryset',
  'entrysubtype',
  'execute',
  'label',
  'options',
  'presort',
  'related',
  'relatedoptions',
  'relatedstring',
  'relatedtype',
  'shorthand',
  'shorthandintro',
  'sortkey',
]);
/** Whole works whose title is the title of the book or proceedings a part appears in. */
const BOOK_LIKE = /^(mv)?(book|collection|proceedings|reference)$/;
/** Parts of a whole work: their own title is the part's, the parent's is the `booktitle`. */
const PART_OF_BOOK = /^(in(book|collection|proceedings|reference)|bookinbook|supp(book|collection))$/;
/** How deep a chain of crossrefs is followed (biblatex resolves chains; a cycle must stop). */
const MAX_CROSSREF_DEPTH = 8;

/**
 * A parent's fields under the names its child inherits them by (biblatex's rules): a book's title is the booktitle
 * of a chapter in it, a periodical's title the journaltitle of an article in it; other fields keep their names.
 */
function inheritedName(field: string, parentType: string, childType: string): string | undefined {
  if (NOT_INHERITED.has(field)) return undefined;
  const title = /^(title|subtitle|titleaddon)$/.exec(field);
  if (title && BOOK_LIKE.test(parentType) && PART_OF_BOOK.test(childType)) return 'book' + field;
  if (title && parentType === 'periodical' && childType === 'article')
    return field === 'title' ? 'journaltitle' : 'journal' + field;
  return field;
}

/** Characters that inheritance may still copy in this file: many children of one huge parent must not blow up. */
interface Budget {
  left: number;
  exhausted: boolean;
}

/** The record's fields with those of its crossref parents filled in where it has none. */
function withInherited(
  record: BibRecord,
  records: ReadonlyMap<string, BibRecord>,
  budget: Budget,
  file: string,
  problems: BibProblem[],
): Map<string, string> {
  let fields = record.fields;
  let current = record;
  const seen = new Set([record.key]);
  for (let depth = 0; depth < MAX_CROSSREF_DEPTH; depth++) {
    const target = current.fields.get('crossref')?.trim();
    if (!target) break;
    const parent = records.get(target);
    if (!parent) {
      // A missing grandparent is its parent's problem, reported with the parent.
      if (depth === 0)
        problems.push({
          file,
          line: record.line,
          message: `entry '${record.key}': crossref '${target}' is not in this file (nothing inherited)`,
        });
      break;
    }
    if (seen.has(parent.key)) break;
    seen.add(parent.key);
    if (fields === record.fields) fields = new Map(fields);
    for (const [name, value] of parent.fields) {
      const as = inheritedName(name, parent.type, record.type);
      if (as === undefined || fields.has(as)) continue;
      budget.left -= name.length + value.length + 1;
      if (budget.left < 0) {
        if (!budget.exhausted)
          problems.push({
            file,
            line: record.line,
            message: `entry '${record.key}': crossref inheritance beyond the size limit; not inherited from here on`,
          });
        budget.exhausted = true;
        return fields;
      }
      fields.set(as, value);
    }
    current = parent;
  }
  return fields;
}

/** Entries from the records of one file, in order; `textLength` (the file's) sets the inheritance budget. */
export function entriesFromRecords(
  records: ReadonlyMap<string, BibRecord>,
  textLength: number,
  file: string,
  problems: BibProblem[],
): Map<string, BibEntry> {
  const entries = new Map<string, BibEntry>();
  const budget: Budget = { left: Math.max(4_000_000, 4 * textLength), exhausted: false };
  for (const record of records.values()) {
    entries.set(record.key, entryFromFields(record, withInherited(record, records, budget, file, problems), file));
  }
  return entries;
}

function entryFromFields(record: BibRecord, fields: ReadonlyMap<string, string>, file: string): BibEntry {
  const get = (name: string): string | undefined => {
    const v = fields.get(name);
    if (v === undefined) return undefined;
    const cleaned = cleanLatex(v);
    return cleaned || undefined;
  };
  const raw = (name: string): string | undefined => {
    const v = fields.get(name);
    if (v === undefined) return undefined;
    const cleaned = v
      .replace(/\\([_%&#$~])/g, '$1')
      .replace(/[{}]/g, '')
      .replace(/\s+/g, '')
      .trim();
    return cleaned || undefined;
  };
  const names = parseBibtexNames(fields.get('author') ?? fields.get('editor') ?? '');
  const { year, date } = bibtexDate(get);
  const attachments = fields.get('file');
  return rememberFamilies(
    {
      key: record.key,
      type: record.type,
      title: get('title'),
      authors: names.map((n) => n.display),
      year,
      ...(date ? { date } : {}),
      container:
        get('journal') ??
        get('journaltitle') ??
        get('booktitle') ??
        get('publisher') ??
        get('organization') ??
        get('institution') ??
        get('container-title'),
      publishers: ['journal', 'journaltitle', 'publisher', 'organization', 'institution', 'container-title']
        .map(get)
        .filter((v): v is string => !!v),
      url: raw('url'),
      doi: normalizeDoi(raw('doi')),
      keywords: splitKeywords(get('keywords')),
      ...(attachments ? { attachments } : {}),
      file,
      line: record.line,
      endLine: record.endLine,
    },
    names,
  );
}
