/** Slides table requests: createTable, row and column insertion and deletion, and (validated, lightly stored) property updates. */
import { placement, element } from './slides-elements';
import { type SlidesCtx, claimId, dim, emu, requireElement } from './slides-model';
import { type SlidesRequest, readOnlyGuard } from './slides-pages';
import { applyMask, fail } from './slides-text';
import type { AnyJson } from './util';

const DEFAULT_COLUMN = 1524000; // EMU, 120 pt
const DEFAULT_ROW = 381000; // EMU, 30 pt
const MIN_COLUMN = 406400; // EMU: Google refuses columns narrower than 32 pt

/** Proto3 JSON leaves out zeros, so the top-left cell's location is `{}`. */
function location(row: number, column: number): AnyJson {
  return { ...(row ? { rowIndex: row } : {}), ...(column ? { columnIndex: column } : {}) };
}

function emptyCell(props?: AnyJson): AnyJson {
  return { rowSpan: 1, columnSpan: 1, tableCellProperties: structuredClone(props ?? {}) };
}

/** Recompute rows, columns and every cell's location after rows or columns moved. */
function relocate(table: AnyJson): void {
  table.rows = table.tableRows.length;
  table.columns = table.tableColumns.length;
  table.tableRows.forEach((row: AnyJson, r: number) => row.tableCells.forEach((cell: AnyJson, c: number) => (cell.location = location(r, c))));
}

export function requireTable(ctx: SlidesCtx, id: string | undefined): { table: AnyJson; remove: () => void } {
  const ref = requireElement(ctx.p, id);
  readOnlyGuard(ref);
  const table = ref.el.table ?? fail(`The object (${id}) is not a table.`);
  return { table, remove: () => void ref.list.splice(ref.list.indexOf(ref.el), 1) };
}

export function cellIndex(table: AnyJson, loc: AnyJson | undefined, id: string): [number, number] {
  const r: number = loc?.rowIndex ?? 0;
  const c: number = loc?.columnIndex ?? 0;
  if (r < 0 || c < 0 || r >= table.rows || c >= table.columns) {
    fail(`The cell location (row ${r}, column ${c}) is outside the ${table.rows}x${table.columns} table (${id}).`);
  }
  return [r, c];
}

export function tableCell(table: AnyJson, loc: AnyJson | undefined, id: string): AnyJson {
  const [r, c] = cellIndex(table, loc, id);
  return table.tableRows[r].tableCells[c];
}

function count(n: number | undefined): number {
  const k = n ?? 1;
  if (k < 1 || k > 20) fail(`number must be between 1 and 20, not ${k}.`);
  return k;
}

const createTable: SlidesRequest = (ctx, r) => {
  const at = placement(ctx, r.elementProperties);
  const rows: number = r.rows ?? 0;
  const columns: number = r.columns ?? 0;
  if (rows < 1 || columns < 1) fail(`A table needs at least one row and one column (got ${rows}x${columns}).`);
  const width = at.size ? emu(at.size.width) / columns : DEFAULT_COLUMN;
  const height = at.size ? emu(at.size.height) / rows : DEFAULT_ROW;
  const objectId = claimId(ctx, r.objectId);
  const table: AnyJson = {
    tableRows: [...Array(rows)].map(() => ({ rowHeight: dim(height), tableRowProperties: { minRowHeight: dim(height) }, tableCells: [...Array(columns)].map(() => emptyCell()) })),
    tableColumns: [...Array(columns)].map(() => ({ columnWidth: dim(width) })),
  };
  relocate(table);
  at.list.push(element(objectId, at, { table }));
  return { createTable: { objectId } };
};

const insertTableRows: SlidesRequest = (ctx, r) => {
  const { table } = requireTable(ctx, r.tableObjectId);
  const [row] = cellIndex(table, r.cellLocation, r.tableObjectId);
  const base = table.tableRows[row];
  // New rows copy the reference row's height and cell formatting, never its text.
  const added = [...Array(count(r.number))].map(() => ({
    rowHeight: structuredClone(base.rowHeight),
    tableRowProperties: structuredClone(base.tableRowProperties ?? {}),
    tableCells: base.tableCells.map((cell: AnyJson) => emptyCell(cell.tableCellProperties)),
  }));
  table.tableRows.splice(r.insertBelow ? row + 1 : row, 0, ...added);
  relocate(table);
  return {};
};

