import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtInLexicons, inflections } from 'sourcelint/engine/lexicon.js';
import { lint } from 'sourcelint';

const dataDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../server/data');

test('every shipped lexicon compiles', () => {
  const lexicons = builtInLexicons();
  for (const rule of [
    'loaded-term',
    'editorializing',
    'unsupported-attribution',
    'relative-time',
    'unsourced-gloss',
    'unsourced-claim',
  ]) {
    assert.ok((lexicons.get(rule)?.entries.length ?? 0) > 0, `${rule} has entries`);
  }
});

test('lexicon entries have unique ids, a category, a one-line reason and alternatives', () => {
  const ids = new Set<string>();
  for (const dir of ['lexicon', 'claims']) {
    for (const name of fs.readdirSync(path.join(dataDir, dir))) {
      const file = JSON.parse(fs.readFileSync(path.join(dataDir, dir, name), 'utf8')) as {
        entries: Array<Record<string, unknown>>;
      };
      for (const e of file.entries) {
        assert.ok(!ids.has(e.id as string), `duplicate id ${String(e.id)} in ${name}`);
        ids.add(e.id as string);
        assert.equal(typeof e.category, 'string', `${String(e.id)}: category`);
        assert.match(e.reason as string, /^[^\n]{10,200}$/, `${String(e.id)}: one-line reason`);
        assert.ok(Array.isArray(e.alternatives), `${String(e.id)}: alternatives`);
      }
    }
  }
  assert.ok(ids.size > 500);
});

test('inflections cover plurals, past forms, doubling and British/American spelling', () => {
  assert.ok(inflections('skyrocket').includes('skyrocketed'));
  assert.ok(inflections('slam').includes('slammed'));
  assert.ok(inflections('ally').includes('allies'));
  assert.ok(inflections('patronise').includes('patronizing'));
});

test('domain words that naive tools flag are not loaded terms here', () => {
  const code =
    'Soviet and African actors were killed in the fighting; corruption charges followed, and the junta imposed sanctions after the coup.';
  const language = lint(code).findings.filter((f) =>
    ['loaded-term', 'editorializing', 'unsupported-attribution'].includes(f.ruleId),
  );
  assert.deepEqual(
    language.map((f) => code.slice(f.span.start, f.span.end)),
    [],
  );
});

test('phrase matching: a required second word, an optional one, a number, any word, and exceptions', async () => {
  const { Lexicon } = await import('sourcelint/engine/lexicon.js');
  const { tokenize } = await import('sourcelint/engine/words.js');
  const lexicon = new Lexicon();
  const entry = (pattern: string, except?: string[]) => ({
    pattern,
    category: 'test',
    reason: 'a test entry',
    alternatives: [],
    except,
    inflect: false,
  });
  lexicon.add(
    {
      rule: 'test',
      entries: [
        entry('it is clear'),
        entry('it seems? obvious'),
        entry('it costs {NUM}'),
        entry('it * matters'),
        entry('it', ['it rains']),
      ],
    },
    'test',
  );
  const matches = (text: string): string[] => {
    const words = tokenize(text);
    return lexicon
      .match(words)
      .map((m) => `${m.entry.pattern}: ${text.slice(words[m.from].start, words[m.to - 1].end)}`);
  };
  assert.deepEqual(matches('it is clear'), ['it is clear: it is clear']);
  assert.deepEqual(matches('it seems obvious and it obvious'), [
    'it seems? obvious: it seems obvious',
    'it seems? obvious: it obvious',
  ]);
  assert.deepEqual(matches('it costs 40'), ['it costs {NUM}: it costs 40']);
  assert.deepEqual(matches('it really matters'), ['it * matters: it really matters']);
  // "it is" without "clear" falls back to the one-word entry; "it rains" is its exception; a last word has no next
  // word.
  assert.deepEqual(matches('it is late, it rains, it'), ['it: it', 'it: it']);
});

test('words matched against one lexicon still match a lexicon built afterwards, and entries added later', async () => {
  const { Lexicon } = await import('sourcelint/engine/lexicon.js');
  const { tokenize } = await import('sourcelint/engine/words.js');
  const entry = (pattern: string) => ({ pattern, category: 'test', reason: 'a test entry', alternatives: [] });
  const words = tokenize('The quorvant fleet sailed 12 leagues past the zelbrick shoals.');
  const first = new Lexicon();
  first.add({ rule: 'test', entries: [entry('quorvant fleet')] }, 'test');
  const found = (l: InstanceType<typeof Lexicon>): string[] => l.match(words).map((m) => m.entry.pattern);
  assert.deepEqual(found(first), ['quorvant fleet']);
  // The same words array, after new first words were indexed: by a new lexicon, and by the first one.
  const second = new Lexicon();
  second.add({ rule: 'test', entries: [entry('zelbrick shoals'), entry('{NUM} leagues')] }, 'test');
  assert.deepEqual(found(second), ['{NUM} leagues', 'zelbrick shoals']);
  first.add({ rule: 'test', entries: [entry('zelbrick')] }, 'test');
  assert.deepEqual(found(first), ['quorvant fleet', 'zelbrick']);
});

/** The texts that a lexicon of `patterns` matches in `text`. */
async function matchedTexts(patterns: string[], text: string): Promise<string[]> {
  const { Lexicon } = await import('sourcelint/engine/lexicon.js');
  const { tokenize } = await import('sourcelint/engine/words.js');
  const lexicon = new Lexicon();
  lexicon.add(
    {
      rule: 'test',
      entries: patterns.map((pattern) => ({ pattern, category: 'test', reason: 'a test entry', alternatives: [] })),
    },
    'test',
  );
  const words = tokenize(text);
  return lexicon.match(words).map((m) => text.slice(words[m.from].start, words[m.to - 1].end));
}

test('a first word shared by entries with different required second words matches each of them', async () => {
  const text = 'The prime suspect met the prime ministers, not the prime time host, and the last word is prime';
  assert.deepEqual(await matchedTexts(['prime suspect', 'prime minister said?'], text), [
    'prime suspect',
    'prime ministers',
  ]);
});

test('a phrase that starts with a number word matches, beside phrases that start with any number', async () => {
  const text = 'One could argue that two could argue, and one quorvants, and 12 quorvants.';
  assert.deepEqual(await matchedTexts(['one could argue', '{NUM} quorvants'], text), [
    'One could argue',
    'one quorvants',
    '12 quorvants',
  ]);
});
