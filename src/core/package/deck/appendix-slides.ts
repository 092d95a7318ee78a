/** The appendix: detailed metrics, methodology (how every number was computed), and the data to confirm. */
import { METRIC_KEYS } from '../../analysis/types';
import type { SlidePlan } from '../types';
import { plainBasis, valueMethod } from '../audience';
import { cell, METRIC_LABELS, metricText, slide, type DeckContext } from './context';

export function sectionSlide(key: string, title: string, subtitle: string): SlidePlan {
  return slide(key, title, [], { talkingPoints: ['Reference material: skip in the meeting unless asked.'], questions: [] }, { layout: 'section', subtitle });
}

export function detailedMetricsSlide(c: DeckContext): SlidePlan {
  const { r, f } = c;
  const quarters = r.history.map((h) => h.quarter);
  const rows = METRIC_KEYS
    .filter((k) => r.history.some((h) => h.metrics[k] !== null))
    .map((k) => [cell(METRIC_LABELS[k], undefined, true), ...r.history.map((h) => cell(h.metrics[k] === null ? '—' : metricText(f, k, h.metrics[k]!, r.history.map((x) => x.metrics[k]))))]);
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
    ...r.value.lines.filter((l) => l.value !== null).map((l) => `${l.category}${l.description ? `, ${l.description.charAt(0).toLowerCase()}${l.description.slice(1)}` : ''}: ${valueMethod(f, l)}${l.source ? `, from ${l.source}` : ''}.`),
    ...(r.value.quarterTotal !== null && r.value.roi !== null
      ? [`Return: ${f.moneyShort(r.value.quarterTotal)} of value this quarter against a quarterly investment of ${f.moneyShort(r.arr / 4)} (a quarter of the ${f.moneyShort(r.arr)} annual contract) is a ${f.roiHeadline(r.value.roi)}; over a year that value is ${f.moneyShort(r.value.quarterTotal * 4)}.`]
      : []),
    'Progress on an objective is how far the current value has moved from the baseline towards the target: 100% means the target is met, 70% or more is on track.',
    `Commitments complete counts the completed actions among ${r.actions.basis === 'last-qbr' ? 'those agreed at the last review' : 'all the actions we have agreed'}, leaving out any that were cancelled.`,
    `Trends compare ${c.quarterName} with the quarter before; a change under 2% is shown as stable.`,
  ];
  return slide('appendix-methodology', 'Methodology', [{ kind: 'bullets', items }], {
    talkingPoints: ['Use this slide when someone asks "where does that number come from?"'],
    questions: [],
  }, { sources: 'the value lines and metrics of this account' });
}
