import { isClaim } from '../claims.js';
import { format, type Rule } from './rule.js';

export const rule: Rule = {
  meta: {
    id: 'disputed-claim',
    family: 'sourcing',
    description: 'A claim a reviewer marked `<!-- disputed: NOTE -->`: it fails CI until the writer fixes or sources it.',
    defaultSeverity: 'error',
    fixable: false,
    messages: {
      disputed: 'Disputed in review: {note} Fix or source the claim, then replace the mark.',
    },
  },
  check(ctx) {
    for (const claim of ctx.claims()) {
      const review = claim.sentence.review;
      if (review?.status !== 'disputed' || !isClaim(claim)) continue;
      const note = review.note ? review.note.replace(/[.!?]?$/, '.') : '(no note)';
      ctx.report({ message: format(this.meta.messages.disputed, { note }), span: claim.sentence.span, data: { sentence: claim.sentence.span } });
    }
  },
};
