/** Fills one row-template table: rows inserted below the template row, every cell written at its cellLocation, tones coloured. */
import type { Block, TableCell } from '../../core/package/types';
import type { RowTable, TemplateCell } from './read';
import { rgb, TONE_HEX } from './theme';
import { sanitize, substitute, type Token } from './tokens';
import { MAX_ROWS, moreRowsText, tableRows } from './values';

type TableBlock = Extract<Block, { kind: 'table' }>;

/** How a cell's other tokens (scalars, deck tokens) resolve; the caller records unknown ones. */
export type CellResolver = (t: Token) => string;

function cellRequests(tableId: string, row: number, column: number, hadText: boolean, text: string, tone?: TableCell['tone']): object[] {
  const cellLocation = { rowIndex: row, columnIndex: column };
  const out: object[] = [];
  // deleteText on an empty cell is an error, and new rows start empty: only clear what the template put there.
  if (hadText) out.push({ deleteText: { objectId: tableId, cellLocation, textRange: { type: 'ALL' } } });
  if (text === '') return out;
  out.push({ insertText: { objectId: tableId, cellLocation, text, insertionIndex: 0 } });
  const colour = tone ? TONE_HEX[tone] : null;
  if (colour) {
    out.push({ updateTextStyle: { objectId: tableId, cellLocation, textRange: { type: 'ALL' }, style: { foregroundColor: { opaqueColor: rgb(colour) } }, fields: 'foregroundColor' } });
  }
  return out;
}

/** The largest `{{row.K}}` the template row shows: columns past it are not on the slide. */
export function shownColumns(rt: RowTable): number {
  return Math.max(0, ...rt.rowCells.flatMap((c) => [...c.text.matchAll(/\{\{\s*row\.(\d+)\s*\}\}/gi)].map((m) => Number(m[1]))));
}

/**
 * Requests that turn the template row into the block's rows. With no rows, the first cell says the block's `empty`
 * sentence; past the cap, one last row says how many more the tracker holds.
 */
export function tableFillRequests(rt: RowTable, block: TableBlock, other: CellResolver): object[] {
  return tableFill(rt, block, other).requests;
}

/** What a table fill writes: its requests, and the text (and tone colour, '' for none) of each cell of its rows, by `columns`. */
export interface TableFill { requests: object[]; columns: number[]; rows: string[][]; colours: string[][] }

export function tableFill(rt: RowTable, block: TableBlock, other: CellResolver): TableFill {
  const { cells, more } = tableRows(block, rt.maxRows ?? MAX_ROWS);
  type Line = { kind: 'data'; row: TableCell[] } | { kind: 'note'; text: string };
  const lines: Line[] = cells.length === 0
    ? [{ kind: 'note', text: sanitize(block.empty) }]
    : [...cells.map((row): Line => ({ kind: 'data', row })), ...(more > 0 ? [{ kind: 'note', text: moreRowsText(more) } as Line] : [])];

  const fill = (template: TemplateCell, row: TableCell[] | null): string => substitute(template.text, (t) => {
    const r = /^row\.(\d+)$/.exec(t.name);
    if (r) return row ? sanitize(row[Number(r[1]) - 1]?.text ?? '') : '';
    const c = /^col\.(\d+)$/.exec(t.name);
    if (c) return sanitize(block.columns[Number(c[1]) - 1]?.header ?? '');
    if (/^table\.\d+$/.test(t.name) || /^rows:\d+$/.test(t.name)) return '';
    return other(t);
  });
  const toneOf = (template: TemplateCell, row: TableCell[]): TableCell['tone'] => {
    const r = /\{\{\s*row\.(\d+)\s*\}\}/i.exec(template.text);
    return r ? row[Number(r[1]) - 1]?.tone : undefined;
  };

  const out: object[] = [];
  // insertTableRows takes at most 20 rows per request; each batch lands right under the template row, so order is moot.
  for (let left = lines.length - 1; left > 0; left -= 20) {
    out.push({ insertTableRows: { tableObjectId: rt.objectId, cellLocation: { rowIndex: rt.templateRow, columnIndex: 0 }, insertBelow: true, number: Math.min(20, left) } });
  }
  for (const h of rt.headerCells) out.push(...cellRequests(rt.objectId, h.row, h.column, h.text !== '', fill(h, null)));
  const byColumn = [...rt.rowCells].sort((a, b) => a.column - b.column);
  const firstColumn = byColumn[0]?.column ?? 0;
  const rows: string[][] = [];
  const colours: string[][] = [];
  lines.forEach((line, i) => {
    rows.push([]);
    colours.push([]);
    for (const cell of byColumn) {
      const text = line.kind === 'data' ? fill(cell, line.row) : cell.column === firstColumn ? line.text : '';
      const tone = line.kind === 'data' ? toneOf(cell, line.row) : undefined;
      out.push(...cellRequests(rt.objectId, rt.templateRow + i, cell.column, i === 0 && cell.text !== '', text, tone));
      rows[i]!.push(text);
      colours[i]!.push(text !== '' && tone ? TONE_HEX[tone] ?? '' : '');
    }
  });
  return { requests: out, columns: byColumn.map((c) => c.column), rows, colours };
}
