/** Working days for calendar holds: weekends plus the public holidays of the account's country, from `date-holidays`. */
import Holidays from 'date-holidays';
import { weekday, type IsoDate } from '../dates';

/** Which days a hold may not sit on, and why (for the hold's "Moved from …" line). */
export interface WorkCalendar {
  /** `US`, `GB-SCT` … as the holiday library knows it, or null when only weekends are skipped. */
  country: string | null;
  /** Why this country (`Accounts Country`, `Settings Holiday Country`, `time zone America/New_York`, or none). */
  basis: string;
  /** A country the tracker named that the library does not know: said once, in data to confirm. */
  problem: string | null;
  /** The holiday's name on a non-working weekday, `weekend` on Saturday/Sunday, null on a working day. */
  closed(date: IsoDate): string | null;
}

export interface WorkCalendarInput {
  /** Accounts `Country`. */
  accountCountry?: string | null;
  /** Settings `Holiday Country`. */
  settingsCountry?: string | null;
  /** The account's IANA zone: the tz database ties most zones to one country. */
  timezone?: string | null;
}

/** Days off in every sense a CSM would not book prep time on; `optional`, `school` and `observance` days stay working days. */
const DAY_OFF_TYPES = new Set(['public', 'bank']);

/** Spellings trackers use that are not the library's English names. */
const ALIASES: Record<string, string> = {
  usa: 'US', 'united states': 'US', us: 'US', uk: 'GB', 'great britain': 'GB', britain: 'GB',
  england: 'GB-ENG', scotland: 'GB-SCT', wales: 'GB-WLS', 'northern ireland': 'GB-NIR',
};

/**
 * The calendar of one account: Accounts `Country`, else Settings `Holiday Country`, else the one country
 * the account's time zone belongs to, else weekends only (SPEC §4.3).
 * @example workCalendar({ accountCountry: 'US' }).closed('2026-11-26') // 'Thanksgiving Day'
 */
export function workCalendar(input: WorkCalendarInput): WorkCalendar {
  const problems: string[] = [];
  for (const [value, where] of [[input.accountCountry, 'Accounts Country'], [input.settingsCountry, 'Settings Holiday Country']] as const) {
    const text = value?.trim();
    if (!text) continue;
    const code = countryCode(text);
    if (code) return calendarFor(code, where, problems[0] ?? null);
    problems.push(`${where} "${text}" is not a country the holiday calendar knows (use a code such as US, GB or DE-BY)`);
  }
  const zone = input.timezone?.trim();
  const fromZone = zone ? zoneCountries().get(zone) : undefined;
  if (zone && fromZone?.length === 1) return calendarFor(fromZone[0]!, `time zone ${zone}`, problems[0] ?? null);
  return { country: null, basis: 'weekends only (no country)', problem: problems[0] ?? null, closed: (d) => (isWeekend(d) ? 'weekend' : null) };
}

/** `US`, `us`, `GB-SCT`, `United Kingdom`, `USA` → the library's code, or null. */
export function countryCode(text: string): string | null {
  const t = text.trim().replace(/\s+/g, ' ');
  const alias = ALIASES[t.toLowerCase()];
  const candidate = alias ?? t.toUpperCase();
  const m = /^([A-Z]{2})(?:[-_ ]([A-Z0-9]{1,3}))?$/.exec(candidate);
  const library = new Holidays();
  const countries = (englishNames ??= library.getCountries('en'));
  if (m) {
    if (!countries[m[1]!]) return null;
    if (!m[2]) return m[1]!;
    return library.getStates(m[1]!, 'en')?.[m[2]] ? `${m[1]}-${m[2]}` : null;
  }
  const byName = Object.entries(countries).find(([, name]) => name.toLowerCase() === t.toLowerCase());
  return byName ? byName[0] : null;
}

/** Computed days off per country and year, shared by every account of a run (a book has a handful of countries). */
const daysOffCache = new Map<string, Map<number, Map<IsoDate, string>>>();
let englishNames: Record<string, string> | null = null;

function calendarFor(code: string, basis: string, problem: string | null): WorkCalendar {
  const byYear = daysOffCache.get(code) ?? new Map<number, Map<IsoDate, string>>();
  daysOffCache.set(code, byYear);
  return {
    country: code,
    basis,
    problem,
    closed: (d) => (isWeekend(d) ? 'weekend' : daysOff(code, byYear, Number(d.slice(0, 4))).get(d) ?? null),
  };
}

function daysOff(code: string, byYear: Map<number, Map<IsoDate, string>>, year: number): Map<IsoDate, string> {
  let map = byYear.get(year);
  if (map) return map;
  const [country, state] = code.split('-');
  const holidays = new Holidays(state ? { country: country!, state } : country!, { languages: 'en' });
  map = new Map();
  for (const h of holidays.getHolidays(year, 'en') || []) {
    const day = h.date.slice(0, 10);
    // A day that is both (Christmas and a Sunday observance) keeps the first day-off name.
    if (DAY_OFF_TYPES.has(h.type) && !map.has(day)) map.set(day, h.name);
  }
  byYear.set(year, map);
  return map;
}

function isWeekend(date: IsoDate): boolean {
  const day = weekday(date);
  return day === 0 || day === 6;
}

let zones: Map<string, string[]> | null = null;

/** Zone → the countries whose holiday data names it; built once (a few hundred ms), only when a zone must decide. */
function zoneCountries(): Map<string, string[]> {
  if (zones) return zones;
  const map = new Map<string, string[]>();
  for (const code of Object.keys(new Holidays().getCountries())) {
    for (const zone of new Holidays(code).getTimezones() ?? []) map.set(zone, [...(map.get(zone) ?? []), code]);
  }
  zones = map;
  return map;
}
