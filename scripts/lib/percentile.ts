/**
 * A percentile of samples sorted ascending, by nearest rank: the value at rank ceil(p × n). Both
 * benches read their medians and p95s this way; over 20 samples the p95 is the 19th, where the
 * index floor(p × n) the editor bench used before read the slowest of all.
 */
export function nearestRank(sorted: readonly number[], p: number): number {
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)];
}
