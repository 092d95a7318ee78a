/** Slides page-element requests: create shapes, images, lines and Sheets charts; move them; update their properties. */
import { type ElementRef, type SlidesCtx, claimId, normSize, normTransform, requireDrawablePage, requireElement } from './slides-model';
import { type SlidesRequest, readOnlyGuard } from './slides-pages';
import { applyMask, fail } from './slides-text';
import type { AnyJson } from './util';

/** Where a chart inserted as a plain image (NOT_LINKED_IMAGE) points, so tests can still tell chart images apart. */
export const CHART_IMAGE_URL = 'https://fake-google.test/sheets-chart/';

const IDENTITY = { scaleX: 1, scaleY: 1, unit: 'EMU' };

/** The page and geometry a create request names in elementProperties. */
export function placement(ctx: SlidesCtx, props: AnyJson | undefined): { list: AnyJson[]; size?: AnyJson; transform: AnyJson } {
  if (!props?.pageObjectId) fail('elementProperties.pageObjectId is required.');
  const page = requireDrawablePage(ctx.p, props.pageObjectId);
  page.pageElements ??= [];
  return { list: page.pageElements, size: normSize(props.size), transform: normTransform(props.transform) ?? { ...IDENTITY } };
}

export function element(objectId: string, at: { size?: AnyJson; transform: AnyJson }, body: AnyJson): AnyJson {
  return { objectId, ...(at.size ? { size: at.size } : {}), transform: at.transform, ...body };
}

/** A Sheets chart element (LINKED) or the image of one (NOT_LINKED_IMAGE, the default), after checking the chart exists. */
export function chartElement(ctx: SlidesCtx, objectId: string, r: AnyJson, at: { size?: AnyJson; transform: AnyJson }): AnyJson {
  requireChart(ctx, r);
  const contentUrl = `${CHART_IMAGE_URL}${r.spreadsheetId}/${r.chartId}`;
  if (r.linkingMode === 'LINKED') {
    return element(objectId, at, { sheetsChart: { spreadsheetId: r.spreadsheetId, chartId: r.chartId, contentUrl, sheetsChartProperties: { chartImageProperties: {} } } });
  }
  return element(objectId, at, { image: { contentUrl, imageProperties: {} } });
}

/** Google fetches the chart from Sheets before touching the deck, so a missing spreadsheet or chart fails the request. */
export function requireChart(ctx: SlidesCtx, r: AnyJson): void {
  const sheet = ctx.state.spreadsheets.get(r.spreadsheetId ?? '');
  if (!sheet) fail(`The spreadsheet (${r.spreadsheetId ?? ''}) could not be found.`);
  if (!sheet.sheets.some((s) => s.charts.some((c) => c.chartId === r.chartId))) {
    fail(`The chart (${r.chartId}) could not be found in the spreadsheet (${r.spreadsheetId}).`);
  }
}

const createShape: SlidesRequest = (ctx, r) => {
  const at = placement(ctx, r.elementProperties);
  if (!r.shapeType || r.shapeType === 'TYPE_UNSPECIFIED') fail('shapeType must be specified.');
  const objectId = claimId(ctx, r.objectId);
  at.list.push(element(objectId, at, { shape: { shapeType: r.shapeType, shapeProperties: {} } }));
  return { createShape: { objectId } };
};

