/** What a rule is and what it sees. Rules read the analysed document and report; they never parse or touch files. */
import type { AnalyzedDocument } from '../document.js';
import type { Claim } from '../claims.js';
import type { Lexicon } from '../lexicon.js';
import type { Bibliography } from '../bibliography.js';
import type { ActiveSeverity, Finding, RuleMeta, Severity } from '../types.js';
import type { SourceIndex, SourceStatus } from '../sources.js';
import type { SourceCopies } from '../evidence/copies.js';

/** A finding as a rule reports it: a message id and the values for its placeholders instead of a message. */
export type Report<K extends string = string> = Omit<Finding, 'severity' | 'ruleId' | 'message'> & {
  messageId: K;
  /** Values for the message's `{name}` placeholders. */
  values?: Record<string, string | number>;
  severity?: ActiveSeverity;
};

export interface RuleContext<K extends string = string> {
  doc: AnalyzedDocument;
  /** Sourcing-rule input, computed once per document. */
  claims(): Claim[];
  /** The lexicons that feed a rule: the built-in one and the configuration's `terms.add`. */
  lexicons(ruleId: string): readonly Lexicon[];
  /** Whether a lexicon match is allowed by the configuration's `terms.allow`. */
  allowed(entryId: string, matchedText: string): boolean;
  /** The merged bibliography, or undefined when the document has none. */
  bibliography?: Bibliography;
  attributionPolicy: 'accept' | 'warn';
  /** Remembers a text-keyed result across lints of the same document (see cache.ts); `kind` names what it is. */
  memo<T>(kind: string, key: string, compute: () => T): T;
  /** Source ratings and link kinds (see sources.ts). */
  sources: SourceIndex;
  /** `sources.severity`: severity per source status, where configured. */
  sourceSeverity: Partial<Record<SourceStatus, Severity>>;
  /** Saved copies of the cited sources (`NO_SOURCE_COPIES` when the adapter prepared none). */
  sourceCopies: SourceCopies;
  /** The rule's configured severity. */
  severity: ActiveSeverity;
  /** Reports a finding with one of the rule's messages, at the rule's severity unless the finding says otherwise. */
  report(finding: Report<K>): void;
  /**
   * Runs `produce`, whose reports depend only on `text` and `context` (together, every input they read besides the
   * rule's configuration) and lie at fixed distances from `origin`. In the editor, a later lint where both recur
   * replays them instead, moved with `origin`: a keystroke re-runs a rule only on the blocks or sentences it changed.
   * `text` is a block's or a sentence's text from the analysis, which stays the same string while it is unchanged (so
   * it is recognised without being read again); `context`, the rest, is compared whole.
   */
  reuse(text: string, context: string, origin: number, produce: () => void): void;
}

export interface Rule<K extends string = string> {
  meta: RuleMeta<K>;
  check(ctx: RuleContext<K>): void;
}

/** Declares a rule; its message ids are the keys of `meta.messages`, so a report naming another id does not compile. */
export function defineRule<K extends string>(rule: Rule<K>): Rule<K> {
  return rule;
}

/** Fills `{name}` placeholders of a message template. */
export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in values ? String(values[name]) : m));
}
