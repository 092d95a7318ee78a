/** Everything on a slide that is not a block: titles, cover text, the "data to confirm" strip, the sources line and speaker notes. */
import type { DeckPlan, SlidePlan } from '../../core/package/types';
import { oneLine } from './draw-kpis';
import type { Ctx } from './draw-text';
import { COVER, SECTION } from './masters';
import { textWidth } from './measure';
import type { Frame } from './paginate';
import { COLOR, FONT, GRID, SIZE } from './theme';

/** Content-slide title in the master's placeholder; long titles drop a size rather than wrap into the content. */
export function drawTitle(ctx: Ctx, title: string, subtitle: string | undefined): void {
  const width = GRID.contentW - 0.22;
  const fontSize = textWidth(title, SIZE.title, true) <= width ? SIZE.title : SIZE.titleSmall;
  ctx.slide.addText(title, { placeholder: 'title', align: 'left', fontFace: FONT, fontSize, bold: true, color: COLOR.navy, lang: ctx.lang, fit: 'shrink' });
  if (subtitle) {
    const line = oneLine(subtitle, SIZE.subtitle, 11, width);
    ctx.slide.addText(line.text, {
      x: GRID.marginX + 0.22, y: GRID.subtitleY, w: width, h: GRID.subtitleH,
      fontFace: FONT, fontSize: line.pt, color: COLOR.slate, lang: ctx.lang, valign: 'top', margin: 0,
    });
  }
}

/** Cover: the account's name big, then what this is, then the date line. */
export function drawCover(ctx: Ctx, deck: DeckPlan, slide: SlidePlan): void {
  const name = oneLine(deck.accountName, SIZE.coverTitle, 28, COVER.w, true);
  ctx.slide.addText(name.text, { placeholder: 'title', align: 'left', fontFace: FONT, fontSize: name.pt, bold: true, color: COLOR.white, lang: ctx.lang });
  // The slide's own title usually *is* the account name; then the deck title says what the meeting is.
  const what = slide.title.trim() && slide.title.trim() !== deck.accountName.trim() ? slide.title : deck.title;
  ctx.slide.addText(what, {
    x: COVER.x, y: COVER.titleY + COVER.titleH + 0.2, w: COVER.w, h: 0.55,
    fontFace: FONT, fontSize: SIZE.coverSubtitle, color: COLOR.coverMuted, lang: ctx.lang, valign: 'top', margin: 0, fit: 'shrink',
  });
  if (slide.subtitle) {
    ctx.slide.addText(slide.subtitle, {
      x: COVER.x, y: COVER.titleY + COVER.titleH + 0.85, w: COVER.w, h: 0.4,
      fontFace: FONT, fontSize: SIZE.coverDate, color: COLOR.tealLight, lang: ctx.lang, valign: 'top', margin: 0,
    });
  }
}

export function drawSection(ctx: Ctx, slide: SlidePlan): void {
  const title = oneLine(slide.title, SIZE.sectionTitle, 28, SECTION.w, true);
  ctx.slide.addText(title.text, { placeholder: 'title', align: 'left', fontFace: FONT, fontSize: title.pt, bold: true, color: COLOR.white, lang: ctx.lang });
  if (slide.subtitle) {
    ctx.slide.addText(slide.subtitle, {
      x: SECTION.x, y: SECTION.titleY + SECTION.titleH + 0.1, w: SECTION.w, h: 0.5,
      fontFace: FONT, fontSize: 18, color: COLOR.coverMuted, lang: ctx.lang, valign: 'top', margin: 0, fit: 'shrink',
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
