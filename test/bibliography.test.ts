import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  formatReference,
  formatShortReference,
  mergeBibliographies,
  parseBibtex,
  parseCslJson,
  type BibEntry,
} from 'sourcelint/engine/bibliography.js';
import { assertLinear } from './helpers/growth.js';

const lines = (...ls: string[]): string => ls.join('\n');

function only(text: string): BibEntry {
  const bib = parseBibtex(text, 'refs.bib');
  assert.deepEqual(bib.problems, []);
  assert.equal(bib.entries.size, 1);
  return [...bib.entries.values()][0];
}

// ---------------------------------------------------------------------------------------------------------------
// BibTeX: valid input

test('bibtex: a complete article with every mapped field', () => {
  const bib = parseBibtex(
    lines(
      'Free text before entries is ignored.',
      '',
      '@Article{diarra2022,',
      '  author   = {Diarra, Awa and Jean de La Fontaine and {World Bank}},',
      '  title    = {The {NATO} caf{\\\'e} \\& {\\"o}ther things},',
      '  journal  = {Journal of {African} Studies},',
      '  year     = 2022,',
      '  url      = {https://example.org/a\\_b},',
      '  doi      = {https://doi.org/10.1000/XYZ.1},',
      '  keywords = {aid, development; Mali},',
      '  file     = {Full Text PDF:files/7/Diarra\\_2022.pdf:application/pdf},',
      '}',
      'Trailing text.',
    ),
    'refs.bib',
  );
  assert.deepEqual(bib.problems, []);
  assert.deepEqual(bib.entries.get('diarra2022'), {
    key: 'diarra2022',
    type: 'article',
    title: 'The NATO café & öther things',
    authors: ['Diarra, Awa', 'de La Fontaine, Jean', 'World Bank'],
    year: '2022',
    date: '2022',
    container: 'Journal of African Studies',
    publishers: ['Journal of African Studies'],
    url: 'https://example.org/a_b',
    doi: '10.1000/XYZ.1',
    keywords: ['aid', 'development', 'Mali'],
    attachments: 'Full Text PDF:files/7/Diarra\\_2022.pdf:application/pdf',
    file: 'refs.bib',
    line: 3,
    endLine: 12,
  });
});

test('bibtex: entry types are case-insensitive and parentheses delimit entries too', () => {
  const bib = parseBibtex(
    lines('@MISC(one, title = {Paren entry}, year = {1999})', '@InProceedings{two, booktitle = {Proc. X}}'),
    'r.bib',
  );
  assert.deepEqual(bib.problems, []);
  assert.equal(bib.entries.get('one')?.type, 'misc');
  assert.equal(bib.entries.get('one')?.title, 'Paren entry');
  assert.equal(bib.entries.get('one')?.year, '1999');
  assert.equal(bib.entries.get('one')?.endLine, 1);
  assert.equal(bib.entries.get('two')?.type, 'inproceedings');
  assert.equal(bib.entries.get('two')?.container, 'Proc. X');
  assert.equal(bib.entries.get('two')?.line, 2);
});

test('bibtex: quoted values, bare numbers, # concatenation, @string macros and month macros', () => {
  const bib = parseBibtex(
    lines(
      '@string{wb = "World Bank"}',
      '@STRING(jds = {Journal of } # "Development")',
      '@article{k,',
      '  title = "A " # {quoted} # " title",',
      '  author = wb,',
      '  journal = jds # { Studies},',
      '  year = 1999,',
      '  note = jan # " 2000" # " " # dec,',
      '  keywords = "x"',
      '}',
    ),
    'r.bib',
  );
  assert.deepEqual(bib.problems, []);
  const e = bib.entries.get('k');
  assert.equal(e?.title, 'A quoted title');
  assert.deepEqual(e?.authors, ['Bank, World']); // a macro value is a plain name unless braced
  assert.equal(e?.container, 'Journal of Development Studies');
  assert.equal(e?.year, '1999');
  assert.deepEqual(e?.keywords, ['x']);
  assert.equal(bib.entries.size, 1, '@string is not an entry');
});

