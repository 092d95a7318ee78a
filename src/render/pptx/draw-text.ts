/** Draws the text-like blocks: block headings, bullet lists, text paragraphs / toned callouts, and the "no data" placeholder. */
import type PptxGenJS from 'pptxgenjs';
import type { Block } from '../../core/package/types';
import {
  BULLET_INDENT_IN, BULLET_SPACE_PT, CALLOUT_PAD_X, CALLOUT_PAD_Y, HEADING_H, TEXT_PAD_X, TEXT_PAD_Y,
} from './measure';
import type { Frame } from './paginate';
import { COLOR, FONT, SIZE, TONE_ACCENT, TONE_FILL } from './theme';

type BlockOf<K extends Block['kind']> = Extract<Block, { kind: K }>;

/** Everything a drawer needs besides the block: the slide and the language tag for spell-check. */
export interface Ctx { slide: PptxGenJS.Slide; lang: string }

/** pptxgenjs takes text-box margins in points, ordered [left, right, bottom, top] (its own code, not the docs). */
function margin(padX: number, padY: number): [number, number, number, number] {
  return [padX * 72, padX * 72, padY * 72, padY * 72];
}

/** A small navy heading over a block, with a short teal rule under it; returns the frame left for the block. */
export function drawHeading(ctx: Ctx, title: string | undefined, frame: Frame): Frame {
  if (!title) return frame;
  ctx.slide.addText(title, {
    x: frame.x, y: frame.y, w: frame.w, h: HEADING_H - 0.08,
    fontFace: FONT, fontSize: SIZE.heading, bold: true, color: COLOR.navy, lang: ctx.lang,
    valign: 'top', margin: margin(0, 0.02), fit: 'shrink',
  });
  return { x: frame.x, y: frame.y + HEADING_H, w: frame.w, h: Math.max(0.1, frame.h - HEADING_H) };
}

export function drawBullets(ctx: Ctx, block: BlockOf<'bullets'>, frame: Frame, fontPt: number): void {
  const body = drawHeading(ctx, block.title, frame);
  const runs: PptxGenJS.TextProps[] = block.items.map((item, i) => ({
    text: item,
    options: {
      bullet: { indent: BULLET_INDENT_IN * 72 },
      breakLine: i < block.items.length - 1,
      paraSpaceAfter: i < block.items.length - 1 ? BULLET_SPACE_PT : 0,
    },
  }));
  ctx.slide.addText(runs, {
    ...body, fontFace: FONT, fontSize: fontPt, color: COLOR.ink, lang: ctx.lang,
    valign: 'top', margin: margin(TEXT_PAD_X, TEXT_PAD_Y),
  });
}

/** Untoned text is a plain statement; a tone makes it a pale callout with a coloured bar on the left. */
export function drawText(ctx: Ctx, block: BlockOf<'text'>, frame: Frame, fontPt: number): void {
  if (!block.tone) {
    ctx.slide.addText(block.text, {
      ...frame, fontFace: FONT, fontSize: fontPt, color: COLOR.ink, lang: ctx.lang,
      valign: 'top', margin: margin(TEXT_PAD_X, TEXT_PAD_Y),
    });
    return;
  }
  const bar = 0.08;
  ctx.slide.addShape('rect', { ...frame, fill: { color: TONE_FILL[block.tone] }, line: { type: 'none' } });
  ctx.slide.addShape('rect', { x: frame.x, y: frame.y, w: bar, h: frame.h, fill: { color: TONE_ACCENT[block.tone] }, line: { type: 'none' } });
  ctx.slide.addText(block.text, {
    x: frame.x + bar, y: frame.y, w: frame.w - bar, h: frame.h,
    fontFace: FONT, fontSize: fontPt, color: COLOR.ink, lang: ctx.lang,
    valign: 'middle', margin: margin(CALLOUT_PAD_X, CALLOUT_PAD_Y),
  });
}

/** Stands in for an empty table or chart: the plan's sentence in a quiet dashed box, so the gap is visible and explained. */
export function drawEmpty(ctx: Ctx, sentence: string, frame: Frame): void {
  ctx.slide.addText(sentence, {
    ...frame, fontFace: FONT, fontSize: SIZE.bodyTiny, italic: true, color: COLOR.slate, lang: ctx.lang,
    align: 'center', valign: 'middle', margin: margin(0.3, 0.1),
    fill: { color: COLOR.panel }, line: { color: COLOR.rule, width: 1, dashType: 'dash' },
  });
}
