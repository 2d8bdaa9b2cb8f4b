/**
 * Inline control, as markdownlint users know it:
 *   <!-- sourcelint-disable [RULE…] -->        off from here (all rules, or the listed ones)
 *   <!-- sourcelint-enable [RULE…] -->         on again from here
 *   <!-- sourcelint-disable-line [RULE…] -->   off on the comment's own line
 *   <!-- sourcelint-disable-next-line [RULE…] --> off on the following line
 *   <!-- sourcelint-disable-file [RULE…] -->   off in the whole file, wherever the comment is
 * A rule name that does not exist disables nothing; the `invalid-directive` rule reports it.
 */
import type { HtmlComment } from './markdown.js';

interface Directive {
  kind: 'disable' | 'enable' | 'disable-line' | 'disable-next-line' | 'disable-file';
  /** Undefined: all rules. */
  rules?: ReadonlySet<string>;
  /** Offset where a range directive takes effect, or the line a line directive covers (0-based). */
  at: number;
}

const DIRECTIVE = /^sourcelint-(disable-next-line|disable-line|disable-file|disable|enable)(?:\s+([\s\S]*))?$/;

/** A comment's directive and the rule names it lists (empty: all rules), or undefined if it is not one. */
export function parseDirective(body: string): { kind: Directive['kind']; names: string[] } | undefined {
  const m = DIRECTIVE.exec(body);
  return m ? { kind: m[1] as Directive['kind'], names: (m[2] ?? '').split(/[\s,]+/).filter(Boolean) } : undefined;
}

export class Suppressions {
  private readonly ranges: Directive[] = [];
  private readonly lines = new Map<number, Directive[]>();
  private readonly file: Directive[] = [];

  constructor(comments: readonly HtmlComment[], lineAt: (offset: number) => number) {
    for (const c of comments) {
      const d = parseDirective(c.body);
      if (!d) continue;
      const { kind, names } = d;
      const rules = names.length > 0 ? new Set(names) : undefined;
      if (kind === 'disable-file') {
        this.file.push({ kind, rules, at: 0 });
        continue;
      }
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
    if (this.file.some((d) => !d.rules || d.rules.has(ruleId))) return true;
    if (this.lines.get(line)?.some((d) => !d.rules || d.rules.has(ruleId))) return true;
    let disabled = false;
    for (const d of this.ranges) {
      if (d.at > offset) break;
      if (!d.rules || d.rules.has(ruleId)) disabled = d.kind === 'disable';
    }
    return disabled;
  }
}
