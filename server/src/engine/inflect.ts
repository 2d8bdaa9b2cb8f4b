/**
 * Carrying a matched term's inflection over to a neutral alternative written in base form: "skyrocketed" → "rose
 * sharply", "waging war" → "fighting", "puppet leaders" → "allied leaders". Verb forms come from
 * `data/word-forms.json` (generated from compromise's lexicon by scripts/build-word-forms.mjs), noun plurals from
 * `pluralize`; regular spelling rules cover verbs neither knows.
 */
import fs from 'node:fs';
import pluralize from 'pluralize';
import { shippedFile } from './paths.js';

type VerbForm = 'past' | 'participle' | 'third' | 'gerund';
const FORMS: readonly VerbForm[] = ['past', 'participle', 'third', 'gerund'];

interface WordForms {
  /** Base form → [past, past participle, third person singular, gerund]. */
  verbs: Map<string, readonly string[]>;
  /** An inflected form → the bases and forms it is. */
  verbOf: Map<string, Array<{ base: string; form: VerbForm }>>;
  adjectives: Set<string>;
  /** Nouns that only look plural ("chaos"). */
  singulars: Set<string>;
}

let loaded: WordForms | undefined;

/** Read on first use: only quick-fix suggestions need it. */
function wordForms(): WordForms {
  if (loaded) return loaded;
  const data = JSON.parse(fs.readFileSync(shippedFile('data', 'word-forms.json'), 'utf8')) as {
    verbs: Record<string, string[]>;
    adjectives: string[];
    singulars: string[];
  };
  const verbs = new Map(Object.entries(data.verbs));
  const verbOf = new Map<string, Array<{ base: string; form: VerbForm }>>();
  for (const [base, forms] of verbs) {
    forms.forEach((word, i) => {
      if (word === base) return;
      const list = verbOf.get(word) ?? [];
      list.push({ base, form: FORMS[i] });
      verbOf.set(word, list);
    });
  }
  loaded = { verbs, verbOf, adjectives: new Set(data.adjectives), singulars: new Set(data.singulars) };
  return loaded;
}

/** Whether `word` is a past or third-person form of a verb the data knows ("marks", "saw"): a finite verb. */
export function isFiniteVerbForm(word: string): boolean {
  return (
    wordForms()
      .verbOf.get(word)
      ?.some((v) => v.form === 'past' || v.form === 'third') ?? false
  );
}

/** Whether a lower-case word is the -ing form of a verb the data knows ("increasing", "reading"). */
export function isGerund(word: string): boolean {
  return (
    wordForms()
      .verbOf.get(word)
      ?.some((v) => v.form === 'gerund') ?? false
  );
}

/** Whether a lower-case word is an adjective the data knows ("true", "false", "key"). */
export function isAdjective(word: string): boolean {
  return wordForms().adjectives.has(word);
}

/** Whether a lower-case word is the base form of a verb the data knows ("join", "read"). */
export function isBaseVerb(word: string): boolean {
  return wordForms().verbs.has(word);
}

/** Spelling rules for a verb the data does not know. */
function regularForm(verb: string, form: VerbForm): string {
  const doubled = /[^aeiou][aeiou][bdgmnprt]$/.test(verb) && verb.length <= 4 ? verb + verb[verb.length - 1] : verb;
  switch (form) {
    case 'third':
      return /(s|x|z|ch|sh)$/.test(verb)
        ? verb + 'es'
        : /[^aeiou]y$/.test(verb)
          ? verb.slice(0, -1) + 'ies'
          : verb + 's';
    case 'past':
    case 'participle':
      return verb.endsWith('e') ? verb + 'd' : /[^aeiou]y$/.test(verb) ? verb.slice(0, -1) + 'ied' : doubled + 'ed';
    case 'gerund':
      return verb.endsWith('ie')
        ? verb.slice(0, -2) + 'ying'
        : verb.endsWith('e') && !verb.endsWith('ee')
          ? verb.slice(0, -1) + 'ing'
          : doubled + 'ing';
  }
}

export function conjugate(verb: string, form: VerbForm): string {
  const known = wordForms().verbs.get(verb);
  return known ? known[FORMS.indexOf(form)] : regularForm(verb, form);
}

/** Particles of phrasal verbs: "ripped into", "lashes out". */
const PARTICLES = new Set(['into', 'out', 'on', 'at', 'against', 'up', 'down', 'off', 'over', 'about', 'back', 'away']);

/**
 * Which verb form `word` is of one of `bases` ("fled" of "flee": past), if any. A pattern may list the inflected form
 * itself: alone ("slams") or before a particle ("ripped into") it is that form of its verb; before a noun it is a
 * modifier ("killing spree", "enhanced interrogation"). `next`: the pattern's next word; undefined when the pattern is
 * this one word.
 */