test('bibtex: @string macros can hold braced institutional names', () => {
  const e = only(lines('@string{un = "{United Nations}"}', '@report{r, author = un, institution = un}'));
  assert.deepEqual(e.authors, ['United Nations']);
  assert.equal(e.container, 'United Nations');
});

test('bibtex: @comment and @preamble are skipped', () => {
  const bib = parseBibtex(
    lines(
      '@comment{jabref-meta: databaseType:bibtex; {nested}}',
      '@preamble{ "\\newcommand{\\noop}[1]{}" }',
      '@Comment this line is a comment too',
      '@book{b, title = {Kept}, publisher = {Pub}}',
    ),
    'r.bib',
  );
  assert.deepEqual(bib.problems, []);
  assert.deepEqual([...bib.entries.keys()], ['b']);
  assert.equal(bib.entries.get('b')?.container, 'Pub');
  assert.equal(bib.entries.get('b')?.line, 4);
});

test('bibtex: nested braces and keys with : - _ . /', () => {
  const bib = parseBibtex(
    lines('@online{doe:2020-a_b.c/d,', '  title = {Outer {middle {inner}} end},', '  url = {https://x.org/{a}}', '}'),
    'r.bib',
  );
  assert.deepEqual(bib.problems, []);
  const e = bib.entries.get('doe:2020-a_b.c/d');
  assert.equal(e?.type, 'online');
  assert.equal(e?.title, 'Outer middle inner end');
  assert.equal(e?.url, 'https://x.org/a');
  assert.equal(e?.endLine, 4);
});

test('bibtex: LaTeX accents, escapes and commands are turned into text', () => {
  const e = only(
    '@misc{m, title = {{\\"U}ber Stra\\ss e \\c{c}a \\v{s}\\\'{\\i} \\emph{Emph} 10\\% \\$5 -- 1990---2000 {\\`a} \\~n}}',
  );
  assert.equal(e.title, 'Über Straße ça ší Emph 10% $5 – 1990—2000 à ñ');
});

test('bibtex: author names in all three forms; "and" inside braces does not split', () => {
  const e = only(
    '@misc{m, author = {Ludwig van Beethoven AND King, Jr, Martin Luther and Aristotle and {Barnes and Noble} and M{\\"u}ller, J{\\"o}rg and others}}',
  );
  assert.deepEqual(e.authors, [
    'van Beethoven, Ludwig',
    'King, Martin Luther, Jr',
    'Aristotle',
    'Barnes and Noble',
    'Müller, Jörg',
  ]);
});

test('bibtex: editor stands in for a missing author; biblatex date gives the year; container falls back in order', () => {
  const e = only('@book{b, editor = {Ann Smith}, date = {2019-05-01}, publisher = {P}, organization = {O}}');
  assert.deepEqual(e.authors, ['Smith, Ann']);
  assert.equal(e.year, '2019');
  assert.equal(e.container, 'P');
  assert.equal(only('@misc{c, organization = {O}, institution = {I}}').container, 'O');
  assert.equal(only('@misc{c, booktitle = {B}, publisher = {P}}').container, 'B');
  assert.equal(only('@techreport{c, institution = {I}}').container, 'I');
});

test('bibtex: entry without fields, % comment lines between fields, trailing comma', () => {
  const bib = parseBibtex(lines('@misc{bare}', '@misc{c,', '  % a comment line', '  title = {T},', '}'), 'r.bib');
  assert.deepEqual(bib.problems, []);
  assert.deepEqual(bib.entries.get('bare')?.authors, []);
  assert.equal(bib.entries.get('bare')?.title, undefined);
  assert.equal(bib.entries.get('c')?.title, 'T');
});

test('bibtex: UTF-8 BOM and CRLF line endings', () => {
  const bib = parseBibtex(
    '\uFEFF% header\r\n\r\n@article{a,\r\n  title = {Line\r\n  two},\r\n  year = {2001}\r\n}\r\n@misc{b, title={B}}\r\n',
    'r.bib',
  );
  assert.deepEqual(bib.problems, []);
  const a = bib.entries.get('a');
  assert.equal(a?.title, 'Line two');
  assert.equal(a?.line, 3);
  assert.equal(a?.endLine, 7);
  assert.equal(bib.entries.get('b')?.line, 8);
});

