/** The evidence slides: value delivered (ROI, outcomes), adoption and engagement, health indicators. */
import type { MetricKey } from '../../analysis/types';
import { bandTone } from '../format';
import type { Block, Kpi, SlidePlan } from '../types';
import { plainBasis, valueMethod } from '../audience';
import { cell, metricKpi, orDash, outcomeValue, present, slide, statusTone, type DeckContext } from './context';
import { healthKpi } from './summary-slides';
import { benchmarkSentences } from './benchmark-text';

export function roiSlide(c: DeckContext): SlidePlan {
  const { r, f } = c;
  const v = r.value;
  const missing: string[] = [];
  const kpis: Kpi[] = [];
  if (v.quarterTotal === null) {
    missing.push(`value lines for ${c.quarterName}`);
  } else {
    kpis.push({ label: `Value delivered, ${c.quarterName}`, value: f.moneyShort(v.quarterTotal), detail: `${f.moneyShort(v.annualised!)} annualised`, tone: 'good', source: 'Value tab' });
  }
  kpis.push({ label: 'Quarterly investment', value: f.moneyShort(v.investment!), detail: `a quarter of the ${f.moneyShort(r.arr)} annual contract`, tone: 'neutral', source: 'Accounts, ARR' });
  if (v.roi !== null) kpis.push({ label: 'Return on investment', value: f.multiple(v.roi), detail: f.netRoi(v.roi), tone: v.roi >= 1 ? 'good' : 'warn', source: 'Value ÷ investment' });
  const noSource = v.lines.filter((l) => l.source === null).length;
  if (noSource > 0) missing.push(`a source for ${noSource} value line${noSource > 1 ? 's' : ''}`);
  const table: Block = {
    kind: 'table', title: 'Where the value came from',
    columns: [{ header: 'Category', width: 2.2 }, { header: 'What', width: 4 }, { header: 'Value', align: 'right', width: 1.8 }, { header: 'How it is computed', width: 4.2 }, { header: 'Source', width: 2.4 }],
    rows: v.lines.map((l) => [
      cell(l.category, undefined, true), cell(l.description ?? '—'),
      cell(l.value === null ? '—' : f.money(l.value)),
      cell(valueMethod(f, l)), cell(l.source ?? '—'),
    ]),
    empty: `We will quantify ${c.quarterName}'s value together`,
  };
  const top = [...v.lines].filter((l) => l.value !== null).sort((a, b) => b.value! - a.value!)[0];
  return slide('value-roi', 'Value delivered', [{ kind: 'kpis', items: kpis }, table], {
    talkingPoints: [
      v.quarterTotal !== null && v.roi !== null ? `${f.roiHeadline(v.roi)}: ${f.moneyShort(v.quarterTotal)} against ${f.moneyShort(v.investment!)}.` : 'We have not yet quantified this quarter\'s value together — agree how to measure it today.',
      ...(top ? [`The biggest driver was ${top.category.toLowerCase()}${top.description ? ` (${top.description})` : ''}: ${f.money(top.value!)}.`] : []),
      // The SMB deck has no appendix: the table's method and source columns are the only place to point to.
      r.deck === 'smb' ? 'Each figure shows how it was calculated and where it comes from in the table.' : 'Each figure shows how it was calculated and where it comes from; the appendix has the detail.',
    ],
    questions: ['Do these numbers match what your team would report internally?'],
    coaching: ['Invite challenge on the assumptions.', 'Ask which of these their CFO would recognise, and what would make the case stronger.'],
  }, { missing, sources: `Value tab, ${r.quarter}; investment = ARR ÷ 4` });
}

/** The objectives against their targets, under the priorities they measure (a short table never stands alone). */
export function outcomesTable(c: DeckContext, title?: string): Block {
  const { r, f } = c;
  return {
    kind: 'table', ...(title ? { title } : {}),
    columns: [{ header: 'Objective', width: 4 }, { header: 'Metric', width: 3 }, { header: 'Baseline', align: 'right', width: 1.4 }, { header: 'Target', align: 'right', width: 1.4 }, { header: 'Current', align: 'right', width: 1.4 }, { header: 'Progress', align: 'right', width: 1.4 }, { header: 'Status', width: 1.6 }],
    rows: r.outcomes.map((o) => {
      const num = outcomeValue(f, o);
      return [
        cell(o.objective, undefined, true), cell(o.metric ?? '—'), cell(num(o.baseline)), cell(num(o.target)), cell(num(o.current)),
        cell(orDash(o.progress, f.progress)), cell(o.status, statusTone(o.status), true),
      ];
    }),
    empty: 'We will agree measurable objectives together',
  };
}

function history(c: DeckContext, key: MetricKey): (number | null)[] {
  return c.r.history.map((h) => h.metrics[key]);
}

