import { lexiconRule } from './lexicon-rule.js';

export const rule = lexiconRule(
  {
    id: 'editorializing',
    family: 'language',
    description: 'Words that tell the reader what to think ("infamously", "paradoxically", "of course", "clearly").',
    defaultSeverity: 'warning',
    fixable: false,
    actions: ['allow-term'],
    judgementFix: 'wording',
    messages: {
      found: '"{term}" tells the reader what to think: {reason} {advice}',
      alternatives: 'Consider {list}, or let the facts make the point.',
      noAlternative: 'Remove it and let the facts make the point.',
    },
  },
  { removable: true },
);
