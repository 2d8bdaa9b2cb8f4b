/**
 * Front matter read without the YAML parser (engine/yaml.ts, flatMappingData): whenever it answers, it must give
 * exactly the parser's data, and it must answer for the plain front matter most articles have.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { flatMappingData, parseYamlDocument, yamlDocumentData } from 'sourcelint/engine/yaml.js';
import { random } from './helpers/random.js';

/** The full path: the YAML parser. */
function parsed(source: string): { data: unknown } | { error: string } {
  try {
    return { data: yamlDocumentData(parseYamlDocument(source)) };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

const KEYS = ['title', 'author', 'date', 'bibliography', 'lang', 'x-y', 'a_1', 'Title', '_hidden', '1st', 'key two'];
const SEPARATORS = [': ', ':  ', ':', ' : ', ':\t', ': \t'];
/** Pieces of values: plain words, and everything that makes YAML read them otherwise. */
const PIECES = [
  'Aid flows',
  'Sahel',
  'Diarra-Méchain',
  "it's",
  'Q&A',
  '(draft)',
  'a, b',
  'refs/x.bib',
  '2023-02-14',
  '2023-2-14',
  '12',
  '0x1F',
  '1e3',
  '.5',
  '-3',
  '+1',
  'true',
  'False',
  'NULL',
  'null',
  'yes',
  'on',
  '~',
  '.inf',
  '.NaN',
  ': ',
  ' #',
  '#',
  ':',
  '"',
  "'",
  '\\',
  '\\n',
  '\\"',
  '&a',
  '*a',
  '!tag',
  '|',
  '>',
  '- ',
  '[1]',
  '{a: 1}',
  '%',
  '@',
  '`',
  ' ',
  '\t',
  '\u00a0',
  '\u2028',
  '\u200d',
  '\u0007',
  '\ud83d\ude42',
  '\ud83d',
  '日本',
  '٣',
];

function randomValue(rng: () => number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)];
  let v = '';
  // The first pieces are plain words and dates: without a bias to them, hardly a document would be flat.
  for (let n = 1 + Math.floor(rng() * 3); n > 0; n--)
    v += (v && rng() < 0.5 ? ' ' : '') + (rng() < 0.6 ? pick(PIECES.slice(0, 9)) : pick(PIECES));
  const quote = rng();
  return quote < 0.25 ? `"${v}"` : quote < 0.4 ? `'${v}'` : v;
}

function randomFrontMatter(rng: () => number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)];
  const lines: string[] = [];
  for (let n = Math.floor(rng() * 5); n >= 0; n--) {
    const kind = rng();
    if (kind < 0.05) lines.push('');
    else if (kind < 0.08) lines.push(pick(['# note', '  indented: x', '- item', '---', '...', ' ', 'tags:']));
    else lines.push(`${pick(KEYS)}${rng() < 0.9 ? ': ' : pick(SEPARATORS)}${randomValue(rng)}`);
  }
  return lines.join(pick(['\n', '\n', '\n', '\r\n']));
}

test('flat front matter read without the parser gives exactly the parser data, on 20,000 random documents', () => {
  const rng = random(11);
  let answered = 0;
  for (let i = 0; i < 20_000; i++) {
    const source = randomFrontMatter(rng);
    const fast = flatMappingData(source);
    if (fast === undefined) continue;
    answered++;
    assert.deepEqual({ data: fast }, parsed(source), JSON.stringify(source));
  }
  // Most random documents hold something only the parser reads; enough must be flat for the check to mean anything.
  assert.ok(answered > 1_500, `answered ${answered}`);
});

test('the front matter of an ordinary article is read without the parser; anything else is left to it', () => {
  const article = [
    'title: "Russia and Mali: a new battleground?"',
    'author: Korotoumou Diarra-Méchain',
    'date: 2023-02-14',
    "subtitle: 'Sahel #3'",
    'bibliography: references.bib',
  ].join('\n');
  assert.deepEqual({ data: flatMappingData(article) }, parsed(article));
  assert.deepEqual(flatMappingData(article), {
    title: 'Russia and Mali: a new battleground?',
    author: 'Korotoumou Diarra-Méchain',
    date: '2023-02-14',
    subtitle: 'Sahel #3',
    bibliography: 'references.bib',
  });
  for (const other of [
    'sourcelint:\n  rules:\n    loaded-term: off',
    'bibliography:\n  - a.bib\n  - b.bib',
    'year: 2023',
    'draft: true',
    'title: a: b',
    'title: x # comment',
    'title: x\ntitle: y',
    '',
    'title: "x"\r\nauthor: y',
  ])
    assert.equal(flatMappingData(other), undefined, JSON.stringify(other));
});
