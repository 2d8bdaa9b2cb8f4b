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
      found: '"{term}" names no source: {reason} {advice}',
      alternatives: 'For example: {list}.',
      noAlternative: 'Name the source and cite it.',
    },
  },
  { skipCited: true },
);
