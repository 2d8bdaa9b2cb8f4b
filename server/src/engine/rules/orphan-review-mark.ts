import { isClaim } from '../claims.js';
import { defineRule } from './rule.js';

export const rule = defineRule({
  meta: {
    id: 'orphan-review-mark',
    family: 'review',
    description: 'A `<!-- verified: … -->` or `<!-- disputed: … -->` mark that follows no claim in its paragraph.',
    defaultSeverity: 'warning',
    fixable: false,
    messages: {
      orphan:
        'This {status} mark follows no claim. Put it right after the sentence it reviews, in the same paragraph, or remove it.',
    },
  },
  check(ctx) {
    if (ctx.doc.reviewMarks.length === 0) return;
    const claims = new Set(
      ctx
        .claims()
        .filter(isClaim)
        .map((c) => c.sentence),
    );
    for (const mark of ctx.doc.reviewMarks) {
      if (mark.sentence && claims.has(mark.sentence)) continue;
      ctx.report({ messageId: 'orphan', values: { status: mark.status }, span: mark.span });
    }
  },
});
