import { ruleTester } from '../helpers/rule-tester.js';

ruleTester('empty-link-text', {
  valid: [
    'Aid fell by 40% in 2022 ([OECD](https://example.org/oecd)).',
    'A reference link [OECD][o].\n\n[o]: https://example.org/oecd',
    'An image link [![OECD logo](logo.png)](https://example.org/oecd).',
    'An autolink <https://example.org/oecd> and a bare one https://example.org/x.',
    { name: "a link with no target is empty-citation's", code: 'A link [to nowhere]() here.' },
    'An HTML link <a href="https://example.org/oecd">OECD</a>.',
  ],
  invalid: [
    {
      code: 'Aid fell by 40% in 2022.[](https://example.org/oecd)',
      errors: [{ text: '[](https://example.org/oecd)', message: /Link to https:\/\/example\.org\/oecd has no text/ }],
    },
    {
      name: 'spaces and emphasis markers are no text',
      code: 'See [ ** ](https://example.org/a) and [ ][r].\n\n[r]: https://example.org/r',
      errors: [{ text: '[ ** ](https://example.org/a)' }, { text: '[ ][r]' }],
    },
    {
      code: 'An HTML link <a href="https://example.org/h"> </a> here.',
      errors: [{ text: '<a href="https://example.org/h"> </a>' }],
    },
  ],
});
