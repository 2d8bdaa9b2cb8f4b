import { ruleTester } from '../helpers/rule-tester.js';
import { copiesFromFolder, fixtureSources } from '../helpers/source-copies.js';

const sourceCopies = copiesFromFolder(fixtureSources(), {
  'https://example.org/ministry-statement': 'ministry-statement',
});
const withCopies = (code: string, name?: string) => ({ code, sourceCopies, name });

ruleTester('figure-not-in-source', {
  valid: [
    withCopies('Acute food insecurity affected 9.7% of households [@lakeregion2025].', 'same value, % for "per cent"'),
    withCopies(
      'Acute food insecurity affected 10% of households [@lakeregion2025].',
      'rounded to the precision written',
    ),
    withCopies('About 10 percent of households faced acute food insecurity [@lakeregion2025].', 'about: within 10%'),
    withCopies(
      'Nearly 2.5 million people had been displaced by May [@lakeregion2025].',
      'nearly: the source value just below',
    ),
    withCopies('Some 2.5 million people had been displaced by May [@lakeregion2025].'),
    withCopies('Humanitarian funding reached $100m in 2024 [@lakeregion2025].', '$100m = USD 100 million'),
    withCopies('Donors gave one hundred million dollars in 2024 [@lakeregion2025].', 'number words and currency words'),
    withCopies('The survey reached more than 1,200 households [@lakeregion2025].', 'more than: the source value above'),
    withCopies('The survey reached 1240 households in four districts [@lakeregion2025].', '1240 = 1,240'),
    withCopies('The road to the lake, 120 km long, was shut for months [@lakeregion2025].'),
    withCopies('Millet prices rose by thirty-eight per cent over the year [@lakeregion2025].'),
    withCopies(
      'One in five trucks was turned back, a driver said.[^3]\n\n[^3]: Interview with a driver, June 2025.',
      'a footnote label',
    ),
    withCopies(
      'The deficit narrowed to 4.2% of GDP ([statement](https://example.org/ministry-statement)).',
      'a link to a saved URL',
    ),
    withCopies('Unemployment rose to 14% [@nocopy2025].', 'no saved copy: nothing to check'),
    'Acute food insecurity affected 12% of households [@lakeregion2025].',
    {
      name: 'a percentage with decimals in a table whose header gives the unit',
      code: 'Unemployment reached 11.4% in the north [@table].',
      sourceCopies: {
        byKey: (k: string) =>
          k === 'table' ? { file: '/t.txt', pages: ['Unemployment rate (%)\nNorth 11.4\nSouth 7.9\n'] } : undefined,
        byUrl: () => undefined,
      },
    },
  ],
  invalid: [
    {
      ...withCopies('Acute food insecurity affected 12% of households [@lakeregion2025].'),
      errors: [{ text: '12%', message: /"12%" is not in the cited source: the source gives 9\.7 per cent \(p\. 2\)/ }],
    },
    {
      ...withCopies(
        'Acute food insecurity affected 9% of households [@lakeregion2025].',
        'below the rounding of the figure',
      ),
      errors: [{ text: '9%', message: /gives 9\.7 per cent/ }],
    },
    {
      ...withCopies('Some 3 million people were displaced [@lakeregion2025].', 'about: outside 10%'),
      errors: [{ text: 'Some 3 million', message: /gives 2,483,000 \(p\. 2\)/ }],
    },
    {
      ...withCopies(
        'In all, 2.4 million people had been displaced [@lakeregion2025].',
        'a precise figure the source does not round to',
      ),
      errors: [{ text: '2.4 million', message: /2,483,000/ }],
    },
    {
      ...withCopies('More than 3,000 households took part [@lakeregion2025].', 'more than: the source value is below'),
      errors: [{ text: 'More than 3,000', message: /1,240 \(p\. 1\)/ }],
    },
    {
      name: 'a whole-number percentage is not taken from a bare number',
      code: 'Unemployment reached 12% in the north [@table].',
      sourceCopies: {
        byKey: (k: string) =>
          k === 'table'
            ? { file: '/t.txt', pages: ['Unemployment rate (%) by region, 12 regions\nNorth 11.4\n'] }
            : undefined,
        byUrl: () => undefined,
      },
      errors: [{ text: '12%', message: /which gives no percentage at all/ }],
    },
    {
      ...withCopies('Humanitarian funding reached $150m in 2024 [@lakeregion2025].'),
      errors: [{ text: '$150m', message: /gives USD 100 million \(p\. 2\)/ }],
    },
    {
      ...withCopies('The road to the lake, 120 miles long, was shut [@lakeregion2025].', 'units must agree'),
      errors: [{ text: '120 miles', message: /"120 miles" is not in the cited source, which gives no figure in mile/ }],
    },
    {
      ...withCopies('The deficit narrowed to 2.4% of GDP ([statement](https://example.org/ministry-statement)).'),
      errors: [{ text: '2.4%', message: /gives 4\.2%\.$/ }],
    },
    {
      ...withCopies(
        'Public debt stood at 65.1% of GDP [1]. The deficit narrowed to 4.2% of GDP [1].\n\n## References\n\n1. Ministry of Finance, press release, https://example.org/ministry-statement\n',
        'a numbered reference: the URL of its entry',
      ),
      errors: [{ text: '65.1%', message: /gives 61\.5 per cent\.$/ }],
    },
    {
      ...withCopies(
        'Acute food insecurity affected 9.7% of households [@lakeregion2025]. Millet prices rose by 45% over the year (ibid.).',
        'ibid. repeats the sources before it',
      ),
      errors: [{ text: '45%', message: /gives 38% \(p\. 2\)/ }],
    },
    {
      ...withCopies(
        'Aid covered 30% of needs [@lakeregion2025; @nocopy2025].',
        'one source saved, one not: the saved one is checked',
      ),
      errors: [{ text: '30%', message: /38%/ }],
    },
  ],
});

