/**
 * The passage of a saved copy that best matches a claim: the evidence a reviewer reads next to it. Each copy is cut
 * once into passages of one to three sentences and indexed with MiniSearch (BM25 ranking); the index and the answers
 * to the queries asked so far are kept on the copy's object, so hovers and keystrokes never re-index.
 */
import MiniSearch from 'minisearch';
import { splitSentences } from '../sentences.js';
import type { SourceText } from './copies.js';

export interface Evidence {
  /** The saved copy's path. */
  file: string;
  /** 1-based. */
  page: number;
  /** The passage, whitespace collapsed. */
  passage: string;
}

interface Passage {
  id: number;
  page: number;
  text: string;
}

interface PassageIndex {
  search: MiniSearch<Passage>;
  passages: Passage[];
  /** Answers already given, by query (cleared when it grows large: a long editing session asks many). */
  answers: Map<string, { evidence: Evidence; score: number } | null>;
}

const MAX_SENTENCES = 3;
const TARGET_CHARS = 240;
const MAX_CHARS = 480;
const MAX_ANSWERS = 4096;
const YEAR = /^(1[5-9]|20)\d\d$/;
/** How many of the best-ranked passages are searched for the claim's figures. */
const MAX_CANDIDATES = 20;
const STOP_WORDS = new Set(
  (
    'a an and are as at be been but by for from had has have he her his in into is it its of on or our she that the their ' +
    'them they this those to was were which who will with would'
  ).split(' '),
);
const TERMS = /[\p{L}\p{N}]+(?:[.,'’][\p{L}\p{N}]+)*/gu;

/** Terms as both the passages and the queries are indexed: lower case, "1,000" = "1000", stop words out. */
function processTerm(term: string): string | null {
  const t = term
    .toLowerCase()
    .replace(/(?<=\d),(?=\d{3})/g, '')
    .replace(/['’]/g, '');
  return STOP_WORDS.has(t) || (t.length < 2 && !/\d/.test(t)) ? null : t;
}
const tokenize = (text: string): string[] => text.match(TERMS) ?? [];

/** Passages never cross a paragraph (a blank line), so a heading does not run into the text under it. */
function cutPassages(copy: SourceText): Passage[] {
  const passages: Passage[] = [];
  copy.pages.forEach((raw, p) => {
    for (const paragraph of raw.split(/\n[ \t]*\r?\n/)) {
      // A word hyphenated at a line end is read whole ("every-\nthing" = "everything"), as the quotation check reads
      // it.
      const text = paragraph.replace(/(?<=\p{L})-[ \t]*\r?\n[ \t]*(?=\p{L})/gu, '').replace(/\s+/g, ' ');
      let from = -1;
      let to = 0;
      let count = 0;
      const flush = (): void => {
        if (from >= 0) passages.push({ id: passages.length, page: p + 1, text: text.slice(from, to).trim() });
        from = -1;
        count = 0;
      };
      for (const s of splitSentences(text)) {
        // A sentence longer than a passage (a table, a run-on PDF line) is cut at spaces.
        for (let start = s.start; start < s.end;) {
          let end = s.end;
          if (end - start > MAX_CHARS) {
            const space = text.lastIndexOf(' ', start + MAX_CHARS);
            end = space > start ? space : start + MAX_CHARS;
          }
          if (from >= 0 && end - from > MAX_CHARS) flush();
          if (from < 0) from = start;
          to = end;
          count++;
          if (count >= MAX_SENTENCES || to - from >= TARGET_CHARS) flush();
          start = end;
        }
      }
      flush();
    }
  });
  return passages;
}

const indexes = new WeakMap<SourceText, PassageIndex>();

function passageIndex(copy: SourceText): PassageIndex {
  let index = indexes.get(copy);
  if (index) return index;
  const passages = cutPassages(copy);
  const search = new MiniSearch<Passage>({ fields: ['text'], storeFields: [], tokenize, processTerm });
  search.addAll(passages);
  index = { search, passages, answers: new Map() };
  indexes.set(copy, index);
  return index;
}

/** The passage of `copies` that best matches `query`, or undefined when none shares a word with it. */
export function bestPassage(query: string, copies: readonly SourceText[]): Evidence | undefined {
  let best: { evidence: Evidence; score: number } | null = null;
  for (const copy of copies) {
    const index = passageIndex(copy);
    let answer = index.answers.get(query);
    if (answer === undefined) {
      // A claim's figures say more about which passage backs it than its common words ("the report says") or a year:
      // of the best-ranked passages, the first that holds every figure of the claim wins.
      const figures = tokenize(query).filter((t) => /\d/.test(t) && !YEAR.test(t));
      const hits = index.search.search(query, { combineWith: 'OR' });
      const holdsFigures = (id: number): boolean => {
        const terms = new Set(tokenize(index!.passages[id].text));
        return figures.every((f) => terms.has(f));
      };
      const hit =
        (figures.length > 0 && hits.slice(0, MAX_CANDIDATES).find((h) => holdsFigures(h.id as number))) || hits[0];
      const passage = hit && index.passages[hit.id as number];
      answer = passage
        ? { evidence: { file: copy.file, page: passage.page, passage: passage.text }, score: hit.score }
        : null;
      if (index.answers.size >= MAX_ANSWERS) index.answers.clear();
      index.answers.set(query, answer);
    }
    if (answer && (!best || answer.score > best.score)) best = answer;
  }
  return best?.evidence;
}
