/** The account's quarters: which one is current, the last four for charts, and this-vs-previous trends. */
import type { IsoDate } from '../dates';
import { quarterIndex, quarterLabel, quarterStart } from '../quarters';
import type { RowOf } from '../tracker/schema';
import { METRIC_KEYS, type Direction, type MetricKey, type Trend } from './types';

type MetricsRow = RowOf<'metrics'>;

export interface QuarterRows {
  /** The account's Metrics rows that have begun by today, one per quarter, oldest first. */
  begun: MetricsRow[];
  /** Rows for the same quarter after the first (ignored, for findings). */
  duplicates: MetricsRow[];
  /** Rows for quarters that have not begun yet (ignored). */
  future: MetricsRow[];
}

export function sortQuarters(rows: MetricsRow[], today: IsoDate, fiscalStartMonth: number): QuarterRows {
  const byQuarter = new Map<number, MetricsRow>();
  const duplicates: MetricsRow[] = [];
  const future: MetricsRow[] = [];
  for (const row of rows) {
    if (quarterStart(row.quarter, fiscalStartMonth) > today) {
      future.push(row);
      continue;
    }
    const index = quarterIndex(row.quarter);
    if (byQuarter.has(index)) duplicates.push(row);
    else byQuarter.set(index, row);
  }
  const begun = [...byQuarter.entries()].sort((a, b) => a[0] - b[0]).map(([, r]) => r);
  return { begun, duplicates, future };
}

/** The row of the quarter just before the current one, or null (a gap means there is no "previous quarter"). */
export function previousRow(begun: MetricsRow[]): MetricsRow | null {
  const current = begun[begun.length - 1];
  const before = begun[begun.length - 2];
  if (!current || !before) return null;
  return quarterIndex(before.quarter) === quarterIndex(current.quarter) - 1 ? before : null;
}

export function metricValues(row: MetricsRow | null): Record<MetricKey, number | null> {
  const out = {} as Record<MetricKey, number | null>;
  for (const key of METRIC_KEYS) out[key] = row ? row[key] : null;
  return out;
}

/** Up, down or stable: a change under 2 % of the previous value is stable. */
export function trend(current: number | null, previous: number | null): Trend {
  if (current === null || previous === null) return { current, previous, change: null, direction: null };
  const delta = current - previous;
  let direction: Direction;
  if (previous === 0) direction = delta === 0 ? 'stable' : delta > 0 ? 'up' : 'down';
  else direction = Math.abs(delta) < 0.02 * Math.abs(previous) ? 'stable' : delta > 0 ? 'up' : 'down';
  return { current, previous, change: previous === 0 ? null : delta / Math.abs(previous), direction };
}

export function trends(current: MetricsRow | null, previous: MetricsRow | null): Record<MetricKey, Trend> {
  const out = {} as Record<MetricKey, Trend>;
  for (const key of METRIC_KEYS) out[key] = trend(current ? current[key] : null, previous ? previous[key] : null);
  return out;
}

export { quarterLabel };
