import { defineRule } from './rule.js';

export const rule = defineRule({
  meta: {
    id: 'citation-needed',
    family: 'sourcing',
    description: 'A sentence the writer marked [citation needed]: acknowledged, still to be sourced.',
    defaultSeverity: 'info',
    fixable: false,
    reportsClaims: true,
    messages: {
      marked: 'Marked [citation needed]: this sentence still needs a source before publication.',
    },
  },
  check(ctx) {
    for (const claim of ctx.claims()) {
      if (claim.sentence.citationNeeded && !claim.cited) {
        ctx.report({ messageId: 'marked', span: claim.sentence.span, data: { sentence: claim.sentence.span } });
      }
    }
  },
});
