/** The add-on's holiday source: a table of public days off that scripts/holiday-table.mjs computes from `date-holidays` at build time. */
import type { IsoDate } from '../dates';
import type { HolidaySource } from './holidays';

/**
 * As scripts/holiday-table.mjs writes it. `days[code]` is `fixed;year0;year1;…`, each part a run of 4-character
 * entries (month·32+day, then the name's index in `names`, both base 36): `fixed` days fall on the same date every
 * year of the span. A region (`DE-BY`) is `added>dropped`: days it has beyond its country's, and country days it does not keep.
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

  const entries = (part: string | undefined, year: number): [IsoDate, string][] => {
    const out: [IsoDate, string][] = [];
    for (let i = 0; part && i + 4 <= part.length; i += 4) {
      const md = parseInt(part.slice(i, i + 2), 36);
      const date = `${year}-${String(Math.floor(md / 32)).padStart(2, '0')}-${String(md % 32).padStart(2, '0')}`;
      out.push([date, names[parseInt(part.slice(i + 2, i + 4), 36)]!]);
    }
    return out;
  };
  const yearOf = (encoded: string | undefined, year: number): [IsoDate, string][] => {
    const parts = (encoded ?? '').split(';');
    return [...entries(parts[0], year), ...entries(parts[1 + year - table.from], year)];
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
