/** Docs table requests: insertTable with Google's index layout, row and column insertion and deletion, cell and row styles. */
import { type DUnit, NORMAL, cellContentEnd, newline, tablePartners } from './docs-model';
import { type DocsRequest, noSegment, paragraphAt, requireInsertionPoint, resolveLocation } from './docs-edit';
import { applyMask, fail } from './slides-text';
import type { AnyJson } from './util';

interface TableLayout {
  ts: number;
  te: number;
  rows: { rs: number; end: number; cells: { cs: number; end: number }[] }[];
}

/** Rows and cells of the table starting at `ts`, by index. */
function tableAt(units: DUnit[], ts: number): TableLayout {
  if (units[ts]?.t !== 'ts') fail(`There is no table starting at index ${ts}.`);
  const partners = tablePartners(units);
  const te = partners.get(ts) as number;
  const rows: TableLayout['rows'] = [];
  let k = ts + 1;
  while (k < te) {
    const rs = k++;
    const cells: { cs: number; end: number }[] = [];
    while (units[k]?.t === 'cs') {
      const end = cellContentEnd(units, k, partners);
      cells.push({ cs: k, end });
      k = end;
    }
    rows.push({ rs, end: k, cells });
  }
  return { ts, te, rows };
}

function tableStart(loc: AnyJson | undefined): number {
  if (!loc) fail('tableStartLocation is required.');
  noSegment(loc.segmentId);
  return loc.index ?? 0;
}

function raw(units: DUnit[], k: number): AnyJson {
  return (units[k] as { raw: AnyJson }).raw;
}

const CELL_STYLE = { rowSpan: 1, columnSpan: 1, contentAlignment: 'TOP' };

/** An empty cell: its start marker and one empty NORMAL_TEXT paragraph, two indexes in all. */
function emptyCell(style: AnyJson = CELL_STYLE): DUnit[] {
  return [{ t: 'cs', raw: { tableCellStyle: { ...structuredClone(style), rowSpan: 1, columnSpan: 1 } } }, newline({}, { style: { ...NORMAL } })];
}

/**
 * Google: "A newline character will be inserted before the inserted table, therefore the table start index will be at
 * the specified location index + 1." Then 1 for the table start, 1 per row, 1 per cell plus its paragraph, 1 for the end.
 */
const insertTable: DocsRequest = (ctx, r) => {
  const i = resolveLocation(ctx, r);
  requireInsertionPoint(ctx.units, i);
  const rows: number = r.rows ?? 0;
  const columns: number = r.columns ?? 0;
  if (rows < 1 || columns < 1) fail(`A table needs at least one row and one column (got ${rows}x${columns}).`);
  const block: DUnit[] = [
    newline({}, paragraphAt(ctx.units, i)),
    { t: 'ts', raw: { tableStyle: { tableColumnProperties: [...Array(columns)].map(() => ({ widthType: 'EVENLY_DISTRIBUTED' })) } } },
  ];
  for (let row = 0; row < rows; row++) {
    block.push({ t: 'rs', raw: { tableRowStyle: { minRowHeight: { unit: 'PT' } } } });
    for (let c = 0; c < columns; c++) block.push(...emptyCell());
  }
  block.push({ t: 'te' });
  ctx.units.splice(i, 0, ...block);
  return {};
};

/** The table, and the row and column a tableCellLocation names, checked against the table's size. */
function locate(ctx: { units: DUnit[] }, loc: AnyJson | undefined): { table: TableLayout; row: number; column: number } {
  if (!loc) fail('tableCellLocation is required.');
  const table = tableAt(ctx.units, tableStart(loc.tableStartLocation));
  const row: number = loc.rowIndex ?? 0;
  const column: number = loc.columnIndex ?? 0;
  const cells = table.rows[row]?.cells.length ?? 0;
  if (row < 0 || row >= table.rows.length || column < 0 || column >= cells) {
    fail(`The cell (row ${row}, column ${column}) is outside the table starting at index ${table.ts}.`);
  }
  return { table, row, column };
}

function deleteTable(units: DUnit[], table: TableLayout): void {
  units.splice(table.ts, table.te + 1 - table.ts);
}

const insertTableRow: DocsRequest = (ctx, r) => {
  const { table, row } = locate(ctx, r.tableCellLocation);
  const ref = table.rows[row] as TableLayout['rows'][number];
  // The new row copies the reference row's row and cell styles, not its content.
  const added: DUnit[] = [{ t: 'rs', raw: structuredClone(raw(ctx.units, ref.rs)) }];
  for (const cell of ref.cells) added.push(...emptyCell(raw(ctx.units, cell.cs).tableCellStyle));
  ctx.units.splice(r.insertBelow ? ref.end : ref.rs, 0, ...added);
  return {};
};

const deleteTableRow: DocsRequest = (ctx, r) => {
  const { table, row } = locate(ctx, r.tableCellLocation);
  const ref = table.rows[row] as TableLayout['rows'][number];
  if (table.rows.length === 1) deleteTable(ctx.units, table);
  else ctx.units.splice(ref.rs, ref.end - ref.rs);
  return {};
};

