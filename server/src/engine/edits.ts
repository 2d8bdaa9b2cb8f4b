/**
 * Edits that quick fixes apply: add a footnote, cite a bibliography entry, mark "citation needed", suppress a rule,
 * renumber footnotes. Pure functions over the document text; adapters turn them into LSP workspace edits.
 */
import type { AnalyzedDocument } from './document.js';
import { parseMarkdown, type ParsedMarkdown } from './markdown.js';
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
  const used = new Set([
    ...ids,
    ...doc.prose.flatMap((pb) => pb.markers.filter((m) => m.kind === 'undefined-footnote').map((m) => m.id ?? '')),
  ]);
  // `[^n]` written where it is not read as a call now (run into a bare URL) would become one once `n` is defined.
  let n = 1;
  while (used.has(String(n)) || doc.text.includes(`[^${n}]`)) n++;
  return String(n);
}

/** The document's line ending: that of its first line, so edits to a CRLF draft stay CRLF. */
export function lineEnding(text: string): string {
  const i = text.indexOf('\n');
  return i > 0 && text[i - 1] === '\r' ? '\r\n' : '\n';
}

/** Applies non-overlapping edits to `text`. */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let at = 0;
  for (const e of sorted) {
    out += text.slice(at, e.start) + e.text;
    at = Math.max(at, e.end);
  }
  return out + text.slice(at);
}

/** The blocks of a parse as their kinds, whether they are quoted, and the notes they belong to. */
const shape = (parsed: ParsedMarkdown): string =>
  parsed.blocks
    .map((b) => `${b.inQuote ? '>' : ''}${b.kind}${b.footnote === undefined ? '' : `^${b.footnote}`}`)
    .join();

/** The stretches linted as plain text (too crowded to parse), as their texts. */
const plainTexts = (parsed: ParsedMarkdown): string =>
  parsed.plain.map((s) => parsed.text.slice(s.start, s.end)).join('\u0000');

/**
 * Whether the edited text defines footnote `label`, refers to it, and reads as before otherwise (the definition one
 * top-level block more): where a definition may go depends on what surrounds it. One added after a note inside a list
 * item or a quotation ends that list or quotation; one added in or after a paragraph too crowded to parse may split
 * it into parts that are not; one added under a `disable-next-line` comment becomes the line it disables.
 */
function footnoteFits(doc: AnalyzedDocument, edits: readonly Edit[], label: string): boolean {
  if (edits.some((e) => /[\r\n]/.test(e.text) && shiftsNextLineDirective(doc, e.start))) return false;
  const parsed = parseMarkdown(applyEdits(doc.text, edits), doc.parsed.flavor);
  return (
    parsed.footnotes.some((f) => f.id === label) &&
    parsed.blocks.some((b) => b.footnoteRefs.some((r) => r.id === label)) &&
    parsed.topLevel.length === doc.parsed.topLevel.length + 1 &&
    shape(parsed) === shape(doc.parsed) &&
    plainTexts(parsed) === plainTexts(doc.parsed)
  );
}

/**
 * Whether lines inserted at `at` would come between a `sourcelint-disable-next-line` comment and the line it disables
 * (the one after the line it opens on).
 */
function shiftsNextLineDirective(doc: AnalyzedDocument, at: number): boolean {
  const text = doc.text;
  return doc.parsed.comments.some((c) => {
    if (c.span.start >= at || !c.body.startsWith('sourcelint-disable-next-line')) return false;
    let next = c.span.start;
    while (next < text.length && text[next] !== '\n' && text[next] !== '\r') next++;
    next += text.startsWith('\r\n', next) ? 2 : 1;
    return at <= next;
  });
}

/**
 * Inserts `[^n]` after the sentence and `[^n]: ` after the last footnote definition, else at the end of the document.
 * A document that ends inside an unclosed code fence or HTML block would swallow a definition added at its end: then
 * the definition goes before that last block. Each place is checked by parsing the result. Undefined when no place
 * works: a sentence that shares its line with an HTML block's opening tag or comment (`<!-- note -->Aid fell 5%.`) is
 * raw HTML to a renderer, where `[^n]` stays literal text.
 */
