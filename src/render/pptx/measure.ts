/** Text and block height estimates (inches) from Arial's average glyph width, so pagination can keep every block on the slide. */
import type { Block, TableColumn } from '../../core/package/types';
import { emWidth } from './metrics';

type BlockOf<K extends Block['kind']> = Extract<Block, { kind: K }>;

/** Real renderers differ a little from the font's advance widths (hinting, PDF rounding): err towards wrapping early. */
const SLACK = 1.04;

/** Height of one line of text: Arial's ascent + descent is ~1.15 em, plus PowerPoint's default leading. */
export function lineHeight(fontPt: number): number {
  return (fontPt * 1.2) / 72;
}

/** Width of `text` set on one line (in). */
export function textWidth(text: string, fontPt: number, bold = false): number {
  return (emWidth(text, bold) * fontPt * SLACK) / 72;
}

/** Lines `text` takes at `fontPt` in a box `widthIn` wide (greedy word wrap, as PowerPoint does; over-long words break). */
export function wrapLines(text: string, fontPt: number, widthIn: number, bold = false): number {
  const space = textWidth(' ', fontPt, bold);
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    let used = 0;
    lines += 1;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      let w = textWidth(word, fontPt, bold);
      if (used > 0 && used + space + w <= widthIn) {
        used += space + w;
        continue;
      }
      if (used > 0) lines += 1;
      // A word wider than the box wraps mid-word.
      while (w > widthIn) {
        lines += 1;
        w -= widthIn;
      }
      used = w;
    }
  }
  return lines;
}

/** The largest size in [minPt, maxPt] at which `text` stays on one line; below that, the text is cut with an ellipsis. */
export function oneLine(text: string, maxPt: number, minPt: number, widthIn: number, bold = false): { text: string; pt: number } {
  const fitted = fitLines(text, maxPt, minPt, widthIn, 1, bold);
  return { text: fitted.text, pt: fitted.pt };
}

/** The largest size in [minPt, maxPt] at which `text` wraps into at most `maxLines`; below that, cut with an ellipsis. */
export function fitLines(
  text: string, maxPt: number, minPt: number, widthIn: number, maxLines: number, bold = false,
): { text: string; pt: number; lines: number } {
  const fits = (t: string, pt: number) => (maxLines === 1 ? textWidth(t, pt, bold) <= widthIn : wrapLines(t, pt, widthIn, bold) <= maxLines);
  for (let pt = maxPt; pt >= minPt; pt--) {
    if (fits(text, pt)) return { text, pt, lines: wrapLines(text, pt, widthIn, bold) };
  }
  // Cut whole words first, then characters, until the shortened text plus an ellipsis fits.
  let cut = text;
  while (cut.length > 1 && !fits(`${cut}…`, minPt)) {
    const space = cut.lastIndexOf(' ');
    cut = space > cut.length / 2 ? cut.slice(0, space) : cut.slice(0, -1);
    cut = cut.trimEnd();
  }
  const out = `${cut}…`;
  return { text: out, pt: minPt, lines: wrapLines(out, minPt, widthIn, bold) };
}

/** Height of a heading line over a block (table, chart or bullet list titles). */
export const HEADING_H = 0.4;

/** Hard caps: beyond these a block continues on a "(cont.)" slide even if it would technically fit. */
export const MAX_BULLETS = 7;
export const MAX_TABLE_ROWS = 12;

/** A KPI card's height; cards never shrink, a row of them is the slide's headline. */
export const KPI_CARD_H = 1.6;
export const KPI_ROW_GAP = 0.2;
export const KPI_COLUMN_GAP = 0.28;
export const KPIS_PER_ROW = 5;

/** Smallest chart worth drawing (plot + axis labels), excluding its heading. */
export const MIN_CHART_H = 2.3;

/** Height of the placeholder box that stands in for an empty table or chart. */
export const EMPTY_BOX_H = 1.1;

/** Paragraph spacing between bullets (pt) and the bullet indent (in). */
export const BULLET_SPACE_PT = 8;
export const BULLET_INDENT_IN = 0.3;

/** Inner padding of text boxes (in) — we set it explicitly so measuring matches drawing. */
export const TEXT_PAD_X = 0.08;
export const TEXT_PAD_Y = 0.05;
export const CALLOUT_PAD_X = 0.25;
export const CALLOUT_PAD_Y = 0.16;

export function kpiRows(count: number): number[][] {
  const rows = Math.max(1, Math.ceil(count / KPIS_PER_ROW));
  const perRow = Math.ceil(count / rows);
  const out: number[][] = [];
  for (let i = 0; i < count; i += perRow) {
    out.push(Array.from({ length: Math.min(perRow, count - i) }, (_, k) => i + k));
  }
  return out;
}