test('bibtex: a stray @ in free text is ignored', () => {
  const bib = parseBibtex(lines('Write to me@example.org about it.', '@misc{a, title={A}}'), 'r.bib');
  assert.deepEqual(bib.problems, []);
  assert.deepEqual([...bib.entries.keys()], ['a']);
});

test('bibtex: escaped quotes inside braces and in quoted values', () => {
  const bib = parseBibtex(
    lines(
      '@misc{a, title = "The {"}Big{"} Deal"}',
      '@misc{b, title = "He said {\\"}hi{\\"}"}',
      '@misc{c, author = "M\\"uller, J\\"org", title = "Tilde \\~{} and caret \\^{}"}',
      '@misc{d, title = {Braced "double" quotes}}',
    ),
    'r.bib',
  );
  assert.deepEqual(bib.problems, []);
  assert.equal(bib.entries.get('a')?.title, 'The "Big" Deal');
  assert.equal(bib.entries.get('b')?.title, 'He said "hi"');
  assert.deepEqual(bib.entries.get('c')?.authors, ['Müller, Jörg']);
  assert.equal(bib.entries.get('c')?.title, 'Tilde ~ and caret ^');
  assert.equal(bib.entries.get('d')?.title, 'Braced "double" quotes');
});

test('bibtex: the type may be followed by white space and a line break before the brace', () => {
  const bib = parseBibtex(lines('@misc', '  {spaced, title = {S}}', '@book  (p, title = {P})'), 'r.bib');
  assert.deepEqual(bib.problems, []);
  assert.equal(bib.entries.get('spaced')?.line, 1);
  assert.equal(bib.entries.get('spaced')?.endLine, 2);
  assert.equal(bib.entries.get('p')?.type, 'book');
  assert.equal(bib.entries.get('p')?.title, 'P');
});

test('bibtex: an undefined @string is a warning; the entry is kept with the name as text', () => {
  const bib = parseBibtex(lines('@misc{k,', '  journal = jacm # { X},', '  note = jacm', '}', '@misc{after}'), 'r.bib');
  assert.deepEqual(bib.problems, [
    { file: 'r.bib', line: 2, message: "entry 'k': field 'journal' uses undefined @string 'jacm' (kept as text)" },
  ]);
  assert.equal(bib.entries.get('k')?.container, 'jacm X');
  assert.ok(bib.entries.has('after'));
});

test('bibtex: a repeated field keeps its first value; URLs broken over lines are joined', () => {
  const e = only(
    lines('@misc{r, title = {First}, title = {Second},', '  url = {https://example.org/a', '         /b}}'),
  );
  assert.equal(e.title, 'First');
  assert.equal(e.url, 'https://example.org/a/b');
});

test('bibtex: braced institutional names with commas stay whole in the short reference', () => {
  const e = only(
    '@report{f, author = {{Food and Agriculture Organization, Rome} and Doe, Jane and Roe, Rick}, year = 2021}',
  );
  assert.deepEqual(e.authors, ['Food and Agriculture Organization, Rome', 'Doe, Jane', 'Roe, Rick']);
  assert.equal(formatShortReference(e), 'Food and Agriculture Organization, Rome et al., 2021');
});

// ---------------------------------------------------------------------------------------------------------------
// BibTeX: broken entries are reported with their line and skipped; the next entry still loads

test('bibtex broken: missing closing brace', () => {
  const bib = parseBibtex(
    lines(
      '@misc{ok1, title={One}}',
      '@article{smith2020,',
      '  title = {Unclosed},',
      '  year = 2020,',
      '',
      '@book{next, title = {Next}}',
    ),
    'r.bib',
  );
  assert.deepEqual(bib.problems, [
    { file: 'r.bib', line: 2, message: "entry 'smith2020' is missing its closing brace; skipped" },
  ]);
  assert.deepEqual([...bib.entries.keys()], ['ok1', 'next']);
  assert.equal(bib.entries.get('next')?.line, 6);
});

