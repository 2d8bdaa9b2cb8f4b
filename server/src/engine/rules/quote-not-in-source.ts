import { checkClaimsWithCopies, copyName, excerpt, pageNote } from '../evidence/cited-copies.js';
import { bestPassage } from '../evidence/passages.js';
import { findQuotation, quotationParts } from '../evidence/source-quotes.js';
import { defineRule } from './rule.js';

/** Shorter quotations are mostly terms and titles ("a farce"), checked by reading, not by matching. */
const MIN_WORDS = 3;

export const rule = defineRule({
  meta: {
    id: 'quote-not-in-source',
    family: 'sourcing',
    description:
      'A quotation in a cited sentence that none of its saved sources contains (whitespace, quotation marks, dashes, case and hyphenation aside; an ellipsis splits it).',
    defaultSeverity: 'warning',
    fixable: false,
    reportsClaims: true,
    messages: {
      closest: 'This quotation is not in the cited source. The closest passage, in {source}{page}: "{passage}"',
      none: 'This quotation is not in the cited source, and no passage of it shares its words.',
    },
  },
  check(ctx) {
    checkClaimsWithCopies(
      ctx,
      (c) => c.quotes.length > 0,
      (claim, copies) => {
        const { text, span } = claim.sentence;
        for (const q of claim.quotes) {
          const quotation = text.slice(q.span.start, q.span.end);
          const parts = quotationParts(quotation);
          if (parts.reduce((n, p) => n + p.words.trim().split(' ').length, 0) < MIN_WORDS) continue;
          if (findQuotation(parts, copies)) continue;
          const closest = bestPassage(quotation, copies);
          const copy = closest && copies.find((c) => c.file === closest.file);
          const at = { start: span.start + q.span.start, end: span.start + q.span.end };
          if (closest && copy) {
            ctx.report({
              messageId: 'closest',
              values: {
                source: copyName(copy, copies),
                page: pageNote(copy, closest.page),
                passage: excerpt(closest.passage, quotation),
              },
              span: at,
            });
          } else {
            ctx.report({ messageId: 'none', span: at });
          }
        }
      },
    );
  },
});
