/** The three slide masters (cover, section, content): backgrounds, accent rules, footer, slide number and the title placeholder. */
import type PptxGenJS from 'pptxgenjs';
import { oneLine } from './measure';
import { COLOR, FONT, GRID, SIZE, SLIDE_H, SLIDE_W } from './theme';

export const MASTER = { title: 'QBR_TITLE', section: 'QBR_SECTION', content: 'QBR_CONTENT' } as const;

/** Cover and section geometry, shared with the slide code that fills them. */
export const COVER = { x: 0.9, ruleY: 2.05, titleY: 2.3, titleH: 1.6, w: SLIDE_W - 1.8 } as const;
export const SECTION = { x: 0.9, ruleY: 2.75, titleY: 3.0, titleH: 1.5, w: SLIDE_W - 1.8 } as const;

/** Real title placeholders, so PowerPoint's outline, accessibility checker and Google Slides import see each slide's title. */
function titlePlaceholder(opts: PptxGenJS.PlaceholderProps): { placeholder: { options: PptxGenJS.PlaceholderProps; text: string } } {
  return { placeholder: { options: opts, text: '' } };
}

function footer(text: string, color: string): PptxGenJS.SlideMasterProps['objects'] {
  return [
    { line: { x: GRID.marginX, y: GRID.footerRuleY, w: GRID.contentW, h: 0, line: { color, width: 0.75 } } },
    {
      text: {
        text: oneLine(text, SIZE.footer, SIZE.footer, GRID.contentW - 1).text,
        options: {
          x: GRID.marginX, y: GRID.footerY, w: GRID.contentW - 1, h: GRID.footerH,
          fontFace: FONT, fontSize: SIZE.footer, color: COLOR.grey, valign: 'middle', margin: 0,
        },
      },
    },
  ];
}

const slideNumber = (color: string): PptxGenJS.SlideNumberProps => ({
  x: SLIDE_W - GRID.marginX - 0.8, y: GRID.footerY, w: 0.8, h: GRID.footerH,
  fontFace: FONT, fontSize: SIZE.footer, color, align: 'right', valign: 'middle', margin: 0,
});

/** Masters are per deck because the footer carries the deck's subtitle (`GlobalTech · Quarterly Business Review · 2026-Q4`). */
export function defineMasters(pptx: PptxGenJS, footerText: string): void {
  pptx.defineSlideMaster({
    title: MASTER.title,
    background: { color: COLOR.navy },
    objects: [
      // A teal spine down the left edge and a short rule over the name: the only decoration, so it reads as deliberate.
      { rect: { x: 0, y: 0, w: 0.22, h: SLIDE_H, fill: { color: COLOR.teal }, line: { type: 'none' } } },
      { rect: { x: COVER.x, y: COVER.ruleY, w: 1.1, h: 0.08, fill: { color: COLOR.teal }, line: { type: 'none' } } },
      titlePlaceholder({
        name: 'title', type: 'title', x: COVER.x, y: COVER.titleY, w: COVER.w, h: COVER.titleH,
        fontFace: FONT, fontSize: SIZE.coverTitle, bold: true, color: COLOR.white, align: 'left', valign: 'top', margin: 0,
      }),
    ],
  });

  pptx.defineSlideMaster({
    title: MASTER.section,
    background: { color: COLOR.navy },
    slideNumber: slideNumber(COLOR.coverMuted),
    objects: [
      { rect: { x: 0, y: 0, w: 0.22, h: SLIDE_H, fill: { color: COLOR.teal }, line: { type: 'none' } } },
      { rect: { x: SECTION.x, y: SECTION.ruleY, w: 1.1, h: 0.08, fill: { color: COLOR.teal }, line: { type: 'none' } } },
      ...(footer(footerText, COLOR.navySoft) ?? []),
      titlePlaceholder({
        name: 'title', type: 'title', x: SECTION.x, y: SECTION.titleY, w: SECTION.w, h: SECTION.titleH,
        fontFace: FONT, fontSize: SIZE.sectionTitle, bold: true, color: COLOR.white, align: 'left', valign: 'top', margin: 0,
      }),
    ],
  });

  pptx.defineSlideMaster({
    title: MASTER.content,
    background: { color: COLOR.white },
    slideNumber: slideNumber(COLOR.grey),
    objects: [
      // A thin navy band across the top anchors every content slide to the cover's colour.
      { rect: { x: 0, y: 0, w: SLIDE_W, h: 0.1, fill: { color: COLOR.navy }, line: { type: 'none' } } },
      { rect: { x: GRID.marginX, y: GRID.titleY - 0.02, w: 0.08, h: GRID.titleH - 0.08, fill: { color: COLOR.teal }, line: { type: 'none' } } },
      ...(footer(footerText, COLOR.rule) ?? []),
      titlePlaceholder({
        name: 'title', type: 'title', x: GRID.marginX + 0.22, y: GRID.titleY, w: GRID.contentW - 0.22, h: GRID.titleH,
        fontFace: FONT, fontSize: SIZE.title, bold: true, color: COLOR.navy, align: 'left', valign: 'middle', margin: 0,
      }),
    ],
  });
}
