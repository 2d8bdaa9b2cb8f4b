/**
 * Lexicons as data: loading, validating and compiling the phrase patterns of `server/data/lexicon/*.json`
 * (and of the `terms.add` configuration key), and matching them against the words of a block.
 *
 * Pattern language: words separated by spaces; `a|b` alternatives; a trailing `?` makes a token optional; `{NAME}`
 * names a word class of the same file (`{NUM}` is built in); `*` is any one word. Words are inflected automatically
 * unless `inflect: false`.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { shippedFile } from './paths.js';
import { isNumberWord, normalizeWord, type Word } from './words.js';

export interface LexiconEntry {
  id: string;
  pattern: string;
  category: string;
  reason: string;
  alternatives: string[];
  except?: string[];
  confidence?: 'high' | 'medium';
  inflect?: boolean;
  /** The sense needs one of these words in the same sentence ("swamped" by migrants, not by complaints). */
  sense?: string[];
  /**
   * The match must end its clause (punctuation follows) or be followed by one of these words ("accused by many.", not
   * "shared by many nations").
   */
  followedBy?: string[];
  /** Words that make the phrase literal when the document uses them ("witch hunt" in a history of witchcraft). */
  literalIn?: string[];
  /**
   * Before a quotation mark or a capitalised word the phrase introduces a name, and doubts nothing ("the so-called
   * Gezi Park Philharmonic", "the so-called “sunset clauses”"; not "so-called experts").
   */
  namesWhatFollows?: boolean;
  /**
   * An adverb of comment that is also one of manner: after a degree word or closing its clause it says how something
   * was done ("explain it clearly.", "see more clearly"), not what the writer thinks.
   */
  manner?: boolean;
  /** Words of the pattern that count only when capitalised: "May" the month, not "may" the modal ("This may end"). */
  capitalised?: string[];
  /** The rule that reports this entry's matches; set from the file. */
  rule: string;
}

export interface LexiconFile {
  rule: string;
  description?: string;
  classes?: Record<string, string[]>;
  entries: Array<Omit<LexiconEntry, 'rule' | 'id'> & { id?: string }>;
}

type TokenMatcher = { optional: boolean; kind: 'forms' | 'number' | 'any'; forms: ReadonlySet<string> };
interface CompiledPhrase {
  tokens: TokenMatcher[];
}
interface CompiledEntry {
  entry: LexiconEntry;
  phrase: CompiledPhrase;
  except: CompiledPhrase[];
  /** A two-word phrase as one hyphenated word (see `hyphenated`). */
  joined?: CompiledPhrase;
}
/** An indexed entry, with the words its second token requires when that token is a required word: most candidates
 * fail on the next word, and a set look-up rejects them before the token automaton runs. */
interface IndexedEntry extends CompiledEntry {
  second: ReadonlySet<string> | undefined;
}

export interface LexiconMatch {
  entry: LexiconEntry;
  /** Index of the first and one past the last matched word. */
  from: number;
  to: number;
}

const DATA_DIRS = [shippedFile('data', 'lexicon') + '/', shippedFile('data', 'claims') + '/'];

export class LexiconError extends Error {}

