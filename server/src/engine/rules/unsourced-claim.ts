import { claimContext, needsSource, whyUncovered } from '../claims.js';
import { defineRule } from './rule.js';

const CUE_NAMES: Record<string, string> = {
  event: 'an event',
  'completed-event': 'an event',
  superlative: 'a superlative',
  causal: 'a cause',
  state: 'a state of affairs',
  'unnamed-view': 'a view given to unnamed people',
};

export const rule = defineRule({
  meta: {
    id: 'unsourced-claim',
    family: 'sourcing',
    description:
      'A checkable factual assertion with no citation: events with actors, votes, decisions, causal claims about named actors, superlatives.',
    defaultSeverity: 'warning',
    fixable: false,
    actions: ['source-sentence'],
    judgementFix: 'citation-needed',
    reportsClaims: true,
    readsEnglish: true,
    messages: {
      missing:
        'This sentence states a checkable fact without a source{why}. Add a footnote or citation, or mark it [citation needed].',
      missingCue:
        'This sentence states a checkable fact ({cue}: "{text}") without a source{why}. Add a footnote or citation, or mark it [citation needed].',
      attributed:
        'This claim is attributed to {source} but not cited. Add a footnote or link to where {source} published it.',
    },
  },
  check(ctx) {
    for (const claim of ctx.claims()) {
      // A figure, gloss or quotation already points at what needs the source; the whole sentence would be noise.
      if (
        !claim.factual ||
        claim.figures.length > 0 ||
        claim.glosses.length > 0 ||
        claim.quotes.some((q) => !q.attributed)
      )
        continue;
      const need = needsSource(claim, ctx.attributionPolicy);
      if (!need) continue;
      const { span } = claim.sentence;
      ctx.reuse(claim.sentence.text, claimContext(claim), span.start, () => {
        const messageId = need.kind === 'attributed' ? 'attributed' : claim.cue ? 'missingCue' : 'missing';
        const values = {
          source: need.kind === 'attributed' ? need.source : '',
          cue: CUE_NAMES[claim.cue?.category ?? ''] ?? claim.cue?.category ?? '',
          text: claim.cue?.text ?? '',
          why: whyUncovered(claim),
        };
        ctx.report({ messageId, values, span, data: { sentence: span } });
      });
    }
  },
});