function columnProps(units: DUnit[], table: TableLayout): AnyJson[] {
  const t = raw(units, table.ts);
  t.tableStyle ??= {};
  return (t.tableStyle.tableColumnProperties ??= []);
}

const insertTableColumn: DocsRequest = (ctx, r) => {
  const { table, column } = locate(ctx, r.tableCellLocation);
  // Later rows first, so the indexes of earlier rows stay valid.
  for (const row of [...table.rows].reverse()) {
    const cell = row.cells[Math.min(column, row.cells.length - 1)] as { cs: number; end: number };
    ctx.units.splice(r.insertRight ? cell.end : cell.cs, 0, ...emptyCell(raw(ctx.units, cell.cs).tableCellStyle));
  }
  columnProps(ctx.units, table).splice(r.insertRight ? column + 1 : column, 0, { widthType: 'EVENLY_DISTRIBUTED' });
  return {};
};

const deleteTableColumn: DocsRequest = (ctx, r) => {
  const { table, column } = locate(ctx, r.tableCellLocation);
  if ((table.rows[0]?.cells.length ?? 0) === 1) {
    deleteTable(ctx.units, table);
    return {};
  }
  columnProps(ctx.units, table).splice(column, 1);
  for (const row of [...table.rows].reverse()) {
    const cell = row.cells[column];
    if (cell) ctx.units.splice(cell.cs, cell.end - cell.cs);
  }
  return {};
};

const updateTableCellStyle: DocsRequest = (ctx, r) => {
  let targets: number[];
  if (r.tableStartLocation) {
    targets = tableAt(ctx.units, tableStart(r.tableStartLocation)).rows.flatMap((row) => row.cells.map((c) => c.cs));
  } else if (r.tableRange) {
    const { table, row, column } = locate(ctx, r.tableRange.tableCellLocation);
    const rows: number = r.tableRange.rowSpan ?? 0;
    const cols: number = r.tableRange.columnSpan ?? 0;
    if (rows < 1 || cols < 1 || row + rows > table.rows.length) fail('tableRange must cover at least one cell inside the table.');
    targets = table.rows.slice(row, row + rows).flatMap((tr) => {
      if (column + cols > tr.cells.length) fail('tableRange must cover at least one cell inside the table.');
      return tr.cells.slice(column, column + cols).map((c) => c.cs);
    });
  } else return fail('Either tableStartLocation or tableRange must be set.');
  applyMask({}, r.tableCellStyle, r.fields);
  for (const cs of targets) {
    const cell = raw(ctx.units, cs);
    const { rowSpan, columnSpan } = cell.tableCellStyle ?? {};
    cell.tableCellStyle = { ...applyMask(cell.tableCellStyle, r.tableCellStyle, r.fields), rowSpan, columnSpan };
  }
  return {};
};

function indicesIn(list: number[] | undefined, size: number, what: string): number[] {
  const indices = list?.length ? list : [...Array(size).keys()];
  for (const i of indices) if (i < 0 || i >= size) fail(`The ${what} index ${i} is outside the table (${size} ${what}s).`);
  return indices;
}

const updateTableColumnProperties: DocsRequest = (ctx, r) => {
  const table = tableAt(ctx.units, tableStart(r.tableStartLocation));
  const props = columnProps(ctx.units, table);
  for (const i of indicesIn(r.columnIndices, table.rows[0]?.cells.length ?? 0, 'column')) props[i] = applyMask(props[i], r.tableColumnProperties, r.fields);
  return {};
};

const updateTableRowStyle: DocsRequest = (ctx, r) => {
  const table = tableAt(ctx.units, tableStart(r.tableStartLocation));
  for (const i of indicesIn(r.rowIndices, table.rows.length, 'row')) {
    const row = raw(ctx.units, (table.rows[i] as { rs: number }).rs);
    row.tableRowStyle = applyMask(row.tableRowStyle, r.tableRowStyle, r.fields);
  }
  return {};
};

const pinTableHeaderRows: DocsRequest = (ctx, r) => {
  const table = tableAt(ctx.units, tableStart(r.tableStartLocation));
  const n: number = r.pinnedHeaderRowsCount ?? 0;
  if (n < 0 || n > table.rows.length) fail(`pinnedHeaderRowsCount (${n}) is more than the table's ${table.rows.length} rows.`);
  table.rows.forEach((row, i) => {
    const style = (raw(ctx.units, row.rs).tableRowStyle ??= {});
    if (i < n) style.tableHeader = true;
    else delete style.tableHeader;
  });
  return {};
};

export const tableRequests: Record<string, DocsRequest> = {
  insertTable,
  insertTableRow,
  deleteTableRow,
  insertTableColumn,
  deleteTableColumn,
  updateTableCellStyle,
  updateTableColumnProperties,
  updateTableRowStyle,
  pinTableHeaderRows,
};
