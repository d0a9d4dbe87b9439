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

/** Creates an {@link Rng} from a 32-bit integer seed (other numbers are truncated to one). */
export function createRng(seed: number): Rng {
  return new Xoshiro128(seed >>> 0);
}

/**
 * The generator's state in four words (a class, so a fork per Monte Carlo path costs one small object). The words
 * are kept as signed 32-bit integers, which V8 stores unboxed; unsigned ones above 2^31 would be heap numbers.
 */
class Xoshiro128 implements Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  private readonly seed: number;

  constructor(seed: number) {
    this.seed = seed | 0;
    this.a = splitmix(seed, 1);
    this.b = splitmix(seed, 2);
    this.c = splitmix(seed, 3);
    this.d = splitmix(seed, 4);
    if ((this.a | this.b | this.c | this.d) === 0) this.a = 1;
  }

  private nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.b, 5), 7), 9) >>> 0;
    const t = this.b << 9;
    this.c ^= this.a;
    this.d ^= this.b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = rotl(this.d, 11);
    return result;
  }

  nextFloat(): number {
    return this.nextUint32() / 4294967296;
  }

  nextInt(n: number): number {
    return Math.floor(this.nextFloat() * n);
  }

  nextNormal(): number {
    let u = this.nextFloat();
    while (u === 0) u = this.nextFloat();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.nextFloat());
  }

  fork(stream: number): Rng {
    return createRng((Math.imul(this.seed ^ 0x5bd1e995, 31) + Math.imul(stream + 1, 0x27d4eb2d)) >>> 0);
  }
}

/** The `k`-th output of SplitMix32 seeded with `seed` (unsigned), as a signed 32-bit integer. */
function splitmix(seed: number, k: number): number {
  let z = (seed + k * 0x9e3779b9) >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
  return z ^ (z >>> 16);
}

/** `x` rotated left by `k` bits, as a signed 32-bit integer. */
function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
