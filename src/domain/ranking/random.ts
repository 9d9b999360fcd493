/**
 * The seeded generator of the Monte Carlo rank intervals. A ranking must be reproducible to
 * the last digit (a board compares this year's report with last year's), so randomness comes
 * from xoshiro128** with a fixed seed, never from Math.random. xoshiro128** is small, fast in
 * 32-bit integer arithmetic and passes BigCrush; splitmix32 spreads a small seed (1, 2, …)
 * over the whole 128-bit state so that neighbouring seeds give unrelated streams.
 */

/** A stream of uniform numbers in [0, 1). */
export type UniformStream = () => number;

/**
 * A deterministic uniform stream for a 32-bit seed.
 * @example
 * const next = createUniformStream(1);
 * next() === createUniformStream(1)() // true: same seed, same stream
 */
export function createUniformStream(seed: number): UniformStream {
  let splitState = seed >>> 0;
  const splitmix32 = (): number => {
    splitState = (splitState + 0x9e3779b9) >>> 0;
    let z = splitState;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let s0 = splitmix32();
  let s1 = splitmix32();
  let s2 = splitmix32();
  let s3 = splitmix32();
  // An all-zero state would stay zero for ever; splitmix32 makes it practically impossible.
  if ((s0 | s1 | s2 | s3) === 0) s0 = 1;

  return () => {
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = rotl(s3, 11);
    return result / 4294967296;
  };
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
