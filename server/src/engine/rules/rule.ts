/** What a rule is and what it sees. Rules read the analysed document and report; they never parse or touch files. */
import type { AnalyzedDocument } from '../document.js';
import type { Claim } from '../claims.js';
import type { Lexicon } from '../lexicon.js';
import type { Bibliography } from '../bibliography.js';
import type { ActiveSeverity, Finding, RuleMeta, Severity } from '../types.js';
import type { SourceIndex, SourceStatus } from '../sources.js';

export interface RuleContext {
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
  /** Remembers a text-keyed result across lints of the same document (see cache.ts). */
  memo<T>(key: string, compute: () => T): T;
  /** Source ratings and link kinds (see sources.ts). */
  sources: SourceIndex;
  /** `sources.severity`: severity per source status, where configured. */
  sourceSeverity: Partial<Record<SourceStatus, Severity>>;
  /** The rule's configured severity. */
  severity: ActiveSeverity;
  /** Reports a finding, at the rule's severity unless the finding says otherwise. */
  report(finding: Omit<Finding, 'severity' | 'ruleId'> & { ruleId?: string; severity?: ActiveSeverity }): void;
}

export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext): void;
}

/** Fills `{name}` placeholders of a message template. */
export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in values ? String(values[name]) : m));
}

