/** Binary search over items sorted by start offset: what keeps per-item look-ups from scanning whole lists. */

/** The index of the last item whose start is at or before `offset`, or -1. */
export function lastStartingAtOrBefore<T>(items: readonly T[], startOf: (item: T) => number, offset: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (startOf(items[mid]) <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}
