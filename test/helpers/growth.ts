/**
 * Complexity checks that a busy machine cannot fail: instead of a time limit, how much more CPU time a run takes when
 * its input grows, both sizes measured in the same process, alternately. CPU time (not wall-clock) barely changes when
 * other processes compete for the cores.
 *
 * `growth`, for the hang cases: how much more CPU time an input `factor` times larger takes, measured in the same run
 * (the faster of two or more samples each), so a busy machine slows both sizes alike. Linear work gives about `factor`;
 * the quadratic
 * and exponential shapes these tests guard against give factor² or far more.
 */
import assert from 'node:assert/strict';

/** Below this many milliseconds a measurement is mostly noise: the small size is counted as at least this long. */
const FLOOR_MS = 3;

/** How much larger than asked `assertLinear` measures again before it fails (see there). */
const MAX_RETRY_SCALE = 4;

/** CPU milliseconds of one call of `fn`. */
function cpuMs(fn: () => void): number {
  const start = process.cpuUsage();
  fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/**
 * The faster of alternating CPU-time samples of `small()` and `large()`, after one warm-up run of `small` (JIT). Two
 * samples of each when their ratio is below `bound`, the usual case; otherwise up to five, so that a garbage
 * collection or a preemption that slowed both large samples cannot fail a check: only a ratio that stays above the
 * bound over five samples does.
 */
function sample(small: () => unknown, large: () => unknown, bound: number): Growth {
  small();
  let fastSmall = Infinity;
  let fastLarge = Infinity;
  for (let i = 0; i < 5; i++) {
    fastLarge = Math.min(fastLarge, cpuMs(large));
    fastSmall = Math.min(fastSmall, cpuMs(small));
    if (i >= 1 && fastLarge / Math.max(fastSmall, FLOOR_MS) < bound) break;
  }
  return { small: fastSmall, large: fastLarge, ratio: fastLarge / Math.max(fastSmall, FLOOR_MS) };
}

/**
 * Asserts that `run` grows about linearly: on `make(n * factor)` it may take up to `maxRatio` (3 × `factor`) times as
 * much CPU time as on `make(n)` (a quadratic scan takes `factor`² times as much: 64 against a bound of 24 for the
 * default factor of 8). Returns the ratio, for the test's diagnostics.
 */
export function assertLinear<T>(
  what: string,
  make: (n: number) => T,
  run: (input: T) => unknown,
  n: number,
  factor = 8,
  maxRatio = 3 * factor,
): number {
  let ratio = Infinity;
  // A small input that runs in a few milliseconds measures mostly noise (a collection in every sample of the large run
  // once made a linear case read 27×): a ratio over the bound is measured again at twice the size, then four times;
  // quadratic work fails at every size.
  for (let size = n; size <= n * MAX_RETRY_SCALE && ratio >= maxRatio; size *= 2) {
    const small = make(size);
    const large = make(size * factor);
    ratio = sample(
      () => run(small),
      () => run(large),
      maxRatio,
    ).ratio;
  }
  assert.ok(
    ratio < maxRatio,
    `${what}: ${factor}× the input took ${ratio.toFixed(1)}× the CPU time (linear: about ${factor}×)`,
  );
  return ratio;
}

export interface Growth {
  small: number;
  large: number;
  ratio: number;
}

/** CPU times of `run(n)` and `run(n * factor)` (see `sample`: more samples only when the ratio reaches `bound`). */
export function growth(run: (n: number) => void, n: number, factor: number, bound: number): Growth {
  return sample(
    () => run(n),
    () => run(n * factor),
    bound,
  );
}

export const describeGrowth = (g: Growth): string =>
  `${g.small.toFixed(1)} ms → ${g.large.toFixed(1)} ms (×${g.ratio.toFixed(1)})`;
