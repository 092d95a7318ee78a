/** Working days for calendar holds: weekends plus the public holidays of the account's country, from an injected holiday source. */
import { weekday, type IsoDate } from '../dates';

/**
 * Where public holidays come from: the `date-holidays` library in Node (src/holidays/library.ts), a table generated
 * from it at build time in the add-on (src/core/package/holiday-table.ts). The core only asks these questions.
 */
export interface HolidaySource {
  /** English names of the countries it knows, by code (`US` → `United States of America`). */
  countries(): Readonly<Record<string, string>>;
  /** Whether `country` has a region `region` (`DE`, `BY`). */
  hasRegion(country: string, region: string): boolean;
  /** The days off of `US`, `GB-SCT` … in `year` (date → holiday name); null when the source has no data for that year. */
  daysOff(code: string, year: number): ReadonlyMap<IsoDate, string> | null;
  /** The one country the zone belongs to; null when none or several (Europe/Zurich: Switzerland and Liechtenstein). */
  zoneCountry(zone: string): string | null;
  /** What it covers, said when a year is outside it (`the add-on's holiday table covers 2025–2030`). */
  coverage: string;
}

/** Which days a hold may not sit on, and why (for the hold's "Moved from …" line). */
export interface WorkCalendar {
  /** `US`, `GB-SCT` … as the holiday source knows it, or null when only weekends are skipped. */
  country: string | null;
  /** Why this country (`Accounts Country`, `Settings Holiday Country`, `time zone America/New_York`, or none). */
  basis: string;
  /** A country the tracker named that the source does not know: said once, in data to confirm. */
  problem: string | null;
  /** The holiday's name on a non-working weekday, `weekend` on Saturday/Sunday, null on a working day. */
  closed(date: IsoDate): string | null;
  /** Years `closed` was asked about that the source has no holidays for (those days were judged by weekends only). */
  uncoveredYears?(): number[];
  /** What the source covers (for the note about uncovered years). */
  coverage?: string;
}

export interface WorkCalendarInput {
  /** Accounts `Country`. */
  accountCountry?: string | null;
  /** Settings `Holiday Country`. */
  settingsCountry?: string | null;
  /** The account's IANA zone: the tz database ties most zones to one country. */
  timezone?: string | null;
}

/** Spellings trackers use that are not the library's English names. */
const ALIASES: Record<string, string> = {
  usa: 'US', 'united states': 'US', us: 'US', uk: 'GB', 'great britain': 'GB', britain: 'GB',
  england: 'GB-ENG', scotland: 'GB-SCT', wales: 'GB-WLS', 'northern ireland': 'GB-NIR',
};

/**
 * The calendar of one account: Accounts `Country`, else Settings `Holiday Country`, else the one country
 * the account's time zone belongs to, else weekends only (SPEC §4.3). Without a source: weekends only, said as a problem.
 * @example workCalendar({ accountCountry: 'US' }, libraryHolidays).closed('2026-11-26') // 'Thanksgiving Day'
 */
export function workCalendar(input: WorkCalendarInput, source: HolidaySource | null | undefined): WorkCalendar {
  if (!source) return weekendsOnly('weekends only (no holiday calendar)', 'no holiday calendar is loaded', 'no holiday calendar');
  const problems: string[] = [];
  for (const [value, where] of [[input.accountCountry, 'Accounts Country'], [input.settingsCountry, 'Settings Holiday Country']] as const) {
    const text = value?.trim();
    if (!text) continue;
    const code = countryCode(text, source);
    if (code) return calendarFor(source, code, where, problems[0] ?? null);
    problems.push(`${where} "${text}" is not a country the holiday calendar knows (use a code such as US, GB or DE-BY)`);
  }
  const zone = input.timezone?.trim();
  const fromZone = zone ? source.zoneCountry(zone) : null;
  if (zone && fromZone) return calendarFor(source, fromZone, `time zone ${zone}`, problems[0] ?? null);
  return weekendsOnly('weekends only (no country)', problems[0] ?? null, source.coverage);
}

/** `US`, `us`, `GB-SCT`, `United Kingdom`, `USA` → the source's code, or null. */
export function countryCode(text: string, source: HolidaySource): string | null {
  const t = text.trim().replace(/\s+/g, ' ');
  const alias = ALIASES[t.toLowerCase()];
  const candidate = alias ?? t.toUpperCase();
  const m = /^([A-Z]{2})(?:[-_ ]([A-Z0-9]{1,3}))?$/.exec(candidate);
  const countries = source.countries();
  if (m) {
    if (!countries[m[1]!]) return null;
    if (!m[2]) return m[1]!;
    return source.hasRegion(m[1]!, m[2]) ? `${m[1]}-${m[2]}` : null;
  }
  const byName = Object.entries(countries).find(([, name]) => name.toLowerCase() === t.toLowerCase());
  return byName ? byName[0] : null;
}

/** The note for data to confirm when holds fell in years the source does not cover, or null. */
export function uncoveredNote(calendar: WorkCalendar): string | null {
  const years = calendar.uncoveredYears?.() ?? [];
  if (!calendar.country || years.length === 0) return null;
  return `Calendar holds: no public holidays of ${calendar.country} are known for ${years.join(', ')} (${calendar.coverage ?? 'outside the holiday calendar'}); holds in ${years.length === 1 ? 'that year' : 'those years'} skip weekends only`;
}

function weekendsOnly(basis: string, problem: string | null, coverage: string): WorkCalendar {
  return { country: null, basis, problem, coverage, closed: (d) => (isWeekend(d) ? 'weekend' : null), uncoveredYears: () => [] };
}

function calendarFor(source: HolidaySource, code: string, basis: string, problem: string | null): WorkCalendar {
  const uncovered = new Set<number>();
  return {
    country: code,
    basis,
    problem,
    coverage: source.coverage,
    closed: (d) => {
      if (isWeekend(d)) return 'weekend';
      const year = Number(d.slice(0, 4));
      const days = source.daysOff(code, year);
      if (!days) uncovered.add(year);
      return days?.get(d) ?? null;
    },
    uncoveredYears: () => [...uncovered].sort((a, b) => a - b),
  };
}

function isWeekend(date: IsoDate): boolean {
  const day = weekday(date);
  return day === 0 || day === 6;
}