/** Adoption and engagement with feature/module adoption and the peer benchmark on one slide (SPEC §4.2). */
export function adoptionTrendSlide(c: DeckContext): SlidePlan {
  const { r, f } = c;
  const missing: string[] = [];
  const last = r.history[r.history.length - 1]?.metrics;
  const features: Kpi | null = last && last.featuresUsed !== null && last.featuresAvailable !== null && last.featuresAvailable > 0
    ? { label: 'Feature adoption', value: f.percent(last.featuresUsed / last.featuresAvailable), detail: `${f.number(last.featuresUsed)} of ${f.number(last.featuresAvailable)} features in use`, tone: last.featuresUsed / last.featuresAvailable >= 0.6 ? 'good' : 'warn', source: 'Metrics, Features Used ÷ Available' }
    : null;
  if (!features) missing.push(`Features Used and Features Available for ${c.quarterName}`);
  const kpis = present([metricKpi(c, 'activeUsers', missing), features, metricKpi(c, 'mau', missing)]);
  // Advice follows the data: never "where adoption grew" in a quarter it fell.
  const dir = r.trends.activeUsers.direction;
  const walk = dir === 'down' ? 'Active users fell this quarter: what changed, and the plan to bring adoption back up.'
    : dir === 'up' ? 'Walk the trend: where adoption grew, and what drove it.'
      : 'Walk the trend: where adoption is steady, and where there is room to grow.';
  const categories = r.history.map((h) => h.quarter);
  const seats = r.history.map((h) => h.metrics.licensedSeats ?? r.licensedSeats);
  const released = r.roadmap.filter((i) => i.type === 'Released').map((i) => `Worth adopting: ${i.item}${i.benefit ? ` (${lowerFirst(i.benefit)})` : ''}`);
  const compare = benchmarkSentences(c);
  const blocks: Block[] = [{ kind: 'kpis', items: kpis }, {
    kind: 'chart', title: 'Active users against licensed seats', chart: 'line', categories, format: 'number', axisTitle: 'Users',
    series: [{ name: 'Active users', values: history(c, 'activeUsers') }, { name: 'Licensed seats', values: seats }],
    empty: 'The trend starts with this quarter',
  }];
  const notes = [...compare, ...released].slice(0, 4);
  if (notes.length > 0) blocks.push({ kind: 'bullets', title: compare.length > 0 ? 'How you compare, and what to adopt next' : 'What to adopt next', items: notes });
  return slide('adoption-trend', 'Adoption and engagement', blocks, {
    talkingPoints: [walk, 'Tie usage back to the objectives: who is using it and for what.', 'Show the breadth of use, not only the headcount.'],
    ...(dir === 'down' ? { coaching: ['Be candid about the dip in active users: raise it before they do.'] } : {}),
    questions: ['Which teams are not using it yet, and why?', 'Which workflows still happen outside the product?'],
  }, { missing, sources: `Metrics, last ${categories.length} quarter${categories.length === 1 ? '' : 's'}; Roadmap` });
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

export function healthSlide(c: DeckContext): SlidePlan {
  const { r, f } = c;
  const missing: string[] = [];
  const dims = [['usage', 'Usage'], ['engagement', 'Engagement'], ['support', 'Support'], ['relationship', 'Relationship']] as const;
  const kpis: Kpi[] = present([healthKpi(c, missing)]);
  for (const [key, label] of dims) {
    const v = r.health.dimensions[key];
    if (v === null) missing.push(`${label.toLowerCase()} score`);
    else kpis.push({ label, value: f.number(v), tone: bandTone(v >= 75 ? 'Green' : v >= 50 ? 'Yellow' : 'Red'), source: r.health.basis[key].split(';')[0] });
  }
  return slide('health', 'Health indicators', [{ kind: 'kpis', items: kpis }, {
    kind: 'chart', title: 'Health score by quarter', chart: 'line', categories: r.history.map((h) => h.quarter), format: 'score', axisTitle: 'Score out of 100',
    series: [{ name: 'Health score', values: r.history.map((h) => h.health.score) }],
    empty: 'The health trend starts with this quarter',
  }, {
    kind: 'table', title: 'How each dimension is measured',
    columns: [{ header: 'Dimension', width: 2.6 }, { header: 'Score', align: 'right', width: 1.3 }, { header: 'Weight', align: 'right', width: 1.4 }, { header: 'Measured as', width: 6 }],
    rows: dims.filter(([key]) => r.health.dimensions[key] !== null).map(([key, label]) => [cell(label, undefined, true), cell(f.number(r.health.dimensions[key]!)), cell(f.percent(r.health.weights[key])), cell(plainBasis(key, r))]),
    empty: 'Health will be scored from this quarter',
  }], {
    talkingPoints: [r.health.score !== null ? `Overall health is ${r.health.band} at ${r.health.score}, weighted over the dimensions we can measure.` : 'Agree which signals we track together to score health.', 'The weakest dimension, and what we are doing about it.'],
    questions: ['Does this reflect how your team experiences us?', 'What one thing would most improve the weakest dimension?'],
    coaching: ['Be candid about the weakest dimension.'],
  }, { missing, sources: 'Metrics tab; weights from Settings' });
}
