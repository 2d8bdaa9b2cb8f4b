import { lexiconRule } from './lexicon-rule.js';

export const rule = lexiconRule({
  id: 'loaded-term',
  family: 'language',
  description: 'Contentious labels, emotive wording, puffery and euphemism that take sides instead of describing.',
  defaultSeverity: 'warning',
  fixable: false,
  actions: ['allow-term'],
  judgementFix: 'wording',
  messages: {
    found: '"{term}" is loaded language ({category}): {reason} {advice}',
    alternatives: 'Consider {list}, or attribute the wording to a source.',
    noAlternative: 'Describe what happened instead, or attribute the wording to a source.',
  },
});
