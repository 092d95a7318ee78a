/** What the built-in template holds per slide key: its slots (KPI cards, bullets, tables, charts), order and variants. */
import { OUTLINES } from '../../core/package/deck/deck';
import { VARIANTS, type Variant } from './tokens';

export type BodySlot =
  | { kind: 'bullets'; n: number; heading: boolean }
  | { kind: 'text'; n: number }
  | { kind: 'table'; n: number; widths: number[]; heading: boolean; rows?: number }
  /** The data-to-confirm slide shows either a list or one sentence: one box holds both tokens, one of them empty. */
  | { kind: 'bulletsOrText' }
  | { kind: 'chart'; n: number; heading: boolean };

export interface SlideSpec {
  key: string;
  cover?: 'title' | 'section';
  kpis?: number;
  body?: BodySlot[];
}

const bullets = (n: number, heading = true): BodySlot => ({ kind: 'bullets', n, heading });
// Column weights follow the deck builders' own (src/core/package/deck/*), so the Slides tables read like the .pptx ones.
const table = (widths: number[], rows?: number, heading = true): BodySlot => ({ kind: 'table', n: 1, widths, heading, ...(rows ? { rows } : {}) });
const chart: BodySlot = { kind: 'chart', n: 1, heading: true };

/** In deck order; every variant's outline is a subsequence of it, so one template serves all four. */
export const BUILT_IN: SlideSpec[] = [
  { key: 'title', cover: 'title' },
  { key: 'agenda', body: [table([5, 1.3, 2.4, 3.6], undefined, false)] },
  { key: 'partnership-summary', kpis: 3, body: [table([3, 7]), bullets(1)] },
  { key: 'exec-summary', kpis: 4, body: [bullets(1)] },
  { key: 'executive-alignment', body: [table([3, 4, 1.6, 3, 1.6], undefined, false), bullets(1)] },
  { key: 'priorities', body: [bullets(1), table([4, 3, 1.4, 1.4, 1.4, 1.4, 1.6])] },
  { key: 'value-roi', kpis: 3, body: [table([2.2, 4, 1.8, 4.2, 2.4])] },
  { key: 'adoption-trend', kpis: 3, body: [chart, bullets(1)] },
  { key: 'support', kpis: 3, body: [table([3, 1.8, 1.8, 2, 3])] },
  { key: 'health', kpis: 5, body: [chart, table([2.6, 1.3, 1.4, 6])] },
  { key: 'success-plan', body: [table([4, 4, 2, 1.6, 1.4], undefined, false), bullets(1)] },
  { key: 'roadmap', body: [table([1.6, 4, 1.6, 5, 1.8], undefined, false)] },
  { key: 'technical', kpis: 3, body: [table([5, 2, 2, 4])] },
  { key: 'risks-opportunities', body: [table([5, 5, 2], undefined, false), bullets(1)] },
  { key: 'renewal-outlook', kpis: 3, body: [table([4, 6]), { kind: 'text', n: 1 }] },
  { key: 'asks', body: [bullets(1), bullets(2)] },
  { key: 'actions', kpis: 2, body: [table([1, 5, 2, 1.4, 1.6, 1.6], undefined, false), bullets(1)] },
  { key: 'appendix', cover: 'section' },
  { key: 'appendix-metrics', body: [table([3, 1.6, 1.6, 1.6, 1.6], 14, false)] },
  { key: 'appendix-methodology', body: [bullets(1, false)] },
];

/** OUTLINES names its slide builders; these are the keys the slides they build carry. */
const KEY_OF: Record<string, string> = {
  title: 'title', agenda: 'agenda', summary: 'exec-summary', priorities: 'priorities',
  roi: 'value-roi', adoption: 'adoption-trend', support: 'support', technical: 'technical', asks: 'asks', health: 'health',
  successPlan: 'success-plan', roadmap: 'roadmap', risks: 'risks-opportunities',
  actions: 'actions', partnership: 'partnership-summary', alignment: 'executive-alignment', renewal: 'renewal-outlook',
  appendix: 'appendix', metrics: 'appendix-metrics', methodology: 'appendix-methodology',
};

/** The variants whose decks have this slide, or null when all four do (then the slide needs no variant tag). */
export function variantsOf(key: string): Variant[] | null {
  const has = VARIANTS.filter((v) => [...OUTLINES[v].main, ...OUTLINES[v].appendix].some((n) => KEY_OF[n] === key));
  return has.length === VARIANTS.length ? null : has;
}
