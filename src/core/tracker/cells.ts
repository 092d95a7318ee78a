/** Cell parsers: turn what people type into a tracker (money, percents, numbers, dates, quarters) into values, never throwing. */
import type { Cell } from './workbook';
import { fromUtc, type IsoDate } from '../dates';
import { readDate, readQuarter } from './cell-dates';

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

const MISSING_WORDS = new Set(['', 'n/a', 'na', '-', '—', '–', 'tbd']);
const ERROR_VALUE = /^#(?:n\/a|ref!|div\/0!|value!|name\?|num!|null!|error!|spill!|calc!|getting_data)$/i;

/**
 * True when the cell holds no value: null/undefined, blank or whitespace, `N/A`, `NA`, `n/a`, `-`, `—`, `–`,
 * `TBD` (any case), a spreadsheet error value (`#N/A`, `#REF!`, `#DIV/0!`, `#VALUE!`, `#NAME?`, `#NUM!`,
 * `#NULL!`, `#ERROR!`, `#SPILL!`, `#CALC!`, `#GETTING_DATA`, any case), a NaN/±Infinity number or an
 * invalid Date (both can only come from a broken formula or conversion, so they carry no value either).
 * Words such as `none` or `0` are *not* missing: `none` is text and `0` is a number.
 * @example isMissing('#REF!') // true
 */
export function isMissing(cell: Cell): boolean {
  if (cell === null || cell === undefined) return true;
  if (typeof cell === 'number') return !Number.isFinite(cell);
  if (typeof cell === 'boolean') return false;
  if (typeof cell === 'string') {
    const s = cell.trim();
    // Missing words are at most 3 letters and error values start with '#': ordinary text skips the copy and the regex.
    return s.length <= 3 ? MISSING_WORDS.has(s.toLowerCase()) : s.charCodeAt(0) === 0x23 && ERROR_VALUE.test(s);
  }
  return Number.isNaN(cell.getTime());
}

/**
 * The cell as trimmed text, or null when it is missing. Numbers become `String(n)`, booleans `TRUE`/`FALSE`
 * (as the sheet shows them) and Dates the ISO day they carry in UTC.
 * @example parseText('  Acme ') // 'Acme'
 */
export function parseText(cell: Cell): string | null {
  return isMissing(cell) ? null : display(cell);
}

/**
 * The cell as display text for a finding's `value`: like {@link parseText}, but error values and `N/A`
 * are shown as typed (the reader needs to see them) and only null/undefined/invalid Dates give `''`.
 * @example cellText(new Date(Date.UTC(2026, 2, 31))) // '2026-03-31'
 */
export function cellText(cell: Cell): string {
  return display(cell);
}

function display(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return cell.trim();
  if (typeof cell === 'number') return String(cell);
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return Number.isNaN(cell.getTime()) ? '' : fromUtc(cell);
}

/**
 * A number as typed: numeric cells as they are; text such as `1,200`, `1200.5`, ` 42 `, `+42`, `-3`,
 * `(1,000)` (accounting negative → -1000), `.5`, `1.5e6`, and with a scale suffix `12K`/`12k` → 12000,
 * `1.2M` (also `MM`) → 1200000, `3B` (also `bn`) → 3e9, `1.5 K`. A trailing `%` makes a fraction
 * (`28%` → 0.28). Thousands separators must be commas grouping by three (`1,2,3,4` and `12,34` are
 * rejected rather than guessed; `1.200.000` European style is rejected too). Booleans and Dates are not
 * numbers.
 * @example parseNumber('12K') // { ok: true, value: 12000 }
 */
export function parseNumber(cell: Cell): Parsed<number> {
  return parseWith(cell, 'not a number', (n) => n, (s) => (isPercent(s) ? readPercent(s) : readDecimal(s, true)));
}

/**
 * An amount of money: anything {@link parseNumber} reads except percentages, with one currency symbol or
 * code before or after it and the sign outside or inside the symbol: `$220K`, `$1.2M`, `220,000`,
 * `$220,000.50`, `-$5K`, `$-5K`, `($5,000)`, `$(5,000)`, `€1.2M`, `£85K`, `¥1000`, `US$5`, `USD 220,000`,
 * `220,000 USD`, `EUR 5k`, `$ 220 K`. The currency is not converted (the tracker is single-currency).
 * A percentage (`5%`) is not money. With a currency, one dot before exactly three digits (`3.600 €`) is refused:
 * it is European thousands as often as a decimal.
 * @example parseMoney('$220K') // { ok: true, value: 220000 }
 */
export function parseMoney(cell: Cell): Parsed<number> {
  return europeanThousands(cell, 'an amount of money') ?? parseWith(cell, 'not an amount of money', (n) => n, readMoney);
}

