/**
 * Peer benchmarks within the tracker's own book (SPEC §4.2): each account's percentile for seat utilisation, feature
 * adoption, health and value/ARR among its segment when at least 5 accounts of the segment have the metric, else
 * among the whole book when at least 5 do; no benchmark when neither cohort is that large.
 */
import type { AccountReview, Benchmark, BenchmarkMetric } from './types';

export const MIN_COHORT = 5;

/** Each metric's value for one account, or null when the tracker lacks it. */
export function benchmarkValue(r: AccountReview, metric: BenchmarkMetric): number | null {
  const m = r.history[r.history.length - 1]?.metrics;
  switch (metric) {
    case 'seatUtilisation': {
      const seats = m?.licensedSeats ?? r.licensedSeats;
      return m && m.activeUsers !== null && seats !== null && seats > 0 ? m.activeUsers / seats : null;
    }
    case 'featureAdoption':
      return m && m.featuresUsed !== null && m.featuresAvailable !== null && m.featuresAvailable > 0 ? m.featuresUsed / m.featuresAvailable : null;
    case 'health':
      return r.health.score;
    case 'valueToArr':
      return r.value.quarterTotal !== null && r.arr > 0 ? r.value.quarterTotal / r.arr : null;
  }
}

export const BENCHMARK_METRICS: BenchmarkMetric[] = ['seatUtilisation', 'featureAdoption', 'health', 'valueToArr'];

/**
 * Percent rank with ties shared: (peers below + half of the peers equal, the account included) ÷ cohort × 100,
 * rounded. The best of 5 distinct values is the 90th percentile; two tied at the top of 5 are both the 80th.
 */
export function percentile(value: number, cohort: number[]): number {
  const below = cohort.filter((v) => v < value).length;
  const equal = cohort.filter((v) => v === value).length;
  return Math.round(((below + 0.5 * equal) / cohort.length) * 100);
}

/** The benchmarks of `r` against `book` (every analysed account of the tracker, `r` among them). */
export function benchmarksFor(r: AccountReview, book: AccountReview[]): Benchmark[] {
  const out: Benchmark[] = [];
  for (const metric of BENCHMARK_METRICS) {
    const value = benchmarkValue(r, metric);
    if (value === null) continue;
    const withMetric = book.map((a) => ({ a, v: benchmarkValue(a, metric) })).filter((x): x is { a: AccountReview; v: number } => x.v !== null);
    const segment = withMetric.filter((x) => x.a.segment === r.segment);
    const cohort = segment.length >= MIN_COHORT ? { kind: 'segment' as const, rows: segment } : withMetric.length >= MIN_COHORT ? { kind: 'book' as const, rows: withMetric } : null;
    if (!cohort) continue;
    out.push({
      metric, value, cohort: cohort.kind, cohortName: cohort.kind === 'segment' ? r.segment : 'book',
      cohortSize: cohort.rows.length, percentile: percentile(value, cohort.rows.map((x) => x.v)),
      rank: 1 + cohort.rows.filter((x) => x.v > value).length,
    });
  }
  return out;
}