test('bibtex broken: unclosed value brace runs into the next entry', () => {
  const bib = parseBibtex(
    lines('@article{a,', '  title = {Never closed,', '  year = 2020}', '@book{b, title = {B}}'),
    'r.bib',
  );
  assert.deepEqual(bib.problems, [
    { file: 'r.bib', line: 1, message: "entry 'a' is missing its closing brace; skipped" },
  ]);
  assert.equal(bib.entries.get('b')?.title, 'B');
  assert.equal(bib.entries.get('b')?.line, 4);
});

test('bibtex broken: missing closing brace at the end of the file', () => {
  const bib = parseBibtex(lines('@misc{a, title={A}}', '@misc{b,', '  title = {B}'), 'r.bib');
  assert.deepEqual(bib.problems, [
    { file: 'r.bib', line: 2, message: "entry 'b' is missing its closing brace; skipped" },
  ]);
  assert.deepEqual([...bib.entries.keys()], ['a']);
});

test('bibtex broken: missing key', () => {
  const bib = parseBibtex(
    lines('@article{', '  title = {No key},', '}', '@article{, title = {Empty key}}', '@misc{after, title = {After}}'),
    'r.bib',
  );
  assert.deepEqual(bib.problems, [
    { file: 'r.bib', line: 1, message: '@article entry has no citation key; skipped' },
    { file: 'r.bib', line: 4, message: '@article entry has no citation key; skipped' },
  ]);
  assert.deepEqual([...bib.entries.keys()], ['after']);
});

test('bibtex broken: bad field syntax (no "=", missing comma, missing value, junk)', () => {
  const bib = parseBibtex(
    lines(
      '@misc{noeq,',
      '  title {T}',
      '}',
      '@misc{nocomma,',
      '  title = {T}',
      '  year = 2020',
      '}',
      '@misc{novalue, title = , year = 1}',
      '@misc{junk, !!! }',
      '@misc{fine, title = {Fine}}',
    ),
    'r.bib',
  );
  assert.deepEqual(bib.problems, [
    { file: 'r.bib', line: 2, message: "entry 'noeq': field 'title' has no '='; skipped" },
    { file: 'r.bib', line: 5, message: "entry 'nocomma': expected ',' or '}' after field 'title'; skipped" },
    { file: 'r.bib', line: 8, message: "entry 'novalue': field 'title' has no value (found ','); skipped" },
    { file: 'r.bib', line: 9, message: "entry 'junk': unexpected '!' where a field name should be; skipped" },
  ]);
  assert.deepEqual([...bib.entries.keys()], ['fine']);
  assert.equal(bib.entries.get('fine')?.line, 10);
});

test('bibtex broken: unterminated quoted string', () => {
  const bib = parseBibtex(
    lines('@misc{q,', '  year = 2020,', '  title = "Unterminated,', '}', '@misc{r, title = "Fine"}'),
    'r.bib',
  );
  assert.deepEqual(bib.problems, [{ file: 'r.bib', line: 3, message: "entry 'q': unterminated string; skipped" }]);
  assert.deepEqual([...bib.entries.keys()], ['r']);
  assert.equal(bib.entries.get('r')?.title, 'Fine');
});

test('bibtex broken: unterminated string at the end of the file', () => {
  const bib = parseBibtex(lines('@misc{a, title={A}}', '@misc{q, title = "open'), 'r.bib');
  assert.deepEqual(bib.problems, [{ file: 'r.bib', line: 2, message: "entry 'q': unterminated string; skipped" }]);
  assert.deepEqual([...bib.entries.keys()], ['a']);
});

test('bibtex broken: a parenthesised entry missing its closing parenthesis', () => {
  const bib = parseBibtex(lines('@misc(p,', '  title = {P}', '', '@misc(q, title = {Q})'), 'r.bib');
  assert.deepEqual(bib.problems, [
    { file: 'r.bib', line: 1, message: "entry 'p' is missing its closing parenthesis; skipped" },
  ]);
  assert.deepEqual([...bib.entries.keys()], ['q']);
  assert.equal(bib.entries.get('q')?.line, 4);
});

