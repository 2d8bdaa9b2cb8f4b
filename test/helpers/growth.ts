/**
 * Complexity checks that a busy machine cannot fail: instead of a time limit, how much more CPU time a run takes when
 * its input grows, both sizes measured in the same process, alternately. CPU time (not wall-clock) barely changes when
 * other processes compete for the cores.
 */
import assert from 'node:assert/strict';

/** CPU milliseconds of one call of `fn`. */
function cpuMs(fn: () => void): number {
  const start = process.cpuUsage();
  fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/**
 * Asserts that `run` grows about linearly: on `make(n * factor)` it may take up to 3 × `factor` times as long as on
 * `make(n)` (a quadratic scan takes `factor`² times as long: 64 against a bound of 24 for the default factor of 8).
 * Each size runs once to warm up the JIT, then five times, alternating; the fastest run of each counts (a garbage
 * collection or a preemption only slows some), and none counts as less than 2 ms (timer noise on tiny inputs).
 * Returns the ratio, for the test's diagnostics.
 */
export function assertLinear<T>(what: string, make: (n: number) => T, run: (input: T) => unknown, n: number, factor = 8): number {
  const small = make(n);
  const large = make(n * factor);
  run(small);
  run(large);
  let fastSmall = Infinity;
  let fastLarge = Infinity;
  for (let i = 0; i < 5; i++) {
    fastSmall = Math.min(fastSmall, cpuMs(() => run(small)));
    fastLarge = Math.min(fastLarge, cpuMs(() => run(large)));
  }
  const ratio = Math.max(fastLarge, 2) / Math.max(fastSmall, 2);
  assert.ok(ratio < 3 * factor, `${what}: ${factor}× the input took ${ratio.toFixed(1)}× the CPU time (linear: about ${factor}×)`);
  return ratio;
}
