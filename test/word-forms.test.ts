/**
 * Word forms of quick-fix suggestions: a matched term's inflection carried over to each neutral alternative, checked
 * for every entry of the shipped lexicons against the generated verb data and `pluralize`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import pluralize from 'pluralize';
import { reinflect } from 'sourcelint/engine/inflect.js';

const data = JSON.parse(fs.readFileSync(new URL('../../server/data/word-forms.json', import.meta.url), 'utf8')) as {
  verbs: Record<string, string[]>;
  adjectives: string[];
};
const VERBS = new Map(Object.entries(data.verbs));
const ADJECTIVES = new Set(data.adjectives);

test('the cases that went wrong: adjectives stay, irregular verbs, the verb of a phrase, irregular plurals', () => {
  assert.equal(reinflect('armed group', 'militias', 'militia'), 'armed groups');
  assert.equal(reinflect('hurt', 'maimed', 'maim'), 'hurt');
  assert.equal(reinflect('fight', 'waging war', 'wage war'), 'fighting');
  assert.equal(reinflect('flee', 'escaped', 'escape'), 'fled');
  assert.equal(reinflect('crisis', 'catastrophes', 'catastrophe'), 'crises');
});

test('participles after an auxiliary; head nouns before a preposition or participle; what is no noun or verb stays', () => {
  assert.equal(reinflect('rise sharply', 'skyrocketed', 'skyrocket'), 'rose sharply');
  assert.equal(reinflect('rise sharply', 'skyrocketed', 'skyrocket', 'has'), 'risen sharply');
  assert.equal(reinflect('head of state', 'dictators', 'dictator'), 'heads of state');
  assert.equal(
    reinflect('person living in the country illegally', 'aliens', 'alien|aliens'),
    'people living in the country illegally',
  );
  assert.equal(reinflect('operation', 'liberated', 'liberate'), 'operation');
  assert.equal(reinflect('criticised as', 'bigots', 'bigot'), 'criticised as');
  assert.equal(reinflect('officials', 'cabals', 'cabal'), 'officials');
  assert.equal(reinflect('[named source] says', 'critics say', 'critics say'), '[named source] says');
});

test('the generated verb data has every form of every verb, irregular ones right', () => {
  assert.ok(VERBS.size > 1500, `${VERBS.size} verbs`);
  for (const [verb, forms] of VERBS) {
    assert.equal(forms.length, 4, verb);
    assert.match(forms[2], /s$/, `${verb}: third person ${forms[2]}`);
    assert.match(forms[3], /ing$/, `${verb}: gerund ${forms[3]}`);
  }
  const irregular: Record<string, string[]> = {
    flee: ['fled', 'fled'],
    hurt: ['hurt', 'hurt'],
    rise: ['rose', 'risen'],
    fight: ['fought', 'fought'],
    take: ['took', 'taken'],
    fall: ['fell', 'fallen'],
    say: ['said', 'said'],
  };
  for (const [verb, [past, participle]] of Object.entries(irregular))
    assert.deepEqual(VERBS.get(verb)?.slice(0, 2), [past, participle], verb);
});

/** A regular spelling of a verb whose real form differs: "hurted", "fleed", "rised". */
const overRegular = new Map<string, string>();
for (const [verb, [past]] of VERBS) {
  const regular = verb.endsWith('e') ? verb + 'd' : verb + 'ed';
  if (past !== regular && !VERBS.has(regular)) overRegular.set(regular, past);
}

const PARTICLES = new Set(['into', 'out', 'on', 'at', 'against', 'up', 'down', 'off', 'over', 'about', 'back', 'away']);
type Kind = 'base' | 'past' | 'participle' | 'third' | 'gerund' | 'plural';
const FORMS = ['past', 'participle', 'third', 'gerund'] as const;
/** An inflected verb form → which form it is (the first listed when it is several). */
const FORM_OF = new Map<string, Kind>();
for (const [verb, forms] of VERBS) forms.forEach((f, i) => f !== verb && !FORM_OF.has(f) && FORM_OF.set(f, FORMS[i]));

