/**
 * Seeded fuzzing of everything a draft, a repository or a reviewer can feed Sourcelint: Markdown, bibliographies,
 * configuration, the fixes and the report. Each case is a generator plus invariants; `npm test` runs a few seconds'
 * worth (test/fuzz.test.ts), `npm run fuzz` as long as a maintainer likes (scripts/fuzz.mjs). Same seed, same cases.
 */
import { ConfigError, checkConfig, lint, type LintResult } from 'sourcelint';
import { claimRows } from 'sourcelint/shared/checklist.js';
import { parseBibtex, parseCslJson } from 'sourcelint/engine/bibliography.js';
import { formatReport, safeHref } from 'sourcelint/cli/formatters/report.js';
import { formatClaimsCsv } from 'sourcelint/cli/formatters/claims.js';
import { parseYamlData } from 'sourcelint/engine/yaml.js';
import { checkFixProperties } from './fix-properties.js';
import { random, type Random } from './random.js';

const pick = <T>(rng: Random, items: readonly T[]): T => items[Math.floor(rng() * items.length)];
const int = (rng: Random, max: number): number => Math.floor(rng() * (max + 1));

/** Pieces of drafts: ordinary prose and every construct the engine treats specially, hostile ones included. */
const FRAGMENTS = [
  'Aid fell by 40% in 2022.',
  'Russia sent 1,000 officials to Mali in 2022, and aid accounted for around 10% of its GDP.',
  'Critics say the plan failed.',
  'The regime slammed the so-called reforms last week.',
  '"We will not leave," the minister said.',
  'The ambassador was expelled in January 2022.[^1]',
  'Exports rose by 12% [@worldbank2022; @imf, p. 4].',
  'See https://en.wikipedia.org/wiki/Bamako_(city) and www.example.org/a_(b).',
  'See \\<https://example.org/x> and https://example.org/a\\_b.',
  '[a link](https://example.org/report) and [evil](javascript:alert(1)).',
  '<!-- sourcelint-disable unsourced-statistic -->',
  '<!-- sourcelint-enable -->',
  '<!-- sourcelint-disable-next-line -->',
  'Prices rose 5% in 2021. <!-- verified: checked the bulletin -->',
  '# A heading with 30% growth',
  '## Closing hashes 12% ##',
  '| Year | Aid |\n| --- | --- |\n| 2022 | fell by 40% |\n| 2023 | skyrocketed |',
  '> Quoted: "aid fell by 40%" in 2022.',
  '- first item with 3% growth\n- second item\n  continued',
  '1. one\n2. two with 8%',
  '```\ncode 40%\n```',
  '```\nunclosed fence',
  '<!-- unclosed comment',
  '[^1]: Reuters, 31 January 2022.',
  '[^2]: Unused note, see https://example.org/u.',
  '[^7]:',
  'Hard break\\\nnext line with 9%.',
  'Trailing spaces  \nnext line.',
  '*emphasis* and _more_ and **strong** 4%.',
  'x[^99] undefined note.',
  '\u200b\u00a0\u2028odd spaces 5%.',
  '😀 emoji before 7% and after.',
];

const BURSTS = [
  '*',
  '_',
  '[',
  ']',
  '<',
  '`',
  '>',
  '- ',
  '|',
  '[^',
  '\\',
  '!',
  '(',
  ')',
  '&',
  '\r\n',
  '\n',
  ' ',
  '#',
  '~',
];

const FRONT_MATTER = [
  '---\ntitle: "Draft"\n---\n',
  '---\nbibliography: refs.bib\nsourcelint:\n  rules:\n    relative-time: warning\n---\n',
  '---\ntitle: [unclosed\n---\n',
  '---\na: &a [*a, *a, *a]\n---\n',
  '---\nsourcelint:\n  terms:\n    add:\n      - { pattern: "aid fell? by? 40%?", rule: loaded-term, reason: test }\n---\n',
  '---\nsourcelint: { rules: { nosuchrule: error } }\n---\n',
  '---\r\ntitle: crlf\r\n---\r\n',
];

