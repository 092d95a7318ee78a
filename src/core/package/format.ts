/** Numbers, money, percentages and dates formatted for humans in the account's locale and currency. */
import type { IsoDate } from '../dates';
import type { Direction } from '../analysis/types';
import type { Tone } from './types';

export interface Formatter {
  locale: string;
  currency: string;
  /** Headline money: `$220K`, `$1.25M`. */
  moneyShort(v: number): string;
  /** Table money: `$220,000` (cents only when there are any). */
  money(v: number): string;
  number(v: number, digits?: number): string;
  /** A fraction as a percentage: 0.28 → `28%`. */
  percent(v: number, digits?: number): string;
  /** A relative change with its arrow: `▲ +28%`, `▼ −5%`, `► stable`. */
  change(change: number | null, direction: Direction | null): string;
  multiple(v: number): string;
  /** `Dec 16, 2026`. */
  date(iso: IsoDate): string;
  /** `Thursday, Dec 10, 2026`. */
  longDate(iso: IsoDate): string;
}

/** Intl is in every host we run on (Node and Apps Script V8); a bad locale or currency falls back to en-US / USD. */
export function formatter(locale: string, currency: string): Formatter {
  const loc = safeLocale(locale);
  const cur = safeCurrency(loc, currency);
  const compact = new Intl.NumberFormat(loc, { style: 'currency', currency: cur, notation: 'compact', maximumSignificantDigits: 3 });
  const whole = new Intl.NumberFormat(loc, { style: 'currency', currency: cur, maximumFractionDigits: 0, minimumFractionDigits: 0 });
  const cents = new Intl.NumberFormat(loc, { style: 'currency', currency: cur, minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const numbers = new Map<number, Intl.NumberFormat>();
  const num = (digits: number) => {
    let f = numbers.get(digits);
    if (!f) numbers.set(digits, (f = new Intl.NumberFormat(loc, { maximumFractionDigits: digits })));
    return f;
  };
  const dateFmt = new Intl.DateTimeFormat(loc, { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
  const longFmt = new Intl.DateTimeFormat(loc, { weekday: 'long', month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
  const utc = (iso: IsoDate) => new Date(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))));
  const f: Formatter = {
    locale: loc,
    currency: cur,
    moneyShort: (v) => (Math.abs(v) < 1000 ? whole.format(v) : compact.format(v)),
    money: (v) => (Number.isInteger(Math.round(v * 100) / 100) ? whole.format(v) : cents.format(v)),
    number: (v, digits = 0) => num(digits).format(v),
    percent: (v, digits = 0) => `${num(digits).format(v * 100)}%`,
    change: (change, direction) => {
      if (direction === null) return '';
      if (direction === 'stable') return '► stable';
      const sign = direction === 'up' ? '+' : '−';
      const size = change === null ? '' : ` ${sign}${num(Math.abs(change) < 0.1 ? 1 : 0).format(Math.abs(change) * 100)}%`;
      return `${direction === 'up' ? '▲' : '▼'}${size}`;
    },
    multiple: (v) => `${num(1).format(v)}x`,
    date: (iso) => dateFmt.format(utc(iso)),
    longDate: (iso) => longFmt.format(utc(iso)),
  };
  return f;
}

function safeLocale(locale: string): string {
  try {
    return Intl.NumberFormat.supportedLocalesOf([locale]).length > 0 ? locale : 'en-US';
  } catch {
    return 'en-US';
  }
}

function safeCurrency(locale: string, currency: string): string {
  try {
    new Intl.NumberFormat(locale, { style: 'currency', currency });
    return currency;
  } catch {
    return 'USD';
  }
}

/** Which way is good for a metric: more tickets or slower responses are bad news. */
export function trendTone(direction: Direction | null, higherIsBetter = true): Tone {
  if (direction === null || direction === 'stable') return 'neutral';
  return (direction === 'up') === higherIsBetter ? 'good' : 'bad';
}

export function bandTone(band: 'Green' | 'Yellow' | 'Red' | null): Tone {
  return band === 'Green' ? 'good' : band === 'Yellow' ? 'warn' : band === 'Red' ? 'bad' : 'neutral';
}