const deleteTableRow: SlidesRequest = (ctx, r) => {
  const { table, remove } = requireTable(ctx, r.tableObjectId);
  const [row] = cellIndex(table, r.cellLocation, r.tableObjectId);
  table.tableRows.splice(row, 1);
  if (!table.tableRows.length) remove();
  else relocate(table);
  return {};
};

const insertTableColumns: SlidesRequest = (ctx, r) => {
  const { table } = requireTable(ctx, r.tableObjectId);
  const [, column] = cellIndex(table, r.cellLocation, r.tableObjectId);
  const at = r.insertRight ? column + 1 : column;
  const n = count(r.number);
  table.tableColumns.splice(at, 0, ...[...Array(n)].map(() => structuredClone(table.tableColumns[column])));
  for (const tr of table.tableRows) tr.tableCells.splice(at, 0, ...[...Array(n)].map(() => emptyCell(tr.tableCells[column].tableCellProperties)));
  relocate(table);
  return {};
};

const deleteTableColumn: SlidesRequest = (ctx, r) => {
  const { table, remove } = requireTable(ctx, r.tableObjectId);
  const [, column] = cellIndex(table, r.cellLocation, r.tableObjectId);
  table.tableColumns.splice(column, 1);
  for (const tr of table.tableRows) tr.tableCells.splice(column, 1);
  if (!table.tableColumns.length) remove();
  else relocate(table);
  return {};
};

/** The cells a TableRange covers (the whole table when absent), checked against the table's bounds. */
function cellsIn(table: AnyJson, range: AnyJson | undefined, id: string): AnyJson[] {
  if (!range) return table.tableRows.flatMap((row: AnyJson) => row.tableCells);
  const [r0, c0] = cellIndex(table, range.location, id);
  const rows: number = range.rowSpan ?? 0;
  const cols: number = range.columnSpan ?? 0;
  if (rows < 1 || cols < 1) fail('tableRange needs a rowSpan and columnSpan of at least 1.');
  cellIndex(table, { rowIndex: r0 + rows - 1, columnIndex: c0 + cols - 1 }, id);
  return table.tableRows.slice(r0, r0 + rows).flatMap((row: AnyJson) => row.tableCells.slice(c0, c0 + cols));
}

const updateTableCellProperties: SlidesRequest = (ctx, r) => {
  const { table } = requireTable(ctx, r.objectId);
  for (const cell of cellsIn(table, r.tableRange, r.objectId)) cell.tableCellProperties = applyMask(cell.tableCellProperties, r.tableCellProperties, r.fields);
  return {};
};

const updateTableBorderProperties: SlidesRequest = (ctx, r) => {
  const { table } = requireTable(ctx, r.objectId);
  cellsIn(table, r.tableRange, r.objectId);
  applyMask({}, r.tableBorderProperties, r.fields);
  return {};
};

const updateTableColumnProperties: SlidesRequest = (ctx, r) => {
  const { table } = requireTable(ctx, r.objectId);
  const indices: number[] = r.columnIndices?.length ? r.columnIndices : [...table.tableColumns.keys()];
  const width = r.tableColumnProperties?.columnWidth;
  if (width && emu(width) < MIN_COLUMN) fail(`The column width (${emu(width)} EMU) must be at least 406400 EMU (32 pt).`);
  for (const i of indices) {
    if (i < 0 || i >= table.columns) fail(`The column index (${i}) is outside the table's ${table.columns} columns.`);
    const next = applyMask(table.tableColumns[i], r.tableColumnProperties, r.fields);
    table.tableColumns[i] = next.columnWidth ? { ...next, columnWidth: dim(emu(next.columnWidth)) } : next;
  }
  return {};
};

const updateTableRowProperties: SlidesRequest = (ctx, r) => {
  const { table } = requireTable(ctx, r.objectId);
  const indices: number[] = r.rowIndices?.length ? r.rowIndices : [...table.tableRows.keys()];
  for (const i of indices) {
    if (i < 0 || i >= table.rows) fail(`The row index (${i}) is outside the table's ${table.rows} rows.`);
    table.tableRows[i].tableRowProperties = applyMask(table.tableRows[i].tableRowProperties, r.tableRowProperties, r.fields);
  }
  return {};
};

export const tableRequests: Record<string, SlidesRequest> = {
  createTable,
  insertTableRows,
  deleteTableRow,
  insertTableColumns,
  deleteTableColumn,
  updateTableCellProperties,
  updateTableBorderProperties,
  updateTableColumnProperties,
  updateTableRowProperties,
};