/**
 * A percentage, returned as a FRACTION. `28%`, `28 %` → 0.28; `-5%` → -0.05; `99.7%` → 0.997.
 * Without a `%` sign (text or a numeric cell) the size decides, because spreadsheet users type both:
 * |n| ≤ 1 is already a fraction (`0.28` → 0.28, `1` → 1 = 100%), |n| > 1 is percent points
 * (`28` → 0.28, `99.7` → 0.997, `150` → 1.5). So a bare `1` means 100%, never 1%: write `1%` for that.
 * Scale suffixes and currency are not percentages.
 * @example parsePercent('99.7') // { ok: true, value: 0.997 }
 */
export function parsePercent(cell: Cell): Parsed<number> {
  return parseWith(
    cell,
    'not a percentage',
    (n) => (Math.abs(n) <= 1 ? n : n / 100),
    (s) => {
      if (isPercent(s)) return readPercent(s);
      const n = readDecimal(s, false);
      return n === null || Math.abs(n) <= 1 ? n : readDecimal(s, false, -2);
    },
  );
}

/**
 * A quantity that may be written as money, a plain number or a percentage (Value Quantity/Rate, Outcome
 * Baseline/Target/Current): `$75` → 75, `4,200` → 4200, `1.2M` → 1200000, `30%` → 0.3, `0.3` → 0.3.
 * Unlike {@link parsePercent}, a bare number is never rescaled: `30` stays 30.
 * @example parseAmount('30%') // { ok: true, value: 0.3 }
 */
export function parseAmount(cell: Cell): Parsed<number> {
  return europeanThousands(cell, 'a number') ?? parseWith(cell, 'not a number', (n) => n, (s) => (isPercent(s) ? readPercent(s) : readMoney(s)));
}

/**
 * Money written with a currency and one dot before exactly three digits (`3.600 €`, `€1.250`, `USD 12.500`) is
 * European thousands as often as a decimal: refused with a hint rather than read as 3.6.
 */
function europeanThousands(cell: Cell, what: string): Parsed<number> | null {
  if (typeof cell !== 'string') return null;
  const s = cell.trim();
  const front = CURRENCY_FRONT.exec(s);
  const back = front ? null : CURRENCY_BACK.exec(s);
  if (!front && !back) return null;
  const body = (front ? `${front[1] ?? ''}${front[2] ?? ''}` : `${back![1] ?? ''}${back![2] ?? ''}`).replace(/[\s()+\-\u2212]/g, '');
  const m = /^(\d{1,3})\.(\d{3})$/.exec(body);
  if (!m) return null;
  return { ok: false, message: `not ${what} (${m[1]}.${m[2]} with a currency may be European thousands or a decimal; write ${m[1]}${m[2]} or ${Number(`${m[1]}.${m[2]}`)})` };
}

/**
 * A calendar day as ISO `YYYY-MM-DD`.
 * - Date cells: the UTC day they carry (the adapters' contract); a Date outside years 1–9999 is refused.
 * - Numbers, and text of digits only such as `46112`: spreadsheet serial numbers in the 1900 date system
 *   with the Lotus leap-year bug (1 = 1900-01-01, 59 = 1900-02-28, 60 = the fake 1900-02-29 which is
 *   rejected, 61 = 1900-03-01, 45000 = 2023-03-15); 1 ≤ serial < 2958466 (9999-12-31); a fraction is a
 *   time of day and ignored.
 * - Year first, always YMD: `2026-03-31`, `2026/03/31`, `2026.03.31`, `2026-3-5`.
 * - Year last with `/` or `-`: `3/31/2026`, `03/31/2026`, `3-31-2026`, `3/31/26`, month first unless
 *   `dateOrder: 'DMY'`; whichever of the two numbers is over 12 is the day, whatever the order option
 *   (`31/3/2026` → 2026-03-31). With dots (`31.03.2026`) day first, as everywhere dots are used.
 * - Month names (English, any case, 3 letters, full or `Sept`, optional `.`): `31 Mar 2026`,
 *   `31 March 2026`, `31-Mar-2026`, `31-Mar-26`, `Mar 31, 2026`, `March 31st 2026`, `2026-Mar-31`, and a
 *   leading weekday (`Tuesday, March 31, 2026`), which is not checked against the date.
 * - A trailing time is ignored: `2026-03-31T10:00:00Z`, `2026-03-31 10:00`, `3/31/2026 9:30 PM`.
 * Two-digit years are 2000 + yy (trackers hold this century's contracts). A well-formed date that does
 * not exist gives `not a date (2026-02-30 does not exist)`.
 * @example parseDate('31/3/2026') // { ok: true, value: '2026-03-31' }
 */
export function parseDate(cell: Cell, options: ParseOptions = {}): Parsed<IsoDate> {
  if (isMissing(cell)) return { ok: true, value: null };
  return readDate(cell, options.dateOrder ?? 'MDY');
}

