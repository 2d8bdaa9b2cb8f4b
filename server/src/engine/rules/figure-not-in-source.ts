import { checkClaimsWithCopies, copyName, pageNote } from '../evidence/cited-copies.js';
import { describeUnit, readQuantities } from '../evidence/quantities.js';
import { checkFigure } from '../evidence/source-figures.js';
import { defineRule } from './rule.js';

export const rule = defineRule({
  meta: {
    id: 'figure-not-in-source',
    family: 'sourcing',
    description:
      'A figure in a cited sentence that none of its saved sources contains (compared as values, with rounding and hedges).',
    defaultSeverity: 'warning',
    fixable: false,
    reportsClaims: true,
    messages: {
      nearest: 'The figure "{figure}" is not in the cited source: {source} gives {nearest}{page}.',
      none: 'The figure "{figure}" is not in the cited source, which gives no {unit} at all.',
    },
  },
  check(ctx) {
    checkClaimsWithCopies(
      ctx,
      (c) => c.figures.length > 0,
      (claim, copies) => {
        const { text, words, span } = claim.sentence;
        const quantities = ctx.memo('quantities', text, () => readQuantities(text, words));
        for (const figure of claim.figures) {
          // The figure finder decides what is a figure; the quantity reader, what value it states.
          const q = quantities.find((x) => x.span.start < figure.span.end && x.span.end > figure.span.start);
          if (!q) continue;
          const { found, nearest } = checkFigure(q, copies);
          if (found) continue;
          // The finding covers what was compared: the figure with its hedge and unit ("120 miles", not "120").
          const start = Math.min(figure.span.start, q.span.start);
          const end = Math.max(figure.span.end, q.span.end);
          const stated = text.slice(start, end);
          const at = { start: span.start + start, end: span.start + end };
          if (nearest) {
            ctx.report({
              messageId: 'nearest',
              values: {
                figure: stated,
                source: copyName(nearest.copy, copies),
                nearest: nearest.text,
                page: pageNote(nearest.copy, nearest.page),
              },
              span: at,
            });
          } else {
            ctx.report({ messageId: 'none', values: { figure: stated, unit: describeUnit(q.unit) }, span: at });
          }
        }
      },
    );
  },
});
