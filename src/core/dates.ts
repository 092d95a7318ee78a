/**
 * Civil-date arithmetic on ISO `YYYY-MM-DD` strings, independent of any time zone.
 * Dates here are calendar days, not instants: all math goes through UTC so the host zone never leaks in.
 */

export type IsoDate = string;

const DAY_MS = 86_400_000;

/** True for a real calendar day written `YYYY-MM-DD`. */
export function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  return isoFromParts(Number(m[1]), Number(m[2]), Number(m[3])) === s;
}

/** The ISO date for a year, month (1–12) and day, or null when that day does not exist. */
export function isoFromParts(year: number, month: number, day: number): IsoDate | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  d.setUTCFullYear(year); // Date.UTC maps years 0–99 to 1900–1999
  if (d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return fromUtc(d);
}

/** Days since 1970-01-01. */
export function toDays(iso: IsoDate): number {
  return Math.round(utc(iso).getTime() / DAY_MS);
}

export function fromDays(days: number): IsoDate {
  return fromUtc(new Date(days * DAY_MS));
}

export function addDays(iso: IsoDate, n: number): IsoDate {
  return fromDays(toDays(iso) + n);
}

/** Calendar months later, clamped to the month's last day (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(iso: IsoDate, n: number): IsoDate {
  const [y, m, d] = parts(iso);
  const index = y * 12 + (m - 1) + n;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return isoFromParts(year, month, Math.min(d, daysInMonth(year, month))) as IsoDate;
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return toDays(b) - toDays(a);
}

/** Whole calendar months from `a` until `b` (the largest n with a + n months ≤ b; negative when b is earlier). */
export function monthsBetween(a: IsoDate, b: IsoDate): number {
  const [ya, ma] = parts(a);
  const [yb, mb] = parts(b);
  let n = (yb - ya) * 12 + (mb - ma);
  while (addMonths(a, n) > b) n--;
  while (addMonths(a, n + 1) <= b) n++;
  return n;
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(iso: IsoDate): number {
  return utc(iso).getUTCDay();
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The calendar day a Date carries in UTC (the adapters' contract for date cells). */
export function fromUtc(d: Date): IsoDate {
  const y = String(d.getUTCFullYear()).padStart(4, '0');
  const m = String(d.getUTCMonth() + 1).padStart(2, '0');
  const day = String(d.getUTCDate()).padStart(2, '0');
  return `${y}-${m}-${day}`;
}

function parts(iso: IsoDate): [number, number, number] {
  return [Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10))];
}

function utc(iso: IsoDate): Date {
  const [y, m, d] = parts(iso);
  const date = new Date(Date.UTC(y, m - 1, d));
  date.setUTCFullYear(y);
  return date;
}
