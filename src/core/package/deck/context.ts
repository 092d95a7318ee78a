/** What every slide builder shares: the review, the formatter, the QBR date, and small helpers for honest numbers. */
import { addMonths, type IsoDate } from '../../dates';
import type { AccountReview, Direction, MetricKey } from '../../analysis/types';
import { formatter, trendTone, type Formatter } from '../format';
import type { Block, Kpi, SlidePlan, SpeakerNotes, TableCell, Tone } from '../types';
import { peopleChanges, type PersonChange } from '../audience';

export interface DeckContext {
  r: AccountReview;
  f: Formatter;
  qbrDate: IsoDate;
  today: IsoDate;
  /** `Q4 2026`. */
  quarterName: string;
  /** The team's default QBR length (Settings), or null for the variant's own agenda. */
  reviewMinutes: number | null;
  /** Customer people marked leaving or away: advice never addresses them as sponsor or champion. */
  changes: PersonChange[];
}

export function deckContext(r: AccountReview, qbrDate: IsoDate, today: IsoDate, reviewMinutes: number | null = null): DeckContext {
  return { r, f: formatter(r.locale, r.currency), qbrDate, today, quarterName: quarterName(r.quarter), reviewMinutes, changes: peopleChanges(r) };
}

/** `2026-Q4` → `Q4 2026`, the way people say it. */
export function quarterName(label: string | null): string {
  if (label === null) return 'this quarter';
  const m = /^(\d{4})-Q([1-4])$/.exec(label);
  return m ? `Q${m[2]} ${m[1]}` : label;
}

export function slide(
  key: string, title: string, blocks: Block[], notes: SpeakerNotes,
  opts: { subtitle?: string; layout?: SlidePlan['layout']; missing?: string[]; sources?: string } = {},
): SlidePlan {
  return {
    key, title, layout: opts.layout ?? 'content', blocks, notes,
    dataToConfirm: [...new Set(opts.missing ?? [])],
    ...(opts.subtitle ? { subtitle: opts.subtitle } : {}),
    ...(opts.sources ? { sources: opts.sources } : {}),
  };
}

/** Metrics where a rise is bad news. */
const LOWER_IS_BETTER: ReadonlySet<MetricKey> = new Set(['tickets', 'firstResponseHours', 'resolutionHours', 'escalations']);

export const METRIC_LABELS: Record<MetricKey, string> = {
  activeUsers: 'Active users', licensedSeats: 'Licensed seats', featuresUsed: 'Features used', featuresAvailable: 'Features available',
  dau: 'Daily active users', mau: 'Monthly active users', apiCallsPerDay: 'API calls / day', uptime: 'Uptime',
  tickets: 'Support tickets', firstResponseHours: 'First response (h)', resolutionHours: 'Resolution (h)', escalations: 'Escalations',
  csat: 'CSAT', nps: 'NPS',
};

/** A metric's value; `row` (the same metric over quarters) gives a whole row one rounding. */
export function metricText(f: Formatter, key: MetricKey, v: number, row: (number | null)[] = [v]): string {
  switch (key) {
    case 'uptime': return f.percent(v, 2);
    case 'csat': return `${f.number(v, 1)} / 5`;
    case 'nps': return `${v > 0 ? '+' : ''}${f.number(v)}`;
    case 'firstResponseHours':
    case 'resolutionHours': return `${f.number(v, 1)} h`;
    case 'apiCallsPerDay': return f.series(row)(v);
    default: return f.number(v);
  }
}

/** Score metrics whose change is a difference in points, never a percentage (SPEC §4.2). */
const SCORE_METRICS: ReadonlySet<MetricKey> = new Set(['nps', 'csat']);

/** This quarter against the last, in the metric's own kind: `▲ +28%` for counts, `▼ −13 pts` for NPS and CSAT. */
export function metricChange(f: Formatter, key: MetricKey, t: { current: number | null; previous: number | null; change: number | null; direction: Direction | null }): string {
  if (SCORE_METRICS.has(key)) return t.current === null || t.previous === null ? '' : f.pointsChange(t.current - t.previous, key === 'csat' ? 1 : 0);
  return f.change(t.change, t.direction);
}

/** An objective's baseline, target or current value: a row of fractions (0.4 → 0.9) is a share and reads `40%` everywhere. */
export function outcomeValue(f: Formatter, o: { baseline: number | null; target: number | null; current: number | null }): (v: number | null) => string {
  const all = [o.baseline, o.target, o.current];
  const share = all.every((v) => v !== null && v >= 0 && v <= 1) && all.some((v) => !Number.isInteger(v));
  return (v) => orDash(v, (x) => (share ? f.percent(x) : f.number(x, 2)));
}

/** A KPI card for a metric with its trend; none when the metric has no data (the gap goes to the prep brief). */
export function metricKpi(c: DeckContext, key: MetricKey, missing: string[], label = METRIC_LABELS[key]): Kpi | null {
  const t = c.r.trends[key];
  if (t.current === null) {
    missing.push(`${label} for ${c.quarterName}`);
    return null;
  }
  const detail = t.direction === null ? 'no previous quarter to compare' : `${metricChange(c.f, key, t)} vs last quarter`;
  return { label, value: metricText(c.f, key, t.current), detail, tone: trendTone(t.direction, !LOWER_IS_BETTER.has(key)), source: `Metrics ${c.r.quarter}, ${label}` };
}

/** KPI rows leave out the cards that have nothing to show (SPEC §4.0: no "No data" in front of the customer). */
export function present(kpis: (Kpi | null)[]): Kpi[] {
  return kpis.filter((k): k is Kpi => k !== null);
}

export function cell(text: string, tone?: Tone, bold?: boolean): TableCell {
  return { text, ...(tone ? { tone } : {}), ...(bold ? { bold } : {}) };
}

/** A value, or an em dash that the slide's "data to confirm" line explains. */
export function orDash<T>(v: T | null, show: (v: T) => string): string {
  return v === null ? '—' : show(v);
}

/**
 * An action's status as of the meeting, in the customer's words, one wording on every file: a commitment whose date
 * passed before the meeting is "Carried over (was due …)", never shown with its old date as if still ahead.
 */
export function actionStatus(f: Formatter, a: { status: string; dueDate: IsoDate | null }): string {
  return a.status === 'Overdue' ? `Carried over${a.dueDate ? ` (was due ${f.date(a.dueDate)})` : ''}` : a.status;
}

/** The due date as of the meeting: a carried-over commitment needs a new one. */
export function actionDue(f: Formatter, a: { status: string; dueDate: IsoDate | null }, none: string): string {
  return a.status === 'Overdue' ? 'New date to agree' : a.dueDate ? f.date(a.dueDate) : none;
}

export function statusTone(status: string): Tone {
  switch (status) {
    case 'Achieved': case 'Complete': case 'Released': return 'good';
    case 'On Track': case 'In Progress': case 'Upcoming': return 'neutral';
    case 'At Risk': case 'Blocked': case 'Medium': case 'High': return 'warn';
    case 'Overdue': case 'Critical': return 'bad';
    default: return 'neutral';
  }
}


/** After this QBR, the next one is due a cadence later (the tracker's due date describes the QBR being prepared). */
export function nextReviewAfter(c: DeckContext): IsoDate {
  return addMonths(c.qbrDate, c.r.cadenceMonths);
}
