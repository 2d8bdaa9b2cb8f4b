import { format, type Rule } from './rule.js';

export const rule: Rule = {
  meta: {
    id: 'bare-url',
    family: 'hygiene',
    description: 'A URL pasted as plain text instead of a link or a cited source.',
    defaultSeverity: 'warning',
    fixable: true,
    messages: { bare: 'Bare URL {url}: make it a link with a descriptive title, or move it into a footnote as the source.' },
  },
  check(ctx) {
    for (const pb of ctx.doc.prose) {
      for (const link of pb.block.links) {
        if (!link.bare) continue;
        const url = ctx.doc.text.slice(link.span.start, link.span.end);
        // `<www.…>` is not an autolink in CommonMark: give it its scheme.
        const fix = [{ ...link.span, text: url.startsWith('www.') ? `<https://${url}>` : `<${url}>` }];
        ctx.report({ message: format(this.meta.messages.bare, { url }), span: link.span, fix, suggestions: [{ desc: 'Wrap in <…>', edits: fix }] });
      }
    }
  },
};
