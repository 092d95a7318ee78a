/** A1 notation and cell values as the Sheets API reads and writes them: ranges, render options, USER_ENTERED parsing. */
import type { FakeState } from '../types';
import { invalid } from './util';

export type Book = NonNullable<ReturnType<FakeState['spreadsheets']['get']>>;
export type Sheet = Book['sheets'][number];

/** A cell the user typed a formula into: stored as a marker, never evaluated, so tests can assert none was written. */
export interface FormulaCell {
  formula: string;
}

/** A resolved range, 0-based and inclusive; an open end (`A1:Z`, `Accounts`) is undefined. */
export interface Area {
  sheet: Sheet;
  r0: number;
  c0: number;
  r1?: number;
  c1?: number;
}

/** A new sheet's grid is 1000 × 26 until data outgrows it. */
export function gridSize(sheet: Sheet): { rows: number; cols: number } {
  return { rows: Math.max(1000, sheet.values.length), cols: Math.max(26, ...sheet.values.map((r) => r.length)) };
}

export function colName(c: number): string {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function colIndex(letters: string): number {
  return [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
}

export function quoteSheet(title: string): string {
  return /^[A-Za-z0-9_]+$/.test(title) ? title : `'${title.replace(/'/g, "''")}'`;
}

/** `Accounts`, `'QBR Log'!A1:Z`, `Accounts!A:Z`, `A2:C` (first sheet), `Sheet1!B3`. */
export function parseRange(book: Book, range: string): Area {
  let name: string | undefined;
  let cells: string | undefined;
  const quoted = /^'((?:[^']|'')*)'(?:!(.*))?$/.exec(range);
  if (quoted) [name, cells] = [(quoted[1] ?? '').replace(/''/g, "'"), quoted[2]];
  else if (range.includes('!')) [name, cells] = [range.slice(0, range.indexOf('!')), range.slice(range.indexOf('!') + 1)];
  else if (book.sheets.some((s) => s.title === range)) name = range;
  else cells = range;
  const sheet = name === undefined ? book.sheets[0] : book.sheets.find((s) => s.title === name);
  if (!sheet) throw invalid(`Unable to parse range: ${range}`);
  if (cells === undefined || cells === '') return { sheet, r0: 0, c0: 0 };
  const m = /^([A-Za-z]*)(\d*)(?::([A-Za-z]*)(\d*))?$/.exec(cells);
  if (!m || (!m[1] && !m[2])) throw invalid(`Unable to parse range: ${range}`);
  const [, sc = '', sr = '', ec, er] = m;
  const area: Area = { sheet, r0: sr ? Number(sr) - 1 : 0, c0: sc ? colIndex(sc) : 0 };
  if (ec === undefined) return { ...area, r1: area.r0, c1: area.c0 }; // a single cell
  return { ...area, r1: er ? Number(er) - 1 : undefined, c1: ec ? colIndex(ec) : undefined };
}

/** The range string Google echoes back: always bounded, sheet name quoted when needed. */
export function formatArea(a: Area): string {
  const { rows, cols } = gridSize(a.sheet);
  const start = `${colName(a.c0)}${a.r0 + 1}`;
  const end = `${colName(a.c1 ?? cols - 1)}${(a.r1 ?? rows - 1) + 1}`;
  return `${quoteSheet(a.sheet.title)}!${start === end ? start : `${start}:${end}`}`;
}

const isEmpty = (v: unknown): boolean => v === undefined || v === null || v === '';
const isFormula = (v: unknown): v is FormulaCell => typeof v === 'object' && v !== null && 'formula' in v;

/** Google's serial day number (days since 1899-12-30) for a Date cell. */
function serial(d: Date): number {
  return d.getTime() / 86400000 + 25569;
}

export function renderCell(v: unknown, valueRender = 'FORMATTED_VALUE', dateRender = 'SERIAL_NUMBER'): unknown {
  if (isEmpty(v)) return '';
  if (isFormula(v)) return v.formula; // the fake never evaluates formulas; every render option shows the formula text
  if (v instanceof Date) {
    const formatted = `${v.getUTCMonth() + 1}/${v.getUTCDate()}/${v.getUTCFullYear()}`;
    if (valueRender === 'FORMATTED_VALUE' || dateRender === 'FORMATTED_STRING') return formatted;
    return serial(v);
  }
  if (valueRender !== 'FORMATTED_VALUE') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

/** Reads an area: trailing empty cells of each row and trailing empty rows are left out, as Google does. */
export function readArea(a: Area, valueRender?: string, dateRender?: string, columns = false): unknown[][] {
  const rows = a.sheet.values.slice(a.r0, a.r1 === undefined ? undefined : a.r1 + 1)
    .map((row) => row.slice(a.c0, a.c1 === undefined ? undefined : a.c1 + 1).map((v) => renderCell(v, valueRender, dateRender)));
  const grid = columns ? transpose(rows) : rows;
  const trimmed = grid.map((row) => {
    let n = row.length;
    while (n > 0 && isEmpty(row[n - 1])) n--;
    return row.slice(0, n);
  });
  while (trimmed.length && trimmed[trimmed.length - 1]?.length === 0) trimmed.pop();
  return trimmed;
}

export function transpose(rows: unknown[][]): unknown[][] {
  const width = Math.max(0, ...rows.map((r) => r.length));
  return Array.from({ length: width }, (_, c) => rows.map((r) => r[c] ?? ''));
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;

/** What Sheets stores for one input value; `undefined` means "leave the cell as it is" (a JSON null). */
export function parseInput(v: unknown, userEntered: boolean, at: string): unknown {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'object') throw invalid(`Invalid values${at}: struct_value ${JSON.stringify(v)}`);
  if (!userEntered || typeof v !== 'string') return v;
  if (v.startsWith("'")) return v.slice(1); // the quote prefix forces text
  if (NUMBER.test(v.trim())) return Number(v.trim());
  if (/^(true|false)$/i.test(v)) return v.toLowerCase() === 'true';
  // A leading = is a formula; so is + or - in front of something that isn't a number (Sheets turns `+A1` into `=+A1`).
  if (v.startsWith('=') || /^[+-]/.test(v)) return { formula: v.startsWith('=') ? v : `=${v}` } satisfies FormulaCell;
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return new Date(`${v}T00:00:00Z`);
  return v;
}

/** Writes a grid of already-parsed values at (r, c), growing the sheet as needed. */
export function writeGrid(sheet: Sheet, r: number, c: number, grid: unknown[][]): void {
  grid.forEach((row, i) => {
    const target = (sheet.values[r + i] ??= []);
    row.forEach((v, j) => {
      if (v === undefined) return;
      while (target.length < c + j) target.push('');
      target[c + j] = v;
    });
  });
  for (let i = 0; i < sheet.values.length; i++) sheet.values[i] ??= [];
}

export function rowIsEmpty(row: unknown[] | undefined, c0: number, c1?: number): boolean {
  return (row ?? []).slice(c0, c1 === undefined ? undefined : c1 + 1).every(isEmpty);
}
