/** The example tracker's cell kinds: one typed value each, spelled as a date/money/percent cell in .xlsx and as people type it in .csv. */

/**
 * One cell of the example tracker. Strings and plain numbers are the same in both files; the tagged kinds
 * are real typed cells in the .xlsx and typed-by-hand text in the CSV.
 */
export type ExampleCell =
  | string
  | number
  | null
  | { date: string } // ISO day
  | { money: number }
  | { pct: number } // as typed: 99.7 means 99.7 %
  | { count: number } // a whole number big enough for thousands separators (CSV may type 12K)
  | { quarter: string } // canonical 2026-Q1
  | { error: string }; // a spreadsheet error value such as #N/A

export type ExampleRow = ExampleCell[];

export interface ExampleTab {
  name: string;
  /** Row 0 is the header; an empty array is a blank row left in the sheet. */
  rows: ExampleRow[];
  /** Column widths in characters where the automatic width reads badly (long free text). */
  widths?: Record<string, number>;
}

export const d = (iso: string): ExampleCell => ({ date: iso });
export const usd = (money: number): ExampleCell => ({ money });
export const pct = (typed: number): ExampleCell => ({ pct: typed });
export const n = (count: number): ExampleCell => ({ count });
export const q = (quarter: string): ExampleCell => ({ quarter });
export const na: ExampleCell = { error: '#N/A' };
export const _ = null;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * The fraction a typed percent stands for, built from its decimal digits (99.7 → 0.997, not 99.7 / 100 =
 * 0.9970000000000001), so the .xlsx holds exactly what the CSV text parses to.
 */
export function pctFraction(typed: number): number {
  return Number(`${typed}e-2`);
}

/** The value the core should read from this cell, whichever file it comes from (for tests and the .xlsx). */
export function canonical(cell: ExampleCell): string | number | null {
  if (cell === null || typeof cell === 'string' || typeof cell === 'number') return cell;
  if ('date' in cell) return cell.date;
  if ('money' in cell) return cell.money;
  if ('pct' in cell) return pctFraction(cell.pct);
  if ('count' in cell) return cell.count;
  if ('quarter' in cell) return cell.quarter;
  return cell.error;
}

/**
 * The cell as a person types it into a CSV. The spelling rotates with the cell's position so one file
 * mixes `2026-03-31`, `3/31/2026` and `31 Mar 2026`, `$220K` and `$220,000`, `2026-Q1`, `Q2 2026` and
 * `FY26 Q3`, as a tracker shared by a team does, while every spelling reads back to the same value.
 */
export function csvSpelling(cell: ExampleCell, row: number, col: number): string {
  if (cell === null) return '';
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'number') return String(cell);
  const turn = row + col;
  if ('date' in cell) {
    const [y, m, day] = cell.date.split('-').map(Number) as [number, number, number];
    return [cell.date, `${m}/${day}/${y}`, `${day} ${MONTHS[m - 1]} ${y}`][turn % 3]!;
  }
  if ('money' in cell) {
    const short = shorthand(cell.money);
    const grouped = grouping(cell.money);
    // Nobody types seven digits when $1.25M says it.
    if (short && cell.money >= 1_000_000) return `$${short}`;
    return [short ? `$${short}` : `$${grouped}`, `$${grouped}`, grouped][turn % 3]!;
  }
  if ('pct' in cell) return `${cell.pct}%`;
  if ('count' in cell) {
    // Big round counts are typed the short way (API Calls/Day 12,000 → 12K), the rest with separators.
    return cell.count >= 10_000 && cell.count % 1000 === 0 ? `${cell.count / 1000}K` : grouping(cell.count);
  }
  if ('quarter' in cell) {
    const [, year, quarter] = /^(\d{4})-Q([1-4])$/.exec(cell.quarter) ?? [];
    if (!year || !quarter) throw new Error(`not a canonical quarter: ${cell.quarter}`);
    return [cell.quarter, `Q${quarter} ${year}`, `FY${year.slice(2)} Q${quarter}`][row % 3]!;
  }
  return cell.error;
}

/** `220K` / `1.25M` when that spelling is exact, else null. */
function shorthand(value: number): string | null {
  if (value >= 1_000_000 && value % 10_000 === 0) return `${value / 1_000_000}M`;
  if (value >= 1000 && value % 1000 === 0) return `${value / 1000}K`;
  return null;
}

function grouping(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: 2 });
}
