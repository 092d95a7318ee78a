/**
 * The one number formatter per kind (money, count, percent, points, multiple, date) that every plan and renderer uses,
 * so a figure reads the same on every slide, doc and email (SPEC §4.2 "numbers read the same everywhere").
 */
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
  /** The size of a relative change, one decimal under 10 %: `28%`, `8.3%` (the arrowed change uses the same). */
  changeSize(change: number): string;
  /** A relative change with its arrow: `▲ +28%`, `▼ −5%`, `► stable`. */
  change(change: number | null, direction: Direction | null): string;
  multiple(v: number): string;
  /** A whole count: `1,200`. */
  count(v: number): string;
  /** A score change (health, NPS, CSAT) in points, never percent: `+5 pts`, `−2 pts`, `−0.2 pts`. */
  points(delta: number, digits?: number): string;
  /** A score change with its arrow: `▲ +5 pts`, `▼ −13 pts`, `► no change`. */
  pointsChange(delta: number | null, digits?: number): string;
  /** Outcome progress; below zero it is words, not `-121%`. */
  progress(p: number): string;
  /** The ROI headline (SPEC §4.2): `3.1x return on the quarter's investment`. */
  roiHeadline(roi: number): string;
  /** Net ROI = (value − investment) ÷ investment, the only percentage an ROI is shown as: `210% net return`. */
  netRoi(roi: number): string;
  /**
   * A row of figures with one rounding: compact (`7K`, `12K`) for every cell when the largest is ≥ 10,000, else whole
   * numbers, so `7,000 / 9,000 / 10.5K / 12K` never shares a row.
   */
  series(values: (number | null)[]): (v: number) => string;
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
      const size = change === null ? '' : ` ${sign}${f.changeSize(change)}`;
      return `${direction === 'up' ? '▲' : '▼'}${size}`;
    },
    changeSize: (change) => `${num(Math.abs(change) < 0.1 ? 1 : 0).format(Math.abs(change) * 100)}%`,
    multiple: (v) => `${num(1).format(v)}x`,
    count: (v) => num(0).format(v),
    points: (delta, digits = 0) => {
      const size = num(digits).format(Math.abs(delta));
      if (size === num(digits).format(0)) return '0 pts';
      return `${delta > 0 ? '+' : '−'}${size} pt${size === '1' ? '' : 's'}`;
    },
    pointsChange: (delta, digits = 0) => {
      if (delta === null) return '';
      const text = f.points(delta, digits);
      if (text === '0 pts') return '► no change';
      return `${delta > 0 ? '▲' : '▼'} ${text}`;
    },
    progress: (p) => (p < 0 ? 'moved away from target' : `${num(0).format(p * 100)}%`),
    roiHeadline: (roi) => `${f.multiple(roi)} return on the quarter's investment`,
    netRoi: (roi) => `${num(0).format((roi - 1) * 100)}% net return`,
    series: (values) => {
      const known = values.filter((v): v is number => v !== null);
      const compactAll = known.length > 0 && Math.max(...known.map(Math.abs)) >= 10_000;
      const compactFmt = new Intl.NumberFormat(loc, { notation: 'compact', maximumSignificantDigits: 3 });
      return (v) => (compactAll ? compactFmt.format(v) : num(0).format(v));
    },
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

/** The indefinite article a word takes when read aloud: "an Enterprise account", "a Mid-Market account". */
export function article(word: string): 'a' | 'an' {
  return /^[aeiou]/i.test(word.trim()) ? 'an' : 'a';
}

/** Which way is good for a metric: more tickets or slower responses are bad news. */
export function trendTone(direction: Direction | null, higherIsBetter = true): Tone {
  if (direction === null || direction === 'stable') return 'neutral';
  return (direction === 'up') === higherIsBetter ? 'good' : 'bad';
}

export function bandTone(band: 'Green' | 'Yellow' | 'Red' | null): Tone {
  return band === 'Green' ? 'good' : band === 'Yellow' ? 'warn' : band === 'Red' ? 'bad' : 'neutral';
}
