/**
 * The editor's incremental lint: with a LintCache, a re-lint reuses what an edit did not change (the parse, block and
 * sentence analyses, the rules' findings per block and per sentence, moved with their text). After any edit, hostile
 * Markdown and configuration changes included, the result must be exactly a fresh lint's; and findings of the blocks
 * an edit did not reach must be reused, not rebuilt (checked by identity, never by time).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { LintCache, lint, type LintOptions, type LintResult, type SourceCopies } from 'sourcelint';
import { drafts, randomEdit } from './helpers/edits.js';
import { random } from './helpers/random.js';

/** A saved copy for every footnote label and URL: the drafts' own prose with its figures changed, so some match. */
const copyText = drafts.join('\n\n').replace(/\d+/g, (d) => String(Number(d) + (d.length % 2)));
const copy = { file: '/copies/source.txt', pages: copyText.match(/[\s\S]{1,4000}(?=\s|$)/g)! };
const everyCopy: SourceCopies = { byKey: () => copy, byUrl: () => copy };
const warn = [{ config: { citations: { attribution: 'warn' as const }, terms: { allow: ['slammed'] } }, file: '/c/x' }];
const SETTINGS: LintOptions[] = [{}, { layers: warn }, { sourceCopies: everyCopy }];

/** What a result says: its findings and suppressed findings whole, and what covers each claim. */
const outcome = (r: LintResult) => ({
  findings: r.findings,
  suppressed: r.suppressed,
  claims: r.claims.map(
    (c) =>
      `${c.sentence.span.start}-${c.sentence.span.end} ${c.cited} ${c.coverage?.kind}:${c.coverage?.source} ${c.uncovered}`,
  ),
});

/**
 * Edits that change how the prose around them reads without touching it: sources that carry into the next sentence or
 * paragraph, a lead-in to the next paragraph, the article's own survey, quotations opened and closed, citations, and
 * the words that make a loaded phrase literal anywhere in the document (with phrases for them to act on).
 */
const lexicon = path.resolve(import.meta.dirname, '../../server/data/lexicon/loaded-terms.json');
const loaded = JSON.parse(fs.readFileSync(lexicon, 'utf8')) as {
  entries: Array<{ pattern: string; literalIn?: string[] }>;
};
const DISCOURSE = [
  '\n\nThe minister said:\n\n',
  ' The minister said:',
  ' “It was',
  ' We surveyed 40 experts for this article. ',
  ' He said. ',
  ', Ana Ruiz said: “',
  '”',
  ' according to Reuters',
  '[^1]',
  ' [citation needed]',
  ' <!-- verified: checked -->',
  ' <!-- disputed: wrong year -->',
];
const LITERAL = loaded.entries
  .filter((e) => e.literalIn && /^[a-z -]+$/.test(e.pattern))
  .flatMap((e) => [` ${e.pattern} `, ` ${e.literalIn![0]} `]);
/** One of those after a word, or at the end of a paragraph (changing how the next one reads, not its text). */
const contextEdit = (text: string, rng: () => number): string => {
  const from = Math.floor(rng() * text.length);
  const at = rng() < 0.5 ? text.indexOf(' ', from) + 1 : text.indexOf('\n\n', from);
  const inserts = rng() < 0.7 ? DISCOURSE : LITERAL;
  return at > 0 ? text.slice(0, at) + inserts[Math.floor(rng() * inserts.length)] + text.slice(at) : text;
};

test('random edits and setting changes: every incremental lint equals a fresh lint', () => {
  const rng = random(11);
  // The drafts, and one document made of all of them with lists and quotations between.
  for (const draft of [...drafts, drafts.join('\n\n- item\n\n  more\n\n> quote\n\n')]) {
    const cache = new LintCache();
    let text = draft;
    for (let k = 0; k < 20; k++) {
      text = rng() < 0.5 ? randomEdit(text, rng) : contextEdit(text, rng);
      // Mostly one setting, as while typing; sometimes another, as when the configuration or the copies change.
      const options = SETTINGS[rng() < 0.8 ? 0 : Math.floor(rng() * SETTINGS.length)];
      assert.deepEqual(outcome(lint(text, { ...options, cache })), outcome(lint(text, options)), `edit ${k}`);
    }
  }
});

