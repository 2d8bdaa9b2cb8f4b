import { TreeMemory } from './reparse.js';

/**
 * Memory between lints of the same document, for the editor: a block or sentence whose analysis inputs did not change
 * is not analysed again, and the rules' findings on it are replayed (`RuleContext.reuse`). A kind and a key must hold
 * every input of what they cache (the text, plus whatever the text's context decides, e.g. a sentence's quotation
 * spans), so that a lint never depends on the edits that led to it. Values hold only text-relative offsets, so a block
 * that moved is still a hit. Entries not used by the latest lint are dropped. Keys are kept apart by kind, so a key can
 * be the very text string an earlier analysis returned: its hash is computed once, where a prefixed copy of each
 * block's and sentence's text was built and hashed on every keystroke.
 */
export class LintCache {
  /** The document's last Markdown tree: an edit re-parses only the blocks around it. */
  readonly tree = new TreeMemory();
  private previous = new Map<string, Map<string, unknown>>();
  private current = new Map<string, Map<string, unknown>>();
  /** Analyses computed (cache misses) since the cache was made: the work an edit costs, for tests. */
  computed = 0;

  memo<T>(kind: string, key: string, compute: () => T): T {
    return this.lookup(this.now(kind), this.previous.get(kind), key, compute);
  }

  /** `memo` for one kind, looked up once: for the callers that memoise many keys of a kind per lint. */
  table(kind: string): <T>(key: string, compute: () => T) => T {
    const now = this.now(kind);
    const before = this.previous.get(kind);
    return (key, compute) => this.lookup(now, before, key, compute);
  }

  private now(kind: string): Map<string, unknown> {
    let now = this.current.get(kind);
    if (!now) this.current.set(kind, (now = new Map()));
    return now;
  }

  private lookup<T>(
    now: Map<string, unknown>,
    before: Map<string, unknown> | undefined,
    key: string,
    compute: () => T,
  ): T {
    // `get` first: a hit costs one look-up (values are never undefined in practice, `has` tells when they are).
    let value = now.get(key) as T;
    if (value !== undefined || now.has(key)) return value;
    value = before?.get(key) as T;
    if (value === undefined && !before?.has(key)) {
      value = compute();
      this.computed++;
    }
    now.set(key, value);
    return value;
  }

  /** Ends a lint: what it did not touch is forgotten. */
  sweep(): void {
    this.previous = this.current;
    this.current = new Map();
  }
}

/** A cache that remembers nothing, for one-shot lints (the CLI). */
export const NO_CACHE = {
  memo: <T>(_kind: string, _key: string, compute: () => T): T => compute(),
  table:
    (_kind: string) =>
    <T>(_key: string, compute: () => T): T =>
      compute(),
  sweep: (): void => {},
};
export type Memo = Pick<LintCache, 'memo' | 'table' | 'sweep'>;
