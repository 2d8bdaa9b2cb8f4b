/**
 * Inline control, as markdownlint users know it:
 *   <!-- sourcelint-disable [RULE…] -->        off from here (all rules, or the listed ones)
 *   <!-- sourcelint-enable [RULE…] -->         on again from here
 *   <!-- sourcelint-disable-line [RULE…] -->   off on the comment's own line
 *   <!-- sourcelint-disable-next-line [RULE…] --> off on the following line
 */
import type { HtmlComment } from './markdown.js';

interface Directive {
  kind: 'disable' | 'enable' | 'disable-line' | 'disable-next-line';
  /** Undefined: all rules. */
  rules?: ReadonlySet<string>;
  /** Offset where a range directive takes effect, or the line a line directive covers (0-based). */
  at: number;
}

const DIRECTIVE = /^sourcelint-(disable-next-line|disable-line|disable|enable)(?:\s+([\s\S]*))?$/;

export class Suppressions {
  private readonly ranges: Directive[] = [];
  private readonly lines = new Map<number, Directive[]>();

  constructor(comments: readonly HtmlComment[], lineAt: (offset: number) => number) {
    for (const c of comments) {
      const m = DIRECTIVE.exec(c.body);
      if (!m) continue;
      const kind = m[1] as Directive['kind'];
      const names = (m[2] ?? '').split(/[\s,]+/).filter(Boolean);
      const rules = names.length > 0 ? new Set(names) : undefined;
      if (kind === 'disable' || kind === 'enable') {
        this.ranges.push({ kind, rules, at: c.span.end });
        continue;
      }
      const line = lineAt(c.span.start) + (kind === 'disable-next-line' ? 1 : 0);
      const list = this.lines.get(line) ?? [];
      list.push({ kind, rules, at: line });
      this.lines.set(line, list);
    }
  }

  isSuppressed(ruleId: string, offset: number, line: number): boolean {
    if (this.lines.get(line)?.some((d) => !d.rules || d.rules.has(ruleId))) return true;
    let disabled = false;
    for (const d of this.ranges) {
      if (d.at > offset) break;
      if (!d.rules || d.rules.has(ruleId)) disabled = d.kind === 'disable';
    }
    return disabled;
  }
}
