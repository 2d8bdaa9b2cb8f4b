/**
 * Complexity checks that a busy machine cannot fail: instead of a time limit, how much more CPU time a run takes when
 * its input grows, both sizes measured in the same process, alternately. CPU time (not wall-clock) barely changes when
 * other processes compete for the cores.
 *
 * `growth`, for the hang cases: how much longer an input `factor` times larger takes, measured in the same run
 * (best of three each), so a busy machine slows both sizes alike. Linear work gives about `factor`; the quadratic
 * and exponential shapes these tests guard against give factor² or far more.
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

export interface Growth {
  small: number;
  large: number;
  ratio: number;
}

/** Below this many milliseconds a measurement is mostly noise: the small size is counted as at least this long. */
const FLOOR_MS = 3;

export function growth(run: (n: number) => void, n: number, factor: number): Growth {
  run(n); // warm-up: module loading and JIT belong to neither size
  const time = (size: number): number => {
    let best = Infinity;
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      run(size);
      best = Math.min(best, performance.now() - started);
    }
    return best;
  };
  const small = time(n);
  const large = time(n * factor);
  return { small, large, ratio: large / Math.max(small, FLOOR_MS) };
}

export const describeGrowth = (g: Growth): string => `${g.small.toFixed(1)} ms → ${g.large.toFixed(1)} ms (×${g.ratio.toFixed(1)})`;
