/** The add-on's holiday source: a table of public days off that scripts/holiday-table.mjs computes from `date-holidays` at build time. */
import type { IsoDate } from '../dates';
import type { HolidaySource } from './holidays';

/**
 * As scripts/holiday-table.mjs writes it. `days[code]` lists a country's days off grouped by holiday name (`,` between
 * groups): the name's index in `names` (two base-36 characters), the dates it falls on in every year of the span, then
 * after `:` each year's other dates, years separated by `.`; a date is month·32+day in two base-36 characters. A
 * region (`DE-BY`) is `added>dropped`: the days it has beyond its country's, and the country's days it does not keep.
 */
export interface HolidayTable {
  from: number;
  to: number;
  /** Holiday names joined by `|`. */
  names: string;
  countries: Record<string, string>;
  days: Record<string, string>;
  /** Country → the zones the tz database ties to it alone, space-separated. */
  zones: Record<string, string>;
}

/** A HolidaySource over `table`; a year outside its span has no data (null), so the calendar says so. */
export function tableHolidaySource(table: HolidayTable): HolidaySource {
  const names = table.names.split('|');
  const decoded = new Map<string, Map<IsoDate, string>>();
  let zoneToCountry: Map<string, string> | null = null;

  const dates = (run: string, year: number): IsoDate[] => {
    const out: IsoDate[] = [];
    for (let i = 0; i + 2 <= run.length; i += 2) {
      const md = parseInt(run.slice(i, i + 2), 36);
      out.push(`${year}-${String(Math.floor(md / 32)).padStart(2, '0')}-${String(md % 32).padStart(2, '0')}`);
    }
    return out;
  };
  const yearOf = (encoded: string | undefined, year: number): [IsoDate, string][] => {
    const out: [IsoDate, string][] = [];
    for (const group of (encoded ?? '').split(',')) {
      if (!group) continue;
      const name = names[parseInt(group.slice(0, 2), 36)]!;
      const [every, years] = group.slice(2).split(':');
      for (const day of [...dates(every ?? '', year), ...dates(years?.split('.')[year - table.from] ?? '', year)]) out.push([day, name]);
    }
    return out;
  };

  const daysOff = (code: string, year: number): Map<IsoDate, string> | null => {
    if (year < table.from || year > table.to) return null;
    const key = `${code}|${year}`;
    const cached = decoded.get(key);
    if (cached) return cached;
    const [country, region] = code.split('-');
    const map = new Map(yearOf(table.days[country!], year));
    if (region) {
      const [added, dropped] = (table.days[code] ?? '>').split('>');
      for (const [day] of yearOf(dropped, year)) map.delete(day);
      for (const [day, name] of yearOf(added, year)) map.set(day, name);
    }
    decoded.set(key, map);
    return map;
  };

  return {
    coverage: `the add-on's holiday table covers ${table.from}–${table.to}`,
    countries: () => table.countries,
    hasRegion: (country, region) => `${country}-${region}` in table.days,
    daysOff,
    zoneCountry(zone) {
      zoneToCountry ??= new Map(Object.entries(table.zones).flatMap(([code, zones]) => zones.split(' ').map((z) => [z, code] as [string, string])));
      return zoneToCountry.get(zone) ?? null;
    },
  };
}
