/** The date a package is built for (SPEC §4): the flag, else the QBR Date cell, else the next due date, else 3 weeks out. */
import { addDays, weekday, type IsoDate } from '../dates';
import type { AccountReview } from '../analysis/types';

export interface QbrDateChoice {
  date: IsoDate;
  basis: string;
  /** Set when a date in the tracker was passed over, so the CSM can confirm it. */
  note: string | null;
}

/** Fewer than this many days leaves no room for the prep timeline. */
const MIN_LEAD_DAYS = 14;
const FALLBACK_DAYS = 21;

/** `closed` names the account's non-working days (weekends and public holidays); without it only weekends are skipped. */
export function chooseQbrDate(
  review: Pick<AccountReview, 'qbrDate' | 'nextQbrDue'>, today: IsoDate, requested?: IsoDate | null, closed?: (date: IsoDate) => string | null,
): QbrDateChoice {
  if (requested) return { date: requested, basis: 'the date asked for (--qbr-date)', note: null };
  let note: string | null = null;
  if (review.qbrDate !== null) {
    if (review.qbrDate >= today) return { date: review.qbrDate, basis: 'the QBR Date in the tracker', note: null };
    note = `the QBR Date in the tracker (${review.qbrDate}) has passed`;
  }
  const due = review.nextQbrDue;
  if (due !== null && due >= addDays(today, MIN_LEAD_DAYS)) {
    return { date: due, basis: 'the next QBR due date', note };
  }
  const date = firstWeekdayFrom(addDays(today, FALLBACK_DAYS), closed);
  const why = due === null ? 'no QBR Date or due date is known' : due < today ? `the due date ${due} has passed` : `the due date ${due} is fewer than ${MIN_LEAD_DAYS} days away`;
  return { date, basis: `the first weekday at least ${FALLBACK_DAYS} days out (${why})`, note };
}

/** The first day on or after `iso` that is a weekday and, with `closed`, not a public holiday (a QBR on Thanksgiving helps no one). */
export function firstWeekdayFrom(iso: IsoDate, closed?: (date: IsoDate) => string | null): IsoDate {
  let d = iso;
  for (let i = 0; i < 31 && (weekday(d) === 0 || weekday(d) === 6 || (closed?.(d) ?? null) !== null); i++) d = addDays(d, 1);
  return d;
}
