/**
 * Complexity checks that a busy machine cannot fail: instead of a time limit, how much more CPU time a run takes when
 * its input grows, both sizes measured in the same process, alternately. CPU time (not wall-clock) barely changes when
 * other processes compete for the cores.
 *
 * `growth`, for the hang cases: how much more CPU time an input `factor` times larger takes, measured in the same run
 * (best of two each), so a busy machine slows both sizes alike. Linear work gives about `factor`; the quadratic
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
 * Asserts that `run` grows about linearly: on `make(n * factor)` it may take up to `maxRatio` (3 × `factor`) times as
 * long as on `make(n)` (a quadratic scan takes `factor`² times as long: 64 against a bound of 24 for the default
 * factor of 8). The small size runs once to warm up the JIT, then each size twice, alternating; the faster run of each
 * counts (a garbage collection or a preemption only slows some), and none counts as less than 2 ms (timer noise on
 * tiny inputs). Two samples suffice: CPU time barely moves with the machine's load, and the shapes guarded against
 * land far beyond the bound. Returns the ratio, for the test's diagnostics.
 */
export function assertLinear<T>(what: string, make: (n: number) => T, run: (input: T) => unknown, n: number, factor = 8, maxRatio = 3 * factor): number {
  const small = make(n);
  const large = make(n * factor);
  run(small);
  let fastSmall = Infinity;
  let fastLarge = Infinity;
  for (let i = 0; i < 2; i++) {
    fastLarge = Math.min(fastLarge, cpuMs(() => run(large)));
    fastSmall = Math.min(fastSmall, cpuMs(() => run(small)));
  }
  const ratio = Math.max(fastLarge, 2) / Math.max(fastSmall, 2);
  assert.ok(ratio < maxRatio, `${what}: ${factor}× the input took ${ratio.toFixed(1)}× the CPU time (linear: about ${factor}×)`);
  return ratio;
}

export interface Growth {
  small: number;
  large: number;
  ratio: number;
}

/** Below this many milliseconds a measurement is mostly noise: the small size is counted as at least this long. */
const FLOOR_MS = 3;

/** CPU times of `run(n)` and `run(n * factor)`: a warm-up, then the faster of two runs of each size, alternating. */
export function growth(run: (n: number) => void, n: number, factor: number): Growth {
  run(n); // warm-up: module loading and JIT belong to neither size
  let small = Infinity;
  let large = Infinity;
  for (let i = 0; i < 2; i++) {
    large = Math.min(large, cpuMs(() => run(n * factor)));
    small = Math.min(small, cpuMs(() => run(n)));
  }
  return { small, large, ratio: large / Math.max(small, FLOOR_MS) };
}

export const describeGrowth = (g: Growth): string => `${g.small.toFixed(1)} ms → ${g.large.toFixed(1)} ms (×${g.ratio.toFixed(1)})`;
