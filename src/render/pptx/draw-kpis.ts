/** Draws a KPI block as big-number cards: label, value, tone-coloured detail, tiny source, in rows of up to five. */
import type { Block } from '../../core/package/types';
import type { Ctx } from './draw-text';
import { KPI_CARD_H, KPI_COLUMN_GAP, KPI_ROW_GAP, fitLines, kpiRows, oneLine } from './measure';
import type { Frame } from './paginate';
import { COLOR, FONT, SIZE, TONE_ACCENT, TONE_TEXT } from './theme';

type BlockOf<K extends Block['kind']> = Extract<Block, { kind: K }>;

/** Card widths: spread a row across the frame, but never wider than 4 in, so two cards don't become banners. */
function cardWidth(frame: Frame, perRow: number): number {
  return Math.min(4, (frame.w - (perRow - 1) * KPI_COLUMN_GAP) / perRow);
}

export function drawKpis(ctx: Ctx, block: BlockOf<'kpis'>, frame: Frame): void {
  const rows = kpiRows(block.items.length);
  const perRow = Math.max(...rows.map((r) => r.length));
  const w = cardWidth(frame, perRow);
  rows.forEach((row, r) => {
    row.forEach((index, c) => {
      const kpi = block.items[index]!;
      const x = frame.x + c * (w + KPI_COLUMN_GAP);
      const y = frame.y + r * (KPI_CARD_H + KPI_ROW_GAP);
      const inner = w - 0.36;
      const tx = x + 0.18;
      ctx.slide.addShape('rect', { x, y, w, h: KPI_CARD_H, fill: { color: COLOR.panel }, line: { type: 'none' } });
      // The tone shows as a bar on top of the card, so a row of cards reads as a traffic light at a glance.
      ctx.slide.addShape('rect', { x, y, w, h: 0.07, fill: { color: TONE_ACCENT[kpi.tone] }, line: { type: 'none' } });

      const label = oneLine(kpi.label, SIZE.kpiLabel, 9, inner, true);
      ctx.slide.addText(label.text, {
        x: tx, y: y + 0.17, w: inner, h: 0.28, fontFace: FONT, fontSize: label.pt, bold: true,
        color: COLOR.slate, lang: ctx.lang, valign: 'middle', margin: 0,
      });
      const value = oneLine(kpi.value, SIZE.kpiValue, 16, inner, true);
      ctx.slide.addText(value.text, {
        x: tx, y: y + 0.47, w: inner, h: 0.6, fontFace: FONT, fontSize: value.pt, bold: true,
        color: COLOR.navy, lang: ctx.lang, valign: 'middle', margin: 0,
      });
      if (kpi.detail) {
        // Without a source line under it, the detail may wrap to a second line rather than lose words to an ellipsis.
        const detail = fitLines(kpi.detail, SIZE.kpiDetail, 9, inner, kpi.source ? 1 : 2, true);
        ctx.slide.addText(detail.text, {
          x: tx, y: y + 1.08, w: inner, h: kpi.source ? 0.26 : 0.44, fontFace: FONT, fontSize: detail.pt, bold: true,
          color: TONE_TEXT[kpi.tone], lang: ctx.lang, valign: 'middle', margin: 0,
        });
      }
      if (kpi.source) {
        const source = oneLine(kpi.source, SIZE.kpiSource, 7, inner);
        ctx.slide.addText(source.text, {
          x: tx, y: y + 1.34, w: inner, h: 0.18, fontFace: FONT, fontSize: source.pt,
          color: COLOR.grey, lang: ctx.lang, valign: 'middle', margin: 0,
        });
      }
    });
  });
}