/**
 * A quarter: `2026-Q1`, `2026 Q1`, `2026Q1`, `Q1 2026`, `Q1-2026`, `Q1/2026`, `q1 2026`, `Q1'26`,
 * `FY26 Q1`, `FY2026 Q1`, `FY26-Q1`, `Q1 FY26`, `Q1 FY2026`, `1Q26`, `1Q 2026` → `{ year: 2026, q: 1 }`.
 * Two-digit years are 2000 + yy. The year is returned as written (a fiscal year stays fiscal; mapping it
 * to calendar months is the caller's business). A Date cell or an ISO date string (`2026-02-14`, with
 * an optional time) gives the *calendar* quarter containing that day. Numbers are not quarters.
 * @example parseQuarter('FY26 Q1') // { ok: true, value: { year: 2026, q: 1 } }
 */
export function parseQuarter(cell: Cell): Parsed<Quarter> {
  if (isMissing(cell)) return { ok: true, value: null };
  return readQuarter(cell);
}

function parseWith(
  cell: Cell,
  message: string,
  ofNumber: (n: number) => number,
  ofText: (s: string) => number | null,
): Parsed<number> {
  if (isMissing(cell)) return { ok: true, value: null };
  const value = typeof cell === 'number' ? ofNumber(cell) : typeof cell === 'string' ? ofText(cell.trim()) : null;
  // A NaN/Infinity here would be a parser bug; refusing it keeps the "never NaN" promise unconditional.
  if (value === null || !Number.isFinite(value)) return { ok: false, message };
  return { ok: true, value: value === 0 ? 0 : value };
}

const SCALE: Record<string, number> = { k: 3, m: 6, mm: 6, b: 9, bn: 9 };
const MAGNITUDE = /^(?:(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?|\.(\d+))$/;
const SCIENTIFIC = /^(\d+)(?:\.(\d+))?e([+-]?\d+)$/i;

/**
 * `[sign] magnitude [K|M|MM|B|BN]` or `(magnitude [suffix])`, times 10^shift. The digits are rebuilt as
 * one decimal literal so `1.2M` and `28%` are exactly the doubles nearest 1200000 and 0.28, not the
 * result of a lossy multiply.
 */
function readDecimal(text: string, suffixes: boolean, shift = 0): number | null {
  let s = text.trim();
  let negative = false;
  const paren = /^\((.*)\)$/.exec(s);
  if (paren) {
    negative = true;
    s = (paren[1] ?? '').trim();
  }
  const sign = /^([-+\u2212])\s*(.*)$/.exec(s);
  if (sign) {
    if (paren) return null;
    negative = sign[1] !== '+';
    s = sign[2] ?? '';
  }
  let exp = shift;
  const suffix = suffixes ? /^(.*?)\s*(k|mm|m|bn|b)$/i.exec(s) : null;
  if (suffix) {
    exp += SCALE[(suffix[2] ?? '').toLowerCase()] ?? 0;
    s = suffix[1] ?? '';
  }
  let int: string;
  let frac: string;
  const plain = MAGNITUDE.exec(s);
  const sci = plain ? null : SCIENTIFIC.exec(s);
  if (plain) {
    int = (plain[1] ?? '0').replace(/,/g, '');
    frac = plain[2] ?? plain[3] ?? '0';
  } else if (sci) {
    int = sci[1] ?? '0';
    frac = sci[2] ?? '0';
    exp += Number(sci[3]);
  } else {
    return null;
  }
  const n = Number(`${negative ? '-' : ''}${int}.${frac}e${exp}`);
  return Number.isFinite(n) ? n : null;
}

function isPercent(s: string): boolean {
  return /%\s*\)?$/.test(s);
}

/** `28%`, `28 %`, `-5%`, `(5%)`: percent points to a fraction. */
function readPercent(s: string): number | null {
  const m = /^(.*?)\s*%(\s*\))?$/.exec(s);
  if (!m) return null;
  const body = `${m[1] ?? ''}${m[2] ?? ''}`;
  if (body.includes('%')) return null;
  return readDecimal(body, false, -2);
}

const CURRENCY =
  '(?:(?:US|CA|AU|NZ|HK|SG|MX|NT|A|C|R|S)?\\$|[€£¥₹₩₽₺₪₫₱₦]|' +
  '\\b(?:USD|EUR|GBP|JPY|CAD|AUD|NZD|CHF|SEK|NOK|DKK|INR|CNY|RMB|HKD|SGD|BRL|MXN|ZAR|KRW|PLN|ILS|AED|SAR|TRY)\\b)';
// The sign or accounting parenthesis may sit either side of the symbol: -$5K, $-5K, ($5K), $(5K), (5K USD).
const CURRENCY_FRONT = new RegExp(`^([(\\-+\\u2212]?\\s*)${CURRENCY}\\s*(.*)$`, 'i');
const CURRENCY_BACK = new RegExp(`^(.*?)\\s*${CURRENCY}(\\s*\\)?)$`, 'i');

function readMoney(s: string): number | null {
  if (s.includes('%')) return null;
  const front = CURRENCY_FRONT.exec(s);
  const back = front ? null : CURRENCY_BACK.exec(s);
  const body = front ? `${front[1] ?? ''}${front[2] ?? ''}` : back ? `${back[1] ?? ''}${back[2] ?? ''}` : s;
  return readDecimal(body, true);
}
