/** Sheets v4: read the tracker's tabs, write back the QBR Log and Actions, add sheets and charts. */
import { MIME } from '../state';
import { FakeError, type FakeRequest, type FakeState, type Handler } from '../types';
import { type Area, type Book, type Sheet, formatArea, gridSize, parseInput, parseRange, readArea, rowIsEmpty, transpose, writeGrid } from './a1';
import { type AnyJson, flag, invalid, notFound, ok, param, params, pathParam } from './util';

function book(req: FakeRequest, state: FakeState): Book {
  const b = state.spreadsheets.get(pathParam(req, 'spreadsheetId'));
  if (!b) throw notFound();
  return b;
}

function valueRange(req: FakeRequest, b: Book, range: string): AnyJson {
  const area = parseRange(b, range);
  const columns = param(req, 'majorDimension') === 'COLUMNS';
  const values = readArea(area, param(req, 'valueRenderOption'), param(req, 'dateTimeRenderOption'), columns);
  return { range: formatArea(area), majorDimension: columns ? 'COLUMNS' : 'ROWS', ...(values.length ? { values } : {}) };
}

/** `valueInputOption` is optional in the discovery document but Google refuses a write without it. */
function inputOption(option: string | undefined): boolean {
  if (option !== 'RAW' && option !== 'USER_ENTERED') throw invalid("'valueInputOption' is required but not specified", 'required');
  return option === 'USER_ENTERED';
}

/** Writes one ValueRange at its area's top-left; refuses to spill past a bounded range, as Google does. */
function write(area: Area, input: AnyJson, userEntered: boolean): AnyJson {
  const raw: unknown[][] = input.values ?? [];
  const grid = (input.majorDimension === 'COLUMNS' ? transpose(raw) : raw).map((row, i) => row.map((v, j) => parseInput(v, userEntered, `[${i}][${j}]`)));
  const width = Math.max(0, ...grid.map((r) => r.length));
  if ((area.r1 !== undefined && area.r0 + grid.length - 1 > area.r1) || (area.c1 !== undefined && area.c0 + width - 1 > area.c1)) {
    throw invalid(`Requested writing within range [${formatArea(area)}], but tried writing ${grid.length} rows × ${width} columns.`);
  }
  writeGrid(area.sheet, area.r0, area.c0, grid);
  const written: Area = { sheet: area.sheet, r0: area.r0, c0: area.c0, r1: area.r0 + Math.max(grid.length, 1) - 1, c1: area.c0 + Math.max(width, 1) - 1 };
  return { updatedRange: formatArea(written), updatedRows: grid.length, updatedColumns: width, updatedCells: grid.reduce((n, r) => n + r.length, 0) };
}

/** Google's append: find the table in the range, then write on the first row after it, from the table's first column. */
function append(area: Area, input: AnyJson, userEntered: boolean, insertRows: boolean): AnyJson {
  const rows = area.sheet.values;
  const last = area.r1 ?? Math.max(rows.length - 1, area.r0);
  let start = area.r0;
  while (start <= last && rowIsEmpty(rows[start], area.c0, area.c1)) start++;
  let end = start;
  while (end <= last && !rowIsEmpty(rows[end], area.c0, area.c1)) end++;
  const hasTable = start <= last && end > start;
  const firstCol = hasTable ? Math.min(...rows.slice(start, end).map((r) => r.findIndex((v, j) => j >= area.c0 && v !== '' && v !== null && v !== undefined)).filter((j) => j >= 0)) : area.c0;
  const at = hasTable ? end : area.r0;
  const count = (input.values ?? []).length;
  if (insertRows && at < rows.length) rows.splice(at, 0, ...Array.from({ length: count }, () => []));
  const updates = write({ sheet: area.sheet, r0: at, c0: firstCol }, input, userEntered);
  const tableRange = hasTable ? { tableRange: formatArea({ sheet: area.sheet, r0: start, c0: firstCol, r1: end - 1, c1: area.c1 ?? Math.max(...rows.slice(start, end).map((r) => r.length)) - 1 }) } : {};
  return { ...tableRange, updates };
}

function sheetResource(s: Sheet, index: number): AnyJson {
  const { rows, cols } = gridSize(s);
  return { properties: { sheetId: s.sheetId, title: s.title, index, sheetType: 'GRID', gridProperties: { rowCount: rows, columnCount: cols } }, charts: s.charts };
}

function spreadsheetResource(id: string, b: Book): AnyJson {
  return {
    spreadsheetId: id,
    properties: { title: b.title, locale: 'en_US', timeZone: 'America/New_York' },
    sheets: b.sheets.map(sheetResource),
    spreadsheetUrl: `https://docs.google.com/spreadsheets/d/${id}/edit`,
  };
}

function sheetById(b: Book, sheetId: unknown, where: string): Sheet {
  const s = b.sheets.find((x) => x.sheetId === (sheetId ?? 0));
  if (!s) throw invalid(`Invalid ${where}: No grid with id: ${String(sheetId)}`);
  return s;
}

