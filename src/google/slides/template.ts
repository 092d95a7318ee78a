/**
 * The built-in enterprise QBR template, made in the user's Drive on first run so nothing needs setting up: one
 * presentations.create, ONE batchUpdate drawing every slide of every variant (navy/teal, tokens in place), one Drive
 * update that marks the file so later runs find it instead of making another.
 */
import type { ApiCall } from '../types';
import { ALL_DRIVES } from '../drive';
import { BUILT_IN, variantsOf, type BodySlot, type SlideSpec } from './builtin-spec';
import { bar, rowTemplateTable, textShape, textStyle, type Box } from './draw';
import { HEX, rgb } from './theme';
import { slideObjectId } from './tokens';

export const TEMPLATE_TITLE = 'QBR Facilitator: enterprise QBR template';
/** The Drive appProperty that marks the built-in template (`appProperties has { key='qbrFacilitatorTemplate' and value='v1' }`). */
export const TEMPLATE_MARK = { qbrFacilitatorTemplate: 'v1' } as const;

const W = 720;
const MX = 36;
const CW = W - 2 * MX;
const CONTENT_TOP = 82;
const KPI_H = 76;
const BODY_BOTTOM = 358;
const GAP = 16;

/** `qbr_exec_summary_kpi1`: element IDs derive from the slide key, so they are stable, unique and within 5–50 characters. */
const idFor = (key: string, role: string) => `qbr_${key.replace(/-/g, '_')}_${role}`;

function cover(s: SlideSpec, page: string): object[] {
  const id = (r: string) => idFor(s.key, r);
  const out: object[] = [{
    updatePageProperties: {
      objectId: page, pageProperties: { pageBackgroundFill: { solidFill: { color: rgb(HEX.navy) } } },
      fields: 'pageBackgroundFill.solidFill.color',
    },
  }];
  if (s.cover === 'title') {
    out.push(
      ...bar(id('bar'), page, { x: MX, y: 118, w: 6, h: 132 }, HEX.teal),
      ...textShape(id('account'), page, { x: MX + 20, y: 112, w: 600, h: 26 }, '{{account}}', { size: 14, colour: HEX.tealLight, bold: true }),
      ...textShape(id('title'), page, { x: MX + 20, y: 140, w: 620, h: 66 }, '{{title}}', { size: 34, colour: HEX.white, bold: true }),
      ...textShape(id('subtitle'), page, { x: MX + 20, y: 210, w: 620, h: 40 }, '{{subtitle}}', { size: 13, colour: HEX.coverMuted }),
    );
  } else {
    out.push(
      ...bar(id('bar'), page, { x: MX, y: 150, w: 48, h: 4 }, HEX.teal),
      ...textShape(id('title'), page, { x: MX, y: 162, w: CW, h: 50 }, '{{title}}', { size: 32, colour: HEX.white, bold: true }),
      ...textShape(id('subtitle'), page, { x: MX, y: 214, w: CW, h: 28 }, '{{subtitle}}', { size: 13, colour: HEX.coverMuted }),
    );
  }
  return out;
}

function kpiCards(s: SlideSpec, page: string, count: number): object[] {
  const w = Math.min(200, (CW - (count - 1) * 10) / count);
  const out: object[] = [];
  for (let n = 1; n <= count; n++) {
    const id = idFor(s.key, `kpi${n}`);
    const lines = [`{{kpi.${n}.label}}`, `{{kpi.${n}.value}}`, `{{kpi.${n}.detail}}`, `{{kpi.${n}.source}}`];
    out.push(...textShape(id, page, { x: MX + (n - 1) * (w + 10), y: CONTENT_TOP, w, h: KPI_H }, lines.join('\n'), { size: 9, colour: HEX.slate, bold: true }, { shape: 'ROUND_RECTANGLE', fill: HEX.panel, middle: true }));
    // Each line its own look: the ranges are known here, and a replaced token keeps the style of the text it replaces.
    const looks = [{ size: 9, colour: HEX.slate, bold: true }, { size: 20, colour: HEX.navy, bold: true }, { size: 9, colour: HEX.teal, bold: true }, { size: 7, colour: HEX.grey }];
    let at = 0;
    lines.forEach((line, i) => {
      out.push(textStyle(id, looks[i]!, { type: 'FIXED_RANGE', startIndex: at, endIndex: at + line.length }));
      at += line.length + 1;
    });
  }
  return out;
}

const WEIGHT: Record<BodySlot['kind'], number> = { table: 1.7, chart: 1.3, bullets: 1, text: 1, bulletsOrText: 1 };

