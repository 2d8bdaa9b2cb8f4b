import { ruleTester } from '../helpers/rule-tester.js';

ruleTester('citation-needed', {
  valid: ['Aid fell by 40%.', 'Aid fell by 40% [citation needed].[^1]\n\n[^1]: IMF.'],
  invalid: [
    {
      code: 'Aid fell by 40% [citation needed]. It recovered later.',
      errors: [{ text: 'Aid fell by 40% [citation needed].', message: /still needs a source/ }],
    },
  ],
});
