import { ruleTester } from '../helpers/rule-tester.js';

ruleTester('citation-needed', {
  valid: ['Aid fell by 40%.', 'Aid fell by 40% [citation needed].[^1]\n\n[^1]: IMF.'],
  invalid: [
    {
      code: 'Aid fell by 40% [citation needed]. It recovered later.',
      errors: [{ text: 'Aid fell by 40% [citation needed].', message: /still needs a source/ }],
    },
    {
      name: 'a wiki export’s tags, in a superscript, escaped and in italics; a request for a better source',
      code: 'Aid fell by 40%.<sup>\\[*citation needed*\\]</sup> Exports rose by 12% [better source needed].',
      errors: [{ text: 'Aid fell by 40%.' }, { text: 'Exports rose by 12% [better source needed].' }],
    },
  ],
});
