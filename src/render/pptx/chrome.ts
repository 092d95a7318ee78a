/** Everything on a slide that is not a block: titles, cover text, the "data to confirm" strip, the sources line and speaker notes. */
import type { DeckPlan, SlidePlan } from '../../core/package/types';
import type PptxGenJS from 'pptxgenjs';
import type { Ctx } from './draw-text';
import { COVER, SECTION } from './masters';
import { fitLines, lineHeight, oneLine, textWidth } from './measure';
import type { Frame } from './paginate';
import { COLOR, FONT, GRID, SIZE } from './theme';

/** Text for a master's title placeholder. pptxgenjs lays the placeholder's own options over the call's options, so
 * the size and language we choose must ride on the run itself. */
function titleRun(text: string, fontPt: number, lang: string): PptxGenJS.TextProps[] {
  return [{ text, options: { fontSize: fontPt, lang } }];
}

/** Content-slide title in the master's placeholder: one line, a size or two smaller if long, cut only as a last resort. */
export function drawTitle(ctx: Ctx, title: string, subtitle: string | undefined): void {
  const width = GRID.contentW - 0.22;
  const fitted = oneLine(title, SIZE.title, 18, width, true);
  ctx.slide.addText(titleRun(fitted.text, fitted.pt, ctx.lang), { placeholder: 'title' });
  if (subtitle) {
    const line = oneLine(subtitle, SIZE.subtitle, 11, width);
    ctx.slide.addText(line.text, {
      x: GRID.marginX + 0.22, y: GRID.subtitleY, w: width, h: GRID.subtitleH,
      fontFace: FONT, fontSize: line.pt, color: COLOR.slate, lang: ctx.lang, valign: 'top', margin: 0,
    });
  }
}

/** Cover: the account's name big (up to two lines), then what this is, then the date line, each placed under the last. */
export function drawCover(ctx: Ctx, deck: DeckPlan, slide: SlidePlan): void {
  const name = fitLines(deck.accountName, SIZE.coverTitle, 30, COVER.w, 2, true);
  ctx.slide.addText(titleRun(name.text, name.pt, ctx.lang), { placeholder: 'title' });
  let y = COVER.titleY + name.lines * lineHeight(name.pt) + 0.2;
  // The slide's own title is often the account name itself; then the deck title says what the meeting is.
  const what = slide.title.trim() && slide.title.trim() !== deck.accountName.trim() ? slide.title : deck.title;
  const line = oneLine(what, SIZE.coverSubtitle, 16, COVER.w);
  ctx.slide.addText(line.text, {
    x: COVER.x, y, w: COVER.w, h: 0.5, fontFace: FONT, fontSize: line.pt, color: COLOR.coverMuted, lang: ctx.lang, valign: 'top', margin: 0,
  });
  y += 0.62;
  if (slide.subtitle) {
    const date = oneLine(slide.subtitle, SIZE.coverDate, 11, COVER.w);
    ctx.slide.addText(date.text, {
      x: COVER.x, y, w: COVER.w, h: 0.4, fontFace: FONT, fontSize: date.pt, color: COLOR.tealLight, lang: ctx.lang, valign: 'top', margin: 0,
    });
  }
}

export function drawSection(ctx: Ctx, slide: SlidePlan): void {
  const title = fitLines(slide.title, SIZE.sectionTitle, 30, SECTION.w, 2, true);
  ctx.slide.addText(titleRun(title.text, title.pt, ctx.lang), { placeholder: 'title' });
  if (slide.subtitle) {
    const line = oneLine(slide.subtitle, 18, 12, SECTION.w);
    ctx.slide.addText(line.text, {
      x: SECTION.x, y: SECTION.titleY + title.lines * lineHeight(title.pt) + 0.2, w: SECTION.w, h: 0.45,
      fontFace: FONT, fontSize: line.pt, color: COLOR.coverMuted, lang: ctx.lang, valign: 'top', margin: 0,
    });
  }
}

/** "Data to confirm: a; b; c … +3 more": whole items only, as many as fit on the strip's one line. */
export function confirmLine(items: string[], widthIn: number, fontPt: number): string {
  const prefix = 'Data to confirm: ';
  const all = prefix + items.join('; ');
  if (textWidth(all, fontPt) <= widthIn) return all;
  let shown = 0;
  for (let n = items.length - 1; n >= 1; n--) {
    const text = `${prefix}${items.slice(0, n).join('; ')} … +${items.length - n} more`;
    if (textWidth(text, fontPt) <= widthIn) {
      shown = n;
      break;
    }
  }
  if (shown > 0) return `${prefix}${items.slice(0, shown).join('; ')} … +${items.length - shown} more`;
  // Even the first item is too long: cut it, but still say how many there are.
  const suffix = items.length > 1 ? ` … +${items.length - 1} more` : '…';
  const room = Math.max(10, Math.floor(((widthIn - textWidth(prefix + suffix, fontPt)) / textWidth('x', fontPt))));
  return `${prefix}${(items[0] ?? '').slice(0, room).trimEnd()}${suffix}`;
}

export function drawConfirmStrip(ctx: Ctx, items: string[], frame: Frame): void {
  const bar = 0.07;
  ctx.slide.addShape('rect', { ...frame, fill: { color: COLOR.amberFill }, line: { type: 'none' } });
  ctx.slide.addShape('rect', { x: frame.x, y: frame.y, w: bar, h: frame.h, fill: { color: COLOR.amberLine }, line: { type: 'none' } });
  const pad = 0.14;
  ctx.slide.addText(confirmLine(items, frame.w - bar - 2 * pad, SIZE.strip), {
    x: frame.x + bar, y: frame.y, w: frame.w - bar, h: frame.h,
    fontFace: FONT, fontSize: SIZE.strip, color: COLOR.amberText, lang: ctx.lang,
    valign: 'middle', margin: [pad * 72, pad * 72, 0, 0],
  });
}

export function drawSources(ctx: Ctx, sources: string, frame: Frame, onDark = false): void {
  const line = oneLine(`Sources: ${sources}`, SIZE.sources, SIZE.sources, frame.w);
  ctx.slide.addText(line.text, {
    ...frame, fontFace: FONT, fontSize: line.pt, color: onDark ? COLOR.coverMuted : COLOR.grey, lang: ctx.lang,
    valign: 'middle', margin: 0,
  });
}

/** Speaker notes: talking points, then the questions to ask, then the full list of data to confirm (the strip may be cut). */
export function notesText(slide: SlidePlan): string {
  const lines = slide.notes.talkingPoints.map((t) => `• ${t}`);
  if (slide.notes.questions.length > 0) {
    if (lines.length > 0) lines.push('');
    lines.push('Questions to ask:', ...slide.notes.questions.map((q) => `• ${q}`));
  }
  if (slide.dataToConfirm.length > 0) {
    if (lines.length > 0) lines.push('');
    lines.push('Data to confirm:', ...slide.dataToConfirm.map((d) => `• ${d}`));
  }
  // Never leave a presenter with an empty notes page: at least say which slide this is.
  return lines.length > 0 ? lines.join('\n') : slide.title;
}
