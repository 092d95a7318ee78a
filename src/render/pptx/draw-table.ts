/** Draws a table block (or one slice of it) as a native pptx table: navy header, zebra rows, tone-coloured cells. */
import type PptxGenJS from 'pptxgenjs';
import type { Block, TableColumn } from '../../core/package/types';
import { drawEmpty, drawHeading, type Ctx } from './draw-text';
import { CELL_MARGIN, columnWidths, EMPTY_BOX_H, tableRowHeights } from './measure';
import type { Frame } from './paginate';
import { COLOR, FONT, TONE_TEXT } from './theme';

type BlockOf<K extends Block['kind']> = Extract<Block, { kind: K }>;

const NONE: PptxGenJS.BorderProps = { type: 'none' };
/** Only hairlines between rows: vertical rules make a slide table look like a spreadsheet. */
const ROW_RULE: PptxGenJS.BorderProps = { type: 'solid', pt: 0.75, color: COLOR.rule };

function align(column: TableColumn | undefined): PptxGenJS.HAlign {
  return column?.align ?? 'left';
}

export function drawTable(ctx: Ctx, block: BlockOf<'table'>, frame: Frame, fontPt: number): void {
  const body = drawHeading(ctx, block.title, frame);
  if (block.rows.length === 0) {
    drawEmpty(ctx, block.empty, { ...body, h: Math.min(body.h, EMPTY_BOX_H) });
    return;
  }
  const colW = columnWidths(block.columns, block.rows, body.w, fontPt);
  const heights = tableRowHeights(block, body.w, fontPt);

  const header: PptxGenJS.TableRow = block.columns.map((column) => ({
    text: column.header,
    options: {
      bold: true, color: COLOR.white, fill: { color: COLOR.navy }, align: align(column),
      border: [NONE, NONE, NONE, NONE],
    },
  }));
  const rows: PptxGenJS.TableRow[] = block.rows.map((row, r) =>
    block.columns.map((column, c) => {
      const cell = row[c];
      return {
        text: cell?.text ?? '',
        options: {
          bold: cell?.bold ?? false,
          color: cell?.tone ? TONE_TEXT[cell.tone] : COLOR.ink,
          fill: { color: r % 2 === 1 ? COLOR.zebra : COLOR.white },
          align: align(column),
          border: [NONE, NONE, ROW_RULE, NONE],
        },
      };
    }),
  );

  ctx.slide.addTable([header, ...rows], {
    x: body.x, y: body.y, w: body.w, colW, rowH: [heights.header, ...heights.rows],
    fontFace: FONT, fontSize: fontPt, color: COLOR.ink, valign: 'middle', margin: CELL_MARGIN, lang: ctx.lang,
  });
}
