/** The rule registry. Order is the order findings are reported in for equal positions. */
import type { Rule } from './rule.js';
import { rule as unsourcedStatistic } from './unsourced-statistic.js';
import { rule as unsourcedClaim } from './unsourced-claim.js';
import { rule as unsourcedGloss } from './unsourced-gloss.js';
import { rule as unsourcedQuote } from './unsourced-quote.js';
import { rule as citationNeeded } from './citation-needed.js';
import { rule as disputedClaim } from './disputed-claim.js';
import { rule as orphanReviewMark } from './orphan-review-mark.js';
import { rule as loadedTerm } from './loaded-term.js';
import { rule as editorializing } from './editorializing.js';
import { rule as unsupportedAttribution } from './unsupported-attribution.js';
import { rule as relativeTime } from './relative-time.js';
import { rule as undefinedFootnote } from './undefined-footnote.js';
import { rule as undefinedReference } from './undefined-reference.js';
import { rule as unusedFootnote } from './unused-footnote.js';
import { rule as unknownCitekey } from './unknown-citekey.js';
import { rule as bareUrl } from './bare-url.js';
import { rule as emptyCitation } from './empty-citation.js';
import { rule as invalidDirective } from './invalid-directive.js';
import { rule as unreliableSource } from './unreliable-source.js';
import { rule as nonSourceLink } from './non-source-link.js';

export const RULES: readonly Rule[] = [
  unsourcedStatistic,
  unsourcedClaim,
  unsourcedGloss,
  unsourcedQuote,
  citationNeeded,
  disputedClaim,
  loadedTerm,
  editorializing,
  unsupportedAttribution,
  relativeTime,
  undefinedFootnote,
  undefinedReference,
  unusedFootnote,
  unknownCitekey,
  bareUrl,
  emptyCitation,
  orphanReviewMark,
  invalidDirective,
  unreliableSource,
  nonSourceLink,
];

export const RULE_IDS: readonly string[] = RULES.map((r) => r.meta.id);

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.meta.id === id);
}

/** Where a rule's documentation lives, for SARIF `helpUri` and LSP `codeDescription`. */
export function ruleDocsUrl(id: string): string {
  return `https://github.com/sourcelint/sourcelint/blob/main/docs/rules/${id}.md`;
}
