/**
 * Evidence for cited claims (issue #10): the best-matching passage of a claim's saved sources with its page, the
 * cited sources with no saved copy, and how `claims` (CSV, Markdown, JSON) and the HTML report show them.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { lint, reviewClaims } from 'sourcelint';
import { claimRows, formatClaimsMarkdown } from 'sourcelint/shared/checklist.js';
import { formatClaimsCsv, formatClaimsJson } from 'sourcelint/cli/formatters/claims.js';
import { formatReport } from 'sourcelint/cli/formatters/report.js';
import type { SourceCopies, SourceText } from 'sourcelint/engine/evidence/copies.js';
import { readQuantities } from 'sourcelint/engine/evidence/quantities.js';
import { bestPassage } from 'sourcelint/engine/evidence/passages.js';
import { copiesFromFolder, fixtureSources } from './helpers/source-copies.js';
import { assertLinear } from './helpers/growth.js';

const sourceCopies = copiesFromFolder(fixtureSources(), {
  'https://example.org/ministry-statement': 'ministry-statement',
});

const draft = [
  'Acute food insecurity affected about 10% of households in the region [@lakeregion2025].',
  '',
  'A driver said trucks waited eleven days with medicine that was expiring.[^3] Grain stocks ran out in July [@granary2025].',
  '',
  '[^3]: Interview with a driver, June 2025.',
].join('\n');

describe('evidence for cited claims', () => {
  test('each cited claim gets the passage of its saved source that best matches it, with the page', () => {
    const claims = reviewClaims(lint(draft, { filePath: '/virtual/draft.md', sourceCopies }));
    const [food, driver, grain] = claims;
    assert.equal(food.evidence?.page, 2);
    assert.match(food.evidence!.passage, /^Acute food insecurity affected 9\.7 per cent of households/);
    assert.match(food.evidence!.file, /lakeregion2025\.txt$/);
    assert.match(driver.evidence!.passage, /trucks waiting for eleven days/);
    assert.equal(driver.evidence!.page, 1);
    assert.deepEqual(
      food.citations.map((c) => c.copy && 'file' in c.copy),
      [true],
    );
    // A cited source with no saved copy is listed as such, not reported.
    assert.equal(grain.evidence, undefined);
    assert.deepEqual(
      grain.citations.map((c) => c.copy),
      [{ missing: true }],
    );
  });

  test('without saved copies, claims carry neither evidence nor copy status', () => {
    const claims = reviewClaims(lint(draft, { filePath: '/virtual/draft.md' }));
    assert.ok(claims.every((c) => c.evidence === undefined && c.citations.every((s) => s.copy === undefined)));
  });

  test('claims in CSV, Markdown and JSON have the evidence column', () => {
    const rows = claimRows(lint(draft, { filePath: '/virtual/draft.md', sourceCopies }), '/virtual/draft.md');
    const csv = formatClaimsCsv(rows, '/virtual').split('\n');
    assert.match(csv[0], /,evidence$/);
    assert.match(csv[1], /,"lakeregion2025\.txt, p\. 2: “Acute food insecurity affected 9\.7 per cent/);
    assert.match(csv[3], /,no saved copy of @granary2025$/);
    const md = formatClaimsMarkdown(rows, '/virtual');
    assert.match(md, /— evidence: 3\.txt, p\. 1: “A: We saw trucks waiting/);
    assert.equal(JSON.parse(formatClaimsJson(rows))[0].evidence.page, 2);
  });

  test('the HTML report shows the evidence next to the claim, escaped', () => {
    const hostile: SourceText = {
      file: '/virtual/sources/x.html',
      pages: ['Officials said <script>alert(1)</script> that 40% of "wells" ran dry & more.'],
    };
    const copies: SourceCopies = { byKey: (k) => (k === 'x' ? hostile : undefined), byUrl: () => undefined };
    const rows = claimRows(
      lint('Some 40% of wells ran dry [@x].', { filePath: '/virtual/d.md', sourceCopies: copies }),
      '/virtual/d.md',
    );
    const html = formatReport(rows, ['/virtual/d.md'], '/virtual', '0');
    assert.match(html, /<th>Evidence<\/th>/);
    assert.match(
      html,
      /<td class="evidence">x\.html, p\. 1: “Officials said &lt;script&gt;alert\(1\)&lt;\/script&gt; that 40% of &quot;wells&quot; ran dry &amp; more\.”<\/td>/,
    );
    assert.doesNotMatch(html, /<script>alert/);
  });
});

describe('figures as values', () => {
  const read = (s: string) => readQuantities(s).map((q) => [q.value, q.unit, q.hedge]);
  test('one value however it is written', () => {
    for (const s of ['10%', '10 per cent', 'ten percent', '10 %']) assert.deepEqual(read(s), [[10, '%', 'exact']], s);
    for (const s of ['$100m', '100 million dollars', 'USD 100 million', 'US$100 million', '$100 mn'])
      assert.deepEqual(read(s), [[1e8, 'USD', 'exact']], s);
    for (const s of ['1,000', '1000', 'one thousand']) assert.deepEqual(read(s), [[1000, '', 'exact']], s);
    for (const s of ['2.5 million', '2,500,000']) assert.deepEqual(read(s), [[2.5e6, '', 'exact']], s);
    for (const s of ['₹82.22 lakh crore', 'INR 8,222,000 crore'])
      assert.deepEqual(read(s), [[8.222e13, 'INR', 'exact']], s);
    assert.deepEqual(read('€3.2bn'), [[3.2e9, 'EUR', 'exact']]);
    assert.deepEqual(read('12,5 %'), [[12.5, '%', 'exact']]);
  });
  test('hedges, units, shares', () => {
    assert.deepEqual(read('about 10%'), [[10, '%', 'about']]);
    assert.deepEqual(read('more than 1,000 people'), [[1000, '', 'more']]);
    assert.deepEqual(read('nearly 9.7 per cent'), [[9.7, '%', 'nearly']]);
    assert.deepEqual(read('in excess of 40 km'), [[40, 'km', 'more']]);
    assert.deepEqual(read('5 percentage points'), [[5, 'pp', 'exact']]);
    assert.deepEqual(read('one in five adults'), [[20, '%', 'about']]);
    assert.deepEqual(
      read('two-thirds of voters').map(([v, u]) => [Math.round(v as number), u]),
      [[67, '%']],
    );
    assert.deepEqual(read('three times as many'), [[3, 'times', 'exact']]);
  });
  test('ordinals, decades and a bare "one" are not figures', () => {
    assert.deepEqual(read('the 15th district in the 1990s, one of many'), []);
  });
});

describe('saved copies: work grows linearly', () => {
  const copiesOf = (pages: string[]): SourceCopies => {
    const copy: SourceText = { file: '/virtual/sources/big.txt', pages };
    return { byKey: (k) => (k === 'big' ? copy : undefined), byUrl: () => undefined };
  };
  const sourcePage = (i: number): string =>
    `Section ${i}. Exports fell by ${i % 97}.${i % 10} per cent to $${i} million, the ministry said: “the har-\nvest failed in district ${i}”.\n\n`;

  test('indexing a copy (figures, normalised text, passages) is linear in its size', (t) => {
    const draft =
      'Exports fell by 12.5% to $3 million [@big]. The ministry said “the harvest failed … in district 12” [@big].';
    const make = (n: number): string[] =>
      Array.from({ length: n }, (_, p) => Array.from({ length: 20 }, (_, i) => sourcePage(p * 20 + i)).join(''));
    const ratio = assertLinear(
      'copy size',
      make,
      (pages) => {
        const result = lint(draft, { filePath: '/virtual/d.md', sourceCopies: copiesOf(pages) });
        reviewClaims(result);
      },
      8,
    );
    t.diagnostic(`8× the copy: ${ratio.toFixed(1)}× the CPU time`);
  });

  test('a hostile copy (one endless number, endless hyphenated line ends, no sentence end) is read in linear time', () => {
    const draft = 'Exports fell by 12.5% [@big]. The ministry said “the harvest failed in the district” [@big].';
    const make = (n: number): string[] => [
      '1,'.repeat(n * 1000),
      'a-\n'.repeat(n * 1000),
      '“'.repeat(n * 1000) + 'x '.repeat(n * 1000),
    ];
    assertLinear(
      'hostile copy',
      make,
      (pages) => reviewClaims(lint(draft, { filePath: '/virtual/d.md', sourceCopies: copiesOf(pages) })),
      6,
    );
  });

  test('a quotation cut into hundreds of parts is not checked, and costs no more than its length', () => {
    const sourceCopies = copiesOf(['a '.repeat(200_000)]);
    const make = (n: number): string => `He said “${'a [b] a … '.repeat(n)}” [@big].`;
    assertLinear(
      'ellipses',
      make,
      (text) =>
        assert.deepEqual(
          lint(text, { filePath: '/virtual/d.md', sourceCopies }).findings.filter(
            (f) => f.ruleId === 'quote-not-in-source',
          ),
          [],
        ),
      50,
    );
  });
});

describe('which passage is the evidence', () => {
  test("a passage holding the claim's figure beats a short heading that shares its common words and year", () => {
    const copy: SourceText = {
      file: '/virtual/sources/annual.txt',
      pages: [
        'Harbour Board of Lomé: Annual Report 2023\n\nOperations\n\nContainer throughput declined by 12 per cent in 2023 as two lines moved their hubs.',
      ],
    };
    const evidence = bestPassage("Container traffic fell 12% in 2023, the harbour board's annual report says.", [copy]);
    assert.match(evidence?.passage ?? '', /declined by 12 per cent/);
  });
});
