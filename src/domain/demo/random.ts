/**
 * Seeded randomness for the demo world. Math.random() is never used: the same seed must give a
 * byte-identical world on every machine, so every draw comes from mulberry32 streams and every
 * position-based value from an integer hash.
 */

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform in [min, max). */
  uniform(min: number, max: number): number;
  /** Standard normal (mean 0, sd 1). */
  normal(): number;
  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
}

/**
 * A mulberry32 stream with Box–Muller normals.
 * @example createRandom(42).next() // 0.6011037519201636, every time
 */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  let spareNormal: number | null = null;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    uniform: (min, max) => min + (max - min) * next(),
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    normal: () => {
      if (spareNormal !== null) {
        const value = spareNormal;
        spareNormal = null;
        return value;
      }
      // 1 − u keeps the logarithm away from 0.
      const radius = Math.sqrt(-2 * Math.log(1 - next()));
      const angle = 2 * Math.PI * next();
      spareNormal = radius * Math.sin(angle);
      return radius * Math.cos(angle);
    },
  };
}

/**
 * A seed for an independent stream, so that adding draws to one part of the generator (say the
 * geometry) does not shift the values of another (say the indicators).
 * @example deriveSeed(20241, 'indicators') !== deriveSeed(20241, 'geometry') // true
 */
export function deriveSeed(seed: number, label: string): number {
  // FNV-1a over the label, mixed with the seed.
  let hash = 0x811c9dc5 ^ (seed >>> 0);
  for (let i = 0; i < label.length; i += 1) {
    hash ^= label.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return mix32(hash);
}

function mix32(value: number): number {
  let h = value >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * A uniform value in [0, 1) that depends only on the seed and two integers: the basis for noise
 * that is a function of position, so that a shared point gets the same value wherever it is
 * visited from.
 * @example hashUnit(1, 10, -3) === hashUnit(1, 10, -3) // true
 */
export function hashUnit(seed: number, a: number, b: number): number {
  let h = mix32((seed >>> 0) ^ Math.imul(a | 0, 0x27d4eb2d));
  h = mix32(h ^ Math.imul(b | 0, 0x165667b1));
  return h / 4294967296;
}

/**
 * Smooth value noise in [-1, 1] on a lattice of `cellSize`: neighbouring points get similar
 * values, which is what makes the latent deprivation factor spatially coherent.
 * @example valueNoise(7, 1.2, 3.4, 2) // some value in [-1, 1]
 */
export function valueNoise(seed: number, x: number, y: number, cellSize: number): number {
  const gx = x / cellSize;
  const gy = y / cellSize;
  const ix = Math.floor(gx);
  const iy = Math.floor(gy);
  const fx = smoothstep(gx - ix);
  const fy = smoothstep(gy - iy);
  const corner = (dx: number, dy: number): number => hashUnit(seed, ix + dx, iy + dy) * 2 - 1;
  const top = corner(0, 0) * (1 - fx) + corner(1, 0) * fx;
  const bottom = corner(0, 1) * (1 - fx) + corner(1, 1) * fx;
  return top * (1 - fy) + bottom * fy;
}

function smoothstep(t: number): number {
  return t * t * (3 - 2 * t);
}
