import { needsSource } from '../claims.js';
import { defineRule } from './rule.js';

export const rule = defineRule({
  meta: {
    id: 'unsourced-gloss',
    family: 'sourcing',
    description:
      'A definition, etymology or translation stated as fact with no citation ("literally means", "stands for").',
    defaultSeverity: 'warning',
    fixable: false,
    actions: ['source-sentence'],
    judgementFix: 'citation-needed',
    reportsClaims: true,
    readsEnglish: true,
    messages: {
      missing: '"{gloss}" states a meaning or origin as fact. Cite a dictionary, glossary or official source for it.',
    },
  },
  check(ctx) {
    for (const claim of ctx.claims()) {
      if (!needsSource(claim, ctx.attributionPolicy)) continue;
      const { text, span } = claim.sentence;
      for (const g of claim.glosses) {
        ctx.report({
          messageId: 'missing',
          values: { gloss: text.slice(g.start, g.end) },
          span: { start: span.start + g.start, end: span.start + g.end },
          data: { sentence: span },
        });
      }
    }
  },
});
