/** Value delivered (SPEC §3): each Value line by its category's formula or as reported, the quarter total and ROI. */
import type { RowOf } from '../tracker/schema';
import { normalizeName } from '../tracker/schema';
import type { ValueLine, ValueSummary } from './types';

type ValueRow = RowOf<'value'>;

export interface LineProblem {
  row: number;
  column: string | null;
  value: string | null;
  message: string;
}

type Formula = (r: ValueRow, hourlyRate: number) => { value: number | null; basis: string; problems: Omit<LineProblem, 'row'>[] };

const CATEGORIES: Record<string, { name: string; formula: Formula }> = {
  timesavings: { name: 'Time Savings', formula: (r, hourlyRate) => {
    const rate = r.rate ?? hourlyRate;
    const rateBasis = r.rate === null ? ' (Settings Hourly Rate)' : '';
    return product(r.quantity, rate, 'Quantity (hours)', `hours × ${num(rate)}/h hourly rate${rateBasis}`);
  } },
  revenueimpact: { name: 'Revenue Impact', formula: (r) => percentProduct(r, 'Quantity (attributed revenue)', 'attribution') },
  costreduction: { name: 'Cost Reduction', formula: (r) => {
    const problems = missing([[r.baseline, 'Baseline'], [r.current, 'Current']]);
    if (problems.length > 0) return { value: null, basis: 'Baseline − Current', problems };
    return { value: r.baseline! - r.current!, basis: `previous cost ${num(r.baseline!)} − new cost ${num(r.current!)}`, problems };
  } },
  riskavoidance: { name: 'Risk Avoidance', formula: (r) => product(r.quantity, r.rate, 'Quantity (incidents avoided)', `incidents avoided × ${r.rate === null ? '?' : num(r.rate)} cost per incident`) },
  qualityimprovement: { name: 'Quality Improvement', formula: (r) => percentProduct(r, 'Quantity (error cost)', 'reduction') },
};

function product(quantity: number | null, rate: number | null, quantityName: string, basis: string): ReturnType<Formula> {
  const problems = missing([[quantity, quantityName], [rate, 'Rate']]);
  if (problems.length > 0) return { value: null, basis: `${quantityName} × Rate`, problems };
  return { value: quantity! * rate!, basis: `${num(quantity!)} ${basis}`, problems };
}

/** A rate that is a share: 30 % may be typed as 30, which means 0.30 here (and is named so it can be confirmed). */
function percentProduct(r: ValueRow, quantityName: string, what: string): ReturnType<Formula> {
  const problems = missing([[r.quantity, quantityName], [r.rate, 'Rate']]);
  if (problems.length > 0) return { value: null, basis: `${quantityName} × Rate`, problems };
  let rate = r.rate!;
  if (Math.abs(rate) > 1) {
    problems.push({ column: 'Rate', value: String(rate), message: `Rate ${num(rate)} read as ${num(rate)}% ${what}` });
    rate = rate / 100;
  }
  return { value: r.quantity! * rate, basis: `${num(r.quantity!)} × ${pct(rate)} ${what}`, problems };
}

function missing(inputs: [number | null, string][]): Omit<LineProblem, 'row'>[] {
  return inputs.filter(([v]) => v === null).map(([, name]) => ({
    column: name.replace(/ \(.*\)$/, ''), value: null, message: `${name} is missing, so this value line cannot be computed`,
  }));
}

export function valueLine(r: ValueRow, hourlyRate: number): { line: ValueLine; problems: LineProblem[] } {
  const category = CATEGORIES[normalizeName(r.category).replace(/[^a-z]/g, '')];
  const problems: LineProblem[] = [];
  let value: number | null;
  let basis: string;
  let asReported = false;
  if (r.value !== null) {
    value = r.value;
    asReported = true;
    basis = 'as reported (the Value cell)';
  } else if (category) {
    const computed = category.formula(r, hourlyRate);
    value = computed.value;
    basis = computed.basis;
    problems.push(...computed.problems.map((p) => ({ ...p, row: r.row })));
  } else {
    value = null;
    basis = 'unknown category';
    problems.push({ row: r.row, column: 'Category', value: r.category, message: `unknown value category "${r.category}" (Time Savings, Revenue Impact, Cost Reduction, Risk Avoidance or Quality Improvement) and no Value given` });
  }
  if (r.source === null) {
    problems.push({ row: r.row, column: 'Source', value: null, message: 'no Source: every value claim has a number, a baseline and a source' });
  }
  return {
    line: {
      category: category?.name ?? r.category, description: r.description, value, asReported, source: r.source, basis, row: r.row,
      inputs: { quantity: r.quantity, rate: category?.name === 'Time Savings' ? r.rate ?? hourlyRate : shareRate(category?.name, r.rate), baseline: r.baseline, current: r.current },
    },
    problems,
  };
}

export function valueSummary(lines: ValueLine[], arr: number): ValueSummary {
  const known = lines.filter((l) => l.value !== null);
  const quarterTotal = known.length > 0 ? known.reduce((s, l) => s + (l.value as number), 0) : null;
  const investment = arr / 4;
  const roi = quarterTotal !== null && investment > 0 ? quarterTotal / investment : null;
  return { quarterTotal, investment, roi, annualised: quarterTotal === null ? null : quarterTotal * 4, lines };
}

/** Plain number text for explanations; the package formats money for humans in the account's locale. */
const PLAIN = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
function num(v: number): string {
  // One shared formatter: toLocaleString builds a new one per call, which dominated big books.
  return PLAIN.format(v);
}

/** Revenue and quality rates are shares: 30 typed for 30 % is 0.30, as `percentProduct` reads it. */
function shareRate(category: string | undefined, rate: number | null): number | null {
  if (rate === null || (category !== 'Revenue Impact' && category !== 'Quality Improvement')) return rate;
  return Math.abs(rate) > 1 ? rate / 100 : rate;
}

function pct(v: number): string {
  return `${Math.round(v * 1000) / 10}%`;
}