test('TOML front matter: edits inside, after and across its fences lint as fresh', () => {
  const rng = random(7);
  const head = '+++\ntitle = "Aid fell by 40%"\ntags = ["aid"]\n+++\n\n';
  for (const draft of drafts.slice(0, 3)) {
    const cache = new LintCache();
    let text = head + draft;
    for (let k = 0; k < 30; k++) {
      // Every third edit lands in the front matter or on its closing fence.
      const at = k % 3 === 0 ? Math.floor(rng() * head.length) : Math.floor(rng() * text.length);
      text = k % 2 === 0 ? text.slice(0, at) + 'x' + text.slice(at) : text.slice(0, at) + text.slice(at + 1);
      assert.deepEqual(outcome(lint(text, { cache })), outcome(lint(text)), `edit ${k} at ${at}`);
    }
  }
});

test('what changes how unchanged text reads, elsewhere in the document: every state lints as fresh', () => {
  const body =
    'The army seized the port of Kidal in 1960. Imports fell by 7% in 2021. Critics say it was a witch hunt.\n\n' +
    'Most experts believe the plan slammed the poor. "It will fail within a year, and everyone knows it," he said.';
  const states = [
    `Intro.\n\n${body}\n`,
    `Intro.\n\n${body.replace('2021.', '2021. <!-- verified: checked -->')}\n`,
    `Intro.\n\n${body.replace('2021.', '2021. <!-- disputed: wrong year -->')}\n`,
    `Intro.\n\n${body}\n`,
    `The minister said:\n\n${body}\n`,
    `The minister, Ana Ruiz, said: “It was\n\n${body}\n`,
    `Intro.\n\n${body}\n\nWe surveyed 40 experts for this article.\n`,
    `Intro.\n\n${body}\n\nA history of witchcraft.\n`,
    `Intro.\n\n${body}\n`,
  ];
  const cache = new LintCache();
  const fresh = states.map((text) => outcome(lint(text)));
  assert.ok(new Set(fresh.map((f) => JSON.stringify(f.findings.map((x) => x.ruleId)))).size >= 4, 'the states differ');
  for (const [i, text] of states.entries()) assert.deepEqual(outcome(lint(text, { cache })), fresh[i], `state ${i}`);
});

test('a keystroke reuses the findings of the blocks before it instead of rebuilding them', () => {
  const paragraph = (i: number) =>
    `Exports from region ${i} soared by ${i + 3}% in 2022.[^${i}] Imports fell by ${i + 7}% in 2021. The army seized ` +
    `the port of Kidal in ${1960 + i}. Critics say region ${i} was clearly "a turning point". Recently, officials met.`;
  const notes = Array.from({ length: 40 }, (_, i) => `[^${i}]: Ministry of Trade, annual report.`);
  const doc = [...Array.from({ length: 40 }, (_, i) => paragraph(i)), ...notes].join('\n\n');
  const cache = new LintCache();
  const before = lint(doc, { cache, sourceCopies: everyCopy }).findings;
  const at = doc.indexOf('region 20 ');
  const edited = doc.slice(0, at) + 'x' + doc.slice(at);
  const after = lint(edited, { cache, sourceCopies: everyCopy }).findings;
  assert.deepEqual(after, lint(edited, { sourceCopies: everyCopy }).findings);
  const earlier = before.filter((f) => f.span.end < at);
  const rules = new Set(earlier.map((f) => f.ruleId));
  assert.ok(rules.size >= 7, `findings of several rules before the edit: ${[...rules].join(', ')}`);
  assert.ok(
    earlier.every((f) => after.includes(f)),
    'the findings before the edited paragraph are the same objects as in the previous lint',
  );
});
