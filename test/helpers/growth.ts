/**
 * Growth checks for the hang cases: how much longer an input `factor` times larger takes, measured in the same run
 * (best of three each), so a busy machine slows both sizes alike. Linear work gives about `factor`; the quadratic
 * and exponential shapes these tests guard against give factor² or far more.
 */
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
