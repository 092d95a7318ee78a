/** When an account's next QBR is, as the home list and the manager view both show it: scheduled, due, or overdue. */
import type { AccountReview } from '../../core/analysis/types';
import { addDays, type IsoDate } from '../../core/dates';
import type { Formatter } from '../../core/package/format';

export interface NextQbr {
  /** `scheduled`: a QBR Date on or after today; `due`: only the cadence's due date; `none`: neither is known. */
  kind: 'scheduled' | 'due' | 'overdue' | 'none';
  date: IsoDate | null;
}

/** A QBR Date already set wins over the cadence's due date: it is what the customer agreed to. */
export function nextQbr(r: Pick<AccountReview, 'qbrDate' | 'nextQbrDue' | 'overdue'>, today: IsoDate): NextQbr {
  if (r.overdue) return { kind: 'overdue', date: r.nextQbrDue };
  if (r.qbrDate !== null && r.qbrDate >= today) return { kind: 'scheduled', date: r.qbrDate };
  if (r.nextQbrDue !== null) return { kind: 'due', date: r.nextQbrDue };
  return { kind: 'none', date: null };
}

/** `Next QBR Dec 10, 2026`, `Next QBR due Jan 8, 2027`, `QBR overdue since Aug 14, 2026` (sentence case: a list of capitals shouts). */
export function nextQbrText(n: NextQbr, fmt: Formatter): string {
  if (n.kind === 'overdue') return n.date === null ? 'QBR overdue' : `QBR overdue since ${fmt.date(n.date)}`;
  if (n.date === null) return 'No QBR Date or due date';
  return n.kind === 'scheduled' ? `Next QBR ${fmt.date(n.date)}` : `Next QBR due ${fmt.date(n.date)}`;
}

/** Overdue first (oldest first), then by the next date, undated last; name breaks ties so the order is stable. */
export function byUrgency(today: IsoDate) {
  return (a: AccountReview, b: AccountReview): number => {
    const na = nextQbr(a, today);
    const nb = nextQbr(b, today);
    const rank = (n: NextQbr) => (n.kind === 'overdue' ? 0 : n.date === null ? 2 : 1);
    return rank(na) - rank(nb) || compare(na.date ?? '', nb.date ?? '') || compare(a.name, b.name) || compare(a.id, b.id);
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** One formatter per locale and currency: a book shares a handful, and Intl objects are slow to make by the thousand. */
export function formatterCache(make: (locale: string, currency: string) => Formatter): (r: Pick<AccountReview, 'locale' | 'currency'>) => Formatter {
  const cache = new Map<string, Formatter>();
  return (r) => {
    const key = `${r.locale}|${r.currency}`;
    let f = cache.get(key);
    if (!f) cache.set(key, (f = make(r.locale, r.currency)));
    return f;
  };
}

/** Not overdue and the next QBR (scheduled or due) falls between today and `days` from now, both included. */
export function dueWithin(r: Pick<AccountReview, 'qbrDate' | 'nextQbrDue' | 'overdue'>, today: IsoDate, days: number): boolean {
  const n = nextQbr(r, today);
  return n.kind !== 'overdue' && n.date !== null && n.date >= today && n.date <= addDays(today, days);
}