/** Applies a few random edits: duplicated, deleted and swapped slices, bursts of markup characters. */
function mutate(rng: Random, text: string, edits: number, maxBurst: number): string {
  let out = text;
  for (let i = 0; i < edits; i++) {
    const at = int(rng, out.length);
    const kind = int(rng, 4);
    if (kind === 0) out = out.slice(0, at) + pick(rng, BURSTS).repeat(1 + int(rng, maxBurst)) + out.slice(at);
    else if (kind === 1) out = out.slice(0, at) + out.slice(at + int(rng, 20));
    else if (kind === 2) out = out.slice(0, at) + out.slice(int(rng, out.length), int(rng, out.length)) + out.slice(at);
    else if (kind === 3) out = out.slice(0, at) + String.fromCharCode(int(rng, 0x2fff)) + out.slice(at);
    else out = out.slice(0, at) + pick(rng, FRAGMENTS) + out.slice(at);
  }
  return out;
}

export function markdown(rng: Random, maxBurst = 200): string {
  const parts: string[] = [];
  if (rng() < 0.4) parts.push(pick(rng, FRONT_MATTER));
  for (let n = 1 + int(rng, 25); n > 0; n--)
    parts.push(pick(rng, FRAGMENTS) + pick(rng, ['\n\n', '\n', ' ', '\n\n\n']));
  let text = parts.join('');
  if (rng() < 0.2) text = text.replace(/\r?\n/g, '\r\n');
  if (rng() < 0.15) text = '\ufeff' + text;
  return rng() < 0.7 ? mutate(rng, text, int(rng, 8), maxBurst) : text;
}

const BIB_PARTS = [
  '@book{key1, author = {Doe, Jane}, title = {A {Nested} Title}, year = {2020}}',
  '@article{key2, title = "Quoted \\"title\\"", journal = {J}, year = 2021, url = {javascript:alert(1)}}',
  '@string{s = "macro"} @misc{key3, title = s # s # s, note = {x}}',
  '@online{key4, title = {Unclosed',
  '@comment{anything at all}',
  '@misc{, title = {no key}}',
  '@misc{key5, doi = {10.1000/x}, url = {https://example.org/(a)}}',
];

export function bibliography(rng: Random): { text: string; json: boolean } {
  if (rng() < 0.4) {
    const items = Array.from({ length: int(rng, 5) }, (_, i) => ({
      id: pick(rng, [`k${i}`, 'dup', 'x\n::error::y', '', '=cmd']),
      type: 'report',
      title: pick(rng, ['A', '', '<script>']),
      URL: pick(rng, ['https://e.org', 'javascript:x', 'data:x']),
    }));
    return { text: mutate(rng, JSON.stringify(items), int(rng, 3), 20), json: true };
  }
  const text = Array.from({ length: 1 + int(rng, 6) }, () => pick(rng, BIB_PARTS)).join('\n');
  return { text: mutate(rng, text, int(rng, 4), 50), json: false };
}

const WORDS = ['aid', 'fell', 'by', 'slammed', 'regime', '*', '{num}', 'rose|fell', 'the', 'plan?', 'so-called', 'x?'];

export function configuration(rng: Random): string {
  const config = {
    rules: {
      'unsourced-statistic': pick(rng, ['off', 'info', 'warning', 'error', 'loud']),
      [pick(rng, ['bare-url', 'nosuch'])]: 'warning',
    },
    terms: {
      add: Array.from({ length: int(rng, 3) }, () => ({
        pattern: Array.from({ length: 1 + int(rng, 34) }, () => pick(rng, WORDS)).join(' '),
        rule: pick(rng, ['loaded-term', 'editorializing', 'nosuch']),
        reason: 'fuzz',
      })),
      allow: ['regime'],
    },
    citations: { scope: pick(rng, ['sentence', 'paragraph', 'page']) },
  };
  const yaml = rng() < 0.5;
  const text = yaml
    ? `rules:\n  unsourced-statistic: ${config.rules['unsourced-statistic']}\nterms: ${JSON.stringify(config.terms)}\n`
    : JSON.stringify(config);
  return mutate(rng, text, int(rng, 2), 10);
}

