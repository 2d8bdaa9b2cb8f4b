import { lexiconRule } from './lexicon-rule.js';

export const rule = lexiconRule(
  {
    id: 'unsupported-attribution',
    family: 'language',
    description: 'Weasel attribution to unnamed people ("critics say", "some fear", "it is believed").',
    defaultSeverity: 'warning',
    fixable: false,
    actions: ['allow-term', 'attribute'],
    judgementFix: 'wording',
    messages: {
      found: '"{term}" attributes a view to unnamed people: {reason} {advice}',
      alternatives: 'Name who says so and cite them (e.g. {list}).',
      noAlternative: 'Name who says so and cite them.',
    },
  },
  { skipCited: true },
);