interface LexiconFile {
  entries: Array<{ id: string; pattern: string; alternatives?: string[] }>;
}
const lexiconDir = new URL('../../server/data/lexicon/', import.meta.url);
const entries = fs
  .readdirSync(lexiconDir)
  .flatMap((name) => (JSON.parse(fs.readFileSync(new URL(name, lexiconDir), 'utf8')) as LexiconFile).entries);

test('every lexicon entry: suggestions keep base forms, conjugate verbs from the data, pluralise head nouns, invent no word', () => {
  let checked = 0;
  for (const entry of entries) {
    if (!entry.alternatives?.length || entry.pattern.includes('{')) continue;
    const tokens = entry.pattern
      .toLowerCase()
      .split(' ')
      .filter((t) => !t.endsWith('?'))
      .map((t) => t.split('|')[0]);
    const first = tokens[0];
    const last = tokens[tokens.length - 1];
    const rest = tokens.slice(1).join(' ');
    // A pattern written in the plural ("regimes") is matched as a plural noun: its alternatives' heads go plural too.
    // (After the first word, a word that is a plural noun or a verb form is read as the noun: "open borders".)
    const pluralPattern = tokens.some(
      (t, i) => pluralize.singular(t) !== t && (i > 0 || !VERBS.has(pluralize.singular(t))) && !ADJECTIVES.has(t),
    );
    // A pattern written as a verb form ("slams", "lambasted") is matched as that form.
    const listedForm = FORM_OF.get(first);
    const formOfFirst = tokens.length === 1 || PARTICLES.has(tokens[1]) ? listedForm : undefined;
    const baseKind = formOfFirst ?? (pluralPattern ? 'plural' : 'base');
    const variants: Array<{ matched: string; kind: Kind }> = [{ matched: tokens.join(' '), kind: baseKind }];
    const verbForms = VERBS.get(first);
    if (verbForms && verbForms[0] !== first)
      variants.push(
        { matched: [verbForms[0], rest].filter(Boolean).join(' '), kind: 'past' },
        { matched: [verbForms[3], rest].filter(Boolean).join(' '), kind: 'gerund' },
      );
    const lastPlural = pluralize.plural(last);
    if (
      !formOfFirst &&
      !PARTICLES.has(last) &&
      !VERBS.has(last) &&
      !ADJECTIVES.has(last) &&
      lastPlural !== last &&
      tokens.length > 1
    )
      variants.push({ matched: [...tokens.slice(0, -1), lastPlural].join(' '), kind: 'plural' });
    for (const { matched, kind } of variants) {
      for (const alternative of entry.alternatives) {
        if (alternative.includes('{') || alternative.includes('[')) continue;
        const suggestion = reinflect(alternative, matched, entry.pattern);
        const where = `${entry.id}: "${matched}" → "${alternative}" gave "${suggestion}"`;
        checked++;
        if (kind === 'base') {
          assert.equal(suggestion, alternative, where);
          continue;
        }
        const before = alternative.split(' ');
        const after = suggestion.split(' ');
        assert.equal(after.length, before.length, where);
        after.forEach((word, i) => {
          assert.ok(
            !overRegular.has(word.toLowerCase()),
            `${where}: "${word}" for "${overRegular.get(word.toLowerCase())}"`,
          );
          if (word === before[i]) return;
          const base = before[i].toLowerCase();
          if (kind === 'plural' || (pluralPattern && !VERBS.has(base))) {
            assert.equal(word, pluralize.plural(base), where);
            assert.ok(!ADJECTIVES.has(base), `${where}: an adjective made plural`);
          } else {
            assert.equal(i, 0, `${where}: only the verb changes`);
            // A past form may be a participle too ("lambasted"): either form of the alternative is right.
            const forms = VERBS.get(base) ?? [];
            const expected =
              kind === 'past' || kind === 'participle'
                ? forms.slice(0, 2)
                : [forms[FORMS.indexOf(kind as (typeof FORMS)[number])]];
            assert.ok(expected.includes(word), `${where}: expected ${expected.join(' or ')}`);
          }
        });
        // A verb alternative follows a verb match; a noun's head follows a plural match.
        if (kind !== 'plural' && VERBS.has(before[0].toLowerCase())) assert.notEqual(after[0], before[0], where);
      }
    }
  }
  assert.ok(checked > 1500, `${checked} suggestions checked`);
});
