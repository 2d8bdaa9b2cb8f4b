#!/usr/bin/env node
/**
 * Generates server/data/word-forms.json, the verb conjugations and adjectives that quick-fix suggestions use to carry
 * a matched word's inflection over to a neutral alternative ("hurt" → "hurt", not "hurted"; "flee" → "fled"). The
 * words come from compromise's lexicon (MIT: https://github.com/spencermountain/compromise), plus every single word
 * of our own lexicons' patterns and alternatives that compromise tags as a verb. compromise is a devDependency: the
 * server ships the generated data, not the library. Run after upgrading compromise or adding lexicon words:
 *
 *   npm run word-forms
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import nlp from 'compromise';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'server/data/word-forms.json');
const world = nlp.world();
const lexicon = world.model.one.lexicon;
const conjugate = (verb) => world.methods.two.transform.verb.conjugate(verb, world.model);
const isWord = (w) => /^[a-z][a-z'-]*[a-z]$/.test(w);

const verbs = new Set();
const adjectives = new Set();
/** Words that may be verbs, kept when the lexicon knows one of their forms as a verb form (below). */
const maybeVerbs = new Set();
const toInfinitive = (word, tag) => world.methods.two.transform.verb.toInfinitive(word, world.model, tag);
for (const [word, tag] of Object.entries(lexicon)) {
  if (!isWord(word)) continue;
  if (tag === 'Infinitive') verbs.add(word);
  if (tag === 'Adjective') adjectives.add(word);
  // Past forms ("fought", "fled") lead to verbs the lexicon lists as nouns ("fight").
  if (tag === 'PastTense' || tag === 'Gerund') maybeVerbs.add(toInfinitive(word, tag));
}
const tagOf = (word) => [lexicon[word] ?? []].flat();
/** "fight" is a verb (the lexicon knows "fought"); "country" read after "they" is not (no "countried"). */
function knownVerb(word) {
  const c = conjugate(word);
  return (
    !!c &&
    (tagOf(c.PastTense).includes('PastTense') ||
      tagOf(c.Gerund).includes('Gerund') ||
      tagOf(c.PresentTense).includes('PresentTense'))
  );
}
// Our own lexicons' words, as compromise reads them alone: the verbs among them need conjugations even when rare.
const ours = new Set();
for (const dir of ['server/data/lexicon', 'server/data/claims']) {
  for (const name of fs.readdirSync(path.join(root, dir)).filter((f) => f.endsWith('.json'))) {
    const data = JSON.parse(fs.readFileSync(path.join(root, dir, name), 'utf8'));
    for (const entry of data.entries ?? []) {
      for (const phrase of [entry.pattern, ...(entry.alternatives ?? [])]) {
        for (const token of phrase.toLowerCase().split(/\s+/))
          for (const w of token.replace(/\?$/, '').split('|')) if (isWord(w)) ours.add(w);
      }
    }
  }
}
for (const w of [...ours, ...maybeVerbs]) {
  if (verbs.has(w) || !isWord(w)) continue;
  // After a plural subject, a word that can be a verb reads as one ("they wage", "they fight").
  const tags = nlp(`they ${w}`).json()[0]?.terms[1]?.tags ?? [];
  // British spellings ("criticise") are known by their American forms.
  // A word the lexicon does not know ("criticise") is a verb when compromise reads it as one on its own too.
  const unknown = lexicon[w] === undefined && (nlp(w).json()[0]?.terms[0]?.tags ?? []).includes('Verb');
  if (tags.includes('Infinitive') && (knownVerb(w) || unknown)) verbs.add(w);
}

/** compromise leaves a few gerunds unchanged ("slam"): the spelling rules, with the doubling its past tense shows. */
function gerundOf(verb, past) {
  if (verb.endsWith('ie')) return verb.slice(0, -2) + 'ying';
  if (verb.endsWith('e') && !verb.endsWith('ee')) return verb.slice(0, -1) + 'ing';
  if (past === verb + verb[verb.length - 1] + 'ed') return verb + verb[verb.length - 1] + 'ing';
  return verb + 'ing';
}

// Our words that are adjectives ("popular") or singular nouns ending like plurals ("chaos"), as compromise reads them.
const singulars = new Set();
for (const w of ours) {
  const tags = nlp(w).json()[0]?.terms[0]?.tags ?? [];
  if (tags.includes('Adjective')) adjectives.add(w);
  if (
    w.endsWith('s') &&
    (tags.includes('Singular') || tags.includes('Uncountable') || world.model.two.uncountable?.[w])
  )
    singulars.add(w);
}

const table = {};
for (const verb of [...verbs].sort()) {
  const c = conjugate(verb);
  if (!c?.PastTense || !c.PresentTense || !c.Gerund) continue;
  // A past tense equal to the base is right for "hurt" or "cut" (listed as verbs), not for a noun read as one ("war").
  if (c.PastTense === verb && lexicon[verb] !== 'Infinitive') continue;
  // [past, past participle, third person singular, gerund]
  const gerund = c.Gerund.endsWith('ing') ? c.Gerund : gerundOf(verb, c.PastTense);
  table[verb] = [c.PastTense, c.Participle ?? c.PastTense, c.PresentTense, gerund];
}
const version = JSON.parse(fs.readFileSync(path.join(root, 'node_modules/compromise/package.json'), 'utf8')).version;
const data = {
  description: `Generated by scripts/build-word-forms.mjs from compromise ${version} (MIT) and our lexicons: do not edit. Verbs: [past, past participle, third person singular, gerund]. Adjectives: words never made plural. Singulars: nouns that end like plurals ("chaos").`,
  verbs: table,
  adjectives: [...adjectives].sort(),
  singulars: [...singulars].sort(),
};
fs.writeFileSync(out, JSON.stringify(data) + '\n');
console.log(`wrote ${path.relative(root, out)}: ${Object.keys(table).length} verbs, ${adjectives.size} adjectives`);
