/**
 * A team's own branded template, made the way a designer would (layout placeholders, notes tags, a table whose last row
 * is the row template, a chart placeholder, an untagged slide), filled with linked charts from the tracker's chart tab.
 */
import { join } from 'node:path';
import { analyzeWorkbook } from '../../src/core';
import { buildPackage } from '../../src/core/package/package';
import type { DeckPlan } from '../../src/core/package/types';
import { chartSheetRequests } from '../../src/google/slides/charts';
import { fillRequests } from '../../src/google/slides/fill';
import { readTemplate, type TemplateModel } from '../../src/google/slides/read';
import { readCsvFolder } from '../../src/workbook/csv';
import { sheetsHandlers } from '../fake-google/apis/sheets';
import { applySlidesRequests, makePresentation, presentationText } from '../fake-google/apis/slides';
import { validateBody } from '../fake-google/discovery';
import { seedSpreadsheet } from '../fake-google/seed';
import { createState } from '../fake-google/state';
import type { FakeState } from '../fake-google/types';

const TODAY = '2026-11-22';
const book = analyzeWorkbook(readCsvFolder(join(__dirname, '../../examples/tracker-csv')), { today: TODAY });
const deck: DeckPlan = buildPackage(book.accounts.find((a) => a.id === 'ACC-001')!, { today: TODAY }).deck!;

/* eslint-disable @typescript-eslint/no-explicit-any -- the fake's presentations are REST JSON */
type Json = any;

const box = (page: string, y: number) => ({
  pageObjectId: page, size: { width: { magnitude: 300, unit: 'PT' }, height: { magnitude: 40, unit: 'PT' } },
  transform: { scaleX: 1, scaleY: 1, translateX: 20, translateY: y, unit: 'PT' },
});
const shape = (id: string, page: string, y: number, text: string) => [
  { createShape: { objectId: id, shapeType: 'TEXT_BOX', elementProperties: box(page, y) } },
  { insertText: { objectId: id, text } },
];
const cell = (table: string, rowIndex: number, columnIndex: number, text: string) => ({ insertText: { objectId: table, cellLocation: { rowIndex, columnIndex }, text } });

function apply(state: FakeState, p: Json, requests: object[]): Json {
  expect(validateBody('slides.presentations.batchUpdate', { requests })).toEqual([]);
  return applySlidesRequests(state, p, requests).presentation;
}

/** The designer's template: built in the editor in real life; here through the fake, notes tags written last. */
function brandedTemplate(state: FakeState): Json {
  let p = makePresentation('Acme branded QBR');
  const cover = p.slides[0];
  const [titleBox, subtitleBox] = cover.pageElements.map((e: Json) => e.objectId);
  const slide = (id: string) => ({ createSlide: { objectId: id, slideLayoutReference: { predefinedLayout: 'BLANK' } } });
  p = apply(state, p, [
    { insertText: { objectId: titleBox, text: '{{ account }}: {{title}}' } },
    { insertText: { objectId: subtitleBox, text: '{{subtitle}} · {{qbr_date}}' } },
    slide('brand_exec'),
    ...shape('brand_exec_title', 'brand_exec', 10, '{{title}}'),
    ...shape('brand_k1', 'brand_exec', 60, '{{kpi.1.label}}: {{kpi.1.value}}'),
    ...shape('brand_k9', 'brand_exec', 110, '{{kpi.9.label}}\n{{kpi.9.value}}'),
    ...shape('brand_misc', 'brand_exec', 160, 'Prepared by {{csm}}{{no.such.token}}'),
    ...shape('brand_typo', 'brand_exec', 210, 'Oops {{title'),
    slide('brand_partner'),
    ...shape('brand_partner_t', 'brand_partner', 10, '{{title}}'),
    slide('brand_roi'),
    ...shape('brand_roi_title', 'brand_roi', 10, '{{title}} ({{quarter}})'),
    { createTable: { objectId: 'brand_roi_table', elementProperties: box('brand_roi', 60), rows: 3, columns: 3 } },
    cell('brand_roi_table', 0, 0, 'Category'), cell('brand_roi_table', 0, 1, '{{col.3}}'), cell('brand_roi_table', 0, 2, 'Source'),
    cell('brand_roi_table', 1, 0, 'Figures for {{quarter}}'),
    cell('brand_roi_table', 2, 0, '{{row.1}}'), cell('brand_roi_table', 2, 1, '{{row.3}}'), cell('brand_roi_table', 2, 2, '{{row.5}}'),
    ...shape('brand_roi_chart', 'brand_roi', 300, '{{chart.1}}'),
    slide('brand_adopt'),
    ...shape('brand_adopt_head', 'brand_adopt', 10, '{{chart.1.title}}'),
    ...shape('brand_adopt_chart', 'brand_adopt', 60, '{{chart.1}}'),
    slide('brand_about'),
    ...shape('brand_about_t', 'brand_about', 10, 'About {{account}}'),
    slide('brand_unused'),
  ]);
  const notesOf = (id: string) => p.slides.find((s: Json) => s.objectId === id).slideProperties.notesPage.notesProperties.speakerNotesObjectId;
  const tag = (id: string, text: string) => ({ insertText: { objectId: notesOf(id), text } });
  return apply(state, p, [
    tag(cover.objectId, 'Open warmly.\n{{slide:title}}'),
    tag('brand_exec', '{{ slide: exec-summary }}'),
    tag('brand_partner', '{{slide:partnership-summary}} {{variants:ebr}}'),
    tag('brand_roi', '{{slide:value-roi}}'),
    tag('brand_adopt', '{{slide:adoption-trend}}\n{{variants: ebr, ent, mm, smb}}'),
    tag('brand_about', 'Presenter: {{csm}}'),
    tag('brand_unused', '{{slide:renewal-outlook}}'),
  ]);
}

