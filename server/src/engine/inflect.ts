/** Carrying a matched word's inflection over to a neutral alternative: "skyrocketed" → "rose sharply". */

/** Past forms of verbs that neutral alternatives commonly start with; regular verbs need no entry. */
const IRREGULAR_PAST: Record<string, string> = {
  rise: 'rose', fall: 'fell', grow: 'grew', take: 'took', give: 'gave', make: 'made', go: 'went', come: 'came', say: 'said',
  tell: 'told', lead: 'led', leave: 'left', win: 'won', lose: 'lost', send: 'sent', hold: 'held', keep: 'kept', meet: 'met',
  seek: 'sought', speak: 'spoke', become: 'became', break: 'broke', bring: 'brought', build: 'built', buy: 'bought',
  fight: 'fought', find: 'found', know: 'knew', pay: 'paid', put: 'put', run: 'ran', see: 'saw', set: 'set', sell: 'sold',
  think: 'thought', cut: 'cut', hit: 'hit', drop: 'dropped', stop: 'stopped', plan: 'planned', criticise: 'criticised',
};

type Form = 'base' | 's' | 'ed' | 'ing';

function formOf(word: string, base: string): Form {
  const w = word.toLowerCase();
  if (w === base) return 'base';
  if (w.endsWith('ing') && !base.endsWith('ing')) return 'ing';
  if ((w.endsWith('ed') || w.endsWith('d')) && !base.endsWith('d')) return 'ed';
  if (w.endsWith('s') && !base.endsWith('s')) return 's';
  return 'base';
}

function inflect(word: string, form: Form): string {
  switch (form) {
    case 'base':
      return word;
    case 's':
      if (word.endsWith('s')) return word; // already plural: "authorities"
      return /(s|x|z|ch|sh)$/.test(word) ? word + 'es' : /[^aeiou]y$/.test(word) ? word.slice(0, -1) + 'ies' : word + 's';
    case 'ed':
      return IRREGULAR_PAST[word] ?? (word.endsWith('e') ? word + 'd' : /[^aeiou]y$/.test(word) ? word.slice(0, -1) + 'ied' : word + 'ed');
    case 'ing':
      return word.endsWith('ie') ? word.slice(0, -2) + 'ying' : word.endsWith('e') && !word.endsWith('ee') ? word.slice(0, -1) + 'ing' : word + 'ing';
  }
}

/**
 * Carries the matched words' inflection over to an alternative written in base form: a verb form of the first word
 * ("skyrocketed" → "rose sharply") and a plural of the last ("puppet leaders" → "allied leaders").
 */
export function reinflect(alternative: string, matched: string, pattern: string): string {
  // Word classes ({SAY}) hide the base forms; placeholders ("[named source]") are to be filled in, not inflected.
  if (pattern.includes('{') || alternative.includes('[')) return alternative;
  const tokens = pattern.toLowerCase().split(' ').filter((t) => !t.endsWith('?'));
  const words = matched.toLowerCase().split(/\s+/);
  if (tokens.length !== words.length) return alternative;
  const formAt = (i: number): Form => {
    const bases = tokens[i].split('|');
    return bases.includes(words[i]) ? 'base' : formOf(words[i], bases.find((b) => words[i].startsWith(b.slice(0, -1))) ?? bases[0]);
  };
  const parts = alternative.split(' ');
  const first = formAt(0);
  const last = formAt(words.length - 1);
  if (parts.length === 1) return inflect(parts[0], words.length === 1 ? first : last);
  if (first !== 'base') parts[0] = inflect(parts[0], first);
  if (words.length > 1 && last === 's') parts[parts.length - 1] = inflect(parts[parts.length - 1], 's');
  return parts.join(' ');
}

export function matchCase(replacement: string, original: string): string {
  if (/^\p{Lu}/u.test(original) && /^\p{Ll}/u.test(replacement)) return replacement[0].toUpperCase() + replacement.slice(1);
  return replacement;
}
