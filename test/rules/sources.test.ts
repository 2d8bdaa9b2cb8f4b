/** Who is cited: source ratings (unreliable-source) and links that are not sources (non-source-link). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ruleTester, findingsOf } from '../helpers/rule-tester.js';

const bib = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/sources.bib');
const withBib = { bibliography: bib };

ruleTester('unreliable-source', {
  valid: [
    'Reliable: [Reuters](https://www.reuters.com/world/africa/x) and [AP](https://apnews.com/article/y).',
    'Unrated: [RFI](https://www.rfi.fr/fr/afrique/x) and [a ministry](https://www.gouv.ml/x).',
    'A bare word: RT said so, and Russia Today repeated it. Sputnik too.',
    'Lookalike hosts: [a](https://notrt.com/x), [b](https://rt.com.example.org/x), [c](https://sputniknews.com.evil.io/y).',
    {
      name: 'an exact host does not cover its other services',
      code: 'See the [AWS docs](https://docs.aws.amazon.com/x).',
    },
    'Not web links: [mail](mailto:press@rt.com), [local](./rt.com/notes.md), [anchor](#rt).',
    {
      name: 'a social post is non-source-link business, not a rating',
      code: 'Posted [here](https://twitter.com/someone/status/1).',
    },
    {
      name: 'citation keys resolve through the bibliography: a reliable URL',
      code: 'Reported [@reutersurl].',
      config: withBib,
    },
    {
      name: 'sources.ignore silences a domain',
      code: 'Per [RT](https://www.rt.com/news/1).',
      config: { sources: { ignore: ['rt.com'] } },
    },
    {
      name: 'sources.ignore silences a name',
      code: 'Per [TASS](https://tass.com/x).',
      config: { sources: { ignore: ['TASS'] } },
    },
    {
      name: 'a rating in configuration overrides the list',
      code: 'Per [TASS](https://tass.com/x).',
      config: { sources: { ratings: { 'tass.com': 'reliable' } } },
    },
    {
      name: 'sources.builtin: false drops the built-in list',
      code: 'Per [RT](https://www.rt.com/news/1).',
      config: { sources: { builtin: false } },
    },
    {
      name: 'a status can be switched off',
      code: 'Per [TASS](https://tass.com/x).',
      config: { sources: { severity: { 'no-consensus': 'off' } } },
    },
  ],
  invalid: [
    {
      name: 'domain, www. and the list date in the message',
      code: 'As [RT reported](https://www.rt.com/news/5501-mali/), the deal was signed.',
      errors: [
        {
          text: '[RT reported](https://www.rt.com/news/5501-mali/)',
          message: /^RT \(rt\.com\): deprecated\. .+\(rating: Wikipedia's perennial sources list, 2021-03-17\)$/,
        },
      ],
    },
    {
      name: 'subdomains and editions: francais., amp., m., a path-scoped row',
      code: 'One [a](https://francais.rt.com/x). Two [b](https://amp.rt.com/y). Three [c](https://m.rt.com/z). Four [d](https://www.rt.com/on-air/show).',
      errors: [
        { text: '[a](https://francais.rt.com/x)', message: /^RT \(francais\.rt\.com\): deprecated/ },
        { text: '[b](https://amp.rt.com/y)' },
        { text: '[c](https://m.rt.com/z)' },
        { text: '[d](https://www.rt.com/on-air/show)' },
      ],
    },
    {
      name: 'a path-scoped row matches its path only: youtube.com/user/telesurenglish is Telesur, not all of YouTube',
      code: 'Aired [on Telesur](https://www.youtube.com/user/telesurenglish/videos).',
      errors: [{ text: '[on Telesur](https://www.youtube.com/user/telesurenglish/videos)', message: /^Telesur/ }],
    },
    {
      name: 'bare URLs, autolinks, reference links and footnote definitions, each once',
      code: 'Bare https://sputniknews.com/a and <https://sputnikglobe.com/b> and [ref][s].[^1]\n\n[s]: https://sputniknews.africa/c\n\n[^1]: Sputnik, <https://fr.sputniknews.africa/d>.',
      errors: [
        { text: 'https://sputniknews.com/a', message: /^Sputnik/ },
        { text: '<https://sputnikglobe.com/b>' },
        { text: '[ref][s]' },
        { text: '<https://fr.sputniknews.africa/d>' },
      ],
    },
    {
      name: 'an archived copy is its original',
      code: 'Archived [here](https://web.archive.org/web/20220301000000/https://www.rt.com/russia/1/).',
      errors: [
        {
          text: '[here](https://web.archive.org/web/20220301000000/https://www.rt.com/russia/1/)',
          message: /^RT \(rt\.com\)/,
        },
      ],
    },
    {
      name: 'an exact host still matches itself and www.',
      code: 'Sold [here](https://www.amazon.com/dp/B0001).',
      errors: [
        { text: '[here](https://www.amazon.com/dp/B0001)', message: /^Amazon \(amazon\.com\): generally unreliable/ },
      ],
    },
    {
      name: 'no consensus is info, with attribution advice',
      code: 'Lavrov said it ([TASS](https://tass.com/politics/1)).',
      errors: [
        { text: '[TASS](https://tass.com/politics/1)', message: /no consensus on reliability.*according to TASS/ },
      ],
    },
    {
      name: 'topic-specific rows: the political scope sets the status, the others are named',
      code: 'Reported by [AA](https://www.aa.com.tr/en/africa/x).',
      errors: [
        {
          text: '[AA](https://www.aa.com.tr/en/africa/x)',
          message:
            /generally unreliable for controversial topics, international politics \(no consensus on reliability for general topics\)/,
        },
      ],
    },
    {
      name: 'names in .bib fields: "Russia Today", "RT", a DOI prefix, a URL before the publisher field',
      code: 'First [@rtname]. Second [@rtshort]. Third [@mdpidoi]. Fourth [@sputnikurl].',
      config: withBib,
      errors: [
        { text: 'rtname', message: /^RT \(@rtname\): deprecated/ },
        { text: 'rtshort', message: /^RT/ },
        { text: 'mdpidoi', message: /^MDPI/ },
        { text: 'sputnikurl', message: /^Sputnik \(sputnikglobe\.com\)/ },
      ],
    },
    {
      name: 'a rating by domain in configuration, with its reason',
      code: 'Per [the channel](https://example-news.org/story/1).',
      config: {
        sources: {
          ratings: {
            'example-news.org': {
              status: 'unreliable',
              reason: 'house rule: anonymous ownership',
              name: 'Example News',
            },
          },
        },
      },
      errors: [
        {
          text: '[the channel](https://example-news.org/story/1)',
          message:
            /^Example News \(example-news\.org\): generally unreliable\. House rule: anonymous ownership\..*sources\.ratings in \.sourcelintrc\.json/,
        },
      ],
    },
    {
      name: "a rating by name keeps the list's domains",
      code: 'Per [Reuters](https://www.reuters.com/x).',
      config: { sources: { ratings: { Reuters: 'no-consensus' } } },
      errors: [{ text: '[Reuters](https://www.reuters.com/x)', message: /^Reuters \(reuters\.com\): no consensus/ }],
    },
  ],
});

test('unreliable-source: severities by status, configurable', () => {
  const code =
    'One [a](https://www.rt.com/x). Two [b](https://tass.com/y). Three [c](https://www.dailymail.co.uk/z). Four [d](https://www.presstv.ir/w).';
  const severities = (config?: object) => findingsOf('unreliable-source', { code, config }).map((f) => f.severity);
  assert.deepEqual(severities(), ['warning', 'info', 'warning', 'warning']);
  assert.deepEqual(severities({ sources: { severity: { deprecated: 'error' } } }), [
    'error',
    'info',
    'error',
    'warning',
  ]);
  assert.deepEqual(severities({ rules: { 'unreliable-source': 'error' } }), ['error', 'info', 'error', 'error']);
});

test('unreliable-source: sources.lists adds a newsroom list (JSON or YAML); a broken list is a problem, not a crash', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcelint-lists-'));
  fs.writeFileSync(
    path.join(dir, 'house.yaml'),
    'title: House list\ndate: 2024-05-01\nsources:\n  - name: Sahel Wire\n    domains: [sahelwire.example]\n    status: deprecated\n    reason: fabricated interviews\n',
  );
  fs.writeFileSync(path.join(dir, 'broken.json'), '{"sources": [{"name": "X", "status": "great"}]}');
  const { lint } = await import('sourcelint');
  const text = 'Per [the wire](https://news.sahelwire.example/a).';
  const layers = [
    { config: { sources: { lists: ['house.yaml', 'broken.json'] } }, file: path.join(dir, '.sourcelintrc.json') },
  ];
  const result = lint(text, { filePath: path.join(dir, 'draft.md'), layers });
  const found = result.findings.filter((f) => f.ruleId === 'unreliable-source');
  assert.equal(found.length, 1);
  assert.match(
    found[0].message,
    /^Sahel Wire \(news\.sahelwire\.example\): deprecated\. Fabricated interviews\..*\(rating: House list, 2024-05-01\)$/,
  );
  assert.deepEqual(
    result.problems.map((p) => [path.basename(p.file), p.message]),
    [
      [
        'broken.json',
        'not a source list: source "X": "status" must be one of reliable, no-consensus, unreliable, deprecated, blacklisted',
      ],
    ],
  );
});

ruleTester('non-source-link', {
  valid: [
    'A report [from Reuters](https://www.reuters.com/world/x?id=4#top).',
    {
      name: 'a Wikipedia link that names its article explains a term',
      code: 'The [Gang of Four](https://en.wikipedia.org/wiki/Gang_of_Four) fell.',
    },
    'Maps are not searches: [the town](https://www.google.com/maps?q=Moura).',
    {
      name: 'an ignored platform',
      code: 'See [post](https://t.me/chan/1).',
      config: { sources: { ignore: ['t.me'] } },
    },
    {
      name: 'an image credit inside a template tag is not a citation',
      code: 'Text.\n\n{{< figure src="a.jpg" attr="Credit: https://t.me/chan/1" >}}\n\n{% include image source-url="https://en.wikipedia.org/wiki/X" %}',
    },
  ],
  invalid: [
    {
      code: 'Short [link](https://bit.ly/3abc) and [another](http://t.co/xyz).',
      errors: [
        { text: '[link](https://bit.ly/3abc)', message: /^Shortened link \(bit\.ly\)/ },
        { text: '[another](http://t.co/xyz)' },
      ],
    },
    {
      code: 'I [searched](https://www.google.fr/search?q=wagner+mali) and [again](https://duckduckgo.com/?q=wagner).',
      errors: [
        { text: '[searched](https://www.google.fr/search?q=wagner+mali)', message: /search results page/ },
        { text: '[again](https://duckduckgo.com/?q=wagner)' },
      ],
    },
    {
      name: 'social posts are info: attribute and archive',
      code: 'A [post](https://x.com/someone/status/1), a [channel](https://t.me/chan/77), a [video](https://www.tiktok.com/@u/video/9) and a [page](https://m.facebook.com/p/1).',
      errors: [
        {
          text: '[post](https://x.com/someone/status/1)',
          message: /post on X \(Twitter\) is a primary source.*archive/,
        },
        { text: '[channel](https://t.me/chan/77)', message: /Telegram/ },
        { text: '[video](https://www.tiktok.com/@u/video/9)', message: /TikTok/ },
        { text: '[page](https://m.facebook.com/p/1)', message: /Facebook/ },
      ],
    },
    {
      name: 'Wikipedia as a citation: in a footnote, bare, or under another name',
      code: 'The toll rose.[^1] See [this](https://en.m.wikipedia.org/wiki/Moura).\n\n[^1]: https://fr.wikipedia.org/wiki/Moura',
      errors: [
        { text: '[this](https://en.m.wikipedia.org/wiki/Moura)', message: /^Wikipedia is not a source/ },
        { text: 'https://fr.wikipedia.org/wiki/Moura' },
      ],
    },
    {
      name: 'tracking parameters: removed by the fix, the rest of the query and the fragment kept',
      code: 'Per [Reuters](https://www.reuters.com/a?utm_source=x&id=4&fbclid=AbC#p2).',
      errors: [
        {
          text: '[Reuters](https://www.reuters.com/a?utm_source=x&id=4&fbclid=AbC#p2)',
          message: /tracking parameters \(utm_source, fbclid\)/,
          suggestions: ['Remove tracking parameters'],
          output: 'Per [Reuters](https://www.reuters.com/a?id=4#p2).',
        },
      ],
    },
    {
      name: 'tracking parameters in a bare URL: the query goes when nothing else is left',
      code: 'See https://www.bbc.com/news/x?gclid=1&utm_medium=social for it.',
      errors: [
        {
          text: 'https://www.bbc.com/news/x?gclid=1&utm_medium=social',
          output: 'See https://www.bbc.com/news/x for it.',
        },
      ],
    },
    {
      name: "a bibliography entry's shortened URL is reported at its citation key",
      code: 'Shared [@shortened].',
      config: withBib,
      errors: [{ text: 'shortened', message: /Shortened link \(t\.co\)/ }],
    },
  ],
});

test('non-source-link: the tracking fix is deterministic (fix-all) and social posts stay info', () => {
  const code = 'Per [R](https://www.reuters.com/a?utm_campaign=z).';
  const [tracking] = findingsOf('non-source-link', { code });
  const start = code.indexOf('https');
  assert.deepEqual(tracking.fix, [{ start, end: code.indexOf(')'), text: 'https://www.reuters.com/a' }]);
  assert.equal(tracking.severity, 'warning');
  const [social] = findingsOf('non-source-link', { code: 'A [post](https://t.me/c/1?utm_source=share).' });
  assert.equal(social.severity, 'info');
  assert.match(social.message, /Telegram.*also carries tracking parameters \(utm_source\)/);
  assert.ok(social.fix);
});
