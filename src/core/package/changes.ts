/** The change report (SPEC §4.4): which key figures moved since the last generation, alerts first, then biggest moves first. */
import type { AccountReview, Band } from '../analysis/types';
import type { IsoDate } from '../dates';
import { formatter, type Formatter } from './format';

/** The figures a package is built on, kept with the package (offline manifest, Google run state) for the next run to compare. */
export interface KeyFigures {
  qbrDate: IsoDate;
  healthScore: number | null;
  healthBand: Band | null;
  usage: number | null;
  engagement: number | null;
  support: number | null;
  relationship: number | null;
  valueQuarter: number | null;
  roi: number | null;
  arr: number;
  arrAtRisk: number | null;
  openRisks: number;
  /** Titles of the open risks escalated as Critical. */
  criticalRisks: string[];
  actionCompletion: number | null;
  pipeline: number | null;
}

const NUMBER_OR_NULL: (keyof KeyFigures)[] = ['healthScore', 'usage', 'engagement', 'support', 'relationship', 'valueQuarter', 'roi', 'arrAtRisk', 'actionCompletion', 'pipeline'];

/**
 * Key figures read back from where a previous run kept them (an offline manifest, a QBR Log cell): anything of
 * another shape — typed over, broken, written by an older version — is no baseline, so no report rather than a
 * wrong one or a crash.
 */
export function keyFiguresFrom(value: unknown): KeyFigures | null {
  if (value === null || typeof value !== 'object') return null;
  const f = value as Record<string, unknown>;
  const ok = typeof f.qbrDate === 'string' && typeof f.arr === 'number' && typeof f.openRisks === 'number'
    && (f.healthBand === null || typeof f.healthBand === 'string')
    && Array.isArray(f.criticalRisks) && f.criticalRisks.every((t) => typeof t === 'string')
    && NUMBER_OR_NULL.every((k) => f[k] === null || (typeof f[k] === 'number' && Number.isFinite(f[k])));
  return ok ? (f as unknown as KeyFigures) : null;
}

export interface FigureChange {
  metric: string;
  from: string;
  to: string;
  /** Why this move is called out first (band change, ROI ±10 %, a new critical risk); null for an ordinary move. */
  alert: string | null;
  /** Relative size of the move (|new − old| / |old|; 1 when a figure appears, disappears or leaves zero): the sort key. */
  size: number;
}

/** A relative ROI move at or beyond this is called out (6.1x → 5.4x is −11 %). */
export const ROI_ALERT = 0.1;

/** The figures of a review as of its meeting date (the one the package describes). */
export function keyFigures(r: AccountReview, qbrDate: IsoDate): KeyFigures {
  const open = r.risks.filter((k) => k.open);
  const atRisk = open.some((k) => k.arrAtRisk !== null) ? open.reduce((s, k) => s + (k.arrAtRisk ?? 0), 0) : null;
  return {
    qbrDate,
    healthScore: r.health.score,
    healthBand: r.health.band,
    usage: r.health.dimensions.usage,
    engagement: r.health.dimensions.engagement,
    support: r.health.dimensions.support,
    relationship: r.health.dimensions.relationship,
    valueQuarter: r.value.quarterTotal,
    roi: r.value.roi,
    arr: r.arr,
    arrAtRisk: atRisk,
    openRisks: open.length,
    criticalRisks: open.filter((k) => k.escalation === 'Critical').map((k) => k.risk),
    actionCompletion: r.actions.completionRate,
    pipeline: r.opportunities.total,
  };
}

const relative = (a: number | null, b: number | null): number => {
  if (a === null || b === null) return 1;
  if (a === 0) return b === 0 ? 0 : 1;
  return Math.abs(b - a) / Math.abs(a);
};

/**
 * What moved from `before` to `after`, formatted for the account: alerts first, then by relative size, then by metric name.
 * Figures that did not move (to the precision shown) are left out; an empty list means nothing moved.
 */
export function changeReport(before: KeyFigures, after: KeyFigures, f: Formatter): FigureChange[] {
  const out: FigureChange[] = [];
  const dash = '—';
  const num = (metric: string, a: number | null, b: number | null, show: (v: number) => string, alert?: (a: number, b: number) => string | null) => {
    const from = a === null ? dash : show(a);
    const to = b === null ? dash : show(b);
    if (from === to) return;
    out.push({ metric, from, to, alert: a !== null && b !== null && alert ? alert(a, b) : null, size: relative(a, b) });
  };
  const score = (v: number) => f.number(v, 0);
  const dim = (v: number) => f.number(v, 1);
  num('Health score', before.healthScore, after.healthScore, score);
  if ((before.healthBand ?? null) !== (after.healthBand ?? null)) {
    out.push({ metric: 'Health band', from: before.healthBand ?? dash, to: after.healthBand ?? dash, alert: `health band ${before.healthBand ?? 'unknown'} → ${after.healthBand ?? 'unknown'}`, size: 1 });
  }
  num('Usage', before.usage, after.usage, dim);
  num('Engagement', before.engagement, after.engagement, dim);
  num('Support', before.support, after.support, dim);
  num('Relationship', before.relationship, after.relationship, dim);
  num('Value this quarter', before.valueQuarter, after.valueQuarter, (v) => f.money(v));
  num('ROI', before.roi, after.roi, (v) => f.multiple(v), (a, b) => (relative(a, b) >= ROI_ALERT - 1e-9 ? `ROI ${b > a ? 'up' : 'down'} ${f.percent(relative(a, b), 0)}` : null));
  num('ARR', before.arr, after.arr, (v) => f.money(v));
  num('ARR at risk', before.arrAtRisk, after.arrAtRisk, (v) => f.money(v));
  num('Open risks', before.openRisks, after.openRisks, score);
  num('Action completion', before.actionCompletion, after.actionCompletion, (v) => f.percent(v, 0));
  num('Pipeline', before.pipeline, after.pipeline, (v) => f.money(v));
  for (const risk of after.criticalRisks.filter((k) => !before.criticalRisks.includes(k))) {
    out.push({ metric: 'Critical risk', from: dash, to: risk, alert: `new critical risk "${risk}"`, size: 1 });
  }
  for (const risk of before.criticalRisks.filter((k) => !after.criticalRisks.includes(k))) {
    out.push({ metric: 'Critical risk', from: risk, to: 'closed or de-escalated', alert: null, size: 1 });
  }
  return out.sort((a, b) => Number(b.alert !== null) - Number(a.alert !== null) || b.size - a.size || a.metric.localeCompare(b.metric));
}

/** One line per move, alerts marked: `⚠ ROI: 6.1x → 5.4x (ROI down 11%)`. */
export function changeLines(changes: readonly FigureChange[]): string[] {
  return changes.map((c) => `${c.alert ? '⚠ ' : ''}${c.metric}: ${c.from} → ${c.to}${c.alert ? ` (${c.alert})` : ''}`);
}

/** The change report for a review, in its own locale and currency. */
export function changesFor(r: AccountReview, before: KeyFigures, after: KeyFigures): FigureChange[] {
  return changeReport(before, after, formatter(r.locale, r.currency));
}
