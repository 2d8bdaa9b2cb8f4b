import { needsSource } from '../claims.js';
import { format, type Rule } from './rule.js';

export const rule: Rule = {
  meta: {
    id: 'unsourced-statistic',
    family: 'sourcing',
    description: 'A percentage, money amount, count, ratio or other figure in a sentence with no citation.',
    defaultSeverity: 'warning',
    fixable: false,
    messages: {
      missing: 'The figure "{figure}" has no source. Add a footnote or citation where it comes from.',
      attributed: 'The figure "{figure}" is attributed to {source} but not cited. Add a footnote or link to where {source} published it.',
    },
  },
  check(ctx) {
    for (const claim of ctx.claims()) {
      const need = needsSource(claim, ctx.attributionPolicy);
      if (!need) continue;
      const offset = claim.sentence.span.start;
      for (const figure of claim.figures) {
        const template = typeof need === 'string' ? this.meta.messages.attributed : this.meta.messages.missing;
        ctx.report({
          message: format(template, { figure: figure.text, source: String(need) }),
          span: { start: offset + figure.span.start, end: offset + figure.span.end },
          data: { sentence: claim.sentence.span },
        });
      }
    }
  },
};
