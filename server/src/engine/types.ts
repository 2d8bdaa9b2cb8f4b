/** Core data types shared by the engine, the CLI and the language server. Offsets are UTF-16 code units into the document text. */

export type Severity = 'off' | 'info' | 'warning' | 'error';
export type ActiveSeverity = Exclude<Severity, 'off'>;
export const SEVERITIES: readonly Severity[] = ['off', 'info', 'warning', 'error'];

export type Family = 'sourcing' | 'language' | 'time' | 'hygiene';

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

export interface RuleMeta {
  id: string;
  family: Family;
  description: string;
  defaultSeverity: ActiveSeverity;
  fixable: boolean;
  /** Message templates; `{name}` placeholders are filled by the rule. */
  messages: Record<string, string>;
}

/** A problem that is not a finding about the prose: a broken `.bib` entry, bad front matter. */
export interface Problem {
  file: string;
  line: number;
  message: string;
}
