import { defineRule } from './rule.js';

export const rule = defineRule({
  meta: {
    id: 'undefined-footnote',
    family: 'hygiene',
    description: 'A footnote reference `[^id]` with no matching definition.',
    defaultSeverity: 'error',
    fixable: false,
    messages: {
      missing: 'Footnote [^{id}] has no definition. Add "[^{id}]: …" with its source, or remove the reference.',
    },
  },
  check(ctx) {
    for (const pb of ctx.doc.prose) {
      for (const m of pb.markers) {
        if (m.kind === 'undefined-footnote')
          ctx.report({ messageId: 'missing', values: { id: m.id ?? '' }, span: m.span });
      }
    }
  },
});
