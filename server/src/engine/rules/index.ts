/**
 * The rule registry. The rules themselves are listed in `all.ts`, which `npm run generate` writes from the rule files
 * of this folder; its order is the order findings are reported in for equal positions.
 */
import type { Rule } from './rule.js';
import { ALL_RULES } from './all.js';

export const RULES: readonly Rule[] = ALL_RULES;

export const RULE_IDS: readonly string[] = RULES.map((r) => r.meta.id);

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.meta.id === id);
}

/** Where a rule's documentation lives, for SARIF `helpUri` and LSP `codeDescription`. */
export function ruleDocsUrl(id: string): string {
  return `https://github.com/sourcelint/sourcelint/blob/main/docs/rules/${id}.md`;
}
