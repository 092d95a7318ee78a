/** The chart tab: each chart block's numbers laid out in rows, and addChart bodies Sheets accepts over exactly those rows. */
import { join } from 'node:path';
import { analyzeWorkbook } from '../../src/core';
import { buildPackage } from '../../src/core/package/package';
import type { DeckPlan } from '../../src/core/package/types';
import { CHART_ROWS, chartSheetRequests } from '../../src/google/slides/charts';
import { columnLetter as columnName, quoteSheet } from '../../src/google/sheets';
import { readCsvFolder } from '../../src/workbook/csv';
import { sheetsHandlers } from '../fake-google/apis/sheets';
import { validateBody } from '../fake-google/discovery';
import { seedSpreadsheet } from '../fake-google/seed';
import { createState } from '../fake-google/state';

const TODAY = '2026-11-22';
const book = analyzeWorkbook(readCsvFolder(join(__dirname, '../../examples/tracker-csv')), { today: TODAY });
const deck: DeckPlan = buildPackage(book.accounts.find((a) => a.id === 'ACC-001')!, { today: TODAY }).deck!;
const charts = deck.slides.flatMap((s) => s.blocks.flatMap((b, i) => (b.kind === 'chart' ? [{ slide: s.key, b, i }] : [])));

describe('chartSheetRequests', () => {
  const plan = chartSheetRequests(deck, { sheetId: 7, sheetTitle: "QBR Charts", accountId: 'ACC-001', startRow: 3 });

  it('makes one addChart per chart block with data, keyed slideKey:N in reply order', () => {
    expect(charts.length).toBe(2);
    expect(plan.chartKeys).toEqual(['adoption-trend:1', 'health:1']);
    expect(plan.addCharts).toHaveLength(2);
    expect(validateBody('sheets.spreadsheets.batchUpdate', { requests: plan.addCharts })).toEqual([]);
  });

  it('writes each block as label, header and one row per quarter, CHART_ROWS apart, as a full rectangle', () => {
    const first = charts[0]!.b as Extract<DeckPlan['slides'][number]['blocks'][number], { kind: 'chart' }>;
    expect(plan.values.values[0]![0]).toBe(`ACC-001 · adoption-trend:1 · ${first.title}`);
    expect(plan.values.values[1]).toEqual(['Quarter', ...first.series.map((s) => s.name)]);
    expect(plan.values.values[2]).toEqual([first.categories[0], ...first.series.map((s) => s.values[0] ?? '')]);
    expect(plan.values.values).toHaveLength(2 * CHART_ROWS);
    expect(new Set(plan.values.values.map((r) => r.length)).size).toBe(1);
    expect(plan.values.range).toBe(`'QBR Charts'!A3:C${3 + 2 * CHART_ROWS - 1}`);
    expect(plan.nextRow).toBe(3 + 2 * CHART_ROWS);
  });

  it('points the chart ranges at the header and data rows (0-based) of its own block', () => {
    const spec = (plan.addCharts[1] as { addChart: { chart: { spec: { basicChart: { chartType: string; domains: { domain: { sourceRange: { sources: object[] } } }[] } } } } }).addChart.chart.spec.basicChart;
    expect(spec.chartType).toBe('LINE');
    const quarters = (charts[1]!.b as { categories: string[] }).categories.length;
    expect(spec.domains[0]!.domain.sourceRange.sources[0]).toEqual({ sheetId: 7, startRowIndex: 2 + CHART_ROWS + 1, endRowIndex: 2 + CHART_ROWS + 2 + quarters, startColumnIndex: 0, endColumnIndex: 1 });
  });

  it('titles the value axis with its unit and starts it at zero, as the .pptx does (below zero only for a negative value)', () => {
    type Axis = { position: string; title: string; viewWindowOptions?: { viewWindowMode: string; viewWindowMin: number } };
    const axes = (i: number) => (plan.addCharts[i] as { addChart: { chart: { spec: { basicChart: { axis: Axis[] } } } } }).addChart.chart.spec.basicChart.axis;
    const health = charts[1]!.b as { axisTitle?: string };
    expect(health.axisTitle).toBeTruthy();
    expect(axes(1).find((a) => a.position === 'LEFT_AXIS')).toEqual({ position: 'LEFT_AXIS', title: health.axisTitle, viewWindowOptions: { viewWindowMode: 'EXPLICIT', viewWindowMin: 0 } });
    const negative = structuredClone(deck);
    for (const sl of negative.slides) for (const b of sl.blocks) if (b.kind === 'chart') b.series[0]!.values[0] = -18;
    const low = chartSheetRequests(negative, { sheetId: 7, sheetTitle: 'QBR Charts', accountId: 'ACC-001', startRow: 3 });
    const left = (low.addCharts[0] as { addChart: { chart: { spec: { basicChart: { axis: Axis[] } } } } }).addChart.chart.spec.basicChart.axis[1]!;
    expect(left.viewWindowOptions).toEqual({ viewWindowMode: 'EXPLICIT', viewWindowMin: -18 });
  });

  it('leaves out chart blocks with nothing to plot', () => {
    const empty = structuredClone(deck);
    for (const s of empty.slides) for (const b of s.blocks) if (b.kind === 'chart') b.series.forEach((x) => x.values.fill(null));
    const none = chartSheetRequests(empty, { sheetId: 0, sheetTitle: 'Charts', accountId: 'X', startRow: 1 });
    expect(none).toMatchObject({ addCharts: [], chartKeys: [], values: { values: [] }, nextRow: 1 });
  });

  it('runs against the fake Sheets API: values written where the charts read them', () => {
    const state = createState();
    seedSpreadsheet(state, 'tracker', { Accounts: [['Account ID']], 'QBR Charts': [] });
    const call = (methodId: string, params: Record<string, string>, body: unknown) => sheetsHandlers[methodId]!({ methodId, params, body, token: null }, state).body as { replies?: { addChart: { chart: { chartId: number } } }[] };
    const p = chartSheetRequests(deck, { sheetId: 1, sheetTitle: 'QBR Charts', accountId: 'ACC-001', startRow: 1 });
    call('sheets.spreadsheets.values.update', { spreadsheetId: 'tracker', range: p.values.range, valueInputOption: 'RAW' }, { range: p.values.range, values: p.values.values });
    const replies = call('sheets.spreadsheets.batchUpdate', { spreadsheetId: 'tracker' }, { requests: p.addCharts }).replies!;
    expect(replies.map((r) => typeof r.addChart.chart.chartId)).toEqual(['number', 'number']);
    const sheet = state.spreadsheets.get('tracker')!.sheets[1]!;
    expect(sheet.charts).toHaveLength(2);
    expect(sheet.values[1]![0]).toBe('Quarter');
  });

  it('names columns and quotes sheet titles the A1 way', () => {
    expect([0, 25, 26, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'ZZ', 'AAA']);
    expect(quoteSheet("Bob's charts")).toBe("'Bob''s charts'");
  });
});