test('bibtex broken: junk after the key; broken @string and @preamble; reading resumes at the next entry line', () => {
  const bib = parseBibtex(
    lines(
      '@misc{a b, title = {T}} @misc{sameline, title = {Lost with its line}}',
      '@string{broken = }',
      '@preamble{ "unclosed',
      '  @notanentry because no brace follows',
      '@misc{c, title = {C}}',
    ),
    'r.bib',
  );
  assert.deepEqual(bib.problems, [
    { file: 'r.bib', line: 1, message: "entry 'a': expected ',' after the key, found 'b'; skipped" },
    { file: 'r.bib', line: 2, message: "@string 'broken' has no value (found '}'); skipped" },
    { file: 'r.bib', line: 3, message: '@preamble is missing its closing brace; skipped' },
  ]);
  assert.deepEqual([...bib.entries.keys()], ['c']);
  assert.equal(bib.entries.get('c')?.line, 5);
});

test('bibtex broken: a line starting a new entry ends a runaway value even when braces would balance later', () => {
  const bib = parseBibtex(lines('@misc{a, abstract = {one {', '@misc{b, title = {B}}', '}}'), 'r.bib');
  assert.deepEqual(bib.problems, [
    { file: 'r.bib', line: 1, message: "entry 'a' is missing its closing brace; skipped" },
  ]);
  assert.deepEqual([...bib.entries.keys()], ['b']);
});

test('bibtex: an unbalanced @comment hides text only up to the next entry line', () => {
  const bib = parseBibtex(lines('@comment{ unbalanced {', '@misc{x, title = {X}}'), 'r.bib');
  assert.deepEqual(bib.problems, []);
  assert.deepEqual([...bib.entries.keys()], ['x']);
});

test('bibtex: duplicate keys in one file: the first wins, the second is a problem', () => {
  const bib = parseBibtex(lines('@misc{x, title = {First}}', '', '@misc{x, title = {Second}}', '@misc{y}'), 'r.bib');
  assert.deepEqual(bib.problems, [
    { file: 'r.bib', line: 3, message: "duplicate key 'x' (first defined on line 1); skipped" },
  ]);
  assert.equal(bib.entries.get('x')?.title, 'First');
  assert.ok(bib.entries.has('y'));
});

test('bibtex: never throws on odd input', () => {
  for (const text of [
    '',
    '@',
    '@@@',
    '@misc',
    '@misc{',
    '@misc(',
    '}{}{',
    '@misc{a,b',
    '@misc{a, t = {',
    '@misc{a, t = "',
    '@misc{a, t = a #',
    '\uFEFF',
  ]) {
    const bib = parseBibtex(text, 'r.bib');
    assert.equal(bib.entries.size, 0, JSON.stringify(text));
  }
});

// ---------------------------------------------------------------------------------------------------------------
// Performance

const bibEntries = (n: number): string => {
  const parts: string[] = [];
  for (let i = 0; i < n; i++) {
    parts.push(
      `@article{key${i},\n  author = {Smith, John and Jane Doe and {World Bank}},\n  title = {A {Study} of caf{\\'e} number ${i}: ${'lorem ipsum dolor sit amet '.repeat(4)}},\n  journal = {Journal of Things},\n  year = {2020},\n  doi = {10.1000/${i}},\n  keywords = {a, b, c}\n}\n\n`,
    );
  }
  return parts.join('');
};

// Performance: no time limits (a busy machine must not fail a test); growth between two sizes instead
// (helpers/growth.ts).

test('performance: a 5 MB .bib of 20k entries parses completely, in time linear in its size', (t) => {
  const text = bibEntries(20000);
  assert.ok(text.length > 5_000_000, `size ${text.length}`);
  const bib = parseBibtex(text, 'big.bib');
  assert.equal(bib.entries.size, 20000);
  assert.deepEqual(bib.problems, []);
  assert.equal(bib.entries.get('key19999')?.line, 19999 * 9 + 1);
  t.diagnostic(
    `8× the entries: ${assertLinear('.bib entries', bibEntries, (text) => parseBibtex(text, 'big.bib'), 1000).toFixed(1)}× the CPU time`,
  );
});