/** Requests that only format or lay out cells: accepted and not modelled, since the fake keeps values only. */
const FORMATTING = new Set([
  'repeatCell', 'updateDimensionProperties', 'autoResizeDimensions', 'mergeCells', 'unmergeCells', 'updateBorders',
  'setDataValidation', 'addConditionalFormatRule', 'addBanding', 'setBasicFilter', 'clearBasicFilter', 'addProtectedRange',
  'addNamedRange', 'updateEmbeddedObjectPosition', 'updateSpreadsheetProperties',
]);

/** One `Request` of spreadsheets.batchUpdate, applied to `b`; returns its reply (`{}` when Google sends an empty one). */
function applyRequest(b: Book, state: FakeState, request: AnyJson, i: number): AnyJson {
  const [kind, r] = Object.entries<AnyJson>(request)[0] ?? ['(empty)', {}];
  const where = `requests[${i}].${kind}`;
  const charts = (): { sheet: Sheet; index: number }[] => b.sheets.flatMap((sheet) => sheet.charts.map((c, index) => ({ sheet, index, c }))).filter((x) => x.c.chartId === r.objectId || x.c.chartId === r.chartId);
  switch (kind) {
    case 'addSheet': {
      const p = r.properties ?? {};
      const title: string = p.title ?? `Sheet${b.sheets.length + 1}`;
      if (b.sheets.some((s) => s.title === title)) throw invalid(`Invalid ${where}: A sheet with the name "${title}" already exists. Please enter another name.`);
      const sheetId: number = p.sheetId ?? Number(state.nextId('')) + 100000;
      if (b.sheets.some((s) => s.sheetId === sheetId)) throw invalid(`Invalid ${where}: Sheet with id ${sheetId} already exists.`);
      const sheet: Sheet = { sheetId, title, values: [], charts: [] };
      b.sheets.splice(p.index ?? b.sheets.length, 0, sheet);
      return { addSheet: { properties: sheetResource(sheet, b.sheets.indexOf(sheet)).properties } };
    }
    case 'deleteSheet':
      b.sheets.splice(b.sheets.indexOf(sheetById(b, r.sheetId, where)), 1);
      return {};
    case 'updateSheetProperties': {
      const sheet = sheetById(b, r.properties?.sheetId, where);
      if (r.properties?.title !== undefined && /(^|,)\s*(title|\*)\s*(,|$)/.test(r.fields ?? '')) sheet.title = r.properties.title;
      return {};
    }
    case 'addChart': {
      const pos = r.chart?.position ?? {};
      const sheet = pos.newSheet
        ? (applyRequest(b, state, { addSheet: {} }, i), b.sheets[b.sheets.length - 1] as Sheet)
        : sheetById(b, pos.sheetId ?? pos.overlayPosition?.anchorCell?.sheetId, where);
      const chartId: number = r.chart?.chartId ?? Number(state.nextId('')) + 200000;
      sheet.charts.push({ chartId, spec: r.chart?.spec ?? {}, ...(r.chart?.position ? { position: r.chart.position } : {}) });
      return { addChart: { chart: { ...r.chart, chartId } } };
    }
    case 'updateChartSpec':
    case 'deleteEmbeddedObject': {
      const hit = charts()[0];
      if (!hit) throw invalid(`Invalid ${where}: No embedded object with id: ${r.objectId ?? r.chartId}`);
      if (kind === 'deleteEmbeddedObject') hit.sheet.charts.splice(hit.index, 1);
      else (hit.sheet.charts[hit.index] as { spec: unknown }).spec = r.spec;
      return {};
    }
    case 'updateCells': {
      // Only values are kept; a formulaValue is stored as the same formula marker USER_ENTERED produces.
      if (!/userEnteredValue|\*/.test(r.fields ?? '')) return {};
      const s = r.start ?? { sheetId: r.range?.sheetId, rowIndex: r.range?.startRowIndex ?? 0, columnIndex: r.range?.startColumnIndex ?? 0 };
      const grid = (r.rows ?? []).map((row: AnyJson) => (row.values ?? []).map((cell: AnyJson) => {
        const v = cell.userEnteredValue;
        if (!v) return undefined;
        return v.formulaValue !== undefined ? { formula: v.formulaValue } : (v.stringValue ?? v.numberValue ?? v.boolValue);
      }));
      writeGrid(sheetById(b, s.sheetId, where), s.rowIndex ?? 0, s.columnIndex ?? 0, grid);
      return {};
    }
    case 'insertDimension':
    case 'deleteDimension': {
      const range = r.range ?? {};
      if (range.dimension !== 'ROWS') throw new FakeError(501, `The fake only models ${kind} on ROWS.`, 'notImplemented');
      const values = sheetById(b, range.sheetId, where).values;
      const n = (range.endIndex ?? 0) - (range.startIndex ?? 0);
      if (kind === 'insertDimension') values.splice(range.startIndex ?? 0, 0, ...Array.from({ length: n }, () => []));
      else values.splice(range.startIndex ?? 0, n);
      return {};
    }
    default:
      if (FORMATTING.has(kind)) return {};
      throw new FakeError(501, `The fake Google server does not model ${where} yet.`, 'notImplemented');
  }
}