function bodySlot(s: SlideSpec, page: string, slot: BodySlot, b: Box, underKpis: boolean): object[] {
  const id = (r: string) => idFor(s.key, r);
  const out: object[] = [];
  const headed = 'heading' in slot && slot.heading;
  const area = headed ? { ...b, y: b.y + 18, h: b.h - 18 } : b;
  if (headed && (slot.kind === 'bullets' || slot.kind === 'table' || slot.kind === 'chart')) {
    const token = slot.kind === 'bullets' ? `{{bullets.${slot.n}.title}}` : `{{${slot.kind}.${slot.n}.title}}`;
    out.push(...textShape(id(`${slot.kind}${slot.n}_head`), page, { ...b, h: 16 }, token, { size: 10, colour: HEX.teal, bold: true }));
  }
  switch (slot.kind) {
    case 'bullets':
    case 'bulletsOrText': {
      const n = slot.kind === 'bullets' ? slot.n : 1;
      const text = slot.kind === 'bullets' ? `{{bullets.${n}}}` : '{{bullets.1}}{{text.1}}';
      out.push(...textShape(id(`bullets${n}`), page, area, text, { size: 11, colour: HEX.ink }));
      out.push({ createParagraphBullets: { objectId: id(`bullets${n}`), textRange: { type: 'ALL' }, bulletPreset: 'BULLET_DISC_CIRCLE_SQUARE' } });
      break;
    }
    case 'text':
      out.push(...textShape(id(`text${slot.n}`), page, { ...area, h: Math.min(area.h, 90) }, `{{text.${slot.n}}}`, { size: 14, colour: HEX.ink, bold: true }, { shape: 'ROUND_RECTANGLE', fill: HEX.calloutFill, middle: true }));
      break;
    case 'chart':
      out.push(...textShape(id(`chart${slot.n}`), page, area, `{{chart.${slot.n}}}`, { size: 10, colour: HEX.slate, align: 'CENTER' }, { shape: 'RECTANGLE', fill: HEX.panel, outline: { colour: HEX.rule, dash: 'DASH' }, middle: true }));
      break;
    case 'table':
      // A table grows downward as rows are added: under a KPI row there is room for fewer of them.
      out.push(...rowTemplateTable(id(`table${slot.n}`), page, { ...area, h: 44 }, slot.n, slot.widths, slot.rows ?? (underKpis ? 6 : 10)));
      break;
  }
  return out;
}

function content(s: SlideSpec, page: string): object[] {
  const id = (r: string) => idFor(s.key, r);
  const out: object[] = [
    ...textShape(id('title'), page, { x: MX, y: 16, w: CW, h: 34 }, '{{title}}', { size: 22, colour: HEX.navy, bold: true }),
    ...textShape(id('subtitle'), page, { x: MX, y: 50, w: CW, h: 18 }, '{{subtitle}}', { size: 11, colour: HEX.slate }),
    ...bar(id('accent'), page, { x: MX, y: 70, w: 48, h: 3 }, HEX.teal),
  ];
  if (s.kpis) out.push(...kpiCards(s, page, s.kpis));
  const top = s.kpis ? CONTENT_TOP + KPI_H + 12 : CONTENT_TOP;
  const body = s.body ?? [];
  const total = body.reduce((sum, b) => sum + WEIGHT[b.kind], 0);
  let x = MX;
  for (const slot of body) {
    const w = (CW - GAP * (body.length - 1)) * (WEIGHT[slot.kind] / total);
    out.push(...bodySlot(s, page, slot, { x, y: top, w, h: BODY_BOTTOM - top }, Boolean(s.kpis)));
    x += w + GAP;
  }
  out.push(
    ...textShape(id('confirm'), page, { x: MX, y: 362, w: CW, h: 16 }, '{{confirm}}', { size: 8, colour: HEX.amberText }),
    ...textShape(id('sources'), page, { x: MX, y: 382, w: 440, h: 16 }, '{{sources}}', { size: 7, colour: HEX.grey }),
    ...textShape(id('footer'), page, { x: 480, y: 382, w: 204, h: 16 }, '{{account}} · {{quarter}}', { size: 7, colour: HEX.grey, align: 'END' }),
  );
  return out;
}

/** Requests that draw one slide of the built-in template; its object ID carries the slide tag (`qbr__KEY__VARIANTS`). */
export function builtInSlideRequests(s: SlideSpec, index: number): object[] {
  const page = slideObjectId(s.key, variantsOf(s.key));
  return [
    { createSlide: { objectId: page, insertionIndex: index, slideLayoutReference: { predefinedLayout: 'BLANK' } } },
    ...(s.cover ? cover(s, page) : content(s, page)),
  ];
}

/**
 * create → build → mark. `build` ends by deleting the slide presentations.create always adds, whose ID it learns from
 * the create response (bound as `blankSlideId`), after the new slides exist so the deck is never empty.
 */
export function builtInTemplateRequests(): { create: ApiCall; build: ApiCall; mark: ApiCall } {
  const requests = BUILT_IN.flatMap((s, i) => builtInSlideRequests(s, i));
  requests.push({ deleteObject: { objectId: '${blankSlideId}' } });
  return {
    create: {
      id: 'slides.presentations.create', params: {}, body: { title: TEMPLATE_TITLE },
      bind: { deckTemplateId: 'presentationId', blankSlideId: 'slides.0.objectId' },
      note: 'Create the built-in QBR template in your Drive (first run only)',
    },
    build: {
      id: 'slides.presentations.batchUpdate', params: { presentationId: '${deckTemplateId}' }, body: { requests }, bodyRefs: true,
      note: `Draw the built-in template: ${BUILT_IN.length} slides, ${requests.length} requests in one batch`,
    },
    mark: {
      id: 'drive.files.update', params: { fileId: '${deckTemplateId}' }, body: { appProperties: { ...TEMPLATE_MARK } },
      note: 'Mark the built-in template so later runs reuse it',
    },
  };
}

/** Finds the built-in template a previous run made (drive.file sees only files this app created, which it is), wherever it was moved. */
export function findTemplateCall(): ApiCall {
  return {
    id: 'drive.files.list',
    params: {
      q: `appProperties has { key='qbrFacilitatorTemplate' and value='${TEMPLATE_MARK.qbrFacilitatorTemplate}' } and trashed = false`,
      fields: 'files(id,name)',
      pageSize: 1,
      ...ALL_DRIVES,
    },
    bind: { deckTemplateId: 'files.0.id' },
    note: 'Look for the built-in template made on an earlier run',
  };
}