test('performance: 100k unmatched braces and other unfinished input parse in linear time', () => {
  const cases: Array<(n: number) => string> = [
    (n) => '@misc{k, title = ' + '{'.repeat(n),
    (n) => '{'.repeat(n),
    (n) => '@misc{k, title = "' + '{'.repeat(n),
    (n) => '@a{'.repeat(n),
    (n) => '@misc{k, title = {\n'.repeat(n),
    // Each of these made an earlier version rescan the rest of the file once per '@' (quadratic time).
    (n) => '@comment{'.repeat(n),
    (n) => '@comment('.repeat(n),
    (n) => '@zz\nx @misc{k, t = {\n'.repeat(n / 2),
    (n) => '@misc\n{k, t = {\n'.repeat(n / 2),
    (n) => 'x @misc{k, t = {\n@zz\n'.repeat(n / 2) + '}'.repeat(n / 2),
    (n) => '@misc{k, t = "'.repeat(n),
    (n) => '@misc{k, author = {' + '{'.repeat(n) + '}}',
  ];
  for (const make of cases) {
    assert.equal(parseBibtex(make(100_000), 'p.bib').entries.size, 0);
    assertLinear(JSON.stringify(make(4).slice(0, 20)), make, (text) => parseBibtex(text, 'p.bib'), 12_500);
  }
  // One problem per broken entry, each on its own line.
  const many = parseBibtex('@misc{k, title = {\n'.repeat(100_000), 'p.bib');
  assert.equal(many.problems.length, 100_000);
  assert.equal(many.problems[99_999].line, 100_000);
});

test('performance: @string macros doubling themselves stop at a size budget', () => {
  const parts = ['@string{s0 = "0123456789"}'];
  for (let i = 1; i < 60; i++) parts.push(`@string{s${i} = s${i - 1} # s${i - 1}}`);
  parts.push('@misc{huge, title = s59}', '@misc{after, title = s2 # { } # jan}');
  const bib = parseBibtex(lines(...parts), 'm.bib');
  assert.equal(bib.entries.has('huge'), false);
  // Short macros still expand once the budget for long ones is spent.
  assert.equal(bib.entries.get('after')?.title, `${'0123456789'.repeat(4)} January`);
  const first = bib.problems[0];
  assert.match(first.message, /^@string 's\d+' expands @string macros beyond the size limit; skipped$/);
  assert.equal(first.line, Number(/'s(\d+)'/.exec(first.message)![1]) + 1);
  assert.ok(
    bib.problems.some(
      (p) =>
        p.line === 61 &&
        p.message === "entry 'huge': field 'title' expands @string macros beyond the size limit; skipped",
    ),
    JSON.stringify(bib.problems.slice(-2)),
  );
});

// ---------------------------------------------------------------------------------------------------------------
// CSL-JSON

const csl = `[
  {
    "id": "vangogh1888",
    "type": "article-journal",
    "title": "Letters",
    "author": [
      { "family": "Gogh", "given": "Vincent", "non-dropping-particle": "van" },
      { "literal": "Food and Agriculture Organization, Rome" }
    ],
    "issued": { "date-parts": [[1888, 5]] },
    "container-title": "Art Journal",
    "publisher": "Ignored Publisher",
    "URL": "https://example.org/letters",
    "DOI": "10.1/abc",
    "keyword": "art, letters"
  },
  { "id": "raw", "type": "webpage", "title": "Raw date", "issued": { "raw": "circa 2015-03" }, "publisher": "Pub" },
  { "id": 42, "type": "book", "issued": { "literal": "Spring 2001" } }
]`;

test('csl-json: items map onto entries with lines', () => {
  const bib = parseCslJson(csl, 'refs.json');
  assert.deepEqual(bib.problems, []);
  assert.deepEqual(bib.entries.get('vangogh1888'), {
    key: 'vangogh1888',
    type: 'article-journal',
    title: 'Letters',
    authors: ['van Gogh, Vincent', 'Food and Agriculture Organization, Rome'],
    year: '1888',
    date: '1888-05',
    container: 'Art Journal',
    publishers: ['Art Journal', 'Ignored Publisher'],
    url: 'https://example.org/letters',
    doi: '10.1/abc',
    keywords: ['art', 'letters'],
    file: 'refs.json',
    line: 3,
    endLine: 16,
  });
  const raw = bib.entries.get('raw');
  assert.equal(raw?.year, '2015');
  assert.equal(raw?.container, 'Pub');
  assert.equal(raw?.line, 17);
  assert.deepEqual(raw?.authors, []);
  const numeric = bib.entries.get('42');
  assert.equal(numeric?.type, 'book');
  assert.equal(numeric?.year, '2001');
  assert.equal(numeric?.line, 18);
});

