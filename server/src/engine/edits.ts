/**
 * Edits that quick fixes apply: add a footnote, cite a bibliography entry, mark "citation needed", suppress a rule,
 * renumber footnotes. Pure functions over the document text; adapters turn them into LSP workspace edits.
 */
import type { AnalyzedDocument } from './document.js';
import type { BibEntry, Bibliography } from './bibliography.js';
import type { Edit, Span } from './types.js';

/** Where a citation goes: after the sentence's closing punctuation (footnotes) or just before it (pandoc). */
function sentenceEnd(text: string, sentence: Span): { afterPunct: number; beforePunct: number } {
  let end = sentence.end;
  while (end > sentence.start && /\s/.test(text[end - 1])) end--;
  let before = end;
  while (before > sentence.start && /[.!?…"'”’)\]]/.test(text[before - 1])) before--;
  // Keep closing quotes and brackets inside: `… “quote”[@key].` reads better than `… “quote[@key]”.`
  while (before < end && /["'”’)\]]/.test(text[before])) before++;
  return { afterPunct: end, beforePunct: before };
}

/** The next free numeric footnote label, or a slug if the document uses non-numeric labels only. */
export function nextFootnoteLabel(doc: AnalyzedDocument): string {
  const ids = doc.parsed.footnotes.map((f) => f.id);
  const used = new Set([...ids, ...doc.prose.flatMap((pb) => pb.markers.filter((m) => m.kind === 'undefined-footnote').map((m) => m.id ?? ''))]);
  let n = 1;
  while (used.has(String(n))) n++;
  return String(n);
}

/** Inserts `[^n]` after the sentence and `[^n]: ` at the end of the footnote block (or of the document). */
export function addFootnote(doc: AnalyzedDocument, sentence: Span): { label: string; reference: Edit; definition: Edit } {
  const label = nextFootnoteLabel(doc);
  const { afterPunct } = sentenceEnd(doc.text, sentence);
  const lastDef = doc.parsed.footnotes.reduce<number>((max, f) => Math.max(max, f.span.end), -1);
  const text = doc.text;
  let definition: Edit;
  if (lastDef >= 0) {
    definition = { start: lastDef, end: lastDef, text: `\n[^${label}]: ` };
  } else {
    const trailing = /\n*$/.exec(text)![0].length;
    const at = text.length - trailing;
    definition = { start: at, end: text.length, text: `\n\n[^${label}]: \n` };
  }
  return { label, reference: { start: afterPunct, end: afterPunct, text: `[^${label}]` }, definition };
}

/** Inserts `[@key]` before the sentence's closing punctuation, pandoc style (or merges into an existing `[@…]`). */
export function citeKey(doc: AnalyzedDocument, sentence: Span, key: string): Edit {
  const { beforePunct } = sentenceEnd(doc.text, sentence);
  const space = /\s$/.test(doc.text.slice(0, beforePunct)) ? '' : ' ';
  return { start: beforePunct, end: beforePunct, text: `${space}[@${key}]` };
}

/** Inserts a visible `[citation needed]` marker where a citation would go. */
export function markCitationNeeded(doc: AnalyzedDocument, sentence: Span): Edit {
  const { beforePunct } = sentenceEnd(doc.text, sentence);
  return { start: beforePunct, end: beforePunct, text: ' [citation needed]' };
}

/** A `<!-- sourcelint-disable-next-line RULE -->` comment on its own line above `line` (0-based). */
export function disableNextLine(text: string, lineStart: number, ruleId: string): Edit {
  const indent = /^[ \t]*/.exec(text.slice(lineStart))![0];
  return { start: lineStart, end: lineStart, text: `${indent}<!-- sourcelint-disable-next-line ${ruleId} -->\n` };
}

/** A `<!-- sourcelint-disable RULE -->` comment at the top of the body (after front matter). */
export function disableInFile(doc: AnalyzedDocument, ruleId: string): Edit {
  const at = doc.frontMatter ? doc.frontMatter.span.end + (doc.text[doc.frontMatter.span.end] === '\n' ? 1 : 0) : 0;
  return { start: at, end: at, text: `<!-- sourcelint-disable ${ruleId} -->\n` };
}

/** Renumbers numeric footnotes 1..n in order of first reference, definitions included. */
export function renumberFootnotes(doc: AnalyzedDocument): Edit[] {
  const order: string[] = [];
  for (const pb of doc.prose) for (const r of pb.block.footnoteRefs) if (!order.includes(r.id)) order.push(r.id);
  const numeric = order.filter((id) => /^\d+$/.test(id));
  const mapping = new Map(numeric.map((id, i) => [id, String(i + 1)]));
  if ([...mapping].every(([from, to]) => from === to)) return [];
  const edits: Edit[] = [];
  const relabel = (span: Span, id: string): void => {
    const to = mapping.get(id);
    if (!to || to === id) return;
    const raw = doc.text.slice(span.start, span.end);
    const at = raw.indexOf(`^${id}`);
    if (at >= 0) edits.push({ start: span.start + at + 1, end: span.start + at + 1 + id.length, text: to });
  };
  for (const pb of doc.prose) for (const r of pb.block.footnoteRefs) relabel(r.span, r.id);
  for (const f of doc.parsed.footnotes) relabel(f.labelSpan, f.id);
  return edits.sort((a, b) => a.start - b.start);
}

const STOP = new Set('the a an of and or to in on for with by at from as is was were are be been that this which it its their his her'.split(' '));
const terms = (s: string): string[] => s.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 2 && !STOP.has(w));

/** Bibliography entries ranked by how many of the sentence's words appear in their title, authors and keywords. */
export function rankEntries(sentenceText: string, bibliography: Bibliography, limit: number): BibEntry[] {
  const words = new Set(terms(sentenceText));
  const scored = [...bibliography.entries.values()].map((e) => {
    const haystack = terms([e.title ?? '', ...e.authors, ...e.keywords, e.container ?? ''].join(' '));
    return { e, score: haystack.filter((w) => words.has(w)).length };
  });
  return scored
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score || a.e.key.localeCompare(b.e.key))
    .slice(0, limit)
    .map((x) => x.e);
}

/** Adds a term to the `terms.allow` of a configuration file's JSON text (or creates one). */
export function allowTermInConfig(existing: string | undefined, term: string): string {
  let config: Record<string, unknown> = {};
  if (existing && existing.trim()) config = JSON.parse(existing) as Record<string, unknown>;
  const terms = (config.terms ?? {}) as Record<string, unknown>;
  const allow = Array.isArray(terms.allow) ? (terms.allow as string[]) : [];
  if (!allow.some((t) => t.toLowerCase() === term.toLowerCase())) allow.push(term);
  config.terms = { ...terms, allow };
  return JSON.stringify(config, null, 2) + '\n';
}

/**
 * "Critics say the plan failed." → "According to [source], the plan failed.": rewrites a weasel attribution that opens
 * its sentence into a named one with a placeholder. Undefined when the phrase is not at the sentence's start.
 */
export function attributeToSource(text: string, sentence: Span, phrase: Span): Edit | undefined {
  if (text.slice(sentence.start, phrase.start).trim() !== '') return undefined;
  const rest = /^,?\s*(that\s+)?/.exec(text.slice(phrase.end))![0];
  return { start: phrase.start, end: phrase.end + rest.length, text: 'According to [source], ' };
}

/** Where a review mark goes: after the sentence and the citations that directly follow it. */
export function reviewMarkOffset(text: string, sentence: Span): number {
  let at = sentence.end;
  for (let m = /^\s*\[(\^|@)[^\]\n]*\]/.exec(text.slice(at)); m; m = /^\s*\[(\^|@)[^\]\n]*\]/.exec(text.slice(at))) at += m[0].length;
  return at;
}

/** ` <!-- verified: NOTE -->`: a reviewer's verdict, kept in the draft. `--` cannot appear inside a comment. */
export function reviewMark(status: 'verified' | 'disputed', note: string): string {
  return ` <!-- ${status}: ${note.replace(/--+/g, '–').replace(/\s+/g, ' ').trim()} -->`;
}
