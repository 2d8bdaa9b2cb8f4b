import { defineRule } from './rule.js';
import type { Span } from '../types.js';

/**
 * Where removing a definition ends: after the blank lines that follow it, unless it interrupted a paragraph (no blank
 * line before it). Then the next line keeps that paragraph apart from what follows: removed with the definition when
 * it is blank; else the definition's own line stays, empty, unless the next line is a note of its own: other text
 * would continue the paragraph above (a lazy continuation line).
 */
function removalEnd(text: string, def: Span): number {
  const isBreak = (i: number): boolean => text[i] === '\n' || text[i] === '\r';
  let end = def.end;
  let lineStart = def.start;
  while (lineStart > 0 && !isBreak(lineStart - 1)) lineStart--;
  let previous = lineStart - (text[lineStart - 1] === '\n' && text[lineStart - 2] === '\r' ? 2 : 1);
  while (previous > 0 && !isBreak(previous - 1) && /[ \t>]/.test(text[previous - 1])) previous--;
  const afterBlank = lineStart === 0 || previous <= 0 || isBreak(previous - 1);
  if (!afterBlank) {
    const lineBreak = text.startsWith('\r\n', end) ? 2 : isBreak(end) ? 1 : 0;
    let next = end + lineBreak;
    while (next < text.length && /[ \t>]/.test(text[next])) next++;
    const apart = next === text.length || isBreak(next) || /^\[\^[^\]\s]+\]:/.test(text.slice(next, next + 1000));
    return lineBreak > 0 && apart ? end + lineBreak : end;
  }
  while (isBreak(end)) end++;
  return end;
}

const within = (inner: Span, outer: Span): boolean => outer.start <= inner.start && inner.end <= outer.end;

export const rule = defineRule({
  meta: {
    id: 'unused-footnote',
    family: 'hygiene',
    description: 'A footnote definition that no `[^id]` refers to.',
    defaultSeverity: 'warning',
    fixable: true,
    messages: { unused: 'Footnote [^{id}] is defined but never referenced. Cite it where it belongs, or remove it.' },
  },
  check(ctx) {
    // Calls in captions, template tags and other non-prose still use their notes, and so does a call typed `[^ 12]`
    // (undefined-footnote asks for the space to go; removing the note would lose the source).
    const used = new Set(
      [
        ...ctx.doc.prose.flatMap((pb) => pb.block.footnoteRefs),
        ...ctx.doc.parsed.nonProse.flatMap((n) => n.footnoteRefs),
        ...ctx.doc.prose.flatMap((pb) => pb.markers.filter((m) => m.spaced)),
      ].map((r) => r.id),
    );
    const text = ctx.doc.text;
    for (const def of ctx.doc.parsed.footnotes) {
      if (used.has(def.id)) continue;
      const removal = [{ start: def.span.start, end: removalEnd(text, def.span), text: '' }];
      // A note written inside this one (`[^7]: [^1]: Reuters.`) that is cited would go with it: no removal offered.
      const takesCited = ctx.doc.parsed.footnotes.some(
        (d) => d !== def && used.has(d.id) && within(d.span, removal[0]),
      );
      // A comment in the note (a directive, a review mark) governs more than the note: removing it is a choice to make.
      const safe = !takesCited && !text.slice(def.span.start, def.span.end).includes('<!--');
      ctx.report({
        messageId: 'unused',
        values: { id: def.id },
        span: def.labelSpan,
        fix: safe ? removal : undefined,
        suggestions: takesCited ? undefined : [{ desc: `Remove footnote [^${def.id}]`, edits: removal }],
      });
    }
  },
});
