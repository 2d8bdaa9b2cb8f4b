/** What the bibliography split added: crossref inheritance, full dates, math in titles, CSL YAML. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  cleanLatex,
  formatReference,
  parseBibtex,
  parseCslJson,
  parseCslYaml,
  type BibEntry,
} from 'sourcelint/engine/bibliography.js';
import { lint } from 'sourcelint';
import { assertLinear } from './helpers/growth.js';
import { tempDir } from './helpers/cli.js';
import path from 'node:path';

const lines = (...ls: string[]): string => ls.join('\n');
const entry = (text: string, key: string): BibEntry | undefined => parseBibtex(text, 'r.bib').entries.get(key);

// ---------------------------------------------------------------------------------------------------------------
// crossref

test('crossref: a chapter inherits the fields it lacks; the book title becomes its container, not its title', () => {
  const bib = parseBibtex(
    lines(
      '@incollection{ch3, author = {Diarra, Awa}, title = {Water rights}, pages = {40--61}, crossref = {vol}}',
      '@collection{vol, editor = {Doe, Jon}, title = {Sahel Governance}, publisher = {Northbridge Press}, year = 2019,',
      '  url = {https://example.org/vol}}',
    ),
    'r.bib',
  );
  assert.deepEqual(bib.problems, []);
  const ch = bib.entries.get('ch3')!;
  assert.equal(ch.title, 'Water rights');
  assert.deepEqual(ch.authors, ['Diarra, Awa']);
  assert.equal(ch.year, '2019');
  assert.equal(ch.container, 'Sahel Governance');
  assert.deepEqual(ch.publishers, ['Northbridge Press']);
  assert.equal(ch.url, 'https://example.org/vol');
  // The parent is an entry of its own, unchanged.
  assert.equal(bib.entries.get('vol')?.title, 'Sahel Governance');
  assert.deepEqual(bib.entries.get('vol')?.authors, ['Doe, Jon']);
});

test("crossref: the child's own fields win; an article's periodical gives its journal title; chains are followed", () => {
  const bib = parseBibtex(
    lines(
      '@article{a, title = {Own}, year = 2021, crossref = {issue}}',
      '@periodical{issue, title = {Gazette of Record}, year = 2020, crossref = {series}}',
      '@misc{series, publisher = {Record House}, keywords = {press}}',
    ),
    'r.bib',
  );
  const a = bib.entries.get('a')!;
  assert.equal(a.title, 'Own');
  assert.equal(a.year, '2021');
  assert.equal(a.container, 'Gazette of Record');
  assert.deepEqual(a.publishers, ['Gazette of Record', 'Record House']);
  assert.deepEqual(a.keywords, ['press']);
});

test('crossref: a missing parent is a problem on the child; a cycle stops; ids and labels are not inherited', () => {
  const bib = parseBibtex(
    lines(
      '@misc{lost, title = {L}, crossref = {nowhere}}',
      '@misc{x, crossref = {y}, title = {X}}',
      '@misc{y, crossref = {x}, year = 2001, shorthand = {Y1}}',
    ),
    'r.bib',
  );
  assert.deepEqual(bib.problems, [
    { file: 'r.bib', line: 1, message: "entry 'lost': crossref 'nowhere' is not in this file (nothing inherited)" },
  ]);
  assert.equal(bib.entries.get('x')?.year, '2001');
  assert.equal(bib.entries.get('y')?.title, 'X', 'a plain parent passes its title on');
  assert.equal(bib.entries.size, 3);
});

test('crossref: many children of one large parent cost linear time', () => {
  const build = (n: number): string => {
    const parts = [`@book{parent, title = {P}, note = {${'words '.repeat(200)}}, year = 2000}`];
    for (let i = 0; i < n; i++) parts.push(`@inbook{c${i}, title = {C${i}}, crossref = {parent}}`);
    return parts.join('\n');
  };
  assertLinear('crossref children', build, (text) => parseBibtex(text, 'r.bib'), 300);
});

// ---------------------------------------------------------------------------------------------------------------
// Dates

test('dates: biblatex date (a range keeps its start), year + month macro + day, months by name or number', () => {
  assert.equal(entry('@online{a, date = {2023-11-04}}', 'a')?.date, '2023-11-04');
  assert.equal(entry('@online{a, date = {2023-11-04}}', 'a')?.year, '2023');
  assert.equal(entry('@online{a, date = {2023-11-04/2023-11-06}}', 'a')?.date, '2023-11-04');
  assert.equal(entry('@online{a, date = {2023-02}}', 'a')?.date, '2023-02');
  assert.equal(entry('@article{a, year = 2021, month = mar, day = 9}', 'a')?.date, '2021-03-09');
  assert.equal(entry('@article{a, year = 2021, month = {September}}', 'a')?.date, '2021-09');
  assert.equal(entry('@article{a, year = 2021, month = {11}}', 'a')?.date, '2021-11');
  assert.equal(entry('@article{a, year = 2021, month = {Sept.}}', 'a')?.date, '2021-09');
  // What is not a date stays out of it: no month 13, no day without a month, no date for "forthcoming".
  assert.equal(entry('@article{a, year = 2021, month = {13}}', 'a')?.date, '2021');
  assert.equal(entry('@article{a, year = 2021, day = 4}', 'a')?.date, '2021');
  assert.equal(entry('@article{a, year = {forthcoming}}', 'a')?.date, undefined);
  assert.equal(entry('@article{a, year = {forthcoming}}', 'a')?.year, 'forthcoming');
});

test('dates: CSL issued as date-parts, an EDTF string, raw text, and pandoc YAML year/month/day', () => {
  const bib = parseCslJson(
    JSON.stringify([
      { id: 'parts', issued: { 'date-parts': [[2020, 7, 14]] } },
      { id: 'strings', issued: { 'date-parts': [['2020', '7']] } },
      { id: 'edtf', issued: '2019-12-31' },
      { id: 'raw', issued: { raw: '2018-06-02' } },
      { id: 'old', issued: [{ year: 2017, month: 5, day: 1 }] },
      {
        id: 'range',
        issued: {
          'date-parts': [
            [2016, 1, 2],
            [2016, 1, 9],
          ],
        },
      },
    ]),
    'r.json',
  );
  const date = (id: string): string | undefined => bib.entries.get(id)?.date;
  assert.deepEqual(['parts', 'strings', 'edtf', 'raw', 'old', 'range'].map(date), [
    '2020-07-14',
    '2020-07',
    '2019-12-31',
    '2018-06-02',
    '2017-05-01',
    '2016-01-02',
  ]);
  assert.equal(bib.entries.get('old')?.year, '2017');
});

test('dates: a reference shows the full date; the short form keeps the year', () => {
  const e = entry('@online{a, author = {Diarra, Awa}, title = {Flood warning}, date = {2023-11-04}}', 'a')!;
  assert.equal(formatReference(e), 'Diarra, Awa (2023, November 4). Flood warning.');
  assert.equal(formatReference(entry('@misc{a, title = {T}, year = 2021, month = jun}', 'a')!), '(2021, June). T.');
});

// ---------------------------------------------------------------------------------------------------------------
// Math

test('math: inline math keeps its text without the dollars; scripts, Greek letters and operators become characters', () => {
  assert.equal(cleanLatex('Emissions of CO$_2$ and CH$_4$'), 'Emissions of CO₂ and CH₄');
  assert.equal(cleanLatex('A $2 \\times 2$ design with $n \\geq 30$'), 'A 2 × 2 design with n ≥ 30');
  assert.equal(cleanLatex('The $\\alpha$-helix at 37$^\\circ$C'), 'The α-helix at 37°C');
  assert.equal(cleanLatex('Growth of $10^{6}$ cells and $x^{ab}$'), 'Growth of 10⁶ cells and xab');
  assert.equal(cleanLatex('Display $$E = mc^2$$ math'), 'Display E = mc² math');
  assert.equal(cleanLatex('$\\mathrm{PM}_{2.5}$ levels'), 'PM2.5 levels');
  // Escaped and lone dollars are dollars.
  assert.equal(cleanLatex('A \\$5 fee, and $3 more'), 'A $5 fee, and $3 more');
});

test('math: unclosed dollars cost linear time', () => {
  assertLinear('unclosed math', (n) => '$x^{' + 'a $ \\$ '.repeat(n), cleanLatex, 4000);
});

// ---------------------------------------------------------------------------------------------------------------
// CSL YAML

const yaml = lines(
  '---',
  'references:',
  '- id: keita2021',
  '  type: report',
  '  title: Grain prices in the Sahel',
  '  author:',
  '  - family: Keita',
  '    given: Moussa',
  '  - literal: World Food Programme',
  '  issued:',
  '    date-parts:',
  '    - [2021, 4, 12]',
  '  publisher: WFP',
  '  URL: https://example.org/grain',
  '- id: bare',
  '  title: "Quoted: title"',
  '  issued: 2020-02-29',
  '...',
  '',
);

test('csl yaml: a pandoc / Better BibTeX references list maps onto entries with lines', () => {
  const bib = parseCslYaml(yaml, 'refs.yaml');
  assert.deepEqual(bib.problems, []);
  assert.deepEqual(bib.entries.get('keita2021'), {
    key: 'keita2021',
    type: 'report',
    title: 'Grain prices in the Sahel',
    authors: ['Keita, Moussa', 'World Food Programme'],
    year: '2021',
    date: '2021-04-12',
    container: 'WFP',
    publishers: ['WFP'],
    url: 'https://example.org/grain',
    doi: undefined,
    keywords: [],
    file: 'refs.yaml',
    line: 3,
    endLine: 14,
  });
  const bare = bib.entries.get('bare')!;
  assert.equal(bare.title, 'Quoted: title');
  assert.equal(bare.date, '2020-02-29');
  assert.equal(bare.type, 'document');
  assert.equal(bare.line, 15);
});

test('csl yaml: a bare list of items; missing and duplicate ids are problems with their lines', () => {
  const bib = parseCslYaml(lines('- id: a', '  title: A', '- title: no id', '- id: a', '  title: again'), 'r.yml');
  assert.deepEqual([...bib.entries.keys()], ['a']);
  assert.deepEqual(bib.problems, [
    { file: 'r.yml', line: 3, message: 'CSL YAML item 2 has no id; skipped' },
    { file: 'r.yml', line: 4, message: "duplicate key 'a' (first defined on line 1); skipped" },
  ]);
});

test('csl yaml: invalid YAML, other shapes and alias cycles are one problem each, never a throw', () => {
  const broken = parseCslYaml(lines('references:', '- id: a', '  title: [unclosed'), 'r.yaml');
  assert.equal(broken.entries.size, 0);
  assert.equal(broken.problems.length, 1);
  assert.match(broken.problems[0].message, /^invalid CSL YAML: /);
  assert.equal(broken.problems[0].line, 3);
  assert.deepEqual(parseCslYaml('title: not a bibliography', 'r.yaml').problems, [
    {
      file: 'r.yaml',
      line: 1,
      message: 'CSL YAML must be a list of items or have a "references" list; nothing loaded',
    },
  ]);
  const cycle = parseCslYaml('references: &r\n- id: a\n  self: *r\n', 'r.yaml');
  assert.equal(cycle.entries.size, 0);
  assert.match(cycle.problems[0].message, /alias refers to the node that contains it/);
  assert.equal(parseCslYaml('', 'r.yaml').entries.size, 0);
});

test('csl yaml: a front matter bibliography in .yaml resolves citations; an unknown key is still reported', () => {
  const { dir, cleanup } = tempDir({ 'refs.yml': yaml });
  try {
    const text =
      '---\nbibliography: refs.yml\n---\n\nGrain prices rose by 40% in 2021 [@keita2021]. Bread cost 12% more [@nosuch2020].\n';
    const result = lint(text, { filePath: path.join(dir, 'a.md') });
    const unknown = result.findings.filter((f) => f.ruleId === 'unknown-citekey');
    assert.deepEqual(
      unknown.map((f) => text.slice(f.span.start, f.span.end)),
      ['nosuch2020'],
    );
    assert.equal(result.bibliography?.entries.get('keita2021')?.date, '2021-04-12');
  } finally {
    cleanup();
  }
});
