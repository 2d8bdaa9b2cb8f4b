import { ruleTester } from '../helpers/rule-tester.js';

ruleTester('unsourced-gloss', {
  valid: [
    'The CFA franc literally means "French Colony of Africa".[^1]\n\n[^1]: Banque de France, history of the franc zone.',
    'This means that the budget will shrink.',
    'The word was spoken loudly.',
    // The cue with nothing after it states no meaning.
    'Few voters could say what ECOWAS is and stands for, and fewer cared.',
    // "translates into", "derived from" in their figurative senses: nothing about a language.
    'Political influence still translates into the capacity to win state contracts.',
    'The estimate of 300,000 members is derived from the subscribers of the channel.',
  ],
  invalid: [
    {
      code: 'The CFA franc (which also literally means "French Colony of Africa") is pegged to the euro.',
      errors: [{ text: 'literally means' }],
    },
    { code: 'ECOWAS stands for Economic Community of West African States.', errors: [{ text: 'stands for' }] },
    {
      code: 'The name Sahel is derived from the Arabic word for shore.',
      errors: [{ text: 'derived from the Arabic' }],
    },
    { code: 'The memoir was translated into Russian in 1921.', errors: [{ text: 'translated into Russian' }] },
    { code: 'The name of the river translates as “black water”.', errors: [{ text: 'translates as' }] },
    { code: 'The Persian term derives from a verb meaning to rule.', errors: [{ text: 'derives from' }] },
    { code: 'Barkhane is French for a crescent-shaped dune.', errors: [{ text: 'is French for' }] },
  ],
});