test('csl-json: invalid JSON is one problem on the line of the syntax error, no entries', () => {
  const trailing = parseCslJson('[\n  { "id": "a" },\n  { "id": "b", }\n]', 'bad.json');
  assert.equal(trailing.entries.size, 0);
  assert.equal(trailing.problems.length, 1);
  assert.equal(trailing.problems[0].line, 3);
  assert.match(trailing.problems[0].message, /^invalid CSL-JSON: /);
  // Node 20 gives no position for "Unexpected token": the line is still found.
  const token = parseCslJson('[\n  { "id": "a" },\n\n  }\n]', 'bad.json');
  assert.deepEqual(
    token.problems.map((p) => p.line),
    [4],
  );
  const truncated = parseCslJson('[\n  { "id": "a",\n', 'bad.json');
  assert.equal(truncated.problems.length, 1);
  assert.equal(truncated.entries.size, 0);
});

test('csl-json: non-array JSON, items without id and duplicate ids are problems', () => {
  assert.deepEqual(parseCslJson('{ "id": "a" }', 'o.json').problems, [
    { file: 'o.json', line: 1, message: 'CSL-JSON must be an array of items; nothing loaded' },
  ]);
  const bib = parseCslJson(
    '[\n  { "id": "a", "title": "First" },\n  { "title": "No id" },\n  "text",\n  { "id": "a", "title": "Again" },\n  { "id": "b" }\n]',
    'i.json',
  );
  assert.deepEqual(bib.problems, [
    { file: 'i.json', line: 3, message: 'CSL-JSON item 2 has no id; skipped' },
    { file: 'i.json', line: 4, message: 'CSL-JSON item 3 has no id; skipped' },
    { file: 'i.json', line: 5, message: "duplicate key 'a' (first defined on line 2); skipped" },
  ]);
  assert.equal(bib.entries.get('a')?.title, 'First');
  assert.equal(bib.entries.get('b')?.line, 6);
});

test('csl-json: BOM, nested "id" keys do not confuse the item line', () => {
  const bib = parseCslJson('\uFEFF[\n {\n  "author": [{"id": "x", "family": "F"}],\n  "id": "real"\n }\n]', 'n.json');
  assert.deepEqual(bib.problems, []);
  assert.equal(bib.entries.get('real')?.line, 4);
  assert.deepEqual(bib.entries.get('real')?.authors, ['F']);
});

test('csl-json: a missing comma between items is reported on its line', () => {
  const bib = parseCslJson('[\n  { "id": "a" }\n  { "id": "b" }\n]', 'c.json');
  assert.equal(bib.entries.size, 0);
  assert.deepEqual(
    bib.problems.map((p) => p.line),
    [3],
  );
});

test('csl-json: string date-parts, keyword lists and item end lines', () => {
  const bib = parseCslJson(
    '[\n  {\n    "id": "s",\n    "issued": { "date-parts": [["2011", "4"]] },\n    "keyword": "x, y ,, z",\n    "author": [{ "given": "Cher" }]\n  }\n]',
    's.json',
  );
  assert.deepEqual(bib.problems, []);
  const e = bib.entries.get('s');
  assert.equal(e?.year, '2011');
  assert.deepEqual(e?.keywords, ['x', 'y', 'z']);
  assert.deepEqual(e?.authors, ['Cher']);
  assert.equal(e?.type, 'document');
  assert.equal(e?.line, 3);
  assert.equal(e?.endLine, 7);
});

const cslItems = (n: number): string =>
  `[\n${Array.from({ length: n }, (_, i) => `  {"id": "k${i}", "type": "book", "title": "T ${i}", "author": [{"family": "F", "given": "G"}], "issued": {"date-parts": [[2020]]}}`).join(',\n')}\n]`;

