/** The appendix: detailed metrics, methodology (how every number was computed), and the data to confirm. */
import { METRIC_KEYS } from '../../analysis/types';
import type { SlidePlan } from '../types';
import { plainBasis } from '../audience';
import { cell, METRIC_LABELS, metricText, slide, type DeckContext } from './context';

export function sectionSlide(key: string, title: string, subtitle: string): SlidePlan {
  return slide(key, title, [], { talkingPoints: ['Reference material: skip in the meeting unless asked.'], questions: [] }, { layout: 'section', subtitle });
}

export function detailedMetricsSlide(c: DeckContext): SlidePlan {
  const { r, f } = c;
  const quarters = r.history.map((h) => h.quarter);
  const rows = METRIC_KEYS
    .filter((k) => r.history.some((h) => h.metrics[k] !== null))
    .map((k) => [cell(METRIC_LABELS[k], undefined, true), ...r.history.map((h) => cell(h.metrics[k] === null ? '—' : metricText(f, k, h.metrics[k]!)))]);
  rows.push([cell('Health score', undefined, true), ...r.history.map((h) => cell(h.health.score === null ? '—' : String(h.health.score)))]);
  return slide('appendix-metrics', 'Detailed metrics', [{
    kind: 'table',
    columns: [{ header: 'Metric', width: 3 }, ...quarters.map((q) => ({ header: q, align: 'right' as const, width: 1.6 }))],
    rows: quarters.length > 0 ? rows : [], empty: 'No quarterly Metrics in the tracker',
  }], {
    talkingPoints: ['Every number in the deck traces back to this table and the value lines.'],
    questions: [],
  }, { sources: 'Metrics tab; — means no value in the tracker' });
}

export function methodologySlide(c: DeckContext): SlidePlan {
  const { r, f } = c;
  const w = r.health.weights;
  const items = [
    `Health score: weighted mean of usage ${f.percent(w.usage)}, engagement ${f.percent(w.engagement)}, support ${f.percent(w.support)}, relationship ${f.percent(w.relationship)}, over the dimensions we measure; 75 and above is Green, 50 and above Yellow, else Red.`,
    `Usage: ${plainBasis('usage', r)}.`,
    `Support: ${plainBasis('support', r)}.`,
    'Value: Time Savings = hours × hourly rate; Revenue Impact = attributed revenue × attribution %; Cost Reduction = previous cost − new cost; Risk Avoidance = incidents avoided × cost per incident; Quality Improvement = error cost × reduction %. A Value typed in the tracker is shown as reported.',
    `ROI = quarter value ÷ quarterly investment (ARR ${f.money(r.arr)} ÷ 4 = ${f.money(r.arr / 4)}); annualised value = quarter value × 4.`,
    'Outcome progress = (current − baseline) ÷ (target − baseline): ≥ 100% Achieved, ≥ 70% On Track, else At Risk.',
    `Commitments complete = Complete ÷ (all − Cancelled) over ${r.actions.basis === 'last-qbr' ? 'the actions linked to the last QBR' : 'all of the account\'s actions'}.`,
    `Trends compare ${c.quarterName} with the quarter before; a change under 2% is stable.`,
  ];
  return slide('appendix-methodology', 'Methodology', [{ kind: 'bullets', items }], {
    talkingPoints: ['Use this slide when someone asks "where does that number come from?"'],
    questions: [],
  }, { sources: 'SPEC formulas as applied to this account\'s tracker rows' });
}
