/** The Settings tab: key/value pairs that tune the formulas (thresholds, weights, hourly rate, fiscal year, locale). */
import { cellText, parseMoney, parsePercent, parseNumber, type Parsed } from './cells';
import type { Finding } from './findings';
import { parseTab } from './parse-tab';
import { parseTimeZone } from './timezones';
import { normalizeName } from './schema';
import type { Workbook } from './workbook';

export interface Settings {
  hourlyRate: number;
  /** Minimum ARR of each segment (SPEC §3). */
  thresholds: { strategic: number; enterprise: number; midMarket: number; smb: number };
  /** Health weights before renormalisation over the dimensions present. */
  weights: { usage: number; engagement: number; support: number; relationship: number };
  timezone: string | null;
  /** Whose public holidays the holds avoid when an account names no Country (checked against the holiday library later). */
  holidayCountry: string | null;
  currency: string;
  locale: string;
  fiscalYearStartMonth: number;
  dateOrder: 'MDY' | 'DMY';
  /** Support targets in hours (`First Response SLA (h)`, `Resolution SLA (h)`); null when the tracker sets none. */
  slaHours: { firstResponse: number | null; resolution: number | null };
  /** Every key as written (normalised name → text), for settings other parts of the product read. */
  raw: Map<string, string>;
}

export const DEFAULT_SETTINGS: Settings = {
  hourlyRate: 75,
  thresholds: { strategic: 500_000, enterprise: 100_000, midMarket: 25_000, smb: 5_000 },
  weights: { usage: 0.35, engagement: 0.25, support: 0.2, relationship: 0.2 },
  timezone: null,
  holidayCountry: null,
  currency: 'USD',
  locale: 'en-US',
  fiscalYearStartMonth: 1,
  dateOrder: 'MDY',
  slaHours: { firstResponse: null, resolution: null },
  raw: new Map(),
};

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