test('csl-json: 20k items parse completely, in time linear in their number', (t) => {
  const bib = parseCslJson(cslItems(20000), 'big.json');
  assert.equal(bib.entries.size, 20000);
  assert.equal(bib.entries.get('k19999')?.line, 20001);
  t.diagnostic(
    `8× the items: ${assertLinear('CSL-JSON items', cslItems, (text) => parseCslJson(text, 'big.json'), 2500).toFixed(1)}× the CPU time`,
  );
});

// ---------------------------------------------------------------------------------------------------------------
// Formatting

test('formatShortReference: family names, "A & B", "A et al.", missing parts omitted', () => {
  const one = only('@book{d, author = {Awa Diarra}, year = 2022, title = {Title of the work}}');
  assert.equal(formatShortReference(one), 'Diarra, 2022, Title of the work');
  const two = only('@book{d, author = {Diarra, Awa and {World Bank}}, year = 2022}');
  assert.equal(formatShortReference(two), 'Diarra & World Bank, 2022');
  const three = only('@book{d, author = {A, X and B, Y and C, Z}, title = {T}}');
  assert.equal(formatShortReference(three), 'A et al., T');
  assert.equal(formatShortReference(only('@book{d, title = {Only a title}}')), 'Only a title');
  assert.equal(formatShortReference(only('@book{d}')), '');
  // Institutions with commas stay whole (CSL literal).
  const fao = parseCslJson(
    '[{"id":"f","author":[{"literal":"FAO, Rome"}],"issued":{"date-parts":[[2020]]}}]',
    'f.json',
  ).entries.get('f')!;
  assert.equal(formatShortReference(fao), 'FAO, Rome, 2020');
});

test('formatReference: "Authors (Year). Title. Container. URL-or-DOI" on one line', () => {
  const full = only(
    '@article{a, author = {Diarra, Awa and Doe, Jon}, year = 2022, title = {Title}, journal = {J}, url = {https://u.org}, doi = {10.1/x}}',
  );
  assert.equal(formatReference(full), 'Diarra, Awa; Doe, Jon (2022). Title. J. https://u.org');
  const doi = only('@article{a, author = {Diarra, Awa}, title = {Why?}, doi = {10.1/x}}');
  assert.equal(formatReference(doi), 'Diarra, Awa. Why? https://doi.org/10.1/x');
  assert.equal(formatReference(only('@misc{a, title = {Alone}, year = 1999}')), '(1999). Alone.');
  assert.equal(formatReference(only('@misc{a, title = {Multi\n   line}}')), 'Multi line.');
});

// ---------------------------------------------------------------------------------------------------------------
// Merging

test('mergeBibliographies: first definition wins, later duplicates become problems, all problems kept', () => {
  const a = parseBibtex(lines('@misc{x, title = {From A}}', '@misc{broken'), 'a.bib');
  const b = parseCslJson('[\n {"id": "y", "title": "Y"},\n {"id": "x", "title": "From B"}\n]', 'b.json');
  const c = parseBibtex(lines('@misc{y, title = {From C}}'), 'c.bib');
  const merged = mergeBibliographies([a, b, c]);
  assert.deepEqual([...merged.entries.keys()], ['x', 'y']);
  assert.equal(merged.entries.get('x')?.title, 'From A');
  assert.equal(merged.entries.get('y')?.title, 'Y');
  assert.deepEqual(merged.problems, [
    { file: 'a.bib', line: 2, message: "entry 'broken' is missing its closing brace; skipped" },
    { file: 'b.json', line: 3, message: "duplicate key 'x' (first defined in a.bib on line 1); skipped" },
    { file: 'c.bib', line: 1, message: "duplicate key 'y' (first defined in b.json on line 2); skipped" },
  ]);
  assert.deepEqual(mergeBibliographies([]), { entries: new Map(), problems: [] });
});

test('TeX quotes become typographic quotes', () => {
  const bib = parseBibtex("@article{k, title={The ``Big'' Deal and the `small' one}, author={Doe, Jane}}", 'q.bib');
  assert.equal(bib.entries.get('k')?.title, 'The “Big” Deal and the ‘small’ one');
});
