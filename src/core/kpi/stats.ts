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

/** A 95 % interval around a figure, in the figure's unit (docs/kpis.md gives the method of each formula). */
export interface Interval {
  low: number;
  high: number;
}

/** The standard normal's 97.5th percentile: a two-sided 95 % interval is the estimate ± Z95 standard errors. */
export const Z95 = 1.959963984540054;

/**
 * Wilson score interval of a share hits/n, in % (0–100). Unlike estimate ± 1.96·SE it stays inside
 * 0–100 and keeps its coverage near 0 % and 100 %, where promises usually sit:
 *   centre = (p + z²/2n) / (1 + z²/n),  half-width = z / (1 + z²/n) · √(p(1−p)/n + z²/4n²).
 */
export function wilson(hits: number, n: number): Interval | null {
  if (n <= 0 || hits < 0 || hits > n) return null;
  const p = hits / n;
  const z2 = Z95 * Z95;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (Z95 / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { low: Math.max(0, centre - half) * 100, high: Math.min(1, centre + half) * 100 };
}

/**
 * NPS = 100·(p₊ − p₋). Each answer scores +1, 0 or −1, so the variance of one answer is
 * p₊ + p₋ − (p₊ − p₋)² (multinomial) and SE = √(that / n); the interval is 100·(d ± 1.96·SE), clamped to −100..100.
 */
export function npsInterval(promoters: number, detractors: number, n: number): Interval | null {
  if (n <= 0) return null;
  const [plus, minus] = [promoters / n, detractors / n];
  const d = plus - minus;
  const half = Z95 * Math.sqrt(Math.max(0, plus + minus - d * d) / n);
  return { low: Math.max(-100, (d - half) * 100), high: Math.min(100, (d + half) * 100) };
}

/** Student's t 97.5th percentile for 1–30 degrees of freedom (beyond, the Cornish–Fisher series is within 1e-7). */
const T975 = [12.706205, 4.302653, 3.182446, 2.776445, 2.570582, 2.446912, 2.364624, 2.306004, 2.262157, 2.228139, 2.200985,
  2.178813, 2.160369, 2.144787, 2.131450, 2.119905, 2.109816, 2.100922, 2.093024, 2.085963, 2.079614, 2.073873, 2.068658,
  2.063899, 2.059539, 2.055529, 2.051831, 2.048407, 2.045230, 2.042272];

export function t975(df: number): number {
  const exact = T975[df - 1];
  if (exact !== undefined) return exact;
  // Abramowitz & Stegun 26.7.5: the t quantile as a series in 1/df around the normal one.
  const z = Z95;
  const [z3, z5, z7, z9] = [z ** 3, z ** 5, z ** 7, z ** 9];
  return z + (z3 + z) / (4 * df) + (5 * z5 + 16 * z3 + 3 * z) / (96 * df ** 2)
    + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * df ** 3) + (79 * z9 + 776 * z7 + 1482 * z5 - 1920 * z3 - 945 * z) / (92160 * df ** 4);
}

/** t-interval of a mean: mean ± t(0.975, n−1) · s/√n, s² = (Σx² − (Σx)²/n)/(n − 1). Needs n ≥ 2. */
export function meanInterval(n: number, sum: number, sumSquares: number): Interval | null {
  if (n < 2) return null;
  const mean = sum / n;
  const variance = Math.max(0, (sumSquares - (sum * sum) / n) / (n - 1));
  const half = t975(n - 1) * Math.sqrt(variance / n);
  return { low: mean - half, high: mean + half };
}

/** The same, from a value → count multiset (exact: the deviations are summed around the mean). */
export function meanIntervalOfCounts(counts: Map<number, number>, n: number): Interval | null {
  if (n < 2) return null;
  let sum = 0;
  for (const [value, count] of counts) sum += value * count;
  const mean = sum / n;
  let squares = 0;
  for (const [value, count] of counts) squares += count * (value - mean) ** 2;
  return meanInterval(n, sum, squares + (sum * sum) / n);
}

/** Above this many rows the binomial ranks come from its normal approximation (the exact sum costs O(n)). */
export const EXACT_RANKS_UP_TO = 10_000;

/**
 * 1-based ranks l < u of the order statistics x(l), x(u) that hold the q-quantile with at least 95 %
 * probability, whatever the distribution: the number of values below the true quantile is
 * B ~ Binomial(n, q), and P(x(l) ≤ ξ ≤ x(u)) = P(l ≤ B ≤ u − 1). l is the largest rank with
 * P(B ≤ l − 1) ≤ 2.5 %, u the smallest with P(B ≤ u − 1) ≥ 97.5 %. Null when n is too small for such ranks.
 */
export function quantileRanks(n: number, q: number): [number, number] | null {
  if (n < 2) return null;
  if (n > EXACT_RANKS_UP_TO) {
    const spread = Z95 * Math.sqrt(n * q * (1 - q));
    const ranks: [number, number] = [Math.floor(n * q - spread), Math.ceil(n * q + spread) + 1];
    return ranks[0] >= 1 && ranks[1] <= n ? ranks : null;
  }
  // P(B = k) in logs, so that (1 − q)^n does not underflow for large n.
  const ratio = Math.log(q) - Math.log(1 - q);
  let logPmf = n * Math.log(1 - q);
  let cdf = 0;
  let low = 0;
  for (let k = 0; k <= n; k++) {
    cdf += Math.exp(logPmf);
    // cdf is now P(B ≤ k) = P(B ≤ rank − 1) for rank k + 1.
    if (cdf <= 0.025) low = k + 1;
    if (cdf >= 0.975) return low >= 1 && k + 1 <= n ? [low, k + 1] : null;
    logPmf += Math.log(n - k) - Math.log(k + 1) + ratio;
  }
  return null;
}

/** The k-th smallest values (1-based, ranks ascending) of a value → count multiset, in one sorted pass. */
export function orderStatistics(counts: Map<number, number>, ranks: readonly number[]): (number | null)[] {
  const found: (number | null)[] = ranks.map(() => null);
  let seen = 0;
  let next = 0;
  for (const value of [...counts.keys()].sort((a, b) => a - b)) {
    seen += counts.get(value) ?? 0;
    while (next < ranks.length && seen >= (ranks[next] ?? Infinity)) found[next++] = value;
    if (next === ranks.length) break;
  }
  return found;
}

/** Distribution-free 95 % interval of the q-quantile: [x(l), x(u)] with the ranks of quantileRanks. */
export function quantileInterval(counts: Map<number, number>, n: number, q: number): Interval | null {
  const ranks = quantileRanks(n, q);
  if (!ranks) return null;
  const [low, high] = orderStatistics(counts, ranks);
  return low === null || high === null || low === undefined || high === undefined ? null : { low, high };
}
