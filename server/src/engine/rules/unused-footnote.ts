import { defineRule } from './rule.js';

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
    // Calls in captions, template tags and other non-prose still use their notes.
    const used = new Set(
      [
        ...ctx.doc.prose.flatMap((pb) => pb.block.footnoteRefs),
        ...ctx.doc.parsed.nonProse.flatMap((n) => n.footnoteRefs),
      ].map((r) => r.id),
    );
    const text = ctx.doc.text;
    for (const def of ctx.doc.parsed.footnotes) {
      if (used.has(def.id)) continue;
      let end = def.span.end;
      while (text[end] === '\n' || text[end] === '\r') end++;
      const removal = [{ start: def.span.start, end, text: '' }];
      // A comment in the note (a directive, a review mark) governs more than the note: removing it is a choice to make.
      const safe = !text.slice(def.span.start, def.span.end).includes('<!--');
      ctx.report({
        messageId: 'unused',
        values: { id: def.id },
        span: def.labelSpan,
        fix: safe ? removal : undefined,
        suggestions: [{ desc: `Remove footnote [^${def.id}]`, edits: removal }],
      });
    }
  },
});