/** English inflections of a base form. Over-generating is harmless: forms that are not words never occur. */
export function inflections(word: string): string[] {
  const forms = new Set([word]);
  if (!/^[a-z][a-z'-]*[a-z]$/.test(word) || word.length < 3) return [...forms];
  const add = (stem: string): void => {
    forms.add(stem + 's');
    if (/(s|x|z|ch|sh)$/.test(stem)) forms.add(stem + 'es');
    if (/[^aeiou]y$/.test(stem)) {
      forms.add(stem.slice(0, -1) + 'ies');
      forms.add(stem.slice(0, -1) + 'ied');
    }
    if (stem.endsWith('e')) {
      forms.add(stem + 'd');
      forms.add(stem.slice(0, -1) + 'ing');
    } else {
      forms.add(stem + 'ed');
      forms.add(stem + 'ing');
    }
    // Consonant doubling: slam → slammed, slamming.
    if (/[^aeiou][aeiou][bdgklmnprt]$/.test(stem)) {
      const last = stem[stem.length - 1];
      forms.add(stem + last + 'ed');
      forms.add(stem + last + 'ing');
    }
  };
  add(word);
  // British and American spellings: patronise ↔ patronize.
  const swapped = word.replace(/is(e|ing|ed)$/, 'iz$1').replace(/our$/, 'or');
  if (swapped !== word) {
    forms.add(swapped);
    add(swapped);
  }
  return [...forms];
}

const MAX_PATTERN_WORDS = 30;

function compilePhrase(
  pattern: string,
  classes: Record<string, string[]>,
  inflect: boolean,
  where: string,
): CompiledPhrase {
  const parts = pattern.trim().toLowerCase().split(/\s+/);
  // Matching keeps the tokens reached in one 32-bit mask (see matchAt).
  if (parts.length > MAX_PATTERN_WORDS)
    throw new LexiconError(`${where}: "${pattern.slice(0, 60)}…" has more than ${MAX_PATTERN_WORDS} words`);
  const tokens = parts.map((part, i): TokenMatcher => {
    const optional = part.endsWith('?');
    const body = optional ? part.slice(0, -1) : part;
    if (optional && i === 0) throw new LexiconError(`${where}: the first word of "${pattern}" cannot be optional`);
    if (body === '{num}') return { optional, kind: 'number', forms: new Set() };
    if (body === '*') {
      if (i === 0) throw new LexiconError(`${where}: "${pattern}" cannot start with *`);
      return { optional, kind: 'any', forms: new Set() };
    }
    const words = body.split('|').flatMap((alt) => {
      const cls = /^\{([a-z_]+)\}$/.exec(alt);
      if (!cls) return [alt];
      const members = Object.entries(classes).find(([name]) => name.toLowerCase() === cls[1])?.[1];
      if (!members) throw new LexiconError(`${where}: pattern "${pattern}" uses undefined class ${alt}`);
      return members.map((m) => m.toLowerCase());
    });
    for (const w of words) {
      if (!/^[\p{L}\p{N}][\p{L}\p{N}'’.-]*$/u.test(w))
        throw new LexiconError(`${where}: "${w}" in "${pattern}" is not a word`);
    }
    const forms = new Set(inflect ? words.flatMap(inflections) : words);
    return { optional, kind: 'forms', forms: new Set([...forms].map(normalizeWord)) };
  });
  return { tokens };
}

/** At most this many hyphenated forms of one two-word phrase (its first word's alternatives × its last's forms). */
const MAX_HYPHENATED_FORMS = 400;

/**
 * A two-word phrase of plain words as one hyphenated word, inflected on its last part as compounds are ("show trial" →
 * "show-trial", "show-trials"). Compiled with the phrase, so that the shipped index carries it and start-up does not
 * build it again.
 */
function hyphenated(
  pattern: string,
  phrase: CompiledPhrase,
  classes: Record<string, string[]>,
  where: string,
): CompiledPhrase | undefined {
  const [a, b, ...rest] = phrase.tokens;
  if (!a || !b || rest.length > 0 || [a, b].some((t) => t.kind !== 'forms' || t.optional)) return undefined;
  const [first] = compilePhrase(pattern.trim().split(/\s+/)[0], classes, false, where).tokens;
  if (first.forms.size * b.forms.size > MAX_HYPHENATED_FORMS) return undefined;
  const forms = new Set<string>();
  for (const x of first.forms) for (const y of b.forms) forms.add(`${x}-${y}`);
  return { tokens: [{ optional: false, kind: 'forms', forms }] };
}

let nextLexiconId = 0;

/** A compiled lexicon as plain data: the build writes the shipped lexicons' so that start-up skips compiling them. */
export interface LexiconData {
  classes: Record<string, string[]>;
  entries: Array<{ entry: LexiconEntry; phrase: TokenData[]; except: TokenData[][]; joined?: TokenData[] }>;
}
type TokenData = [optional: boolean, kind: TokenMatcher['kind'], forms: string[]];

const tokensToData = (p: CompiledPhrase): TokenData[] => p.tokens.map((t) => [t.optional, t.kind, [...t.forms]]);
const tokensFromData = (d: readonly TokenData[]): CompiledPhrase => ({
  tokens: d.map(([optional, kind, forms]) => ({ optional, kind, forms: new Set(forms) })),
});

/**
 * Every form that starts a phrase of any lexicon, numbered. A block is matched against several lexicons (one per
 * rule, plus the claim cues per sentence): its words are looked up here once, and each lexicon then finds its
 * candidates by number in an array instead of hashing every word again.
 */
const firstFormIds = new Map<string, number>();
/** The word ids of a words array: a form's number, NOT_FIRST, or NUMBER for a number (numbers start {NUM} phrases). */
const NOT_FIRST = -1;
const NUMBER = -2;
const wordIds = new WeakMap<readonly Word[], { forms: number; ids: Int32Array }>();

/**
 * The ids of `words`, computed once per words array (word arrays are never changed once made) and again only when a
 * lexicon added new first forms since.
 */
function idsOf(words: readonly Word[]): Int32Array {
  const known = wordIds.get(words);
  if (known && known.forms === firstFormIds.size) return known.ids;
  const ids = new Int32Array(words.length);
  for (let i = 0; i < words.length; i++)
    ids[i] = words[i].isNumber ? NUMBER : (firstFormIds.get(words[i].norm) ?? NOT_FIRST);
  wordIds.set(words, { forms: firstFormIds.size, ids });
  return ids;
}

/** The entries a word can start, with the words that can follow it when every entry requires one. */
interface Candidates {
  entries: readonly IndexedEntry[];
  /**
   * All the entries' required second words, built on the first match that reaches them (most forms never occur); null
   * when an entry requires none (then any next word may do).
   */
  seconds: ReadonlySet<string> | null | undefined;
}

function secondsOf(entries: readonly IndexedEntry[]): ReadonlySet<string> | null {
  if (!entries.every((e) => e.second)) return null;
  return entries.length === 1 ? entries[0].second! : new Set(entries.flatMap((e) => [...e.second!]));
}

export class Lexicon {
  /** Distinguishes lexicons in cache keys. */
  readonly id = nextLexiconId++;
  private readonly byFirst = new Map<string, IndexedEntry[]>();
  /** byFirst by the forms' ids (see firstFormIds), built on the first match after entries were added. */
  private byFirstId: Array<Candidates | undefined> | undefined;
  private numberCandidates: Candidates | undefined;
  private readonly numberFirst: IndexedEntry[] = [];
  /** In the order added: of equally long matches, the earlier entry wins. */
  private readonly compiled: CompiledEntry[] = [];
  readonly entries: LexiconEntry[] = [];
  readonly classes: Record<string, string[]> = {};

  toData(): LexiconData {
    return {
      classes: this.classes,
      entries: this.compiled.map((c) => ({
        entry: c.entry,
        phrase: tokensToData(c.phrase),
        except: c.except.map(tokensToData),
        ...(c.joined && { joined: tokensToData(c.joined) }),
      })),
    };
  }

  static fromData(data: LexiconData): Lexicon {
    const lexicon = new Lexicon();
    Object.assign(lexicon.classes, data.classes);
    for (const e of data.entries)
      lexicon.index({
        entry: e.entry,
        phrase: tokensFromData(e.phrase),
        except: e.except.map(tokensFromData),
        joined: e.joined && tokensFromData(e.joined),
      });
    return lexicon;
  }

  private index(entry: CompiledEntry): void {
    this.compiled.push(entry);
    this.entries.push(entry.entry);
    this.indexPhrase(entry, entry.phrase);
    // "show trial" is written "show-trials" too: one word, found through its own first forms.
    if (entry.joined) this.indexPhrase(entry, entry.joined);
  }

  private indexPhrase(entry: CompiledEntry, phrase: CompiledPhrase): void {
    const next = phrase.tokens[1];
    // One shape for every indexed entry (`second` always present), so that the matching loop stays monomorphic.
    const compiled: IndexedEntry = {
      entry: entry.entry,
      phrase,
      except: entry.except,
      second: next && next.kind === 'forms' && !next.optional ? next.forms : undefined,
    };
    const first = compiled.phrase.tokens[0];
    // A word like "one" is looked up as a number (see idsOf), so a phrase that starts with it is a number's candidate.
    if (first.kind === 'number' || [...first.forms].some(isNumberWord)) this.numberFirst.push(compiled);
    for (const form of first.forms) {
      const list = this.byFirst.get(form);
      if (list) list.push(compiled);
      else this.byFirst.set(form, [compiled]);
      if (!firstFormIds.has(form)) firstFormIds.set(form, firstFormIds.size);
    }
    this.byFirstId = undefined;
  }

  private firstIndex(): ReadonlyArray<Candidates | undefined> {
    if (this.byFirstId) return this.byFirstId;
    // Dense (filled with undefined, not holes) so that V8 keeps it a fast array.
    const byId = new Array<Candidates | undefined>(firstFormIds.size).fill(undefined);
    for (const [form, entries] of this.byFirst) byId[firstFormIds.get(form)!] = { entries, seconds: undefined };
    this.numberCandidates = { entries: this.numberFirst, seconds: undefined };
    return (this.byFirstId = byId);
  }

  add(file: LexiconFile, where: string): void {
    if (!file || typeof file.rule !== 'string' || !Array.isArray(file.entries)) {
      throw new LexiconError(`${where}: a lexicon needs "rule" and "entries"`);
    }
    const classes = file.classes ?? {};
    for (const [name, members] of Object.entries(classes)) this.classes[name] = members;
    for (const raw of file.entries) {
      const at = `${where}: entry "${raw.id ?? raw.pattern}"`;
      if (typeof raw.pattern !== 'string' || !raw.pattern.trim()) throw new LexiconError(`${at} has no pattern`);
      if (typeof raw.reason !== 'string') throw new LexiconError(`${at} has no reason`);
      const id = raw.id ?? raw.pattern.toLowerCase().replace(/[^a-z0-9]+/g, '-');
      const entry: LexiconEntry = { ...raw, id, rule: file.rule, alternatives: raw.alternatives ?? [] };
      const inflect = entry.inflect !== false;
      const phrase = compilePhrase(entry.pattern, classes, inflect, at);
      const compiled: CompiledEntry = {
        entry,
        phrase,
        except: (entry.except ?? []).map((p) => compilePhrase(p, classes, inflect, at)),
        joined: hyphenated(entry.pattern, phrase, classes, at),
      };
      this.index(compiled);
    }
  }

  /** All matches in `words`, longest first at each position, without overlaps, minus those inside an exception. */
  match(words: readonly Word[]): LexiconMatch[] {
    const found: LexiconMatch[] = [];
    const ids = idsOf(words);
    const byId = this.firstIndex();
    let coveredUntil = 0;
    for (let i = 0; i < words.length; i++) {
      if (i < coveredUntil) continue;
      const id = ids[i];
      if (id === NOT_FIRST) continue;
      const candidates = id === NUMBER ? this.numberCandidates : byId[id];
      if (!candidates) continue;
      const following = words[i + 1]?.norm;
      if (candidates.seconds === undefined) candidates.seconds = secondsOf(candidates.entries);
      if (candidates.seconds && (following === undefined || !candidates.seconds.has(following))) continue;
      let best: LexiconMatch | undefined;
      for (const c of candidates.entries) {
        if (c.second && (following === undefined || !c.second.has(following))) continue;
        const to = matchAt(c.phrase.tokens, words, i);
        if (to < 0 || (best && to <= best.to)) continue;
        if (c.except.some((ex) => insideException(ex, words, i, to))) continue;
        best = { entry: c.entry, from: i, to };
      }
      if (best) {
        found.push(best);
        coveredUntil = best.to;
      }
    }
    return found;
  }

  /** Whether `words` (a sentence's) hold a word of the entry's sense, if it has one (see `LexiconEntry.sense`). */
  inSense(entry: LexiconEntry, words: readonly Word[]): boolean {
    if (!entry.sense) return true;
    const forms = formsOf(entry.sense);
    return words.some((w) => forms.has(w.norm));
  }

  /** Whether `norm` is a form of a word of the class `name`, e.g. a reporting verb of `SAY`. */
  inClass(name: string, norm: string): boolean {
    return (this.classSets.get(name) ?? this.buildClass(name)).has(norm);
  }

  private readonly classSets = new Map<string, Set<string>>();
  private buildClass(name: string): Set<string> {
    const set = new Set((this.classes[name] ?? []).flatMap((w) => inflections(w.toLowerCase())));
    this.classSets.set(name, set);
    return set;
  }
}

const wordForms = new WeakMap<readonly string[], Set<string>>();
/** An entry's word list (`sense`, `followedBy`, `literalIn`) with its inflections, computed once per list. */
export function formsOf(list: readonly string[]): Set<string> {
  let forms = wordForms.get(list);
  if (!forms) wordForms.set(list, (forms = new Set(list.flatMap((w) => inflections(w.toLowerCase())))));
  return forms;
}

/**
 * Whether a match of an entry with `followedBy` ends its clause (punctuation, or the end of the words) or goes on with
 * one of the allowed words: "accused by many." and "by many critics", not "shared by many nations".
 */
export function followedAsRequired(m: LexiconMatch, text: string, words: readonly Word[]): boolean {
  if (!m.entry.followedBy) return true;
  const next = words[m.to];
  // A currency sign opens the next word's figure ("to some $66 billion"), it ends no clause.
  if (!next || /[^\s*_$€£¥₦₹]/u.test(text.slice(words[m.to - 1].end, next.start))) return true;
  return formsOf(m.entry.followedBy).has(next.norm);
}

/**
 * One past the last word of the longest match of `tokens` starting at words[i], or -1. The tokens are run as an NFA:
 * the set of tokens reached so far is a bit mask, so a pattern of optional words costs one step per word and token,
 * never the exponential backtracking that trying each optional token both ways would.
 */
function matchAt(tokens: readonly TokenMatcher[], words: readonly Word[], i: number): number {
  const all = tokens.length;
  let states = closeOptional(tokens, 1);
  let best = states & (1 << all) ? i : -1;
  for (let w = i; w < words.length && states !== 0; w++) {
    let next = 0;
    for (let t = 0; t < all; t++) {
      if (!(states & (1 << t))) continue;
      const tok = tokens[t];
      if (tok.kind === 'any' || (tok.kind === 'number' ? words[w].isNumber : tok.forms.has(words[w].norm)))
        next |= 1 << (t + 1);
    }
    states = closeOptional(tokens, next);
    if (states & (1 << all)) best = w + 1;
  }
  return best;
}

/** The states reached from `set` without consuming a word: a position past an optional token. */
function closeOptional(tokens: readonly TokenMatcher[], set: number): number {
  for (let t = 0; t < tokens.length; t++) if (set & (1 << t) && tokens[t].optional) set |= 1 << (t + 1);
  return set;
}

function insideException(ex: CompiledPhrase, words: readonly Word[], from: number, to: number): boolean {
  const maxLen = ex.tokens.length;
  const first = ex.tokens[0];
  // An exception that opens on a required word fails at most start positions on that word alone.
  const opensOnWord = first.kind === 'forms' && !first.optional;
  for (let s = Math.max(0, from - maxLen + 1); s <= from; s++) {
    if (opensOnWord && !first.forms.has(words[s].norm)) continue;
    const end = matchAt(ex.tokens, words, s);
    if (end >= to) return true;
  }
  return false;
}

let builtIn: Map<string, Lexicon> | undefined;

/** Where the build writes the compiled shipped lexicons: next to this module in the compiled tree. */
export const COMPILED_INDEX = new URL('./lexicons.compiled.json', import.meta.url);

interface CompiledIndex {
  /** Hash of the lexicon files and of the compiler's source: an index built from anything else is ignored. */
  key: string;
  lexicons: Record<string, LexiconData>;
}

function shippedSources(): Array<{ file: string; text: string }> {
  return DATA_DIRS.flatMap((dir) =>
    fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((name) => ({ file: dir + name, text: fs.readFileSync(dir + name, 'utf8') })),
  );
}

function indexKey(sources: ReadonlyArray<{ file: string; text: string }>): string {
  const hash = crypto.createHash('sha1');
  // The compiler's own source: a changed compiler invalidates the index as changed data does.
  for (const part of [inflections, compilePhrase, normalizeWord, Lexicon]) hash.update(String(part));
  for (const { file, text } of sources) hash.update(`\0${file.slice(file.lastIndexOf('/data/'))}\0${text}`);
  return hash.digest('hex');
}

function compileSources(sources: ReadonlyArray<{ file: string; text: string }>): Map<string, Lexicon> {
  const byRule = new Map<string, Lexicon>();
  for (const { file, text } of sources) {
    const data = JSON.parse(text) as LexiconFile;
    lexiconFor(byRule, data.rule).add(data, file);
  }
  return byRule;
}

/** The shipped lexicons compiled, as the build writes them to COMPILED_INDEX. */
export function compiledIndex(): CompiledIndex {
  const sources = shippedSources();
  return {
    key: indexKey(sources),
    lexicons: Object.fromEntries([...compileSources(sources)].map(([rule, l]) => [rule, l.toData()])),
  };
}

/**
 * The lexicons shipped in `server/data/`, one per rule (files naming the same rule are merged), compiled once per
 * process. Each rule matches only its own lexicon, so one rule's phrase never hides another's. Read from the index the
 * build compiled when it matches the data and the compiler (compiling takes a few hundred ms of every CLI start).
 */
export function builtInLexicons(): ReadonlyMap<string, Lexicon> {
  if (builtIn) return builtIn;
  const sources = shippedSources();
  const key = indexKey(sources);
  let index: CompiledIndex | undefined;
  try {
    index = JSON.parse(fs.readFileSync(COMPILED_INDEX, 'utf8')) as CompiledIndex;
  } catch {
    index = undefined;
  }
  builtIn =
    index?.key === key
      ? new Map(Object.entries(index.lexicons).map(([rule, data]) => [rule, Lexicon.fromData(data)]))
      : compileSources(sources);
  return builtIn;
}

export function lexiconFor(byRule: Map<string, Lexicon>, rule: string): Lexicon {
  let lexicon = byRule.get(rule);
  if (!lexicon) byRule.set(rule, (lexicon = new Lexicon()));
  return lexicon;
}
