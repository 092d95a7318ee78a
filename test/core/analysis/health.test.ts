import { completionBand, healthBand, healthDimensions, healthScore } from '../../../src/core/analysis/health';
import { DEFAULT_SETTINGS } from '../../../src/core/tracker/settings';
import { rowOf } from './rows';

const metrics = (v: Parameters<typeof rowOf<'metrics'>>[1]) => rowOf('metrics', { accountId: 'A', quarter: { year: 2026, q: 4 }, ...v });
const W = DEFAULT_SETTINGS.weights;

describe('health dimensions', () => {
  it('derives usage from seat and feature adoption', () => {
    // 0.6 × (100 × 340/400 = 85) + 0.4 × (100 × 12/20 = 60) = 51 + 24 = 75
    const d = healthDimensions(metrics({ activeUsers: 340, licensedSeats: 400, featuresUsed: 12, featuresAvailable: 20 }), null);
    expect(d.dimensions.usage).toBeCloseTo(75, 10);
  });
  it('caps seat adoption at 100 and falls back to the account seats', () => {
    // 100 × 500/400 capped at 100; features 0.4 × 50 → 60 + 20 = 80
    const d = healthDimensions(metrics({ activeUsers: 500, featuresUsed: 5, featuresAvailable: 10 }), 400);
    expect(d.dimensions.usage).toBeCloseTo(80, 10);
  });
  it('uses the one ratio present alone', () => {
    expect(healthDimensions(metrics({ activeUsers: 30, licensedSeats: 40 }), null).dimensions.usage).toBeCloseTo(75, 10);
    expect(healthDimensions(metrics({ featuresUsed: 3, featuresAvailable: 12 }), null).dimensions.usage).toBeCloseTo(25, 10);
    expect(healthDimensions(metrics({ activeUsers: 30 }), null).dimensions.usage).toBeNull();
  });
  it('derives support from escalations and CSAT, clamped', () => {
    // (100 − 10 × 2) × 4.5 / 5 = 80 × 0.9 = 72
    expect(healthDimensions(metrics({ escalations: 2, csat: 4.5 }), null).dimensions.support).toBeCloseTo(72, 10);
    expect(healthDimensions(metrics({ escalations: 12, csat: 5 }), null).dimensions.support).toBe(0);
    expect(healthDimensions(metrics({ escalations: 3 }), null).dimensions.support).toBeCloseTo(70, 10);
    expect(healthDimensions(metrics({ csat: 4 }), null).dimensions.support).toBeCloseTo(80, 10);
  });
  it('prefers the score columns and rejects out-of-range ones', () => {
    const d = healthDimensions(metrics({ usageScore: 64, activeUsers: 1, licensedSeats: 100, supportScore: 140, escalations: 1 }), null);
    expect(d.dimensions.usage).toBe(64);
    expect(d.dimensions.support).toBeCloseTo(90, 10); // 140 rejected → derived 100 − 10
    expect(d.rejected.map((r) => r.column)).toEqual(['Support Score']);
  });
  it('leaves engagement and relationship missing without their columns', () => {
    const d = healthDimensions(metrics({ activeUsers: 10, licensedSeats: 10 }), null);
    expect(d.dimensions.engagement).toBeNull();
    expect(d.dimensions.relationship).toBeNull();
  });
});

describe('health score', () => {
  it('weights all four dimensions', () => {
    // 75×.35 + 85×.25 + 96×.2 + 90×.2 = 26.25 + 21.25 + 19.2 + 18 = 84.7 → 85
    expect(healthScore({ usage: 75, engagement: 85, support: 96, relationship: 90 }, W)).toBe(85);
  });
  it('renormalises over the dimensions present', () => {
    // (60×.35 + 40×.2) / .55 = (21 + 8) / .55 = 52.73 → 53
    expect(healthScore({ usage: 60, engagement: null, support: 40, relationship: null }, W)).toBe(53);
    expect(healthScore({ usage: null, engagement: null, support: null, relationship: null }, W)).toBeNull();
  });
  it('bands at 75 and 50', () => {
    expect([healthBand(75), healthBand(74), healthBand(50), healthBand(49), healthBand(null)]).toEqual(['Green', 'Yellow', 'Yellow', 'Red', null]);
    expect([completionBand(0.8), completionBand(0.79), completionBand(0.5), completionBand(0.49)]).toEqual(['Green', 'Yellow', 'Yellow', 'Red']);
  });
});
