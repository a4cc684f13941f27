/**
 * Exact quantiles over a multiset kept as value → count (exact, and bounded by the number of distinct
 * values rather than of rows). Definition: linear interpolation between order statistics, "type 7" of
 * Hyndman & Fan, the same as Excel's PERCENTILE.INC and numpy's default: with the n values sorted
 * x[0] ≤ … ≤ x[n−1], h = (n − 1)·q and Q(q) = x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]).
 * The median is Q(0.5): the middle value, or the mean of the two middle values.
 */
export function quantile(counts: Map<number, number>, n: number, q: number): number | null {
  if (n === 0) return null;
  const h = (n - 1) * q;
  const lowRank = Math.floor(h);
  const sorted = [...counts.keys()].sort((a, b) => a - b);
  let seen = 0;
  let low: number | undefined;
  for (const value of sorted) {
    seen += counts.get(value) ?? 0;
    if (low === undefined && seen > lowRank) low = value;
    if (low !== undefined && seen > lowRank + 1) return low + (h - lowRank) * (value - low);
  }
  return low ?? null;
}

export function addCount(counts: Map<number, number>, value: number): void {
  counts.set(value, (counts.get(value) ?? 0) + 1);
}
