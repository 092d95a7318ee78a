/** Date and quarter cells as people type them; the rules are documented on parseDate/parseQuarter in cells.ts. */
import type { Cell } from './workbook';
import type { Parsed, Quarter } from './cells';
import { fromDays, fromUtc, isoFromParts, toDays, type IsoDate } from '../dates';

const NOT_A_DATE = 'not a date';
const NOT_A_QUARTER = 'not a quarter (write it as 2026-Q1)';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

// Serial 0 is 1899-12-30 from 1900-03-01 on; before the fake 1900-02-29 everything sits one day later.
const SERIAL_EPOCH = toDays('1899-12-30');
const LAST_SERIAL = 2958465; // 9999-12-31

const TIME = /^(.*?\d)(?:T|\s+|,\s*)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:[ap]\.?m\.?)?\s*(?:z|utc|gmt|[+-]\d{2}(?::?\d{2})?)?$/i;
const YEAR_FIRST = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/;
const YEAR_LAST = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})$/;

/** A present (non-missing) cell as a date. */
export function readDate(cell: Cell, order: 'MDY' | 'DMY'): Parsed<IsoDate> {
  if (typeof cell === 'object' && cell !== null) return inRange(cell) ? ok(fromUtc(cell)) : fail(NOT_A_DATE);
  if (typeof cell === 'number') return fromSerial(cell);
  if (typeof cell !== 'string') return fail(NOT_A_DATE);
  const text = cell.trim();
  // Typed digits are a serial only with 5+ digits (1927 on): `2026` alone is a year, not 1905-07-18.
  if (/^\d{5,}(?:\.\d+)?$/.test(text)) return fromSerial(Number(text));
  if (/^\d{1,4}$/.test(text)) return fail('not a date (write the whole date, e.g. 2026-03-31)');
  const s = TIME.exec(text)?.[1] ?? text;

  const ymd = YEAR_FIRST.exec(s);
  if (ymd) return fromParts(s, Number(ymd[1]), Number(ymd[3]), Number(ymd[4]));

  const dmy = YEAR_LAST.exec(s);
  if (dmy) {
    const a = Number(dmy[1]);
    const b = Number(dmy[3]);
    const dayFirst = (order === 'DMY' || dmy[2] === '.' || a > 12) && !(b > 12 && a <= 12);
    return fromParts(s, year(dmy[4] ?? ''), dayFirst ? b : a, dayFirst ? a : b);
  }
  return fromNames(s);
}

/** JS Dates reach year ±275760; an ISO day (and every sheet) stops at 1–9999. */
function inRange(d: Date): boolean {
  const y = d.getUTCFullYear();
  return y >= 1 && y <= 9999;
}

function fromSerial(serial: number): Parsed<IsoDate> {
  if (!(serial >= 1 && serial < LAST_SERIAL + 1)) return fail(NOT_A_DATE);
  const whole = Math.floor(serial);
  if (whole === 60) return fail('not a date (serial 60 is 1900-02-29, which does not exist)');
  return ok(fromDays(SERIAL_EPOCH + whole + (whole < 60 ? 1 : 0)));
}

/** `31 Mar 2026`, `Mar 31, 2026`, `2026-Mar-31`, with an optional leading weekday and day ordinal. */
function fromNames(s: string): Parsed<IsoDate> {
  const tokens = s.toLowerCase().split(/[\s,./-]+/).filter((t) => t !== '');
  if (tokens.length === 4 && nameIndex(WEEKDAYS, tokens[0] ?? '') >= 0) tokens.shift();
  if (tokens.length !== 3) return fail(NOT_A_DATE);
  const [t0 = '', t1 = '', t2 = ''] = tokens;
  const day = (t: string) => (/^\d{1,2}(?:st|nd|rd|th)?$/.test(t) ? parseInt(t, 10) : NaN);
  const yearOf = (t: string) => (/^(?:\d{2}|\d{4})$/.test(t) ? year(t) : NaN);
  let parts: [number, number, number] | null = null;
  if (nameIndex(MONTHS, t1) >= 0) {
    const month = nameIndex(MONTHS, t1) + 1;
    parts = /^\d{4}$/.test(t0) ? [Number(t0), month, day(t2)] : [yearOf(t2), month, day(t0)];
  } else if (nameIndex(MONTHS, t0) >= 0) {
    parts = [yearOf(t2), nameIndex(MONTHS, t0) + 1, day(t1)];
  }
  if (!parts || parts.some(Number.isNaN)) return fail(NOT_A_DATE);
  return fromParts(s, ...parts);
}

/** Index of the name that `token` abbreviates (at least 3 letters: `mar`, `sept`, `tues`), or -1. */
function nameIndex(names: string[], token: string): number {
  if (token.length < 3 || !/^[a-z]+$/.test(token)) return -1;
  return names.findIndex((n) => n.startsWith(token));
}

function year(digits: string): number {
  return digits.length === 2 ? 2000 + Number(digits) : Number(digits);
}

function fromParts(text: string, y: number, m: number, d: number): Parsed<IsoDate> {
  const iso = isoFromParts(y, m, d);
  return iso === null ? fail(`not a date (${text} does not exist)`) : ok(iso);
}

const YEAR = "(?:FY\\s*)?'?(\\d{4}|\\d{2})";
const SEP = "[\\s\\-/]*";
const QUARTER_PATTERNS: { re: RegExp; year: number; q: number }[] = [
  { re: new RegExp(`^${YEAR}${SEP}Q(\\d)$`), year: 1, q: 2 },
  { re: new RegExp(`^Q(\\d)${SEP}${YEAR}$`), year: 2, q: 1 },
  { re: new RegExp(`^(\\d)Q${SEP}${YEAR}$`), year: 2, q: 1 },
];

/** A present (non-missing) cell as a quarter. */
export function readQuarter(cell: Cell): Parsed<Quarter> {
  if (typeof cell === 'object' && cell !== null) return inRange(cell) ? ok(quarterOf(fromUtc(cell))) : fail(NOT_A_QUARTER);
  if (typeof cell !== 'string') return fail(NOT_A_QUARTER);
  const s = cell.trim().toUpperCase();
  for (const p of QUARTER_PATTERNS) {
    const m = p.re.exec(s);
    if (!m) continue;
    const q = Number(m[p.q]);
    if (q < 1 || q > 4) return fail(NOT_A_QUARTER);
    return ok({ year: year(m[p.year] ?? ''), q: q as Quarter['q'] });
  }
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T\s].*)?$/.exec(s);
  const day = iso ? isoFromParts(Number(iso[1]), Number(iso[2]), Number(iso[3])) : null;
  return day === null ? fail(NOT_A_QUARTER) : ok(quarterOf(day));
}

function quarterOf(iso: IsoDate): Quarter {
  return { year: Number(iso.slice(0, 4)), q: (Math.floor((Number(iso.slice(5, 7)) - 1) / 3) + 1) as Quarter['q'] };
}

function ok<T>(value: T): Parsed<T> {
  return { ok: true, value };
}

function fail<T>(message: string): Parsed<T> {
  return { ok: false, message };
}
