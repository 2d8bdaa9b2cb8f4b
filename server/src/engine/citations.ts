/**
 * Citation markers in prose: pandoc citations (`[@key]`, `[see @a, p. 4; @b]`, in-text `@key`), footnote calls that
 * the parser could not resolve (no definition), and the writer's `[citation needed]` marker. Found in masked block
 * text, so code, link targets and URLs never produce one. Quarto and pandoc-crossref cross-references (`@fig-map`,
 * `[@tbl-a; @tbl-b]`, `@sec:intro`) look like citations but point inside the document: they are `crossref` markers,
 * masked like citations and covering nothing.
 */
import type { Span } from './types.js';

export interface CiteKey {
  key: string;
  span: Span;
}

export type MarkerKind = 'pandoc' | 'intext' | 'footnote' | 'undefined-footnote' | 'citation-needed' | 'link' | 'empty' | 'crossref';

export interface Marker {
  kind: MarkerKind;
  /** Relative to the text that was scanned. */
  span: Span;
  keys?: CiteKey[];
  /** Footnote id, or link URL. */
  id?: string;
}

// One bracket group with no nested brackets: each match attempt stops at the next bracket, so the scan is linear.
const BRACKETS = /\[([^[\]\n]*)\]/g;
const KEY = /(?<![\p{L}\p{N}_])-?@(\{[^{}\s]+\}|[\p{L}\p{N}_][\p{L}\p{N}_:.#$%&+?<>~/-]*)/gu;
const IN_TEXT = /(?<=^|[\s(;])@([\p{L}_][\p{L}\p{N}_:.#$%&+?<>~/-]*)/gu;
const CITATION_NEEDED = /^(citation|source|reference)s? needed$/i;
/** Quarto's cross-reference prefixes (figures, tables, sections, equations, listings, theorems, callouts…); pandoc-crossref writes `fig:`. */
const CROSSREF = /^(fig|tbl|sec|eq|lst|thm|lem|cor|prp|cnj|def|exm|exr|sol|rem|alg|tip|nte|wrn|imp|cau)[-:]/;
const IN_TEXT_CROSSREF = /(?<=^|[\s(;])@(?:fig|tbl|sec|eq|lst|thm|lem|cor|prp|cnj|def|exm|exr|sol|rem|alg|tip|nte|wrn|imp|cau)[-:][\p{L}\p{N}_-]*[\p{L}\p{N}_]/gu;

function cleanKey(raw: string): string {
  if (raw.startsWith('{')) return raw.slice(1, -1);
  return raw.replace(/[:.#$%&+?<>~/-]+$/, '');
}

/**
 * Scans `text` for markers. `inText` enables bare `@key` citations, which only mean something in a document that has
 * a bibliography (elsewhere `@name` is usually a social-media handle).
 */
export function findMarkers(text: string, inText: boolean): Marker[] {
  const markers: Marker[] = [];
  if (!text.includes('[') && !text.includes('@')) return markers;
  const bracketed: Span[] = [];
  for (const m of text.matchAll(BRACKETS)) {
    const start = m.index!;
    const span = { start, end: start + m[0].length };
    const inner = m[1];
    if (/^\^[^\s^]+$/.test(inner)) {
      markers.push({ kind: 'undefined-footnote', span, id: inner.slice(1) });
      bracketed.push(span);
    } else if (CITATION_NEEDED.test(inner.trim())) {
      markers.push({ kind: 'citation-needed', span });
      bracketed.push(span);
    } else if (inner.includes('@')) {
      const keys: CiteKey[] = [];
      let crossrefs = 0;
      for (const k of inner.matchAll(KEY)) {
        const key = cleanKey(k[1]);
        if (!key) continue;
        if (CROSSREF.test(key)) {
          crossrefs++;
          continue;
        }
        const keyStart = start + 1 + k.index! + k[0].indexOf('@') + 1;
        keys.push({ key, span: { start: keyStart, end: keyStart + key.length } });
      }
      // `[@]`, `[@ ]` and the like: a citation left empty. An email address in brackets is not a citation at all.
      if (keys.length > 0) markers.push({ kind: 'pandoc', span, keys });
      else if (crossrefs > 0) markers.push({ kind: 'crossref', span });
      else if (/^[\s;,@-]*$/.test(inner)) markers.push({ kind: 'empty', span });
      bracketed.push(span);
    }
  }
  if (text.includes('@')) {
    for (const m of text.matchAll(IN_TEXT_CROSSREF)) {
      const at = m.index!;
      if (!bracketed.some((b) => b.start <= at && at < b.end)) markers.push({ kind: 'crossref', span: { start: at, end: at + m[0].length } });
    }
  }
  if (inText && text.includes('@')) {
    // Bracket groups are disjoint and in order, like the matches: one pointer walks both.
    let b = 0;
    for (const m of text.matchAll(IN_TEXT)) {
      const at = m.index!;
      while (b < bracketed.length && bracketed[b].end <= at) b++;
      if (b < bracketed.length && bracketed[b].start <= at) continue;
      const key = cleanKey(m[1]);
      if (CROSSREF.test(key)) continue;
      markers.push({ kind: 'intext', span: { start: at, end: at + 1 + key.length }, keys: [{ key, span: { start: at + 1, end: at + 1 + key.length } }] });
    }
  }
  return markers.sort((a, b) => a.span.start - b.span.start);
}
