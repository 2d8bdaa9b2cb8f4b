import { isClaim } from '../claims.js';
import { defineRule } from './rule.js';

export const rule = defineRule({
  meta: {
    id: 'disputed-claim',
    family: 'review',
    description:
      'A claim a reviewer marked `<!-- disputed: NOTE -->`: it fails CI until the writer fixes or sources it.',
    defaultSeverity: 'error',
    fixable: false,
    actions: ['source-sentence'],
    reportsClaims: true,
    messages: {
      disputed: 'Disputed in review: {note} Fix or source the claim, then replace the mark.',
    },
  },
  check(ctx) {
    for (const claim of ctx.claims()) {
      const review = claim.sentence.review;
      if (review?.status !== 'disputed' || !isClaim(claim)) continue;
      const note = review.note ? review.note.replace(/[.!?]?$/, '.') : '(no note)';
      ctx.report({
        messageId: 'disputed',
        values: { note },
        span: claim.sentence.span,
        data: { sentence: claim.sentence.span },
      });
    }
  },
});
