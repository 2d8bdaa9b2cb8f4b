/**
 * Core data types shared by the engine, the CLI and the language server. Offsets are UTF-16 code units into the
 * document text.
 */

export type Severity = 'off' | 'info' | 'warning' | 'error';
export type ActiveSeverity = Exclude<Severity, 'off'>;
export const SEVERITIES: readonly Severity[] = ['off', 'info', 'warning', 'error'];

/** Rule families, in the order rule tables list them. */
export const FAMILIES = ['sourcing', 'review', 'language', 'time', 'hygiene'] as const;
export type Family = (typeof FAMILIES)[number];

export interface Span {
  start: number;
  end: number;
}

/** A text replacement: `text` replaces the source between `start` and `end`. */
export interface Edit extends Span {
  text: string;
}

export interface Suggestion {
  /** What the suggestion does, e.g. `Replace with "rose sharply"`. */
  desc: string;
  edits: Edit[];
}

export interface Finding {
  ruleId: string;
  severity: ActiveSeverity;
  message: string;
  span: Span;
  /** A safe, deterministic fix (applied by `--fix`-style tooling and `source.fixAll`). */
  fix?: Edit[];
  /** Alternatives for a person to choose from. */
  suggestions?: Suggestion[];
  /** What quick fixes need later (e.g. the sentence span, the lexicon entry id). */
  data?: FindingData;
}

export interface FindingData {
  sentence?: Span;
  entryId?: string;
  term?: string;
  alternatives?: string[];
}

/**
 * What an editor offers for a finding besides its own fix and suggestions; adapters build these from the finding's
 * data.
 * - `source-sentence`: once per flagged sentence (`data.sentence`): add a footnote, cite a bibliography entry, mark
 *   `[citation needed]`, mark the claim verified or disputed.
 * - `attribute`: rewrite weasel attribution as "According to [source], …".
 * - `allow-term`: add the flagged term (`data.term`) to `terms.allow` in the workspace configuration.
 */
export type RuleAction = 'source-sentence' | 'attribute' | 'allow-term';

/**
 * The judgement fixes `--fix-type` can apply (see fix.ts): `wording` takes the first suggestion, `citation-needed`
 * marks the sentence.
 */
export type JudgementFix = 'wording' | 'citation-needed';

/** A rule's declaration: everything the registry, the generated schema, settings and docs, and the adapters read. */
export interface RuleMeta<K extends string = string> {
  id: string;
  family: Family;
  description: string;
  defaultSeverity: ActiveSeverity;
  fixable: boolean;
  /** Message templates by id; `{name}` placeholders are filled from the values a report gives. */
  messages: Record<K, string>;
  actions?: readonly RuleAction[];
  judgementFix?: JudgementFix;
  /** Findings mark a claim: the reviewer's view (`sourcelint claims`, the Claims view) lists the rule beside it. */
  reportsClaims?: boolean;
  /** Lexicon-driven: `terms.add` entries may name the rule (set by `lexiconRule`). */
  terms?: boolean;
  /** Reads English wording: skipped in a document written in another language (see language.ts). */
  readsEnglish?: boolean;
}

/** A problem that is not a finding about the prose: a broken `.bib` entry, bad front matter. */
export interface Problem {
  file: string;
  line: number;
  message: string;
}
