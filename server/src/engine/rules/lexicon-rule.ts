/**
 * The shared body of the lexicon-driven rules (loaded-term, editorializing, unsupported-attribution, relative-time):
 * match the rule's lexicons against the writer's own prose, skip quotations (the speaker's words, not the writer's),
 * and turn each entry's neutral alternatives into suggestions.
 */
import type { LexiconEntry } from '../lexicon.js';
import type { Suggestion } from '../types.js';
import { defineRule, format, type Rule } from './rule.js';
import type { RuleMeta } from '../types.js';
import { matchCase, reinflect } from '../inflect.js';
import { lastStartingAtOrBefore } from '../search.js';
import { isCapitalised, type Word } from '../words.js';

export interface LexiconRuleOptions {
  /** Offer "Remove …" when the entry has no alternatives (adverbs that only editorialise). */
  removable?: boolean;
  /** Skip sentences that already carry a citation (a cited "critics say" names its critics in the note). */
  skipCited?: boolean;
}

/** The messages every lexicon rule declares: the finding, then what to write instead. */
export type LexiconMessage = 'found' | 'alternatives' | 'noAlternative';

export function lexiconRule(meta: Omit<RuleMeta<LexiconMessage>, 'terms'>, options: LexiconRuleOptions = {}): Rule<LexiconMessage> {
  return defineRule({
    meta: { ...meta, terms: true },
    check(ctx) {
      const lexicons = ctx.lexicons(meta.id);
      if (lexicons.length === 0) return;
      const coverageAt = new Map(ctx.claims().map((c) => [c.sentence.span.start, c.coverage?.kind]));
      for (const pb of ctx.doc.prose) {
        const b = pb.block;
        if (b.inQuote || b.footnote !== undefined) continue;
        // A newsroom term that repeats a built-in one reports once.
        const reported = new Set<string>();
        for (const lexicon of lexicons) {
          for (const m of ctx.memo(`lexicon|${lexicon.id}|${pb.text}`, () => lexicon.match(pb.words))) {
            const start = pb.words[m.from].start;
            const end = pb.words[m.to - 1].end;
            // Quotations and sentences are disjoint and in order: the only candidate is the last one starting at or before the match.
            const quote = pb.quotes[lastStartingAtOrBefore(pb.quotes, (q) => q.start, start)];
            if (quote && end <= quote.end) continue;
            if (reported.has(`${start}:${end}`)) continue;
            reported.add(`${start}:${end}`);
            const term = pb.text.slice(start, end);
            if (!ctx.allowed(m.entry.id, term)) continue;
            const docStart = b.start + start;
            const candidate = pb.sentences[lastStartingAtOrBefore(pb.sentences, (s) => s.span.start, docStart)];
            const sentence = candidate && docStart < candidate.span.end ? candidate : undefined;
            const coverage = sentence && coverageAt.get(sentence.span.start);
            // "Most experts believe" reporting the article's own survey names its experts: they are the respondents.
            if (options.skipCited && sentence && (sentence.citations.length > 0 || coverage === 'own-research')) continue;
            // A named speaker's quotation or interview answer holds the speaker's words, not the writer's.
            if (coverage === 'speaker' || coverage === 'interview') continue;
            if (partOfName(pb.words, m.from, sentence?.span.start === docStart)) continue;
            // Alternatives with a placeholder ("in {month} {year}") are forms, not words: neither suggested nor quoted.
            const alternatives = m.entry.alternatives.filter((alt) => !alt.includes('{'));
            ctx.report({
              messageId: 'found',
              values: { term, reason: m.entry.reason.replace(/\.?$/, '.'), category: m.entry.category.replace(/-/g, ' '), advice: advice(alternatives) },
              span: { start: docStart, end: b.start + end },
              suggestions: suggestionsFor(m.entry, alternatives, term, docStart, pb.text, start, options),
              data: { entryId: m.entry.id, term, alternatives: m.entry.alternatives, sentence: sentence?.span },
            });
          }
        }
      }
    },
  });

  function advice(alternatives: readonly string[]): string {
    if (alternatives.length === 0) return meta.messages.noAlternative;
    return format(meta.messages.alternatives, { list: alternatives.map((a) => `"${a}"`).join(', ') });
  }
}

/** A term capitalised mid-sentence is part of a proper name ("People's Liberation Army"), not the writer's wording. */
function partOfName(words: readonly Word[], from: number, sentenceInitial: boolean): boolean {
  return !sentenceInitial && isCapitalised(words[from]);
}

function suggestionsFor(entry: LexiconEntry, alternatives: readonly string[], term: string, docStart: number, blockText: string, start: number, options: LexiconRuleOptions): Suggestion[] {
  const end = docStart + term.length;
  const suggestions: Suggestion[] = alternatives.map((alt) => {
      const text = matchCase(reinflect(alt, term, entry.pattern), term);
      return { desc: `Replace with "${text}"`, edits: [{ start: docStart, end, text }] };
    });
  if (options.removable && entry.alternatives.length === 0) suggestions.push(removal(term, docStart, blockText, start));
  return suggestions;
}

/** Removes the word with its trailing comma and space; a sentence-initial removal capitalises the next word. */
function removal(term: string, docStart: number, blockText: string, start: number): Suggestion {
  const after = /^,?\s*/.exec(blockText.slice(start + term.length))![0];
  const next = blockText[start + term.length + after.length] ?? '';
  const sentenceInitial = /^\s*$|[.!?]\s*$/.test(blockText.slice(Math.max(0, start - 3), start)) && /\p{Ll}/u.test(next);
  const end = docStart + term.length + after.length;
  const edits = [{ start: docStart, end: sentenceInitial ? end + 1 : end, text: sentenceInitial ? next.toUpperCase() : '' }];
  return { desc: `Remove "${term}"`, edits };
}
