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
  return benchmarkIndex(book)(r);
}

/**
 * Every cohort's values sorted once, so each account's benchmarks cost a few binary searches: per-account scans
 * of the whole book made a 10,000-account analysis quadratic (100 s instead of 2).
 */
export function benchmarkIndex(book: AccountReview[]): (r: AccountReview) => Benchmark[] {
  const cohorts = new Map(BENCHMARK_METRICS.map((metric) => {
    const bySegment = new Map<string, number[]>();
    const all: number[] = [];
    for (const a of book) {
      const v = benchmarkValue(a, metric);
      if (v === null) continue;
      all.push(v);
      const seg = bySegment.get(a.segment) ?? [];
      seg.push(v);
      bySegment.set(a.segment, seg);
    }
    const up = (x: number, y: number) => x - y;
    all.sort(up);
    for (const seg of bySegment.values()) seg.sort(up);
    return [metric, { all, bySegment }] as const;
  }));
  return (r) => {
    const out: Benchmark[] = [];
    for (const metric of BENCHMARK_METRICS) {
      const value = benchmarkValue(r, metric);
      if (value === null) continue;
      const { all, bySegment } = cohorts.get(metric)!;
      const segment = bySegment.get(r.segment) ?? [];
      const kind = segment.length >= MIN_COHORT ? 'segment' : all.length >= MIN_COHORT ? 'book' : null;
      if (kind === null) continue;
      const sorted = kind === 'segment' ? segment : all;
      const below = countBelow(sorted, value);
      const equal = countBelow(sorted, value, true) - below;
      out.push({
        metric, value, cohort: kind, cohortName: kind === 'segment' ? r.segment : 'book',
        cohortSize: sorted.length, percentile: Math.round(((below + 0.5 * equal) / sorted.length) * 100),
        rank: 1 + sorted.length - below - equal,
      });
    }
    return out;
  };
}

/** How many values of ascending `sorted` are below x (or, with `orEqual`, at most x): a binary search. */
function countBelow(sorted: number[], x: number, orEqual = false): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < x || (orEqual && sorted[mid] === x)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
