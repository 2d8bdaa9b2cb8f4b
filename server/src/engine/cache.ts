/**
 * Memory between lints of the same document, for the editor: a block or sentence whose text did not change is not
 * analysed again. Keys are the exact text (plus the flags that change its analysis); values hold only text-relative
 * offsets, so a block that moved is still a hit. Entries not used by the latest lint are dropped after it.
 */
export class LintCache {
  private previous = new Map<string, unknown>();
  private current = new Map<string, unknown>();

  memo<T>(key: string, compute: () => T): T {
    if (this.current.has(key)) return this.current.get(key) as T;
    const value = this.previous.has(key) ? (this.previous.get(key) as T) : compute();
    this.current.set(key, value);
    return value;
  }

  /** Ends a lint: what it did not touch is forgotten. */
  sweep(): void {
    this.previous = this.current;
    this.current = new Map();
  }
}

/** A cache that remembers nothing, for one-shot lints (the CLI). */
export const NO_CACHE = { memo: <T>(_key: string, compute: () => T): T => compute(), sweep: (): void => {} };
export type Memo = Pick<LintCache, 'memo' | 'sweep'>;
