/**
 * A seeded pseudo-random generator (xoshiro128**, seeded through splitmix32). Fast, allocation-free and the
 * same on every platform, so the same seed gives the same stream everywhere.
 */
export type Rng = {
  /** A float in [0, 1). */
  nextFloat(): number;
  /** An integer in [0, n). */
  nextInt(n: number): number;
  /** A standard normal variate (Box–Muller, one value per call). */
  nextNormal(): number;
  /** A new generator whose stream is independent of this one (for path `i` of a Monte Carlo run, say). */
  fork(stream: number): Rng;
};

/** Creates an {@link Rng} from a 32-bit integer seed. */
export function createRng(seed: number): Rng {
  let s = seed >>> 0;
  const splitmix = (): number => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = splitmix();
  let b = splitmix();
  let c = splitmix();
  let d = splitmix();
  if ((a | b | c | d) === 0) a = 1;

  const nextUint32 = (): number => {
    const result = Math.imul(rotl(Math.imul(b, 5) >>> 0, 7), 9) >>> 0;
    const t = (b << 9) >>> 0;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    return result;
  };

  const nextFloat = (): number => nextUint32() / 4294967296;
  return {
    nextFloat,
    nextInt: (n: number): number => Math.floor(nextFloat() * n),
    nextNormal(): number {
      let u = nextFloat();
      while (u === 0) u = nextFloat();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * nextFloat());
    },
    fork: (stream: number): Rng => createRng((Math.imul(seed ^ 0x5bd1e995, 31) + Math.imul(stream + 1, 0x27d4eb2d)) >>> 0),
  };
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}
