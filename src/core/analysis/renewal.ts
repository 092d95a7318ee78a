/** Renewal (SPEC §3): days and whole months to the renewal date, and what the QBR should focus on at that distance. */
import { daysBetween, monthsBetween, type IsoDate } from '../dates';

export interface Renewal {
  date: IsoDate | null;
  daysToRenewal: number | null;
  monthsToRenewal: number | null;
  focus: string | null;
}

/** Lower bounds are inclusive: exactly 6 months out is "6–9 months". */
export function renewalFocus(months: number, days: number): string {
  if (days < 0) return 'Renewal date has passed: confirm the renewal status';
  if (months >= 12) return 'Growth and adoption';
  if (months >= 9) return 'ROI documentation';
  if (months >= 6) return 'Achievement review';
  if (months >= 3) return 'Value proof and future vision';
  return 'Terms, expansion and commitment';
}

export function renewal(date: IsoDate | null, today: IsoDate): Renewal {
  if (date === null) return { date: null, daysToRenewal: null, monthsToRenewal: null, focus: null };
  const days = daysBetween(today, date);
  const months = monthsBetween(today, date);
  return { date, daysToRenewal: days, monthsToRenewal: months, focus: renewalFocus(months, days) };
}
