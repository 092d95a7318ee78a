/** SPEC §4.2's peer benchmark, by hand: percent rank with shared ties, segment cohort of 5+, else the book of 5+, else none. */
import { analyzeWorkbook } from '../../../src/core';
import { percentile } from '../../../src/core/analysis/benchmarks';
import { book } from '../book';

const TODAY = '2026-11-22';

/** Accounts as [id, ARR, active users of 100 seats]; ARR ≥ 100,000 is Enterprise, ≥ 25,000 Mid-Market. */
function tracker(accounts: [string, number, number][]) {
  return book({
    Accounts: [['Account ID', 'Account', 'ARR', 'Licensed Seats'], ...accounts.map(([id, arr]) => [id, `Account ${id}`, arr, 100])],
    Metrics: [['Account ID', 'Quarter', 'Active Users'], ...accounts.map(([id, , users]) => [id, '2026-Q3', users])],
  });
}

const seatBenchmark = (accounts: [string, number, number][], id: string, only?: string[]) =>
  analyzeWorkbook(tracker(accounts), { today: TODAY, ...(only ? { accountIds: only } : {}) }).accounts.find((a) => a.id === id)!.benchmarks!.find((b) => b.metric === 'seatUtilisation');

describe('percentile', () => {
  it('is the share below plus half the share equal', () => {
    // Best of five distinct: (4 + 0.5) / 5 = 90; middle: (2 + 0.5) / 5 = 50.
    expect(percentile(50, [10, 20, 30, 40, 50])).toBe(90);
    expect(percentile(30, [10, 20, 30, 40, 50])).toBe(50);
    // Two tied at the top of five: (3 + 2 × 0.5) / 5 = 80 for both.
    expect(percentile(50, [10, 20, 30, 50, 50])).toBe(80);
  });
});

describe('benchmark cohorts', () => {
  // Four Enterprise (50, 60, 70, 80 of 100 seats) and four Mid-Market (40, 60, 90, 100) accounts.
  const eight: [string, number, number][] = [
    ['E1', 200_000, 50], ['E2', 200_000, 60], ['E3', 200_000, 70], ['E4', 200_000, 80],
    ['M1', 50_000, 40], ['M2', 50_000, 60], ['M3', 50_000, 90], ['M4', 50_000, 100],
  ];

  it('a segment of 4 in a book of 8 is ranked against the book', () => {
    // E4 at 0.8: below it 0.5, 0.6, 0.7, 0.4, 0.6 (5), equal 1 → (5 + 0.5) / 8 = 68.75 → 69; above it 0.9 and 1.0 → 3rd.
    expect(seatBenchmark(eight, 'E4')).toEqual({ metric: 'seatUtilisation', value: 0.8, cohort: 'book', cohortName: 'book', cohortSize: 8, percentile: 69, rank: 3 });
    // E2 at 0.6 ties M2: below 0.5 and 0.4 (2), equal 2 → (2 + 1) / 8 = 37.5 → 38.
    expect(seatBenchmark(eight, 'E2')!.percentile).toBe(38);
  });

  it('ranks against the book even when only one account is analysed', () => {
    expect(seatBenchmark(eight, 'E4', ['E4'])!.percentile).toBe(69);
  });

  it('a segment of 5 is its own cohort', () => {
    // Five Enterprise (50 … 80, 85) and one Mid-Market at 100: E5 at 0.85 is best of its five → (4 + 0.5) / 5 = 90.
    const six: [string, number, number][] = [...eight.slice(0, 4), ['E5', 200_000, 85], ['M4', 50_000, 100]];
    expect(seatBenchmark(six, 'E5')).toEqual({ metric: 'seatUtilisation', value: 0.85, cohort: 'segment', cohortName: 'Enterprise', cohortSize: 5, percentile: 90, rank: 1 });
  });

  it('a book of 4 has no benchmark', () => {
    const result = analyzeWorkbook(tracker(eight.slice(0, 4)), { today: TODAY });
    for (const a of result.accounts) expect(a.benchmarks).toEqual([]);
  });
});
