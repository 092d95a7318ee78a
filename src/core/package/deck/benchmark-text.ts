/** The peer benchmark in words for the customer (SPEC §4.2): "Feature adoption 75%: top 10% of the accounts we serve". */
import type { Benchmark, BenchmarkMetric } from '../../analysis/types';
import type { DeckContext } from './context';

const NAMES: Record<BenchmarkMetric, string> = {
  seatUtilisation: 'Seat utilisation', featureAdoption: 'Feature adoption', health: 'Health score', valueToArr: 'Value delivered this quarter,',
};

/**
 * Only where the account stands out (at or above the median): a lower rank is a conversation for the CSM to plan,
 * in the prep brief, not a line read out in front of the customer.
 */
export function benchmarkSentences(c: DeckContext): string[] {
  return [...(c.r.benchmarks ?? [])].filter(standsOut).sort((a, b) => b.percentile - a.percentile).map((b) => benchmarkSentence(c, b));
}

/** In a small book, the top third by place; in a larger one, the top half by percentile. */
function standsOut(b: Benchmark): boolean {
  return b.cohortSize < 20 ? b.rank <= Math.ceil(b.cohortSize / 3) : b.percentile >= 50;
}

export function benchmarkSentence(c: DeckContext, b: Benchmark): string {
  const { f } = c;
  const value = b.metric === 'health' ? f.number(b.value) : b.metric === 'valueToArr' ? `${f.percent(b.value)} of the annual contract` : f.percent(b.value);
  // Neither the tier name (our segmentation) nor the size of the book is the customer's business (SPEC §4.0).
  const among = b.cohort === 'segment' ? 'comparable accounts we serve' : 'accounts we serve';
  // In a small book a percentage overstates precision ("top 6%" of 8): say the place instead.
  const place = b.cohortSize < 20
    ? `${b.rank === 1 ? 'the highest' : `${ordinal(b.rank)} highest`} of the ${among}`
    : b.percentile >= 75 ? `top ${Math.max(1, 100 - b.percentile)}% of ${among}` : `above the median of ${among}`;
  return `${NAMES[b.metric]} ${value}: ${place}`;
}

function ordinal(n: number): string {
  const s = n % 100 >= 11 && n % 100 <= 13 ? 'th' : ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
  return `${n}${s}`;
}

/** The strongest benchmark, for the executive summary. */
export function bestBenchmark(c: DeckContext): string | null {
  const top = [...(c.r.benchmarks ?? [])].filter((b) => b.percentile >= 75).sort((a, b) => b.percentile - a.percentile)[0];
  return top ? `${benchmarkSentence(c, top)}.` : null;
}
