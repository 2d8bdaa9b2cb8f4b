import { defineRule } from './rule.js';

export const rule = defineRule({
  meta: {
    id: 'empty-citation',
    family: 'hygiene',
    description: 'A citation with nothing in it: `[@]`, a footnote definition with no text, a link with no target.',
    defaultSeverity: 'error',
    fixable: false,
    messages: {
      citation: 'Empty citation {text}: put the citation key in it, or remove it.',
      footnote: 'Footnote [^{id}] is empty: write the source in its definition.',
      link: 'Link "{text}" has no target: add the source URL.',
    },
  },
  check(ctx) {
    const { text } = ctx.doc;
    for (const pb of ctx.doc.prose) {
      for (const m of pb.markers) {
        if (m.kind === 'empty')
          ctx.report({ messageId: 'citation', values: { text: text.slice(m.span.start, m.span.end) }, span: m.span });
      }
      for (const l of pb.block.links) {
        if (!l.reference && !l.url.trim()) {
          ctx.report({ messageId: 'link', values: { text: text.slice(l.span.start, l.span.end) }, span: l.span });
        }
      }
    }
    for (const def of ctx.doc.parsed.footnotes) {
      if (!def.content) ctx.report({ messageId: 'footnote', values: { id: def.id }, span: def.labelSpan });
    }
  },
});