const createImage: SlidesRequest = (ctx, r) => {
  const at = placement(ctx, r.elementProperties);
  if (typeof r.url !== 'string' || !/^https?:\/\//.test(r.url)) fail(`The image URL (${r.url ?? ''}) must be a public http(s) URL.`);
  if (r.url.length > 2000) fail('The image URL must be at most 2 kB long.');
  const objectId = claimId(ctx, r.objectId);
  at.list.push(element(objectId, at, { image: { contentUrl: r.url, sourceUrl: r.url, imageProperties: {} } }));
  return { createImage: { objectId } };
};

const createLine: SlidesRequest = (ctx, r) => {
  const at = placement(ctx, r.elementProperties);
  const objectId = claimId(ctx, r.objectId);
  at.list.push(element(objectId, at, { line: { lineType: 'STRAIGHT_LINE', lineCategory: r.category ?? r.lineCategory ?? 'STRAIGHT', lineProperties: {} } }));
  return { createLine: { objectId } };
};

const createSheetsChart: SlidesRequest = (ctx, r) => {
  const at = placement(ctx, r.elementProperties);
  const objectId = claimId(ctx, r.objectId);
  at.list.push(chartElement(ctx, objectId, r, at));
  return { createSheetsChart: { objectId } };
};

/** N·O for 2-D affine matrices [[scaleX shearX translateX] [shearY scaleY translateY]]. */
function compose(n: AnyJson, o: AnyJson): AnyJson {
  const [na, nb, nc, nd, ntx, nty] = [n.scaleX ?? 0, n.shearY ?? 0, n.shearX ?? 0, n.scaleY ?? 0, n.translateX ?? 0, n.translateY ?? 0];
  const [oa, ob, oc, od, otx, oty] = [o.scaleX ?? 0, o.shearY ?? 0, o.shearX ?? 0, o.scaleY ?? 0, o.translateX ?? 0, o.translateY ?? 0];
  return {
    scaleX: na * oa + nc * ob,
    shearX: na * oc + nc * od,
    translateX: na * otx + nc * oty + ntx,
    shearY: nb * oa + nd * ob,
    scaleY: nb * oc + nd * od,
    translateY: nb * otx + nd * oty + nty,
    unit: 'EMU',
  };
}

const updatePageElementTransform: SlidesRequest = (ctx, r) => {
  const ref = editable(ctx, r.objectId);
  const t = normTransform(r.transform) ?? fail('transform is required.');
  if (r.applyMode === 'ABSOLUTE') ref.el.transform = t;
  else if (r.applyMode === 'RELATIVE') ref.el.transform = compose(t, ref.el.transform ?? IDENTITY);
  else fail('applyMode must be RELATIVE or ABSOLUTE.');
  return {};
};

const updatePageElementAltText: SlidesRequest = (ctx, r) => {
  const ref = editable(ctx, r.objectId);
  if (r.title !== undefined) ref.el.title = r.title;
  if (r.description !== undefined) ref.el.description = r.description;
  return {};
};

function editable(ctx: SlidesCtx, id: string | undefined): ElementRef {
  const ref = requireElement(ctx.p, id);
  readOnlyGuard(ref);
  return ref;
}

/** An update of `<kind>.<propsKey>` on an element that must be of that kind. */
function propsUpdate(kind: string, propsKey: string, requestKey: string): SlidesRequest {
  return (ctx, r) => {
    const ref = editable(ctx, r.objectId);
    const target = ref.el[kind] ?? fail(`The object (${r.objectId}) is not a ${kind === 'sheetsChart' ? 'Sheets chart' : kind}.`);
    target[propsKey] = applyMask(target[propsKey], r[requestKey], r.fields);
    return {};
  };
}

const refreshSheetsChart: SlidesRequest = (ctx, r) => {
  const ref = requireElement(ctx.p, r.objectId);
  if (!ref.el.sheetsChart) fail(`The object (${r.objectId}) is not a linked Sheets chart.`);
  return {};
};

export const elementRequests: Record<string, SlidesRequest> = {
  createShape,
  createImage,
  createLine,
  createSheetsChart,
  updatePageElementTransform,
  updatePageElementAltText,
  updateShapeProperties: propsUpdate('shape', 'shapeProperties', 'shapeProperties'),
  updateImageProperties: propsUpdate('image', 'imageProperties', 'imageProperties'),
  updateLineProperties: propsUpdate('line', 'lineProperties', 'lineProperties'),
  refreshSheetsChart,
};
