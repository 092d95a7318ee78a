/**
 * The deck's charts as linked Sheets charts: each chart block's numbers laid out in the tracker's chart tab, and one
 * addChart per block over them. The fill then swaps each `{{chart.N}}` placeholder for the chart, LINKED.
 */
import type { DeckPlan } from '../../core/package/types';
import { columnLetter, quoteSheet } from '../sheets';
import { HEX, rgb } from './theme';
import { blocksOf, hasChartData } from './values';

/** Rows each chart block takes in the tab, data and blank margin together, so each chart has room beside its numbers. */
export const CHART_ROWS = 18;
/** Chart blocks reserved per account in the tab, so each account's rows stay its own across runs (decks have at most 3). */
export const CHART_SLOT_BLOCKS = 4;

export interface ChartSheetPlan {
  /** For spreadsheets.values.update (valueInputOption RAW): a full rectangle, so a re-run overwrites old numbers. */
  values: { range: string; values: (string | number)[][] };
  /** Sheets Request bodies for one spreadsheets.batchUpdate; reply i holds the chartId of chartKeys[i]. */
  addCharts: object[];
  /** `slideKey:N` per addChart, in order: the keys fillRequests' `charts` option takes. */
  chartKeys: string[];
  /** The first row after this deck's blocks: where the next account's charts can start. */
  nextRow: number;
}

const SERIES = [HEX.teal, HEX.navy, '9AA5B8', 'F9A825', '6C8EBF'];

/**
 * `startRow` is 1-based (A1 notation). Each block: a label row (account · key · title), a header row (Quarter, series
 * names), one row per quarter; a missing value stays an empty cell so the line shows a gap rather than a false zero.
 */
export function chartSheetRequests(deck: DeckPlan, opts: { sheetId: number; sheetTitle: string; accountId: string; startRow: number }): ChartSheetPlan {
  const blocks = deck.slides.flatMap((s) => blocksOf(s, 'chart').map((c, i) => ({ key: `${s.key}:${i + 1}`, c }))).filter((b) => hasChartData(b.c));
  const width = Math.max(2, ...blocks.map((b) => b.c.series.length + 1));
  const rows: (string | number)[][] = [];
  const addCharts: object[] = [];
  blocks.forEach(({ key, c }, i) => {
    const top = opts.startRow - 1 + i * CHART_ROWS; // 0-based row of the label
    const block: (string | number)[][] = [
      [`${opts.accountId} · ${key} · ${c.title}`],
      ['Quarter', ...c.series.map((s) => s.name)],
      ...c.categories.map((q, k) => [q, ...c.series.map((s) => s.values[k] ?? '')]),
    ];
    while (block.length < CHART_ROWS) block.push([]);
    rows.push(...block.map((r) => [...r, ...Array<string>(width - r.length).fill('')]));
    const range = (col: number) => ({
      sheetId: opts.sheetId, startRowIndex: top + 1, endRowIndex: top + 2 + c.categories.length, startColumnIndex: col, endColumnIndex: col + 1,
    });
    addCharts.push({
      addChart: {
        chart: {
          spec: {
            title: c.title,
            basicChart: {
              chartType: c.chart === 'bar' ? 'COLUMN' : 'LINE',
              legendPosition: 'BOTTOM_LEGEND',
              headerCount: 1,
              // The value axis is titled with its unit and starts at zero (or below, for a negative NPS), as on the .pptx:
              // Sheets' own fit would cut it at 68 and make a 6-point dip look like a crash.
              axis: [
                { position: 'BOTTOM_AXIS', title: 'Quarter' },
                {
                  position: 'LEFT_AXIS', title: c.axisTitle ?? (c.format === 'percent' ? 'Share' : c.format === 'score' ? 'Score' : ''),
                  viewWindowOptions: { viewWindowMode: 'EXPLICIT', viewWindowMin: Math.min(0, ...c.series.flatMap((s) => s.values.filter((v): v is number => v !== null))) },
                },
              ],
              domains: [{ domain: { sourceRange: { sources: [range(0)] } } }],
              series: c.series.map((_s, k) => ({ series: { sourceRange: { sources: [range(k + 1)] } }, targetAxis: 'LEFT_AXIS', colorStyle: rgb(SERIES[k % SERIES.length]!) })),
            },
          },
          position: { overlayPosition: { anchorCell: { sheetId: opts.sheetId, rowIndex: top, columnIndex: width + 1 }, widthPixels: 520, heightPixels: 340 } },
        },
      },
    });
  });
  const end = opts.startRow + rows.length - 1;
  return {
    values: { range: `${quoteSheet(opts.sheetTitle)}!A${opts.startRow}:${columnLetter(width - 1)}${Math.max(end, opts.startRow)}`, values: rows },
    addCharts,
    chartKeys: blocks.map((b) => b.key),
    nextRow: opts.startRow + rows.length,
  };
}

/** The plan's numbers as a Sheets updateCells request (strings stay strings, never formulas), for the same batch as addChart. */
export function chartCellsRequest(plan: ChartSheetPlan, sheetId: number, startRow: number): object {
  return {
    updateCells: {
      start: { sheetId, rowIndex: startRow - 1, columnIndex: 0 },
      rows: plan.values.values.map((r) => ({ values: r.map((v) => ({ userEnteredValue: typeof v === 'number' ? { numberValue: v } : { stringValue: v } })) })),
      fields: 'userEnteredValue',
    },
  };
}
