/** Cell parsers: turn what people type into a tracker (money, percents, numbers, dates, quarters) into values, never throwing. */
import type { Cell } from './workbook';
import type { IsoDate } from '../dates';

/**
 * The result of reading one cell.
 * - `{ ok: true, value: null }`: the cell is *missing* (blank, whitespace, `N/A`, `NA`, `n/a`, `-`, `—`,
 *   `TBD`, an error value such as `#N/A`, `#REF!`, `#DIV/0!`, `#VALUE!`, `#NAME?`, `#NUM!`, `#NULL!`, `#ERROR!`).
 * - `{ ok: true, value }`: a real value (never NaN or ±Infinity).
 * - `{ ok: false, message }`: the cell has content that is not a value of this kind; the message is a
 *   short human sentence such as `not an amount of money` (the caller adds tab/row/header).
 */
export type Parsed<T> = { ok: true; value: T | null } | { ok: false; message: string };

export interface Quarter {
  /** The (fiscal) year the quarter belongs to, e.g. 2026 for `FY26 Q1`. */
  year: number;
  q: 1 | 2 | 3 | 4;
}

export interface ParseOptions {
  /** How to read ambiguous slash dates like 3/4/2026: month first (default) or day first. */
  dateOrder?: 'MDY' | 'DMY';
}

export declare function isMissing(cell: Cell): boolean;
export declare function parseText(cell: Cell): string | null;
export declare function parseNumber(cell: Cell): Parsed<number>;
export declare function parseMoney(cell: Cell): Parsed<number>;
export declare function parsePercent(cell: Cell): Parsed<number>;
export declare function parseAmount(cell: Cell): Parsed<number>;
export declare function parseDate(cell: Cell, options?: ParseOptions): Parsed<IsoDate>;
export declare function parseQuarter(cell: Cell): Parsed<Quarter>;
export declare function cellText(cell: Cell): string;
