/** The holiday source of the CLI (and of scripts/holiday-table.mjs, which freezes it for the add-on): `date-holidays`, live. */
import Holidays from 'date-holidays';
import type { IsoDate } from '../core/dates';
import type { HolidaySource } from '../core/package/holidays';

/** Days off in every sense a CSM would not book prep time on; `optional`, `school` and `observance` days stay working days. */
export const DAY_OFF_TYPES = new Set(['public', 'bank']);

/** Computed days off per country and year, shared by every account of a run (a book has a handful of countries). */
const daysOffCache = new Map<string, Map<IsoDate, string>>();
let englishNames: Record<string, string> | null = null;
let zones: Map<string, string[]> | null = null;

export const libraryHolidays: HolidaySource = {
  coverage: 'the date-holidays library',
  countries: () => (englishNames ??= new Holidays().getCountries('en')),
  hasRegion: (country, region) => Boolean(new Holidays().getStates(country, 'en')?.[region]),
  daysOff(code, year) {
    const key = `${code}|${year}`;
    let map = daysOffCache.get(key);
    if (map) return map;
    const [country, state] = code.split('-');
    const holidays = new Holidays(state ? { country: country!, state } : country!, { languages: 'en' });
    map = new Map();
    for (const h of holidays.getHolidays(year, 'en') || []) {
      const day = h.date.slice(0, 10);
      // A day that is both (Christmas and a Sunday observance) keeps the first day-off name.
      if (DAY_OFF_TYPES.has(h.type) && !map.has(day)) map.set(day, h.name);
    }
    daysOffCache.set(key, map);
    return map;
  },
  zoneCountry(zone) {
    const codes = zoneCountries().get(zone);
    return codes?.length === 1 ? codes[0]! : null;
  },
};

/** Zone → the countries whose holiday data names it; built once (a few hundred ms), only when a zone must decide. */
export function zoneCountries(): Map<string, string[]> {
  if (zones) return zones;
  const map = new Map<string, string[]>();
  for (const code of Object.keys(new Holidays().getCountries())) {
    for (const zone of new Holidays(code).getTimezones() ?? []) map.set(zone, [...(map.get(zone) ?? []), code]);
  }
  zones = map;
  return map;
}
