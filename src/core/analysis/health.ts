/** Health (SPEC §3): four 0–100 dimensions from the *Score columns or derived from usage and support data, a weighted score and a band. */
import type { RowOf } from '../tracker/schema';
import type { Settings } from '../tracker/settings';
import type { Band, Dimension, HealthDimensions } from './types';

type MetricsRow = RowOf<'metrics'>;

export interface DimensionResult {
  dimensions: HealthDimensions;
  basis: Record<Dimension, string>;
  /** Columns whose value could not be used (out of range), for findings. */
  rejected: { column: string; value: number; message: string }[];
}

const SCORE_COLUMNS: Record<Dimension, { field: 'usageScore' | 'engagementScore' | 'supportScore' | 'relationshipScore'; header: string }> = {
  usage: { field: 'usageScore', header: 'Usage Score' },
  engagement: { field: 'engagementScore', header: 'Engagement Score' },
  support: { field: 'supportScore', header: 'Support Score' },
  relationship: { field: 'relationshipScore', header: 'Relationship Score' },
};

const clamp = (v: number) => Math.min(100, Math.max(0, v));

export function healthDimensions(m: MetricsRow, accountSeats: number | null): DimensionResult {
  const rejected: DimensionResult['rejected'] = [];
  const dimensions: HealthDimensions = { usage: null, engagement: null, support: null, relationship: null };
  const basis: Record<Dimension, string> = { usage: 'no data', engagement: 'no data', support: 'no data', relationship: 'no data' };

  for (const dim of Object.keys(SCORE_COLUMNS) as Dimension[]) {
    const { field, header } = SCORE_COLUMNS[dim];
    const v = m[field];
    if (v === null) continue;
    if (v < 0 || v > 100) {
      rejected.push({ column: header, value: v, message: `${header} must be between 0 and 100; it is not used` });
      continue;
    }
    dimensions[dim] = v;
    basis[dim] = `${header} column`;
  }

  if (dimensions.usage === null) {
    const seats = m.licensedSeats ?? accountSeats;
    const adoption = m.activeUsers !== null && seats !== null && seats > 0 ? Math.min(100, (100 * m.activeUsers) / seats) : null;
    const breadth = m.featuresUsed !== null && m.featuresAvailable !== null && m.featuresAvailable > 0
      ? clamp((100 * m.featuresUsed) / m.featuresAvailable) : null;
    if (adoption !== null && breadth !== null) {
      dimensions.usage = 0.6 * adoption + 0.4 * breadth;
      basis.usage = '0.6 × seat adoption (Active Users ÷ Licensed Seats, capped at 100%) + 0.4 × feature adoption (Features Used ÷ Features Available)';
    } else if (adoption !== null) {
      dimensions.usage = adoption;
      basis.usage = 'seat adoption (Active Users ÷ Licensed Seats, capped at 100%); feature data missing';
    } else if (breadth !== null) {
      dimensions.usage = breadth;
      basis.usage = 'feature adoption (Features Used ÷ Features Available); seat data missing';
    }
  }

  if (dimensions.support === null) {
    let csat = m.csat;
    if (csat !== null && (csat < 1 || csat > 5)) {
      rejected.push({ column: 'CSAT', value: csat, message: 'CSAT is read on a 1–5 scale; this value is not used' });
      csat = null;
    }
    let esc = m.escalations;
    if (esc !== null && esc < 0) {
      rejected.push({ column: 'Escalations', value: esc, message: 'Escalations cannot be negative; this value is not used' });
      esc = null;
    }
    // With only one of the two inputs, that one alone speaks for support (as usage does with one ratio).
    if (esc !== null && csat !== null) {
      dimensions.support = clamp((100 - 10 * esc) * (csat / 5));
      basis.support = '(100 − 10 × Escalations) × CSAT ÷ 5, within 0–100';
    } else if (esc !== null) {
      dimensions.support = clamp(100 - 10 * esc);
      basis.support = '100 − 10 × Escalations, within 0–100; CSAT missing';
    } else if (csat !== null) {
      dimensions.support = clamp(100 * (csat / 5));
      basis.support = '100 × CSAT ÷ 5; Escalations missing';
    }
  }
  return { dimensions, basis, rejected };
}

/** Weighted mean of the dimensions present, weights renormalised over them; null when none is present. */
export function healthScore(d: HealthDimensions, weights: Settings['weights']): number | null {
  let sum = 0;
  let weight = 0;
  for (const dim of Object.keys(d) as Dimension[]) {
    const v = d[dim];
    if (v === null) continue;
    sum += v * weights[dim];
    weight += weights[dim];
  }
  return weight > 0 ? Math.round(sum / weight) : null;
}

export function healthBand(score: number | null): Band | null {
  if (score === null) return null;
  return score >= 75 ? 'Green' : score >= 50 ? 'Yellow' : 'Red';
}

/** Completion-rate band (SPEC §3): ≥ 80 % Green, ≥ 50 % Yellow, else Red. */
export function completionBand(rate: number | null): Band | null {
  if (rate === null) return null;
  return rate >= 0.8 ? 'Green' : rate >= 0.5 ? 'Yellow' : 'Red';
}
