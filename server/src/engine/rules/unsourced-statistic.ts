import { claimContext, needsSource, whyUncovered } from '../claims.js';
import { quotable } from '../strings.js';
import { defineRule } from './rule.js';

export const rule = defineRule({
  meta: {
    id: 'unsourced-statistic',
    family: 'sourcing',
    description: 'A percentage, money amount, count, ratio or other figure in a sentence with no citation.',
    defaultSeverity: 'warning',
    fixable: false,
    actions: ['source-sentence'],
    judgementFix: 'citation-needed',
    reportsClaims: true,
    readsEnglish: true,
    messages: {
      missing: 'The figure "{figure}" has no source{why}. Add a footnote or citation where it comes from.',
      attributed:
        'The figure "{figure}" is attributed to {source} but not cited. Add a footnote or link to where {source} published it.',
    },
  },
  check(ctx) {
    for (const claim of ctx.claims()) {
      const need = needsSource(claim, ctx.attributionPolicy);
      if (!need || claim.figures.length === 0) continue;
      const offset = claim.sentence.span.start;
      ctx.reuse(claim.sentence.text, claimContext(claim), offset, () => {
        for (const figure of claim.figures) {
          ctx.report({
            messageId: need.kind === 'attributed' ? 'attributed' : 'missing',
            values: {
              figure: quotable(figure.text),
              source: need.kind === 'attributed' ? need.source : '',
              why: whyUncovered(claim),
            },
            span: { start: offset + figure.span.start, end: offset + figure.span.end },
            data: { sentence: claim.sentence.span },
          });
        }
      });
    }
  },
});