describe('a branded template with notes tags', () => {
  const state = createState();
  let template: Json;
  let model: TemplateModel;
  let out: ReturnType<typeof fillRequests>;
  let slides: ReturnType<typeof presentationText>['slides'];
  const text = (id: string) => slides.find((s) => s.objectId === id)!;

  beforeAll(() => {
    template = brandedTemplate(state);
    model = readTemplate(template);
    // The chart tab of the tracker: values written, charts added, their ids mapped to slide keys.
    seedSpreadsheet(state, 'tracker', { Accounts: [['Account ID']], 'QBR Charts': [] });
    const plan = chartSheetRequests(deck, { sheetId: 1, sheetTitle: 'QBR Charts', accountId: 'ACC-001', startRow: 1 });
    const sheets = (methodId: string, params: Record<string, string>, body: unknown) => sheetsHandlers[methodId]!({ methodId, params, body, token: null }, state).body as Json;
    sheets('sheets.spreadsheets.values.update', { spreadsheetId: 'tracker', range: plan.values.range, valueInputOption: 'RAW' }, plan.values);
    const replies = sheets('sheets.spreadsheets.batchUpdate', { spreadsheetId: 'tracker' }, { requests: plan.addCharts }).replies;
    const charts = Object.fromEntries(plan.chartKeys.map((k, i) => [k, { spreadsheetId: 'tracker', chartId: replies[i].addChart.chart.chartId as number }]));
    out = fillRequests(model, deck, { extraTokens: { csm: 'Dana Lee' }, charts });
    expect(validateBody('slides.presentations.batchUpdate', { requests: out.requests })).toEqual([]);
    slides = presentationText(applySlidesRequests(state, template, out.requests).presentation).slides;
  });

  it('reads keys and variants from the notes (spaces and short variant names allowed)', () => {
    expect(model.slides.map((s) => [s.key, s.tag, s.variants])).toEqual([
      ['title', 'notes', null],
      ['exec-summary', 'notes', null],
      ['partnership-summary', 'notes', ['ebr']],
      ['value-roi', 'notes', null],
      ['adoption-trend', 'notes', ['ebr', 'enterprise', 'midmarket', 'smb']],
      [null, null, null],
      ['renewal-outlook', 'notes', null],
    ]);
    const roi = model.slides[3]!.rowTables[0]!;
    expect(roi).toMatchObject({ objectId: 'brand_roi_table', block: 1, bound: 'order', templateRow: 2, columns: 3, cellCount: 3, maxRows: null });
    expect(model.problems).toEqual(['Slide brand_exec: 1 "{{" not closed by "}}"']);
  });

  it('deletes the other variant\'s slide and the slide this deck has no plan for; keeps the untagged one', () => {
    expect(slides.map((s) => s.objectId)).toEqual([template.slides[0].objectId, 'brand_exec', 'brand_roi', 'brand_adopt', 'brand_about']);
    expect(out.missingSlides).toEqual(deck.slides.map((s) => s.key).filter((k) => !['title', 'exec-summary', 'value-roi', 'adoption-trend'].includes(k)));
  });

  it('fills scalar, deck and caller tokens; removes optional slots the slide lacks; reports unknown tokens', () => {
    const kpi = (deck.slides.find((s) => s.key === 'exec-summary')!.blocks[0] as { items: { label: string; value: string }[] }).items[0]!;
    expect(text('brand_exec').texts).toEqual(['Executive summary', `${kpi.label}: ${kpi.value}`, 'Prepared by Dana Lee', 'Oops title']);
    expect(out.unknownTokens).toEqual(['{{no.such.token}} (slide exec-summary)']);
    expect(out.problems).toEqual(['exec-summary: 1 unclosed "{{" removed']);
    expect(text(template.slides[0].objectId).texts[0]).toBe(`${deck.accountName}: ${deck.slides[0]!.title}`);
    expect(text('brand_about')).toMatchObject({ texts: [`About ${deck.accountName}`], notes: 'Presenter: Dana Lee' });
  });

  it('grows the row template with the columns the designer chose, filling header tokens too', () => {
    const t = deck.slides.find((s) => s.key === 'value-roi')!.blocks.find((b) => b.kind === 'table') as { rows: { text: string }[][]; columns: { header: string }[] };
    const quarter = text('brand_roi').texts[0]!.match(/\((.+)\)$/)![1];
    expect(text('brand_roi').tables[0]).toEqual([
      ['Category', t.columns[2]!.header, 'Source'],
      [`Figures for ${quarter}`, '', ''],
      ...t.rows.map((r) => [r[0]!.text, r[2]!.text, r[4]!.text]),
    ]);
  });

  it('links the Sheets chart into the placeholder, and drops a chart placeholder the slide has no chart for', () => {
    expect(text('brand_adopt').charts).toBe(1);
    expect(text('brand_adopt').texts).toEqual(['Active users against licensed seats']);
    expect(out.requests).toContainEqual({ replaceAllShapesWithSheetsChart: expect.objectContaining({ containsText: { text: '{{chart.1}}', matchCase: true }, pageObjectIds: ['brand_adopt'], linkingMode: 'LINKED' }) });
    expect(out.requests).toContainEqual({ deleteObject: { objectId: 'brand_roi_chart' } });
  });

  it('rewrites the notes of tagged slides (tags gone) and leaves no {{ anywhere', () => {
    expect(text('brand_exec').notes).toContain('Questions to ask:');
    const all = slides.map((s) => [...s.texts, ...s.tables.flat(2), s.notes].join('\n')).join('\n');
    expect(all).not.toContain('{{');
  });
});