/** One case's invariant violations (empty: all held). `fixes`: also check every fix's properties (slower). */
export function checkMarkdown(text: string, fixes: boolean): string[] {
  const problems: string[] = [];
  let result: LintResult;
  try {
    result = lint(text, { filePath: '/virtual/fuzz.md' });
  } catch (e) {
    return e instanceof ConfigError ? [] : [`lint threw: ${(e as Error).stack}`];
  }
  for (const f of result.findings)
    if (!(f.span.start >= 0 && f.span.start <= f.span.end && f.span.end <= text.length))
      problems.push(`finding ${f.ruleId} out of range`);
  for (const b of result.document.parsed.blocks)
    if (b.text.length !== b.end - b.start)
      problems.push(`block text length ${b.text.length} ≠ span ${b.end - b.start}`);
  for (const p of result.problems)
    if (/\n/.test(p.message)) problems.push(`a problem message spans lines: ${JSON.stringify(p.message)}`);
  const rows = claimRows(result, '/virtual/fuzz.md');
  const html = formatReport(rows, ['/virtual/fuzz.md'], '/virtual', 'fuzz');
  for (const m of html.matchAll(/\shref="([^"]*)"/g))
    if (safeHref(m[1].replace(/&amp;/g, '&')) === undefined) problems.push(`unsafe href in the report: ${m[1]}`);
  if (!html.includes('Content-Security-Policy')) problems.push('report without a Content-Security-Policy');
  for (const cell of csvCells(formatClaimsCsv(rows, '/virtual')))
    if (/^[=+\-@\t\r]/.test(cell)) problems.push(`CSV cell open to formula injection: ${cell.slice(0, 80)}`);
  if (fixes) problems.push(...checkFixProperties(text, { filePath: '/virtual/fuzz.md' }, 3));
  return problems;
}

/**
 * The values of a CSV document's cells as a spreadsheet reads them: quotes removed, and a line break inside a quoted
 * cell part of that cell (splitting the text at line breaks would take a quoted "- item" for a cell).
 */
function csvCells(csv: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i];
    if (quoted && c === '"' && csv[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && (c === ',' || c === '\n')) {
      cells.push(cell);
      cell = '';
    } else {
      cell += c;
    }
  }
  cells.push(cell);
  return cells;
}

export function checkBibliography(bib: { text: string; json: boolean }): string[] {
  try {
    const parsed = bib.json ? parseCslJson(bib.text, 'fuzz.json') : parseBibtex(bib.text, 'fuzz.bib');
    return parsed.problems
      .filter((p) => /\n/.test(p.message))
      .map((p) => `a bibliography problem spans lines: ${JSON.stringify(p.message)}`);
  } catch (e) {
    return [`the bibliography parser threw: ${(e as Error).stack}`];
  }
}

export function checkConfiguration(text: string): string[] {
  let data: unknown;
  try {
    data = text.trimStart().startsWith('{') ? JSON.parse(text) : parseYamlData(text);
  } catch {
    return []; // Not data at all: the loader's own error path, tested elsewhere.
  }
  try {
    const config = checkConfig(data, 'fuzz');
    lint('The regime slammed aid, which fell by 40% in 2022.\n', {
      filePath: '/virtual/fuzz.md',
      layers: [{ config, file: '/virtual/.sourcelintrc.json' }],
    });
    return [];
  } catch (e) {
    return e instanceof ConfigError && !/\n/.test(e.message)
      ? []
      : [`configuration ${JSON.stringify(text.slice(0, 200))}: ${(e as Error).stack}`];
  }
}

export type CaseKind = 'markdown' | 'bibliography' | 'configuration';

/** Runs case `index` of the seeded sequence: the input (to save when it fails) and its violations. */
export function runCase(
  seed: number,
  index: number,
  options: { fixesEvery: number; maxBurst: number },
): { kind: CaseKind; input: string; problems: string[] } {
  const rng = random(seed * 1_000_003 + index);
  const kind: CaseKind = index % 5 === 3 ? 'bibliography' : index % 5 === 4 ? 'configuration' : 'markdown';
  if (kind === 'bibliography') {
    const bib = bibliography(rng);
    return { kind, input: bib.text, problems: checkBibliography(bib) };
  }
  if (kind === 'configuration') {
    const text = configuration(rng);
    return { kind, input: text, problems: checkConfiguration(text) };
  }
  const text = markdown(rng, options.maxBurst);
  return { kind, input: text, problems: checkMarkdown(text, index % options.fixesEvery === 0) };
}
