// Raw piscina's worker file for the throughput comparison: the same trivial task as the pool's.
export = (x: number): number => x + 1;
