/** Completion of citation keys and footnote ids, hovers, go-to-definition and document links. */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CompletionItemKind,
  MarkupKind,
  type CompletionItem,
  type DocumentLink,
  type Hover,
  type Location,
  type Position,
} from 'vscode-languageserver/node';
import {
  claimAt,
  formatReference,
  formatShortReference,
  ruleById,
  ruleDocsUrl,
  sourceAt,
  type LintResult,
  type ReviewClaim,
} from '../engine/index.js';
import { footnoteCall, sourceLabel } from '../shared/checklist.js';

/**
 * Text from a saved source shown as Markdown: its markup characters escaped, so a source cannot inject links or HTML.
 */
const markdownText = (s: string): string => s.replace(/[\\`*_{}[\]()<>#+!|~&-]/g, (c) => `\\${c}`);

/** "**Claim: cited** · Sources: [^1] Reuters… · Review note: …": what a reviewer wants to know about a claim. */
function describeClaim(claim: ReviewClaim): string {
  const sources = claim.citations.map((c) =>
    c.kind === 'footnote'
      ? `${footnoteCall(c.id)} ${c.text}`
      : c.kind === 'citekey'
        ? `@${c.id}: ${c.text}`
        : c.kind === 'link'
          ? `link: ${c.target}`
          : c.kind === 'reference'
            ? `[${c.id}] ${c.text}`
            : `attributed to ${c.text}`,
  );
  const missing = claim.citations.filter((c) => c.copy && 'missing' in c.copy).map(sourceLabel);
  const evidence =
    claim.evidence &&
    `Evidence (${markdownText(path.basename(claim.evidence.file))}, p. ${claim.evidence.page}):\n\n> ${markdownText(claim.evidence.passage)}`;
  return [
    `**Claim: ${claim.status}**`,
    sources.length ? `Sources: ${sources.join('; ')}` : 'Sources: none',
    evidence,
    missing.length ? `No saved copy of ${markdownText(missing.join(', '))}` : '',
    claim.note ? `Review note: ${claim.note}` : '',
  ]
    .filter(Boolean)
    .join('\n\n');
}

type Target =
  | { kind: 'citekey'; key: string; start: number; end: number }
  | { kind: 'footnote'; id: string; start: number; end: number };

/** The `@key` or `[^id]` under the cursor, read from the raw text (the cursor may be inside unfinished markup). */
function targetAt(text: string, offset: number): Target | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const lineEnd = text.indexOf('\n', offset) < 0 ? text.length : text.indexOf('\n', offset);
  const line = text.slice(lineStart, lineEnd);
  const col = offset - lineStart;
  for (const m of line.matchAll(/\[\^([^\]\s]+)\]/g)) {
    if (m.index! <= col && col <= m.index! + m[0].length)
      return { kind: 'footnote', id: m[1], start: lineStart + m.index!, end: lineStart + m.index! + m[0].length };
  }
  for (const m of line.matchAll(/(?<![\p{L}\p{N}_])@([\p{L}\p{N}_][\p{L}\p{N}_:.#$%&+?<>~/-]*)/gu)) {
    const key = m[1].replace(/[:.#$%&+?<>~/-]+$/, '');
    if (m.index! <= col && col <= m.index! + 1 + key.length)
      return { kind: 'citekey', key, start: lineStart + m.index!, end: lineStart + m.index! + 1 + key.length };
  }
  return undefined;
}

/**
 * Citation keys after `[@`, `; @`, `[see @` (or a bare `@` in a document with a bibliography) and footnote ids after
 * `[^`. Each item replaces what was typed of the key (`textEdit`) and filters on the key alone, so every client
 * inserts and narrows the list the same way.
 */
export function completionsAt(result: LintResult, position: Position): CompletionItem[] {
  const doc = result.textDocument;
  const text = doc.getText();
  const offset = doc.offsetAt(position);
  const before = text.slice(Math.max(0, offset - 200), offset);
  const typed = (prefix: string) => ({ start: doc.positionAt(offset - prefix.length), end: position });
  const footnote = /\[\^([^\]\s]*)$/.exec(before);
  if (footnote) {
    const range = typed(footnote[1]);
    return result.document.parsed.footnotes.map((f) => ({
      label: f.id,
      kind: CompletionItemKind.Reference,
      detail: f.content.slice(0, 80),
      documentation: f.content,
      filterText: f.id,
      textEdit: { range, newText: f.id },
    }));
  }
  const cite = /(?:\[[^\]\n]*|(?:^|\s))-?@([\p{L}\p{N}_:.#$%&+?<>~/-]*)$/u.exec(before);
  if (!cite || !result.bibliography) return [];
  const range = typed(cite[1]);
  return [...result.bibliography.entries.values()].map((e) => ({
    label: e.key,
    kind: CompletionItemKind.Reference,
    detail: formatShortReference(e),
    documentation: { kind: MarkupKind.Markdown, value: formatReference(e) },
    filterText: e.key,
    textEdit: { range, newText: e.key },
  }));
}

export function hoverAt(result: LintResult, position: Position): Hover | undefined {
  const doc = result.textDocument;
  const offset = doc.offsetAt(position);
  const target = targetAt(doc.getText(), offset);
  const range = (start: number, end: number) => ({ start: doc.positionAt(start), end: doc.positionAt(end) });
  if (target?.kind === 'citekey') {
    const entry = result.bibliography?.entries.get(target.key);
    const source = sourceAt(result, offset);
    if (entry)
      return {
        contents: {
          kind: MarkupKind.Markdown,
          value: `**@${entry.key}**\n\n${formatReference(entry)}${source ? `\n\n${source}` : ''}`,
        },
        range: range(target.start, target.end),
      };
  }
  if (target?.kind === 'footnote') {
    const def = result.document.parsed.footnotes.find((f) => f.id === target.id);
    if (def)
      return {
        contents: { kind: MarkupKind.Markdown, value: `**[^${def.id}]** ${def.content || '*(empty)*'}` },
        range: range(target.start, target.end),
      };
  }
  const finding = result.findings.find((f) => f.span.start <= offset && offset <= f.span.end);
  const rule = finding && ruleById(finding.ruleId);
  const claim = claimAt(result, offset);
  const parts: string[] = [];
  const source = sourceAt(result, offset);
  if (source) parts.push(source);
  if (finding && rule)
    parts.push(
      `**${rule.meta.id}** — ${rule.meta.description}\n\n${finding.message}\n\n[Why this matters](${ruleDocsUrl(rule.meta.id)})`,
    );
  if (claim) parts.push(describeClaim(claim));
  if (parts.length === 0) return undefined;
  const span = (finding ?? claim)?.span;
  return {
    contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n') },
    range: span && range(span.start, span.end),
  };
}

export function definitionAt(result: LintResult, uri: string, position: Position): Location | undefined {
  const doc = result.textDocument;
  const target = targetAt(doc.getText(), doc.offsetAt(position));
  if (target?.kind === 'footnote') {
    const def = result.document.parsed.footnotes.find((f) => f.id === target.id);
    if (def) return { uri, range: { start: doc.positionAt(def.span.start), end: doc.positionAt(def.labelSpan.end) } };
  }
  if (target?.kind === 'citekey') {
    const entry = result.bibliography?.entries.get(target.key);
    if (entry) {
      const start = { line: entry.line - 1, character: 0 };
      return { uri: pathToFileURL(entry.file).href, range: { start, end: start } };
    }
  }
  return undefined;
}

export function documentLinks(result: LintResult, uri: string): DocumentLink[] {
  const doc = result.textDocument;
  const defs = new Map(result.document.parsed.footnotes.map((f) => [f.id, f]));
  const links: DocumentLink[] = [];
  for (const pb of result.document.prose) {
    for (const ref of pb.block.footnoteRefs) {
      const def = defs.get(ref.id);
      if (!def) continue;
      const line = doc.positionAt(def.span.start).line + 1;
      links.push({
        range: { start: doc.positionAt(ref.span.start), end: doc.positionAt(ref.span.end) },
        target: `${uri}#L${line}`,
        tooltip: def.content.slice(0, 120),
      });
    }
  }
  return links;
}
