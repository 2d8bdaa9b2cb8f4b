/**
 * The editor's incremental parse (engine/reparse.ts): after any edit, the spliced tree must give exactly what a
 * whole parse gives, and a keystroke in a long document must parse a few blocks, not the document.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LintCache, lint } from 'sourcelint';
import { parseMarkdown } from 'sourcelint/engine/markdown.js';
import { TreeMemory } from 'sourcelint/engine/reparse.js';
import { drafts, randomEdit } from './helpers/edits.js';
import { random } from './helpers/random.js';

test('random edits, Markdown that reaches across blocks included: every spliced parse equals a whole parse', () => {
  const rng = random(7);
  let spliced = 0;
  let edits = 0;
  // The drafts, and one document made of all of them with lists and quotations between.
  for (const draft of [...drafts, drafts.join('\n\n- item\n\n  more\n\n> quote\n\n')]) {
    const memory = new TreeMemory();
    let text = draft;
    for (let k = 0; k < 30; k++) {
      text = randomEdit(text, rng);
      const before = memory.parsedChars;
      assert.deepEqual(parseMarkdown(text, 'markdown', memory), parseMarkdown(text), `edit ${k}`);
      edits++;
      if (memory.parsedChars - before < text.length) spliced++;
    }
  }
  // Most edits splice; the rest fell back to a whole parse (which is always right): both paths were exercised.
  assert.ok(spliced > edits / 3 && spliced < edits, `${spliced} of ${edits} edits spliced`);
});

test('an edit that leaves the front matter unclosed is parsed whole (it changes how footnote definitions read)', () => {
  const text = '---\ntitle: T\n---\n\nA claim.[^1]\n\n[^1]: A note.\n';
  const memory = new TreeMemory();
  parseMarkdown(text, 'markdown', memory);
  const broken = text.replace('---\n\nA', '-x-\n\nA');
  assert.deepEqual(parseMarkdown(broken, 'markdown', memory), parseMarkdown(broken));
});

test('a keystroke in a long document parses a few blocks, and no more in a document twice as long', () => {
  const draft = drafts.filter((d) => d.includes('[^1]')).sort((a, b) => b.length - a.length)[0];
  const body = draft.split('---\n').slice(2).join('---\n');
  // Footnote labels renamed per copy, so every copy's calls have their own definitions (stubbed into each slice).
  const long = (copies: number) =>
    draft +
    Array.from({ length: copies }, (_, i) => `\n\n## Part ${i}\n\n` + body.replace(/\[\^(\w+)\]/g, `[^$1x${i}]`)).join(
      '',
    );
  const perKeystroke = (text: string): number[] => {
    const cache = new LintCache();
    lint(text, { cache });
    const counts: number[] = [];
    for (let k = 1; k <= 5; k++) {
      // A word typed into a paragraph at k/6 of the document.
      const at = text.indexOf('. ', Math.floor((text.length * k) / 6)) + 1;
      text = text.slice(0, at) + ' Moreover' + text.slice(at);
      const before = cache.tree.parsedChars;
      assert.deepEqual(lint(text, { cache }).findings, lint(text).findings);
      counts.push(cache.tree.parsedChars - before);
    }
    return counts;
  };
  const small = long(5);
  const large = long(10);
  const smallCounts = perKeystroke(small);
  const largeCounts = perKeystroke(large);
  for (const n of [...smallCounts, ...largeCounts])
    assert.ok(n > 0 && n < small.length / 20, `parsed ${n} characters of ${small.length}`);
  const total = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  assert.ok(
    total(largeCounts) <= 2 * total(smallCounts),
    `2× the document: ${total(smallCounts)} → ${total(largeCounts)} characters parsed`,
  );
});

test('a keystroke in a draft with hundreds of notes hands the parser only the notes its blocks cite', () => {
  const draft = (notes: number) =>
    Array.from({ length: notes }, (_, i) => `Claim ${i} rose by ${i}% last year.[^n${i}]`).join('\n\n') +
    '\n\n' +
    Array.from({ length: notes }, (_, i) => `[^n${i}]: Source ${i}, a report.`).join('\n\n');
  const perKeystroke = (notes: number): number => {
    let text = draft(notes);
    const cache = new LintCache();
    lint(text, { cache });
    const at = text.indexOf('rose', text.length / 4);
    text = text.slice(0, at) + 'x' + text.slice(at);
    const before = cache.tree.parsedChars;
    assert.deepEqual(lint(text, { cache }).findings, lint(text).findings);
    return cache.tree.parsedChars - before;
  };
  const few = perKeystroke(100);
  const many = perKeystroke(400);
  // Each note's definition stands in for itself in the parsed slice (~30 characters): all 400 would be 12,000.
  assert.ok(few > 0 && many < 1000, `parsed ${few} characters with 100 notes, ${many} with 400`);
});

test('a reference typed in another case or spacing than its definition elsewhere reads as one', () => {
  const paragraphs = Array.from({ length: 12 }, (_, i) => `Paragraph ${i} says something.`);
  const text = [
    ...paragraphs,
    '[Foo Bar]: http://example.com/a',
    '[^Note]: A note.',
    '[ss]: http://example.com/b',
  ].join('\n\n');
  const at = text.indexOf('something', text.indexOf('Paragraph 5'));
  for (const typed of ['[foo bar]', '[FOO\n  BAR]', '[x][foo bar]', '[^note]', '[^NOTE]', '[ß]', '[SS]']) {
    const memory = new TreeMemory();
    parseMarkdown(text, 'markdown', memory);
    const edited = text.slice(0, at) + typed + ' ' + text.slice(at);
    const whole = parseMarkdown(edited);
    assert.deepEqual(parseMarkdown(edited, 'markdown', memory), whole, typed);
    assert.ok(
      whole.blocks.some((b) => b.links.length > 0 || b.footnoteRefs.length > 0),
      `${typed} is a reference in the whole parse`,
    );
  }
});

test('an edit that adds or removes a definition re-parses the blocks that mention its label, not the document', () => {
  // Forty paragraphs citing eight notes and five link definitions, some in another case; four cite n9, undefined.
  const paragraphs = Array.from(
    { length: 40 },
    (_, i) =>
      `Claim ${i} rose by ${i}%.[^${i % 3 ? 'n' : 'N'}${i % 8}] See [the report][r${i % 5}]${i % 10 ? '' : ' and [^n9]'}.`,
  );
  const definitions = [
    ...Array.from({ length: 8 }, (_, i) => `[^n${i}]: Source ${i}.`),
    ...Array.from({ length: 5 }, (_, i) => `[R${i}]: https://example.com/${i}`),
  ];
  const original = [...paragraphs, '- a list item citing [^n3]', ...definitions].join('\n\n') + '\n';
  const edits: [string, string][] = [
    ['[^n3]: Source', 'x[^n3]: Source'], // a note's definition removed
    ['x[^n3]: Source', '[^n3]: Source'], // and restored
    ['[R2]: https', '[R7]: https'], // a link definition renamed: r2's references become text, r7 has none
    ['[^n0]: Source 0.', '[^n0]: Source 0.\n\n[^n9]: A new note.'], // an undefined note defined
    ['Claim 5 rose', '[^n1]: Claim 5 rose'], // a paragraph turned into a second definition of n1: nothing else changes
  ];
  const memory = new TreeMemory();
  let text = original;
  parseMarkdown(text, 'markdown', memory);
  for (const [from, to] of edits) {
    assert.ok(text.includes(from), from);
    text = text.replace(from, to);
    const before = memory.parsedChars;
    assert.deepEqual(parseMarkdown(text, 'markdown', memory), parseMarkdown(text), to);
    const parsed = memory.parsedChars - before;
    assert.ok(parsed > 0 && parsed < text.length / 2, `${to}: parsed ${parsed} characters of ${text.length}`);
  }
});
