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
      return /(s|x|z|ch|sh)$/.test(word) ? word + 'es' : /[^aeiou]y$/.test(word) ? word.slice(0, -1) + 'ies' : word + 's';
    case 'ed':
      return IRREGULAR_PAST[word] ?? (word.endsWith('e') ? word + 'd' : /[^aeiou]y$/.test(word) ? word.slice(0, -1) + 'ied' : word + 'ed');
    case 'ing':
      return word.endsWith('ie') ? word.slice(0, -2) + 'ying' : word.endsWith('e') && !word.endsWith('ee') ? word.slice(0, -1) + 'ing' : word + 'ing';
  }
}

/**
 * Inflects the alternative's first word like the matched word was inflected relative to the pattern's first word.
 * Only for single-word patterns: in a phrase we cannot tell which word carries the inflection.
 */
export function reinflect(alternative: string, matched: string, pattern: string): string {
  const base = pattern.split('|')[0];
  if (/\s/.test(pattern) || /\s/.test(matched)) return alternative;
  const form = formOf(matched, base);
  const [first, ...rest] = alternative.split(' ');
  return [inflect(first, form), ...rest].join(' ');
}

export function matchCase(replacement: string, original: string): string {
  if (/^\p{Lu}/u.test(original) && /^\p{Ll}/u.test(replacement)) return replacement[0].toUpperCase() + replacement.slice(1);
  return replacement;
}
