/** The layout engine: a content SlidePlan → one or more pages of blocks with frames, continuing long tables and lists on "(cont.)" pages. */
import type { Block, SlidePlan } from '../../core/package/types';
import {
  bulletsHeight, columnWeights, EMPTY_BOX_H, HEADING_H, kpisHeight, MAX_BULLETS, MAX_TABLE_ROWS, MIN_CHART_H,
  tableRowHeights, textHeight,
} from './measure';
import { GRID, SIZE } from './theme';

export interface Frame { x: number; y: number; w: number; h: number }

/** A block (or a slice of one) with where it goes and the font size it was measured at. */
export interface Placed { block: Block; frame: Frame; fontPt: number }

export interface Page {
  title: string;
  continued: boolean;
  placed: Placed[];
}

interface Area { x: number; top: number; w: number; bottom: number }

type BlockOf<K extends Block['kind']> = Extract<Block, { kind: K }>;

/** What fitted on this page, its measured height, and what is left for the next page. */
interface Fit { block: Block; h: number; fontPt: number; flex: boolean; rest: Block | null }

/** The strip and sources line hug the footer; blocks get what is above them. Data to confirm shows on the first page only. */
export function chromeFrames(slide: SlidePlan, first: boolean): { sources: Frame | null; strip: Frame | null; area: Area } {
  let bottom = GRID.contentBottom;
  let sources: Frame | null = null;
  let strip: Frame | null = null;
  if (slide.sources) {
    sources = { x: GRID.marginX, y: bottom - GRID.sourcesH, w: GRID.contentW, h: GRID.sourcesH };
    bottom -= GRID.sourcesH + 0.04;
  }
  if (first && slide.dataToConfirm.length > 0) {
    strip = { x: GRID.marginX, y: bottom - GRID.stripH, w: GRID.contentW, h: GRID.stripH };
    bottom -= GRID.stripH + 0.14;
  }
  const top = slide.subtitle ? GRID.contentTopWithSubtitle : GRID.contentTop;
  return { sources, strip, area: { x: GRID.marginX, top, w: GRID.contentW, bottom } };
}

/** Split `count` items into the fewest chunks of at most `max`, evenly (10 bullets → 5 + 5, not 7 + 3). */
function evenChunk(count: number, max: number): number {
  return Math.ceil(count / Math.ceil(count / max));
}

function fitBullets(block: BlockOf<'bullets'>, w: number, avail: number, force: boolean): Fit | null {
  const most = evenChunk(block.items.length, MAX_BULLETS);
  const take = (n: number, fontPt: number, h: number): Fit => ({
    block: { ...block, items: block.items.slice(0, n) }, h: Math.min(h, avail), fontPt, flex: false,
    rest: n < block.items.length ? { ...block, items: block.items.slice(n) } : null,
  });
  // Long lists drop a size straight away; short ones only when they would not fit otherwise.
  const fonts = most > 5 ? [SIZE.bodySmall, SIZE.bodyTiny] : [SIZE.body, SIZE.bodySmall, SIZE.bodyTiny];
  for (const fontPt of fonts) {
    const h = bulletsHeight(block.items.slice(0, most), block.title, w, fontPt);
    if (h <= avail) return take(most, fontPt, h);
  }
  // Under other blocks, a list that does not fit moves whole to the next page rather than breaking mid-thought.
  if (!force) return null;
  for (let n = most - 1; n >= 1; n--) {
    const h = bulletsHeight(block.items.slice(0, n), block.title, w, SIZE.bodyTiny);
    if (h <= avail) return take(n, SIZE.bodyTiny, h);
  }
  return take(1, SIZE.bodyTiny, avail);
}

function fitTable(block: BlockOf<'table'>, w: number, avail: number, force: boolean): Fit | null {
  const head = block.title ? HEADING_H : 0;
  if (block.rows.length === 0) {
    const h = head + EMPTY_BOX_H;
    return h <= avail || force ? { block, h: Math.min(h, avail), fontPt: SIZE.table, flex: false, rest: null } : null;
  }
  // Freeze the column weights of the whole table so every continuation slide lines up with the first.
  const weights = columnWeights(block.columns, block.rows);
  const frozen = { ...block, columns: block.columns.map((c, i) => ({ ...c, width: weights[i] })) };
  const most = evenChunk(block.rows.length, MAX_TABLE_ROWS);
  // Short tables read better a size up when they fit whole; long ones stay compact so more rows fit.
  const half = w < 8;
  const fonts = most <= 8 ? (half ? [SIZE.table, SIZE.tableSmall] : [SIZE.tableLarge, SIZE.table]) : [half ? SIZE.tableSmall : SIZE.table];
  for (const fontPt of fonts) {
    const heights = tableRowHeights(frozen, w, fontPt);
    let n = 0;
    let h = head + heights.header;
    while (n < most && h + (heights.rows[n] ?? 0) <= avail) h += heights.rows[n++] ?? 0;
    if (n < most && fontPt !== fonts[fonts.length - 1]) continue;
    // Leave at least three rows behind a page break, or a lone row dangles on its own slide.
    const left = block.rows.length - n;
    if (left > 0 && left < 3 && n > 3) n -= Math.min(3 - left, n - 3);
    if (n < Math.min(3, block.rows.length) && !force) return null;
    n = Math.max(n, 1);
    h = head + heights.header + heights.rows.slice(0, n).reduce((a, b) => a + b, 0);
    const rest = n < block.rows.length ? { ...frozen, rows: block.rows.slice(n) } : null;
    return { block: { ...frozen, rows: block.rows.slice(0, n) }, h: Math.min(h, avail), fontPt, flex: false, rest };
  }
  return null;
}

