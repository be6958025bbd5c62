// Seeded randomness for the demo generator. Every value the generator produces comes from here,
// so the same seed yields the same region, byte for byte (given the same reference date).
//
// sfc32 is used rather than a 32-bit-state generator such as mulberry32: the generator gives
// every family its own stream, and with only 2^32 states thousands of streams drawing millions
// of values would overlap and repeat uuids. sfc32 has 128 bits of state.

/** splitmix32: spreads a (seed, stream) pair over the whole state space. */
function splitmix32(x: number): () => number {
  let s = x >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /** One independent stream per (seed, stream); streams do not depend on each other. */
  constructor(seed: number, stream = 0) {
    const mix = splitmix32(Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(stream >>> 0, 0x85ebca77) ^ 0x5bd1e995);
    this.a = mix();
    this.b = mix();
    this.c = mix();
    this.d = mix() | 1;
    for (let i = 0; i < 12; i++) this.next();
  }

  /** Uniform unsigned 32-bit integer. */
  next(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0;
    this.c = (this.c + t) >>> 0;
    return t;
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.next() / 4294967296;
  }

  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.float() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.float() < p;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.float() * items.length)];
    if (item === undefined) throw new Error('pick: no items to pick from');
    return item;
  }

  /** Picks by weight; weights need not sum to one. */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of items) total += w;
    let r = this.float() * total;
    for (const [v, w] of items) {
      r -= w;
      if (r < 0) return v;
    }
    const last = items[items.length - 1];
    if (last === undefined) throw new Error('weighted: no items to pick from');
    return last[0];
  }

  /** A random version-4 uuid (RFC 9562 layout), drawn from this stream. */
  uuid(): string {
    const words = [this.next(), this.next(), this.next(), this.next()];
    // Byte 6 carries the version (4), byte 8 the variant (10xx).
    const bytes = words
      .flatMap((w) => [w >>> 24, (w >>> 16) & 0xff, (w >>> 8) & 0xff, w & 0xff])
      .map((b, i) => (i === 6 ? (b & 0x0f) | 0x40 : i === 8 ? (b & 0x3f) | 0x80 : b));
    const hex = bytes.map((b) => b.toString(16).padStart(2, '0')).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }
}

export const DAY_MS = 86_400_000;

/**
 * A moment `daysAgo` days before `now`, during office hours (07:30–16:30 UTC, which is
 * 08:30–18:30 Dutch time), moved off weekends; never after `now`.
 */
export function officeTime(rng: Rng, now: number, daysAgo: number): number {
  const day = Math.floor((now - daysAgo * DAY_MS) / DAY_MS) * DAY_MS;
  const weekday = new Date(day).getUTCDay();
  const shifted = weekday === 6 ? day - DAY_MS : weekday === 0 ? day - 2 * DAY_MS : day;
  const t = shifted + (450 + rng.int(0, 540)) * 60_000 + rng.int(0, 59_999);
  return Math.min(t, now - 60_000);
}

export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
