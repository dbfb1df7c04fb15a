/** Seeded fault injection: HTTP 500s, connection resets and truncated bodies at a given rate. */
export type FaultKind = 'http500' | 'reset' | 'truncate';

/** mulberry32: a tiny deterministic PRNG so a seed replays the same fault sequence. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class FaultInjector {
  private readonly random: () => number;
  constructor(private readonly rate: number, seed: number) {
    this.random = seededRandom(seed);
  }

  /** The fault to inflict on the next request, if any. */
  next(): FaultKind | undefined {
    if (this.rate <= 0) return undefined;
    if (this.random() >= this.rate) return undefined;
    const pick = this.random();
    return pick < 1 / 3 ? 'http500' : pick < 2 / 3 ? 'reset' : 'truncate';
  }
}