function verbFormOf(word: string, bases: readonly string[], next: string | undefined): VerbForm | undefined {
  const listed = bases.includes(word) && (next === undefined || PARTICLES.has(next));
  const known = wordForms()
    .verbOf.get(word)
    ?.find((v) => bases.includes(v.base) || listed);
  if (known) return known.form;
  // Verbs the data does not know ("waging" of "wage"): by the regular spellings.
  return bases.flatMap((base) =>
    FORMS.filter((form) => form !== 'participle' && word !== base && regularForm(base, form) === word),
  )[0];
}

const isPluralOf = (word: string, bases: readonly string[]): boolean =>
  word !== pluralize.singular(word) &&
  !wordForms().singulars.has(word) &&
  bases.some((b) => b === pluralize.singular(word) || pluralize.plural(b) === word);

/** Words after a noun that end its head: "head of state", "person living in the country", "member who…". */
const HEAD_ENDS = new Set(['of', 'in', 'at', 'on', 'for', 'from', 'with', 'by', 'to', 'who', 'that', 'which', 'as']);

/** The head noun of a noun phrase written in base form: the word before a preposition or participle, else the last. */
function headIndex(parts: readonly string[]): number {
  for (let i = 1; i < parts.length; i++) if (HEAD_ENDS.has(parts[i]) || /ing$/.test(parts[i])) return i - 1;
  return parts.length - 1;
}

/** Not a noun to pluralise: adjectives ("armed"), adverbs, verb forms ("criticised as"). */
function pluralisable(word: string): boolean {
  const forms = wordForms();
  return (
    /^[a-z][a-z'-]*$/.test(word) &&
    !forms.adjectives.has(word) &&
    !forms.verbOf.has(word) &&
    !/(ly|ed)$/.test(word) &&
    pluralize.isSingular(word)
  );
}

/** After "has", "was", "been"…, a past form is a participle: "has skyrocketed" → "has risen", not "has rose". */
const AUXILIARY = /^(has|have|had|having|is|are|was|were|be|been|being)$/i;

/**
 * Carries the matched words' inflection over to an alternative written in base form: a verb form of a matched word
 * goes to the alternative's first word when that is a verb ("skyrocketed" → "rose sharply"), a plural noun to the
 * alternative's head noun ("militias" → "armed groups"). `before` is the word before the match, if any.
 */
export function reinflect(alternative: string, matched: string, pattern: string, before = ''): string {
  // Every lint asks again for every finding's suggestions (in the editor, on each keystroke): the answers are kept.
  const key = `${alternative}\u0000${matched}\u0000${pattern}\u0000${before}`;
  let answer = reinflected.get(key);
  if (answer === undefined) {
    if (reinflected.size >= MAX_REINFLECTED) reinflected.clear();
    reinflected.set(key, (answer = reinflectNow(alternative, matched, pattern, before)));
  }
  return answer;
}

const reinflected = new Map<string, string>();
const MAX_REINFLECTED = 50_000;

function reinflectNow(alternative: string, matched: string, pattern: string, before: string): string {
  // Word classes ({SAY}) hide the base forms; placeholders ("[named source]") are to be filled in, not inflected.
  if (pattern.includes('{') || alternative.includes('[')) return alternative;
  const tokens = pattern
    .toLowerCase()
    .split(' ')
    .filter((t) => !t.endsWith('?'));
  const words = matched.toLowerCase().split(/\s+/);
  if (tokens.length !== words.length) return alternative;
  let verb: VerbForm | undefined;
  /** The verb form is also a plural noun ("attacks", "militias"): which one depends on the alternative. */
  let verbOrNoun = false;
  let plural = false;
  tokens.forEach((token, i) => {
    const bases = token.split('|');
    // Only a one-word pattern is "alone": the last word of a longer one ("lurch to the left") is no listed verb form.
    const next = tokens.length === 1 ? undefined : (tokens[i + 1]?.split('|')[0] ?? '');
    const form = verbFormOf(words[i], bases, next);
    const noun = isPluralOf(words[i], bases);
    // "attacks": a plural noun at the end of a phrase ("artillery attacks"), a verb at its start ("attacks civilians").
    if (form && !(noun && i > 0) && !verb) {
      verb = form;
      verbOrNoun = noun;
    } else if (noun) plural = true;
  });
  const parts = alternative.split(' ');
  if (verb) {
    const first = parts[0].toLowerCase();
    // Only a known verb is conjugated: "liberated" → "operation", not "operationed".
    if (wordForms().verbs.has(first))
      parts[0] = conjugate(first, verb === 'past' && AUXILIARY.test(before) ? 'participle' : verb);
    else if (verbOrNoun) plural = true;
  }
  if (plural) {
    const head = headIndex(parts);
    if (pluralisable(parts[head])) parts[head] = pluralize.plural(parts[head]);
  }
  return parts.join(' ');
}

export function matchCase(replacement: string, original: string): string {
  if (/^\p{Lu}/u.test(original) && /^\p{Ll}/u.test(replacement))
    return replacement[0].toUpperCase() + replacement.slice(1);
  return replacement;
}