export function addFootnote(
  doc: AnalyzedDocument,
  sentence: Span,
): { label: string; reference: Edit; definition: Edit } | undefined {
  const label = nextFootnoteLabel(doc);
  const text = doc.text;
  const nl = lineEnding(text);
  const { afterPunct } = sentenceEnd(text, sentence);
  const reference = { start: afterPunct, end: afterPunct, text: `[^${label}]` };
  const lastDef = doc.parsed.footnotes.reduce<number>((max, f) => Math.max(max, f.span.end), -1);
  const candidates: Edit[] = [];
  if (lastDef >= 0) candidates.push({ start: lastDef, end: lastDef, text: `${nl}[^${label}]: ` });
  // At the very end, after a blank line: inserted, never replacing the draft's last line breaks (the reference may sit
  // there).
  const breaks = /(\r?\n)*$/.exec(text)![0].split('\n').length - 1;
  candidates.push({
    start: text.length,
    end: text.length,
    text: `${nl.repeat(Math.max(0, 2 - breaks))}[^${label}]: ${nl}`,
  });
  const lastBlock = doc.parsed.topLevel.at(-1);
  if (lastBlock && lastBlock.start > afterPunct)
    candidates.push({ start: lastBlock.start, end: lastBlock.start, text: `[^${label}]: ${nl}${nl}` });
  const definition = candidates.find((c) => footnoteFits(doc, [reference, c], label));
  return definition && { label, reference, definition };
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

/**
 * Suppresses `ruleId` on the line of `offset` with `<!-- sourcelint-disable-line RULE -->` at the end of that line. A
 * comment on a line of its own would end the paragraph or table the line belongs to; inline it changes nothing but
 * the line. It goes before what must stay last: a hard break (trailing `\` or spaces), a heading's closing `#`s, a
 * table row's closing `|`, a comment left open, inline code running on. Undefined where no comment can go: in front
 * matter (YAML), on a line that is all inline code or opens a code fence, inside a comment that ends on a later line,
 * in a paragraph linted as plain text, after a comment left open on an earlier line of the paragraph.
 */
export function disableLine(doc: AnalyzedDocument, offset: number, ruleId: string): Edit | undefined {
  const text = doc.text;
  if (doc.parsed.frontMatter && offset < doc.parsed.frontMatter.span.end) return undefined;
  // A paragraph too crowded to parse is linted as plain text, where no comment is read.
  if (doc.parsed.plain.some((s) => s.start <= offset && offset <= s.end)) return undefined;
  // A lone CR ends a line too (CommonMark, LSP, and the line numbers directives are read by).
  const breaks = (i: number): boolean => text[i] === '\n' || text[i] === '\r';
  let lineStart = offset;
  while (lineStart > 0 && !breaks(lineStart - 1)) lineStart--;
  let lineEnd = offset;
  while (lineEnd < text.length && !breaks(lineEnd)) lineEnd++;
  const within = (kind: string): boolean =>
    doc.parsed.blocks.some((b) => b.kind === kind && b.start <= offset && offset <= b.end);
  const isSpace = (i: number): boolean => text[i] === ' ' || text[i] === '\t';
  const skipSpaceBack = (i: number): number => {
    while (i > lineStart && isSpace(i - 1)) i--;
    return i;
  };
  // A line that opens a code fence (alone or after a footnote label) would take the comment as its info string.
  if (/^[ \t>]*(\[\^[^\]\n]*\]:[ \t]*)?(`{3,}|~{3,})/.test(text.slice(lineStart, lineEnd))) return undefined;
  let at = skipSpaceBack(lineEnd);
  // Inline code that runs on past the line end would swallow the comment: it goes before the code's opening backtick
  // (none offered when the whole line is code).
  const block = doc.parsed.blocks.find((b) => b.start <= lineEnd && lineEnd < b.end);
  if (block && block.text[lineEnd - block.start] === 'x') {
    let k = lineEnd;
    while (k > lineStart && block.text[k - 1 - block.start] === 'x') k--;
    const tick = text.indexOf('`', k);
    if (k === lineStart || tick < 0 || tick >= lineEnd) return undefined;
    at = skipSpaceBack(tick);
  }
  // A comment opened before ours and not closed before it would run on to our `-->`, swallowing all between: ours goes
  // before it when it opens on this line. None is offered when it opens on an earlier line of the paragraph, or when it
  // is a comment running past this line that holds the finding.
  const open = unclosedComment(doc, lineStart, at);
  if (open >= 0) {
    if (open < lineStart || (open <= offset && doc.parsed.comments.some((c) => c.span.start === open)))
      return undefined;
    at = skipSpaceBack(open);
  } else if (text[at - 1] === '|' && text[at - 2] !== '\\' && (within('tableCell') || isSpace(at - 2))) {
    // A table row's closing pipe. After the last pipe of a paragraph's line the comment would be a cell, and the
    // paragraph a table when that gives its line as many cells as a delimiter row below it: it goes into the space
    // before the pipe, never between the pipe and a word run into it (a URL would end there).
    at = skipSpaceBack(at - 1);
  } else if (within('heading')) {
    let closing = at;
    while (closing > lineStart && text[closing - 1] === '#') closing--;
    if (closing < at && closing > lineStart && isSpace(closing - 1)) at = skipSpaceBack(closing);
  } else if (at === lineEnd && text[at - 1] === '\\' && text[at - 2] !== '\\') {
    at--;
  }
  // Inside a comment that closes on a later line (a directive written over two lines), ours would close it early.
  if (doc.parsed.comments.some((c) => c.span.start < at && at < c.span.end)) return undefined;
  // Between two characters of text (a word run into a comment left open), spaces around ours would show: none then.
  const between = at > lineStart && at < lineEnd && !isSpace(at - 1) && !isSpace(at) && text[at] !== '\\';
  const before = at > lineStart && !isSpace(at - 1) && (!between || text[at - 1] === '\\') ? ' ' : '';
  const after = at < lineEnd && !isSpace(at) && text[at] !== '\\' && !between ? ' ' : '';
  const edit = { start: at, end: at, text: `${before}<!-- sourcelint-disable-line ${ruleId} -->${after}` };
  return keepsBlocks(doc, edit) ? edit : undefined;
}

/** Per document, the shape of each top-level block parsed alone, by the offset of its first line. */
const blockShapes = new WeakMap<AnalyzedDocument, Map<number, string>>();

/**
 * Whether an edit inside one top-level block leaves that block's structure as it was, by parsing the block (from the
 * start of its line) with and without the edit: a comment added to a line can make it a link reference definition
 * (`[label]: <!-- … -->`) or a table row. The block alone parses as it does in the document as far as its kinds go.
 */
function keepsBlocks(doc: AnalyzedDocument, edit: Edit): boolean {
  const text = doc.text;
  const top = doc.parsed.topLevel.find((s) => s.start <= edit.start && edit.end <= s.end);
  if (!top) return true;
  let from = top.start;
  while (from > 0 && text[from - 1] !== '\n' && text[from - 1] !== '\r') from--;
  // A line break first, so that the block can never read as front matter.
  const block = '\n' + text.slice(from, top.end);
  const at = { ...edit, start: edit.start - from + 1, end: edit.end - from + 1 };
  const flavor = doc.parsed.flavor;
  // The block as it is parses once per document: the findings of a line ask in turn.
  const shapes = blockShapes.get(doc) ?? new Map<number, string>();
  blockShapes.set(doc, shapes);
  let before = shapes.get(from);
  if (before === undefined) shapes.set(from, (before = shape(parseMarkdown(block, flavor))));
  return before === shape(parseMarkdown(applyEdits(block, [at]), flavor));
}

/**
 * The first `<!--` before `at` in its paragraph (from `lineStart` outside one) with no `-->` between it and `at`,
 * else -1. One in inline code opens nothing.
 */
function unclosedComment(doc: AnalyzedDocument, lineStart: number, at: number): number {
  const text = doc.text;
  const block = doc.parsed.blocks.find((b) => b.start < at && at <= b.end);
  const inCode = (i: number): boolean => block !== undefined && block.text[i - block.start] === 'x';
  let open = text.indexOf('<!--', block?.start ?? lineStart);
  while (open >= 0 && open < at) {
    const close = inCode(open) ? open : text.indexOf('-->', open + 4);
    if (close < 0 || close + 3 > at) return open;
    open = text.indexOf('<!--', Math.max(close + 3, open + 4));
  }
  return -1;
}

/**
 * A `<!-- sourcelint-disable-file RULE -->` line at the top of the body: after the front matter's closing fence and its
 * line ending, or after a byte-order mark. It holds for the whole file, whatever `sourcelint-enable` follows.
 */
export function disableInFile(doc: AnalyzedDocument, ruleId: string): Edit {
  const text = doc.text;
  const nl = lineEnding(text);
  let at = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let before = '';
  if (doc.frontMatter) {
    at = doc.frontMatter.span.end;
    const eol = /^\r?\n/.exec(text.slice(at, at + 2));
    if (eol) at += eol[0].length;
    else before = nl;
  }
  return { start: at, end: at, text: `${before}<!-- sourcelint-disable-file ${ruleId} -->${nl}` };
}

/**
 * Renumbers numeric footnotes 1..n in order of first reference, definitions included. Numbers of definitions that
 * nothing refers to and that stay (`removed` lists those a fix deletes) are skipped, so no two definitions end up
 * with one label and no reference is silently re-pointed.
 */
export function renumberFootnotes(doc: AnalyzedDocument, removed: ReadonlySet<string> = new Set()): Edit[] {
  const order: string[] = [];
  for (const pb of doc.prose) {
    // References inside a definition that is being removed go with it.
    if (pb.block.footnote !== undefined && removed.has(pb.block.footnote)) continue;
    for (const r of pb.block.footnoteRefs) if (!order.includes(r.id)) order.push(r.id);
  }
  const referenced = new Set(order);
  const reserved = new Set(
    doc.parsed.footnotes.map((f) => f.id).filter((id) => !referenced.has(id) && !removed.has(id)),
  );
  const mapping = new Map<string, string>();
  let next = 1;
  for (const id of order.filter((id) => /^\d+$/.test(id))) {
    while (reserved.has(String(next))) next++;
    mapping.set(id, String(next++));
  }
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

const STOP = new Set(
  'the a an of and or to in on for with by at from as is was were are be been that this which it its their his her'.split(
    ' ',
  ),
);
const terms = (s: string): string[] =>
  s
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 2 && !STOP.has(w));

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
  for (let m = /^\s*\[(\^|@)[^\]\n]*\]/.exec(text.slice(at)); m; m = /^\s*\[(\^|@)[^\]\n]*\]/.exec(text.slice(at)))
    at += m[0].length;
  return at;
}

/** ` <!-- verified: NOTE -->`: a reviewer's verdict, kept in the draft. `--` cannot appear inside a comment. */
export function reviewMark(status: 'verified' | 'disputed', note: string): string {
  return ` <!-- ${status}: ${note.replace(/--+/g, '–').replace(/\s+/g, ' ').trim()} -->`;
}
