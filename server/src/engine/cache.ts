import { TreeMemory } from './reparse.js';

/**
 * Memory between lints of the same document, for the editor: a block or sentence whose analysis inputs did not change
 * is not analysed again. A key must hold every input of what it caches (the text, plus whatever the text's context
 * decides, e.g. a sentence's quotation spans), so that a lint never depends on the edits that led to it. Values hold
 * only text-relative offsets, so a block that moved is still a hit. Entries not used by the latest lint are dropped.
 */
export class LintCache {
  /** The document's last Markdown tree: an edit re-parses only the blocks around it. */
  readonly tree = new TreeMemory();
  private previous = new Map<string, unknown>();
  private current = new Map<string, unknown>();
  /** Analyses computed (cache misses) since the cache was made: the work an edit costs, for tests. */
  computed = 0;

  memo<T>(key: string, compute: () => T): T {
    if (this.current.has(key)) return this.current.get(key) as T;
    let value: T;
    if (this.previous.has(key)) value = this.previous.get(key) as T;
    else {
      value = compute();
      this.computed++;
    }
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