export function readSettings(workbook: Workbook): { settings: Settings; findings: Finding[] } {
  const parsed = parseTab(workbook, 'settings');
  const findings = [...parsed.findings];
  const tab = parsed.tabName ?? 'Settings';
  const rows = new Map<string, { text: string; row: number; key: string }>();
  for (const r of parsed.rows) {
    if (r.value !== null) rows.set(normalizeName(r.key), { text: r.value, row: r.row, key: r.key });
  }
  const s: Settings = {
    ...DEFAULT_SETTINGS,
    thresholds: { ...DEFAULT_SETTINGS.thresholds },
    weights: { ...DEFAULT_SETTINGS.weights },
    slaHours: { ...DEFAULT_SETTINGS.slaHours },
    raw: new Map([...rows].map(([k, v]) => [k, v.text])),
  };

  // Reads one key with a parser; a bad value is named and the default kept.
  const read = <T>(keys: string[], parse: (text: string) => Parsed<T> | { ok: false; message: string }, accept: (v: T) => boolean, apply: (v: T) => void): void => {
    const entry = keys.map((k) => rows.get(normalizeName(k))).find((e) => e !== undefined);
    if (!entry) return;
    const result = parse(entry.text);
    if (result.ok && result.value !== null && accept(result.value)) apply(result.value);
    else findings.push({ tab, row: entry.row, column: 'Value', value: cellText(entry.text), severity: 'warning', message: `Settings "${entry.key}" is not usable (${result.ok ? 'out of range' : result.message}); the default is used` });
  };
  // Past 10^15 a setting is a typo, and 1e308 would turn every product into Infinity.
  const positive = (v: number) => v >= 0 && v <= 1e15;

  read(['Hourly Rate'], parseMoney, (v) => v > 0 && v <= 1e15, (v) => (s.hourlyRate = v));
  read(['Strategic Threshold', 'Strategic ARR'], parseMoney, positive, (v) => (s.thresholds.strategic = v));
  read(['Enterprise Threshold', 'Enterprise ARR'], parseMoney, positive, (v) => (s.thresholds.enterprise = v));
  read(['Mid-Market Threshold', 'Mid-Market ARR'], parseMoney, positive, (v) => (s.thresholds.midMarket = v));
  read(['SMB Threshold', 'SMB ARR'], parseMoney, positive, (v) => (s.thresholds.smb = v));
  read(['Usage Weight'], parsePercent, positive, (v) => (s.weights.usage = v));
  read(['Engagement Weight'], parsePercent, positive, (v) => (s.weights.engagement = v));
  read(['Support Weight'], parsePercent, positive, (v) => (s.weights.support = v));
  read(['Relationship Weight'], parsePercent, positive, (v) => (s.weights.relationship = v));
  read(['Timezone', 'Time Zone'], parseTimeZone, () => true, (v) => (s.timezone = v));
  read(['Holiday Country'], textValue, () => true, (v) => (s.holidayCountry = v));
  read(['Currency'], textValue, (v) => /^[A-Za-z]{3}$/.test(v), (v) => (s.currency = v.toUpperCase()));
  read(['Locale'], textValue, (v) => /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(v), (v) => (s.locale = v));
  read(['Fiscal Year Start Month', 'Fiscal Year Start'], monthValue, () => true, (v) => (s.fiscalYearStartMonth = v));
  read(['Date Order', 'Date Format'], dateOrderValue, () => true, (v) => (s.dateOrder = v));
  read(['First Response SLA (h)', 'First Response SLA'], hoursValue, (v) => v > 0 && v <= 1e4, (v) => (s.slaHours.firstResponse = v));
  read(['Resolution SLA (h)', 'Resolution SLA'], hoursValue, (v) => v > 0 && v <= 1e4, (v) => (s.slaHours.resolution = v));

  const t = s.thresholds;
  if (!(t.strategic >= t.enterprise && t.enterprise >= t.midMarket && t.midMarket >= t.smb)) {
    findings.push({ tab, row: null, column: null, value: null, severity: 'warning', message: 'segment thresholds are not in descending order (Strategic ≥ Enterprise ≥ Mid-Market ≥ SMB); the defaults are used' });
    s.thresholds = { ...DEFAULT_SETTINGS.thresholds };
  }
  if (Object.values(s.weights).every((w) => w === 0)) {
    findings.push({ tab, row: null, column: null, value: null, severity: 'warning', message: 'every health weight is 0; the default weights are used' });
    s.weights = { ...DEFAULT_SETTINGS.weights };
  }
  // Keys are read in a fixed order; report them in the sheet's.
  findings.sort((a, b) => (a.row ?? Infinity) - (b.row ?? Infinity));
  return { settings: s, findings };
}

/** `4`, `4h`, `24 hours`: a number of hours. */
function hoursValue(text: string): Parsed<number> {
  return parseNumber(text.replace(/\s*h(ours?)?$/i, '').trim());
}

function textValue(text: string): Parsed<string> {
  return { ok: true, value: text.trim() || null };
}

function monthValue(text: string): Parsed<number> {
  const name = text.trim().toLowerCase();
  const byName = MONTHS.findIndex((m) => name.length >= 3 && m.startsWith(name));
  if (byName >= 0) return { ok: true, value: byName + 1 };
  const n = parseNumber(text);
  if (n.ok && n.value !== null && Number.isInteger(n.value) && n.value >= 1 && n.value <= 12) return n;
  return { ok: false, message: 'not a month (1–12 or a month name)' };
}

function dateOrderValue(text: string): Parsed<'MDY' | 'DMY'> {
  const v = text.replace(/[^a-z]/gi, '').toUpperCase();
  if (v === 'MDY' || v === 'MMDDYYYY') return { ok: true, value: 'MDY' };
  if (v === 'DMY' || v === 'DDMMYYYY') return { ok: true, value: 'DMY' };
  return { ok: false, message: 'not a date order (MDY or DMY)' };
}
