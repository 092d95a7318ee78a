// The add-on's holiday table: each country's (and region's) public days off for a span of years, computed at build time
// from `date-holidays` (the library the CLI runs live), in a compact string encoding src/core/package/holiday-table.ts reads.
import Holidays from 'date-holidays';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Days off in every sense a CSM would not book prep time on (the same rule as src/holidays/library.ts). */
const DAY_OFF_TYPES = new Set(['public', 'bank']);

/**
 * The span the bundle carries: last year (late packages, missed steps) to four years ahead of the build, so a deployed
 * add-on keeps its holidays for years without a rebuild. `from` fixes the first year (tests build for their fake clock).
 */
export function tableSpan(from = new Date().getUTCFullYear() - 1) {
  return { from, to: from + 5 };
}

/** Bumped when the encoding changes, so a cached table of the old encoding is not reused. */
const FORMAT = 'g2';

const b36 = (n) => n.toString(36).padStart(2, '0');

/** date → name of one region's days off in one year, first name of a day kept (as the library source does). */
function daysOff(country, state, year) {
  const lib = new Holidays(state ? { country, state } : country, { languages: 'en' });
  const map = new Map();
  for (const h of lib.getHolidays(year, 'en') || []) {
    const day = h.date.slice(0, 10);
    if (DAY_OFF_TYPES.has(h.type) && !map.has(day)) map.set(day, h.name);
  }
  return map;
}

/**
 * One region's days, grouped by holiday name (`,` between groups): the name's index in `names`, then the dates it
 * falls on in every year of the span, then (after `:`) the other dates of each year, years separated by `.`. A date
 * is month·32+day in two base-36 characters. In the US of 2025–2030 New Year's Day is `000x`
 * (name 0 on 01-01), Thanksgiving `2a:aj.ai.ah.af.ae.ak` (name 74 on 11-27 in 2025, 11-26 in 2026 …).
 */
function encode(byYear, nameIndex) {
  const groups = new Map();
  byYear.forEach((map, year) => {
    for (const [day, name] of map) {
      if (!groups.has(name)) groups.set(name, byYear.map(() => []));
      groups.get(name)[year].push(b36(Number(day.slice(5, 7)) * 32 + Number(day.slice(8, 10))));
    }
  });
  return [...groups].map(([name, dates]) => {
    if (!nameIndex.has(name)) nameIndex.set(name, nameIndex.size);
    const every = dates[0].filter((md) => dates.every((year) => year.includes(md)));
    const rest = dates.map((year) => year.filter((md) => !every.includes(md)).join(''));
    return b36(nameIndex.get(name)) + every.join('') + (rest.some(Boolean) ? `:${rest.join('.')}` : '');
  }).join(',');
}

/** The whole table for `span`; regions are written as the days they add to their country and the days they drop. */
export function holidayTable(span = tableSpan()) {
  const years = [];
  for (let y = span.from; y <= span.to; y++) years.push(y);
  const nameIndex = new Map();
  const root = new Holidays();
  const countries = root.getCountries('en');
  const days = {};
  const zoneCountries = new Map();
  for (const code of Object.keys(countries)) {
    const base = years.map((y) => daysOff(code, null, y));
    days[code] = encode(base, nameIndex);
    for (const [state] of Object.entries(root.getStates(code, 'en') ?? {})) {
      const own = years.map((y) => daysOff(code, state, y));
      const added = own.map((map, i) => new Map([...map].filter(([d, n]) => base[i].get(d) !== n)));
      const dropped = own.map((map, i) => new Map([...base[i]].filter(([d, n]) => map.get(d) !== n)));
      days[`${code}-${state}`] = `${encode(added, nameIndex)}>${encode(dropped, nameIndex)}`;
    }
    for (const zone of new Holidays(code).getTimezones() ?? []) zoneCountries.set(zone, [...(zoneCountries.get(zone) ?? []), code]);
  }
  // Zones the tz database ties to one country only, grouped by country: `US: 'America/New_York America/Chicago …'`.
  const zones = {};
  for (const [zone, codes] of zoneCountries) if (codes.length === 1) zones[codes[0]] = zones[codes[0]] ? `${zones[codes[0]]} ${zone}` : zone;
  return { from: span.from, to: span.to, names: [...nameIndex.keys()].join('|'), countries, days, zones };
}

/** The table of this year's span, kept in node_modules/.cache per date-holidays version (computing it takes ~10 s). */
export function cachedHolidayTable(span = tableSpan()) {
  const file = cacheFile(span);
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'));
  const table = holidayTable(span);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(table));
  return table;
}

function cacheFile(span) {
  const version = JSON.parse(readFileSync(createRequire(import.meta.url).resolve('date-holidays/package.json'), 'utf8')).version;
  return join(dirname(fileURLToPath(import.meta.url)), '..', 'node_modules', '.cache', 'qbr-holidays', `${FORMAT}-${version}-${span.from}-${span.to}.json`);
}

// `node scripts/holiday-table.mjs [first year]`: the table the add-on build uses, on stdout (the table-vs-library test reads it).
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.stdout.write(JSON.stringify(cachedHolidayTable(process.argv[2] ? tableSpan(Number(process.argv[2])) : undefined)));
}
