import { changeLines, changeReport, type KeyFigures } from '../../../src/core/package/changes';
import { formatter } from '../../../src/core/package/format';

const f = formatter('en-US', 'USD');
const base: KeyFigures = {
  qbrDate: '2026-12-10', healthScore: 85, healthBand: 'Green', usage: 90, engagement: 80, support: 70, relationship: 88,
  valueQuarter: 336250, roi: 6.1136, arr: 220000, arrAtRisk: 100000, openRisks: 2, criticalRisks: [], actionCompletion: 0.75, pipeline: 150000,
};

describe('changeReport', () => {
  it('is empty when nothing moved to the precision shown', () => {
    // 85.4 and 70.04 show as 85 and 70.0: not a move a reader could see.
    expect(changeReport(base, { ...base, healthScore: 85.4, support: 70.04 }, f)).toEqual([]);
  });

  it('calls out the band change, the ROI move of 10 % or more and a new critical risk before bigger ordinary moves', () => {
    const after: KeyFigures = {
      ...base, healthScore: 68, healthBand: 'Yellow', roi: 5.5, pipeline: 50000, criticalRisks: ['SSO gap blocks EU rollout'],
    };
    const report = changeReport(base, after, f);
    // Alerts (size 1, 1, |5.5 − 6.1136| / 6.1136 = 10.04 %), then by size: pipeline 100,000 / 150,000 = 66.7 %, health score 17 / 85 = 20 %.
    expect(report.map((c) => c.metric)).toEqual(['Critical risk', 'Health band', 'ROI', 'Pipeline', 'Health score']);
    expect(report[2]).toMatchObject({ from: '6.1x', to: '5.5x', alert: 'ROI down 10%' });
    expect(report[3]!.size).toBeCloseTo(100000 / 150000, 6);
    expect(report[4]!.size).toBeCloseTo(17 / 85, 6);
    expect(changeLines(report)).toEqual([
      '⚠ Critical risk: — → SSO gap blocks EU rollout (new critical risk "SSO gap blocks EU rollout")',
      '⚠ Health band: Green → Yellow (health band Green → Yellow)',
      '⚠ ROI: 6.1x → 5.5x (ROI down 10%)',
      'Pipeline: $150,000 → $50,000',
      'Health score: 85 → 68',
    ]);
  });

  it('does not call out an ROI move under 10 %, and names figures that appear or disappear', () => {
    // 6.1136 → 5.6: −8.4 %, shown but not called out; value disappears (size 1) and ranks above it.
    const report = changeReport(base, { ...base, roi: 5.6, valueQuarter: null }, f);
    expect(report).toEqual([
      { metric: 'Value this quarter', from: '$336,250', to: '—', alert: null, size: 1 },
      { metric: 'ROI', from: '6.1x', to: '5.6x', alert: null, size: expect.closeTo(0.5136 / 6.1136, 6) },
    ]);
  });

  it('reports a critical risk that is no longer critical without calling it out', () => {
    const report = changeReport({ ...base, criticalRisks: ['Budget freeze'] }, base, f);
    expect(report).toEqual([{ metric: 'Critical risk', from: 'Budget freeze', to: 'closed or de-escalated', alert: null, size: 1 }]);
  });
});
