/** Draws a chart block as a native, editable pptx line or bar chart, or its "no data" sentence when there is nothing to plot. */
import type PptxGenJS from 'pptxgenjs';
import type { Block } from '../../core/package/types';
import { drawEmpty, drawHeading, type Ctx } from './draw-text';
import { EMPTY_BOX_H } from './measure';
import { chartIsEmpty, type Frame } from './paginate';
import { COLOR, FONT, SERIES_COLORS } from './theme';

type BlockOf<K extends Block['kind']> = Extract<Block, { kind: K }>;

/** Excel number formats per plan format. Percent values are fractions (0.85 → 85%), as Excel's `0%` expects. */
const FORMAT_CODE: Record<BlockOf<'chart'>['format'], string> = {
  percent: '0%',
  score: '0',
  number: '#,##0',
};

/** A round value-axis range with about four gridlines and head room for the data labels. Percent axes of fractions stop at 100%. */
export function niceAxis(values: number[], fromZero: boolean, percent: boolean): { min: number; max: number; step: number } {
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  if (fromZero) {
    lo = Math.min(0, lo);
    hi = Math.max(0, hi);
  }
  if (hi === lo) hi = lo + (Math.abs(lo) || 1);
  const raw = (hi - lo) / 4;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const round = (v: number) => Number(v.toPrecision(12));
  const min = round(Math.floor(lo / step) * step);
  let max = round(Math.ceil(hi / step) * step);
  // Labels sit above the highest point: give them a band unless the axis already has one.
  if (max - hi < step * 0.15) max = round(max + step);
  if (percent && hi <= 1 && lo >= 0) max = Math.min(max, 1);
  return { min, max, step };
}

export function drawChart(ctx: Ctx, block: BlockOf<'chart'>, frame: Frame): void {
  const body = drawHeading(ctx, block.title, frame);
  if (chartIsEmpty(block)) {
    drawEmpty(ctx, block.empty, { ...body, h: Math.min(body.h, EMPTY_BOX_H) });
    return;
  }
  const data = block.series.map((s) => ({
    name: s.name,
    labels: block.categories,
    // Non-finite numbers would be written as "NaN" into the chart XML; a gap is the honest rendering.
    values: block.categories.map((_, i) => {
      const v = s.values[i];
      return v === null || v === undefined || !Number.isFinite(v) ? null : v;
    }),
  }));
  const values = data.flatMap((s) => s.values).filter((v): v is number => v !== null);
  const format = FORMAT_CODE[block.format];
  const multi = block.series.length > 1;
  const bar = block.chart === 'bar';

  const options: PptxGenJS.IChartOpts = {
    ...body,
    lang: ctx.lang,
    chartColors: SERIES_COLORS.slice(0, Math.max(1, block.series.length)),
    displayBlanksAs: 'gap',
    showLegend: multi,
    legendPos: 'b',
    legendFontFace: FONT,
    legendFontSize: 11,
    legendColor: COLOR.slate,
    catAxisLabelFontFace: FONT,
    catAxisLabelFontSize: 11,
    catAxisLabelColor: COLOR.slate,
    catAxisLineShow: true,
    catAxisLineColor: COLOR.rule,
    catAxisMajorTickMark: 'none',
    valAxisLabelFontFace: FONT,
    valAxisLabelFontSize: 10,
    valAxisLabelColor: COLOR.grey,
    valAxisLabelFormatCode: format,
    valAxisLineShow: false,
    valAxisMajorTickMark: 'none',
    valGridLine: { color: 'E6E9EE', size: 0.75, style: 'solid' },
    catGridLine: { style: 'none' },
    // Values on the points help an executive read a four-quarter trend; with several series they would clutter.
    showValue: !multi,
    dataLabelFormatCode: format,
    dataLabelFontFace: FONT,
    dataLabelFontSize: 11,
    dataLabelFontBold: true,
    dataLabelColor: COLOR.navy,
    dataLabelPosition: bar ? 'outEnd' : 't',
  };
  if (bar) {
    options.barDir = 'col';
    options.barGapWidthPct = 70;
  } else {
    options.lineSize = 3;
    options.lineDataSymbol = 'circle';
    options.lineDataSymbolSize = 8;
  }
  // Every axis starts at zero (SPEC §4.2): a cut axis makes a 6-point dip on a health chart look like a crash.
  const axis = niceAxis(values, true, block.format === 'percent');
  if (block.axisTitle) {
    options.showValAxisTitle = true;
    options.valAxisTitle = block.axisTitle;
    options.valAxisTitleFontFace = FONT;
    options.valAxisTitleFontSize = 10;
    options.valAxisTitleColor = COLOR.slate;
  }
  options.valAxisMinVal = axis.min;
  options.valAxisMaxVal = axis.max;
  options.valAxisMajorUnit = axis.step;
  ctx.slide.addChart(bar ? 'bar' : 'line', data, options);
}