ruleTester('quote-not-in-source', {
  valid: [
    withCopies(
      'Farouk said “we are no longer talking about a lean season” [@lakeregion2025].',
      'case and quotation marks',
    ),
    withCopies(
      '“We are no longer talking about a lean season … the families who stayed have sold everything they could sell,” Farouk said [@lakeregion2025].',
      'an ellipsis, and a word hyphenated at a line end',
    ),
    withCopies(
      '“We are no longer talking about a lean season [...] the families who stayed have sold everything,” she said [@lakeregion2025].',
      'a bracketed ellipsis',
    ),
    withCopies(
      '“[The families] who stayed have sold everything they could sell,” Farouk said [@lakeregion2025].',
      'an editorial insertion',
    ),
    withCopies('Farouk said “[w]e are talking about a lean decade” [@lakeregion2025].', 'a bracketed letter'),
    withCopies(
      'Farmers called the harvest "the worst since the drought of 2011" [@lakeregion2025].',
      'straight for curly single quotes',
    ),
    withCopies(
      'A driver said trucks waited “eleven days — eleven days! — with medicine that was already expiring.”[^3]\n\n[^3]: Interview, June 2025.',
      'dashes and a footnote label',
    ),
    withCopies(
      'The minister promised to “restore the confidence of investors, one reform at a time” ([statement](https://example.org/ministry-statement)).',
    ),
    withCopies('Farouk said: “We are no longer talking about a lean year.” [@nocopy2025]', 'no saved copy'),
    withCopies('Farouk warned of “a lean decade” [@lakeregion2025].', 'too short to check'),
  ],
  invalid: [
    {
      ...withCopies('Farouk said: “We are no longer talking about a lean year.” [@lakeregion2025]'),
      errors: [
        {
          text: '“We are no longer talking about a lean year.”',
          message: /closest passage, in the source \(p\. 3\): ".*no longer talking about a lean season/,
        },
      ],
    },
    {
      ...withCopies(
        '“The families who stayed have sold everything … we are no longer talking about a lean season,” she said [@lakeregion2025].',
        'parts out of order',
      ),
      errors: [
        {
          text: '“The families who stayed have sold everything … we are no longer talking about a lean season,”',
          message: /\(p\. 3\)/,
        },
      ],
    },
    {
      ...withCopies(
        '“We are no longer talking about [the drought] they could sell,” she said [@lakeregion2025].',
        'an insertion stands for a few words, not a paragraph',
      ),
      errors: [{ text: '“We are no longer talking about [the drought] they could sell,”' }],
    },
    {
      ...withCopies(
        'The minister promised to “restore investor confidence, one reform at a time” ([statement](https://example.org/ministry-statement)).',
      ),
      errors: [
        {
          text: '“restore investor confidence, one reform at a time”',
          message: /in the source: ".*restore the confidence of investors/,
        },
      ],
    },
  ],
});
