/** Quarters as trackers name them (`2026-Q3`), placed on the calendar through the fiscal-year start month. */
import { addMonths, isoFromParts, type IsoDate } from './dates';
import type { Quarter } from './tracker/cells';

export type { Quarter };

/**
 * A fiscal year is named by the calendar year it ends in (FY26 with a February start runs Feb 2025 – Jan 2026),
 * the usual convention; with the default January start, FY = calendar year.
 */
export function quarterStart(q: Quarter, fiscalStartMonth = 1): IsoDate {
  const yearStart = isoFromParts(fiscalStartMonth === 1 ? q.year : q.year - 1, fiscalStartMonth, 1) as IsoDate;
  return addMonths(yearStart, (q.q - 1) * 3);
}

/** The quarter a calendar day falls in. */
export function quarterOf(iso: IsoDate, fiscalStartMonth = 1): Quarter {
  const year = Number(iso.slice(0, 4));
  const month = Number(iso.slice(5, 7));
  const offset = (month - fiscalStartMonth + 12) % 12;
  const fy = fiscalStartMonth === 1 || month < fiscalStartMonth ? year : year + 1;
  return { year: fy, q: (Math.floor(offset / 3) + 1) as Quarter['q'] };
}

export function quarterLabel(q: Quarter): string {
  return `${q.year}-Q${q.q}`;
}

/** A number that orders quarters; consecutive quarters differ by 1. */
export function quarterIndex(q: Quarter): number {
  return q.year * 4 + (q.q - 1);
}

export function quarterFromIndex(index: number): Quarter {
  const year = Math.floor(index / 4);
  return { year, q: (index - year * 4 + 1) as Quarter['q'] };
}
