/** Offline deck renderer: a DeckPlan → a .pptx (pptxgenjs, 16:9 wide) with masters, native tables and charts, and speaker notes. */
import PptxGenJS from 'pptxgenjs';
import type { Block, DeckPlan, SlidePlan } from '../../core/package/types';
import { chromeFrames, paginate, type Placed } from './paginate';
import { drawConfirmStrip, drawCover, drawSection, drawSources, drawTitle, notesText } from './chrome';
import { drawChart } from './draw-chart';
import { drawKpis } from './draw-kpis';
import { drawTable } from './draw-table';
import { drawBullets, drawText, type Ctx } from './draw-text';
import { defineMasters, MASTER } from './masters';
import { FONT } from './theme';
import { oneLine, safeDeep, xmlEscape } from '../safe-text';

export interface RenderDeckOptions {
  /** BCP 47 tag written on every text run, so PowerPoint spell-checks in the deck's language. Default `en-US`. */
  locale?: string;
}

export { paginate, type Page, type Placed } from './paginate';
export { MAX_BULLETS, MAX_TABLE_ROWS } from './measure';

function drawBlock(ctx: Ctx, { block, frame, fontPt }: Placed): void {
  const draw: { [K in Block['kind']]: (b: Extract<Block, { kind: K }>) => void } = {
    kpis: (b) => drawKpis(ctx, b, frame),
    bullets: (b) => drawBullets(ctx, b, frame, fontPt),
    text: (b) => drawText(ctx, b, frame, fontPt),
    table: (b) => drawTable(ctx, b, frame, fontPt),
    chart: (b) => drawChart(ctx, b, frame),
  };
  (draw[block.kind] as (b: Block) => void)(block);
}

/** One plan slide → one pptx slide, or several when a table or list continues on "(cont.)" slides (same notes on each). */
function renderSlide(pptx: PptxGenJS, deck: DeckPlan, plan: SlidePlan, lang: string): void {
  const notes = notesText(plan);
  if (plan.layout !== 'content') {
    // Covers hold no blocks by design (types.ts); their strip and sources still show, so missing data stays visible.
    const slide = pptx.addSlide({ masterName: plan.layout === 'title' ? MASTER.title : MASTER.section });
    const ctx = { slide, lang };
    if (plan.layout === 'title') drawCover(ctx, deck, plan);
    else drawSection(ctx, plan);
    const chrome = chromeFrames(plan, true);
    if (chrome.strip) drawConfirmStrip(ctx, plan.dataToConfirm, chrome.strip);
    if (chrome.sources && plan.sources) drawSources(ctx, plan.sources, chrome.sources, true);
    slide.addNotes(notes);
    return;
  }
  paginate(plan).forEach((page, i) => {
    const slide = pptx.addSlide({ masterName: MASTER.content });
    const ctx = { slide, lang };
    drawTitle(ctx, page.title, plan.subtitle);
    for (const placed of page.placed) drawBlock(ctx, placed);
    const chrome = chromeFrames(plan, i === 0);
    if (chrome.strip) drawConfirmStrip(ctx, plan.dataToConfirm, chrome.strip);
    if (chrome.sources && plan.sources) drawSources(ctx, plan.sources, chrome.sources);
    slide.addNotes(notes);
  });
}

/** How many slides the .pptx will hold: a plan slide whose table or list continues counts each "(cont.)" page. */
export function renderedSlideCount(plan: DeckPlan): number {
  return plan.slides.reduce((n, s) => n + (s.layout === 'content' ? paginate(s).length : 1), 0);
}

/**
 * Render a deck plan to .pptx bytes.
 * @example const bytes = await renderDeck(pkg.deck, { locale: 'en-GB' }); writeFileSync('deck.pptx', bytes);
 */
export async function renderDeck(input: DeckPlan, options: RenderDeckOptions = {}): Promise<Buffer> {
  // The XML boundary: pptxgenjs escapes markup in text but keeps control characters, which no XML part may hold.
  const plan = safeDeep(input);
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.title = oneLine(plan.title);
  pptx.subject = oneLine(plan.subtitle);
  // pptxgenjs writes <Company> into docProps/app.xml as given (title and subject it escapes): `AT&T` would corrupt the deck.
  pptx.company = xmlEscape(oneLine(plan.accountName));
  pptx.author = 'QBR Facilitator';
  pptx.theme = { headFontFace: FONT, bodyFontFace: FONT };
  defineMasters(pptx, plan.subtitle);
  const lang = options.locale ?? 'en-US';
  for (const slide of plan.slides) renderSlide(pptx, plan, slide, lang);
  const out = await pptx.write({ outputType: 'nodebuffer', compression: true });
  return Buffer.isBuffer(out) ? out : Buffer.from(out as ArrayBuffer);
}