export const sheetsHandlers: Record<string, Handler> = {
  'sheets.spreadsheets.get': (req, state) => {
    if (flag(req, 'includeGridData')) throw new FakeError(501, 'The fake does not serve includeGridData; read values with values.batchGet.', 'notImplemented');
    return ok(spreadsheetResource(pathParam(req, 'spreadsheetId'), book(req, state)));
  },

  'sheets.spreadsheets.create': (req, state) => {
    const body: AnyJson = req.body ?? {};
    const id = state.nextId('sheet');
    const title: string = body.properties?.title ?? 'Untitled spreadsheet';
    const tabs: AnyJson[] = body.sheets?.length ? body.sheets : [{ properties: { title: 'Sheet1' } }];
    state.spreadsheets.set(id, { title, sheets: tabs.map((s, i) => ({ sheetId: s.properties?.sheetId ?? i, title: s.properties?.title ?? `Sheet${i + 1}`, values: [], charts: [] })) });
    state.files.set(id, { id, name: title, mimeType: MIME.spreadsheet, parents: ['root'], permissions: [], appCreated: true });
    return ok(spreadsheetResource(id, state.spreadsheets.get(id) as Book));
  },

  'sheets.spreadsheets.values.get': (req, state) => ok(valueRange(req, book(req, state), pathParam(req, 'range'))),

  'sheets.spreadsheets.values.batchGet': (req, state) => {
    const b = book(req, state);
    return ok({ spreadsheetId: pathParam(req, 'spreadsheetId'), valueRanges: params(req, 'ranges').map((r) => valueRange(req, b, r)) });
  },

  'sheets.spreadsheets.values.update': (req, state) => {
    const b = book(req, state);
    const area = parseRange(b, pathParam(req, 'range'));
    return ok({ spreadsheetId: pathParam(req, 'spreadsheetId'), ...write(area, req.body ?? {}, inputOption(param(req, 'valueInputOption'))) });
  },

  'sheets.spreadsheets.values.batchUpdate': (req, state) => {
    const b = book(req, state);
    const body: AnyJson = req.body ?? {};
    const userEntered = inputOption(body.valueInputOption);
    const spreadsheetId = pathParam(req, 'spreadsheetId');
    const responses = (body.data ?? []).map((vr: AnyJson) => ({ spreadsheetId, ...write(parseRange(b, vr.range ?? ''), vr, userEntered) }));
    const sum = (k: string): number => responses.reduce((n: number, r: AnyJson) => n + r[k], 0);
    return ok({ spreadsheetId, totalUpdatedRows: sum('updatedRows'), totalUpdatedColumns: sum('updatedColumns'), totalUpdatedCells: sum('updatedCells'), totalUpdatedSheets: new Set(responses.map((r: AnyJson) => r.updatedRange.split('!')[0])).size, responses });
  },

  'sheets.spreadsheets.values.append': (req, state) => {
    const b = book(req, state);
    const area = parseRange(b, pathParam(req, 'range'));
    const result = append(area, req.body ?? {}, inputOption(param(req, 'valueInputOption')), param(req, 'insertDataOption') === 'INSERT_ROWS');
    const spreadsheetId = pathParam(req, 'spreadsheetId');
    return ok({ spreadsheetId, ...result, updates: { spreadsheetId, ...result.updates } });
  },

  'sheets.spreadsheets.values.clear': (req, state) => {
    const area = parseRange(book(req, state), pathParam(req, 'range'));
    const { rows, cols } = gridSize(area.sheet);
    for (let r = area.r0; r <= Math.min(area.r1 ?? rows - 1, area.sheet.values.length - 1); r++) {
      const row = area.sheet.values[r] ?? [];
      for (let c = area.c0; c <= Math.min(area.c1 ?? cols - 1, row.length - 1); c++) row[c] = '';
    }
    return ok({ spreadsheetId: pathParam(req, 'spreadsheetId'), clearedRange: formatArea(area) });
  },

  'sheets.spreadsheets.batchUpdate': (req, state) => {
    const id = pathParam(req, 'spreadsheetId');
    const original = book(req, state);
    // Google applies a batch atomically: work on a copy and keep it only if every request succeeds.
    const draft = structuredClone(original);
    const replies = ((req.body as AnyJson)?.requests ?? []).map((r: AnyJson, i: number) => applyRequest(draft, state, r, i));
    Object.assign(original, draft);
    const content = (req.body as AnyJson)?.includeSpreadsheetInResponse ? { updatedSpreadsheet: spreadsheetResource(id, draft) } : {};
    return ok({ spreadsheetId: id, replies, ...content });
  },
};
