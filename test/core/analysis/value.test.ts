import { valueLine, valueSummary } from '../../../src/core/analysis/value';
import { rowOf } from './rows';

const line = (v: Parameters<typeof rowOf<'value'>>[1]) =>
  valueLine(rowOf('value', { accountId: 'A', quarter: { year: 2026, q: 4 }, category: 'Time Savings', source: 'Survey', ...v }), 75);

describe('value lines', () => {
  it('Time Savings = hours × rate, the Settings rate when none is given', () => {
    expect(line({ quantity: 4200 }).line.value).toBe(315_000);
    expect(line({ quantity: 100, rate: 90 }).line.value).toBe(9_000);
    expect(line({ quantity: 4200 }).line.basis).toContain('Settings Hourly Rate');
  });
  it('Revenue Impact = revenue × attribution, a share typed as 30 read as 30 %', () => {
    expect(line({ category: 'Revenue Impact', quantity: 500_000, rate: 0.3 }).line.value).toBeCloseTo(150_000, 6);
    const typed = line({ category: 'revenue impact', quantity: 500_000, rate: 30 });
    expect(typed.line.value).toBeCloseTo(150_000, 6);
    expect(typed.problems.map((p) => p.column)).toEqual(['Rate']);
  });
  it('Cost Reduction = Baseline − Current', () => {
    expect(line({ category: 'Cost Reduction', baseline: 21_250, current: 0 }).line.value).toBe(21_250);
    expect(line({ category: 'Cost-Reduction', baseline: 10_000, current: 2_500 }).line.value).toBe(7_500);
  });
  it('Risk Avoidance and Quality Improvement multiply quantity and rate', () => {
    expect(line({ category: 'Risk Avoidance', quantity: 3, rate: 40_000 }).line.value).toBe(120_000);
    expect(line({ category: 'Quality Improvement', quantity: 80_000, rate: 0.25 }).line.value).toBe(20_000);
  });
  it('a filled Value overrides the formula and is marked as reported', () => {
    const r = line({ quantity: 4200, value: 1_000 });
    expect(r.line).toMatchObject({ value: 1_000, asReported: true });
  });
  it('missing inputs give null and a finding, never 0', () => {
    const r = line({ category: 'Cost Reduction', baseline: 5_000 });
    expect(r.line.value).toBeNull();
    expect(r.problems[0]).toMatchObject({ column: 'Current' });
    const unknown = line({ category: 'Synergy', quantity: 4 });
    expect(unknown.line.value).toBeNull();
    expect(unknown.problems[0]).toMatchObject({ column: 'Category' });
  });
  it('a line without a Source is a finding', () => {
    expect(line({ quantity: 1, source: null }).problems.map((p) => p.column)).toEqual(['Source']);
  });
});

describe('value summary', () => {
  it('totals, invests ARR / 4 and gives ROI as a multiple', () => {
    const lines = [line({ quantity: 4200 }).line, line({ category: 'Cost Reduction', baseline: 21_250, current: 0 }).line];
    // 315,000 + 21,250 = 336,250 over 220,000 / 4 = 55,000 → 6.1136…
    const s = valueSummary(lines, 220_000);
    expect(s.quarterTotal).toBe(336_250);
    expect(s.investment).toBe(55_000);
    expect(s.roi).toBeCloseTo(6.113636, 5);
    expect(s.annualised).toBe(1_345_000);
  });
  it('no computable line means no total and no ROI', () => {
    const s = valueSummary([line({ category: 'Cost Reduction' }).line], 100_000);
    expect(s).toMatchObject({ quarterTotal: null, roi: null, annualised: null, investment: 25_000 });
  });
});