function fitText(block: BlockOf<'text'>, w: number, avail: number, force: boolean): Fit | null {
  const base = block.tone ? SIZE.callout : SIZE.body;
  for (const fontPt of [base, base - 2, base - 4]) {
    const h = textHeight(block, w, fontPt);
    if (h <= avail) return { block, h, fontPt, flex: false, rest: null };
    if (!force) break;
  }
  return force ? { block, h: avail, fontPt: base - 4, flex: false, rest: null } : null;
}

/** Nothing to plot: no quarters, or every value missing. */
export function chartIsEmpty(block: BlockOf<'chart'>): boolean {
  return block.categories.length === 0 || !block.series.some((s) => s.values.some((v) => v !== null && Number.isFinite(v)));
}

/** Fit as much of `block` as the height allows; `force` (first thing on a page) always places something, so pages progress. */
function fitBlock(block: Block, w: number, avail: number, force: boolean): Fit | null {
  switch (block.kind) {
    case 'kpis': {
      const h = kpisHeight(block);
      return h <= avail || force ? { block, h: Math.min(h, avail), fontPt: SIZE.kpiValue, flex: false, rest: null } : null;
    }
    case 'bullets':
      return fitBullets(block, w, avail, force);
    case 'text':
      return fitText(block, w, avail, force);
    case 'table':
      return fitTable(block, w, avail, force);
    case 'chart': {
      const empty = chartIsEmpty(block);
      const h = HEADING_H + (empty ? EMPTY_BOX_H : MIN_CHART_H);
      // A drawn chart grows into leftover space; an empty one stays a small note.
      return h <= avail || force ? { block, h: Math.min(h, avail), fontPt: SIZE.table, flex: !empty, rest: null } : null;
    }
  }
}

/** Stack blocks top to bottom at full width; leftover height goes to charts. Returns what did not fit. */
function packStack(queue: Block[], area: Area): { placed: Placed[]; rest: Block[] } {
  const fits: Fit[] = [];
  let used = 0;
  let rest: Block[] = [];
  for (let i = 0; i < queue.length; i++) {
    const gap = fits.length > 0 ? GRID.gap : 0;
    const fit = fitBlock(queue[i]!, area.w, area.bottom - area.top - used - gap, fits.length === 0);
    if (!fit) {
      rest = queue.slice(i);
      break;
    }
    fits.push(fit);
    used += gap + fit.h;
    if (fit.rest) {
      rest = [fit.rest, ...queue.slice(i + 1)];
      break;
    }
  }
  const flexCount = fits.filter((f) => f.flex).length;
  const bonus = flexCount > 0 ? Math.max(0, area.bottom - area.top - used) / flexCount : 0;
  const placed: Placed[] = [];
  let y = area.top;
  for (const fit of fits) {
    const h = fit.h + (fit.flex ? bonus : 0);
    placed.push({ block: fit.block, frame: { x: area.x, y, w: area.w, h }, fontPt: fit.fontPt });
    y += h + GRID.gap;
  }
  return { placed, rest };
}

/** The side-by-side rule: after the KPI row, exactly two blocks, at least one a chart, and no wide table (> 4 columns). */
function sideBySide(blocks: Block[]): [Block, Block] | null {
  const others = blocks.filter((b) => b.kind !== 'kpis');
  if (others.length !== 2 || !others.some((b) => b.kind === 'chart')) return null;
  if (others.some((b) => b.kind === 'table' && b.columns.length > 4)) return null;
  return [others[0]!, others[1]!];
}

function packSide(blocks: Block[], pair: [Block, Block], area: Area): { placed: Placed[]; rest: Block[] } | null {
  const top = packStack(blocks.filter((b) => b.kind === 'kpis'), area);
  if (top.rest.length > 0) return null;
  const last = top.placed[top.placed.length - 1];
  const y = last ? last.frame.y + last.frame.h + GRID.gap : area.top;
  const h = area.bottom - y;
  if (h < HEADING_H + MIN_CHART_H) return null;
  const colW = (area.w - GRID.columnGap) / 2;
  const placed = [...top.placed];
  const rest: Block[] = [];
  pair.forEach((block, i) => {
    const fit = fitBlock(block, colW, h, true)!;
    const frame = { x: area.x + i * (colW + GRID.columnGap), y, w: colW, h: fit.flex ? h : fit.h };
    placed.push({ block: fit.block, frame, fontPt: fit.fontPt });
    if (fit.rest) rest.push(fit.rest);
  });
  return { placed, rest };
}

/** A KPI row or list with no items draws nothing; tables and charts always draw (their `empty` sentence if need be). */
function hasContent(block: Block): boolean {
  if (block.kind === 'kpis' || block.kind === 'bullets') return block.items.length > 0;
  if (block.kind === 'text') return block.text.trim().length > 0;
  return true;
}

/** Pages for one content slide. KPI rows are hoisted to the top; everything else keeps the plan's order. */
export function paginate(slide: SlidePlan): Page[] {
  const drawable = slide.blocks.filter(hasContent);
  const blocks = [...drawable.filter((b) => b.kind === 'kpis'), ...drawable.filter((b) => b.kind !== 'kpis')];
  const pages: Page[] = [];
  let queue = blocks;
  do {
    const first = pages.length === 0;
    const { area } = chromeFrames(slide, first);
    const pair = first ? sideBySide(queue) : null;
    const packed = (pair && packSide(queue, pair, area)) || packStack(queue, area);
    pages.push({ title: first ? slide.title : `${slide.title} (cont.)`, continued: !first, placed: packed.placed });
    queue = packed.rest;
  } while (queue.length > 0);
  return pages;
}
