import { lexiconRule } from './lexicon-rule.js';

export const rule = lexiconRule(
  {
    id: 'relative-time',
    family: 'time',
    description: 'Time references that rot once the article is read later ("last October", "recently", "this year").',
    defaultSeverity: 'info',
    fixable: false,
    actions: ['allow-term'],
    judgementFix: 'wording',
    messages: {
      found: '"{term}" will date: {reason} {advice}',
      alternatives: 'Use an absolute date instead (e.g. {list}).',
      noAlternative: 'Use an absolute date instead (e.g. "in October 2022").',
    },
  },
  { removable: false, skipDated: true },
);
