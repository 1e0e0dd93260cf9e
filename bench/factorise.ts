// The seed's CPU-bound workload ("Factorisation séquentielle", Python 103): the prime factors of
// random numbers between 20 000 and 100 000 000. Numbers come from a seeded generator, so Node
// and Python factorise exactly the same ones.

/** Reproducible numbers in [20 000, 100 000 000] (mulberry32). */
export function randomNumbers(count: number, seed = 103): number[] {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return Array.from({ length: count }, () => 20_000 + Math.floor(next() * (100_000_000 - 20_000 + 1)));
}

/** The seed's `calculate_prime_factors` for each number; gives how many factors in all (a checksum). */
export function factorCount(numbers: number[]): number {
  let total = 0;
  for (const value of numbers) {
    const factors: number[] = [];
    let n = value;
    let d = 2;
    while (d * d <= n) {
      while (n % d === 0) {
        factors.push(d);
        n /= d;
      }
      d++;
    }
    if (n > 1) factors.push(n);
    total += factors.length;
  }
  return total;
}

export function split<T>(items: readonly T[], parts: number): T[][] {
  const size = Math.ceil(items.length / parts);
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
}
