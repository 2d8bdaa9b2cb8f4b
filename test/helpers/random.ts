/** A seeded random number generator for fuzz tests, so that a failure can be replayed from its seed. */

export type Random = () => number;

/** mulberry32: small, fast, and the same sequence for the same seed on every machine. */
export function random(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
