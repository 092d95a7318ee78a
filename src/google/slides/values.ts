/** What each token means for a slide plan: scalar values, table rows, chart fallbacks, speaker notes and deck-wide tokens. */
import type { Block, DeckPlan, SlidePlan, TableCell } from '../../core/package/types';
import { sanitize } from './tokens';

type BlockOf<K extends Block['kind']> = Extract<Block, { kind: K }>;

/**
 * `value`: the slide has it. `absent`: a well-formed reference to something this slide does not have (a fourth KPI on a
 * three-KPI slide): it becomes '' and, when a whole shape is made of such tokens, the shape is removed. `unknown`: not
 * part of the language at all: replaced by '' and reported.
 */
export type Resolved = { kind: 'value' | 'absent'; text: string } | { kind: 'unknown' };

const absent: Resolved = { kind: 'absent', text: '' };
const value = (text: string): Resolved => ({ kind: 'value', text: sanitize(text) });

export function blocksOf<K extends Block['kind']>(slide: SlidePlan, kind: K): BlockOf<K>[] {
  return slide.blocks.filter((b): b is BlockOf<K> => b.kind === kind);
}

/** Tokens every slide shares. `qbr_date` comes from the title slide's subtitle; callers with the package pass their own. */
export function deckTokens(deck: DeckPlan): Record<string, string> {
  const parts = deck.subtitle.split(' · ');
  const title = deck.slides.find((s) => s.key === 'title');
  const reviewType = deck.title.startsWith(`${deck.accountName} `) ? deck.title.slice(deck.accountName.length + 1) : (parts[1] ?? deck.title);
  return {
    account: deck.accountName,
    review_type: reviewType,
    quarter: parts.length >= 3 ? parts[parts.length - 1]! : '',
    qbr_date: title?.subtitle?.split(' · ')[0] ?? '',
    deck_title: deck.title,
    deck_subtitle: deck.subtitle,
    variant: deck.variant,
  };
}

const NUMBERED = /^(kpi|bullets|text|table|chart)\.(\d+)(?:\.(.+))?$/;

/** A slide-scoped token for this slide plan, or null when the name is not slide grammar (deck and caller tokens). */
export function slideToken(slide: SlidePlan, name: string): Resolved | null {
  switch (name) {
    case 'title': return value(slide.title);
    case 'subtitle': return value(slide.subtitle ?? '');
    case 'sources': return value(slide.sources ? `Source: ${slide.sources}` : '');
    case 'confirm': return value(slide.dataToConfirm.length > 0 ? `To confirm: ${slide.dataToConfirm.join('; ')}` : '');
  }
  // Tags and row-template markers mean nothing as text: wherever they sit they become ''.
  if (/^(slide|variants|rows):/.test(name)) return { kind: 'value', text: '' };
  const m = NUMBERED.exec(name);
  if (!m) return null;
  const [, kind, nText, rest] = m;
  const n = Number(nText);
  if (n < 1) return { kind: 'unknown' };
  switch (kind) {
    case 'kpi': {
      const kpi = blocksOf(slide, 'kpis').flatMap((b) => b.items)[n - 1];
      if (rest !== 'label' && rest !== 'value' && rest !== 'detail' && rest !== 'source') return { kind: 'unknown' };
      return kpi ? value(kpi[rest] ?? '') : absent;
    }
    case 'bullets': {
      const b = blocksOf(slide, 'bullets')[n - 1];
      if (rest !== undefined && rest !== 'title') return { kind: 'unknown' };
      return b ? value(rest === 'title' ? b.title ?? '' : b.items.join('\n')) : absent;
    }
    case 'text': {
      const t = blocksOf(slide, 'text')[n - 1];
      return rest !== undefined ? { kind: 'unknown' } : t ? value(t.text) : absent;
    }
    case 'table': {
      const t = blocksOf(slide, 'table')[n - 1];
      if (rest === 'title') return t ? value(t.title ?? '') : absent;
      const col = /^col\.(\d+)$/.exec(rest ?? '');
      if (col) return t ? value(t.columns[Number(col[1]) - 1]?.header ?? '') : absent;
      // A bare `{{table.N}}` binds a row template; the table writer consumes it, anywhere else it is an empty marker.
      return rest === undefined ? (t ? { kind: 'value', text: '' } : absent) : { kind: 'unknown' };
    }
    case 'chart': {
      const c = blocksOf(slide, 'chart')[n - 1];
      if (rest === 'title') return c ? value(c.title) : absent;
      return rest === undefined ? (c ? value(chartFallback(c)) : absent) : { kind: 'unknown' };
    }
  }
  return { kind: 'unknown' };
}

export function hasChartData(c: BlockOf<'chart'>): boolean {
  return c.categories.length > 0 && c.series.some((s) => s.values.some((v) => v !== null));
}

function show(v: number | null, format: BlockOf<'chart'>['format']): string {
  if (v === null) return '—';
  if (format === 'percent') return `${Math.round(v * 100)}%`;
  return Number.isInteger(v) ? String(v) : v.toFixed(1);
}

/**
 * What a chart placeholder says when no linked chart replaces it: the block's `empty` sentence when there is nothing to
 * plot, else the numbers themselves, so the slide still carries the data (SPEC §4: missing data is named, not hidden).
 */
export function chartFallback(c: BlockOf<'chart'>): string {
  if (!hasChartData(c)) return c.empty;
  const lines = c.series.map((s) => `${s.name}: ${c.categories.map((q, i) => `${q} ${show(s.values[i] ?? null, c.format)}`).join(' · ')}`);
  return [`${c.title} (chart not linked)`, ...lines].join('\n');
}

/** Default cap on data rows a row template shows; `{{rows:M}}` in the template row changes it. */
export const MAX_ROWS = 12;

/** The rows a table shows: at most `cap`, then one row that says how many more the tracker holds. */
export function tableRows(t: BlockOf<'table'>, cap = MAX_ROWS): { cells: TableCell[][]; more: number } {
  const more = Math.max(0, t.rows.length - cap);
  return { cells: t.rows.slice(0, cap), more };
}

export function moreRowsText(more: number): string {
  return `+${more} more row${more === 1 ? '' : 's'} in the tracker`;
}

/** Speaker notes replace the template's notes entirely: talking points, the questions to ask, and what to confirm. */
export function notesText(slide: SlidePlan): string {
  const list = (items: string[]) => items.map((i) => `• ${i}`).join('\n');
  const parts: string[] = [];
  if (slide.notes.talkingPoints.length > 0) parts.push(list(slide.notes.talkingPoints));
  if (slide.notes.questions.length > 0) parts.push(`Questions to ask:\n${list(slide.notes.questions)}`);
  if (slide.dataToConfirm.length > 0) parts.push(`Data to confirm:\n${list(slide.dataToConfirm)}`);
  if (slide.sources) parts.push(`Sources: ${slide.sources}`);
  return sanitize(parts.join('\n\n'));
}