export function kpisHeight(block: BlockOf<'kpis'>): number {
  const rows = kpiRows(block.items.length).length;
  return rows * KPI_CARD_H + (rows - 1) * KPI_ROW_GAP;
}

export function bulletsHeight(items: string[], title: string | undefined, widthIn: number, fontPt: number): number {
  const textW = widthIn - BULLET_INDENT_IN - 2 * TEXT_PAD_X;
  const lines = items.reduce((sum, item) => sum + wrapLines(item, fontPt, textW), 0);
  const spacing = (Math.max(0, items.length - 1) * BULLET_SPACE_PT) / 72;
  return (title ? HEADING_H : 0) + lines * lineHeight(fontPt) + spacing + 2 * TEXT_PAD_Y + 0.05;
}

/** A toned text block is a padded callout box; an untoned one is a plain paragraph. */
export function textHeight(block: BlockOf<'text'>, widthIn: number, fontPt: number): number {
  const padX = block.tone ? CALLOUT_PAD_X : TEXT_PAD_X;
  const padY = block.tone ? CALLOUT_PAD_Y : TEXT_PAD_Y;
  const lines = wrapLines(block.text, fontPt, widthIn - 2 * padX - (block.tone ? 0.08 : 0));
  return lines * lineHeight(fontPt) + 2 * padY + 0.04;
}

/** Table cell padding (in): [top, right, bottom, left]. */
export const CELL_MARGIN: [number, number, number, number] = [0.05, 0.1, 0.05, 0.1];

/** Relative column weights: the plan's, else the longest text in the column (clamped so a long comment column can't
 * starve the numbers). Computed over the whole table so every continuation slide keeps the same columns. */
export function columnWeights(columns: TableColumn[], rows: { text: string }[][]): number[] {
  return columns.map((col, c) => {
    if (col.width && col.width > 0) return col.width;
    const longest = Math.max(col.header.length, ...rows.map((r) => r[c]?.text.length ?? 0));
    return Math.min(40, Math.max(6, longest));
  });
}

/** Width of the longest word in `text`: the narrowest a cell can be without breaking a word in two. */
function longestWord(text: string, fontPt: number, bold?: boolean): number {
  return Math.max(0, ...text.split(/\s+/).map((word) => textWidth(word, fontPt, bold)));
}

/** Column widths in inches for a table `widthIn` wide: the weights, then any column too narrow for its longest word
 * ("Weight" must not wrap as "Weigh|t") takes what it needs from columns with room to spare. */
export function columnWidths(columns: TableColumn[], rows: { text: string; bold?: boolean }[][], widthIn: number, fontPt: number): number[] {
  const weights = columnWeights(columns, rows);
  const total = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => (w / total) * widthIn);
  const pad = CELL_MARGIN[1] + CELL_MARGIN[3] + 0.02;
  const need = columns.map((col, c) => pad + Math.max(
    longestWord(col.header, fontPt, true),
    ...rows.map((row) => longestWord(row[c]?.text ?? '', fontPt, row[c]?.bold)),
  ));
  const short = widths.map((w, i) => Math.max(0, need[i]! - w));
  const spare = widths.map((w, i) => Math.max(0, w - need[i]!));
  const deficit = short.reduce((a, b) => a + b, 0);
  const room = spare.reduce((a, b) => a + b, 0);
  if (deficit === 0 || room === 0) return widths;
  const given = Math.min(deficit, room);
  return widths.map((w, i) => (short[i]! > 0 ? w + (short[i]! / deficit) * given : w - (spare[i]! / room) * given));
}

/** Row height for one table row at `fontPt`, from its tallest cell. */
export function rowHeight(cells: { text: string; bold?: boolean }[], colW: number[], fontPt: number, bold = false): number {
  const padX = CELL_MARGIN[1] + CELL_MARGIN[3];
  const lines = Math.max(1, ...cells.map((cell, c) => wrapLines(cell.text, fontPt, (colW[c] ?? 1) - padX, bold || cell.bold)));
  return lines * lineHeight(fontPt) + CELL_MARGIN[0] + CELL_MARGIN[2] + 0.04;
}

/** Header + body row heights of a table slice, as drawn. */
export function tableRowHeights(block: BlockOf<'table'>, widthIn: number, fontPt: number): { header: number; rows: number[] } {
  const colW = columnWidths(block.columns, block.rows, widthIn, fontPt);
  const header = rowHeight(block.columns.map((c) => ({ text: c.header })), colW, fontPt, true) + 0.04;
  return { header, rows: block.rows.map((row) => rowHeight(row, colW, fontPt)) };
}
