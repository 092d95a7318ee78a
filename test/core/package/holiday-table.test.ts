// The add-on's build-time holiday table against the live library it was computed from, and what happens outside its span.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { tableHolidaySource, type HolidayTable } from '../../../src/core/package/holiday-table';
import { countryCode, workCalendar, type HolidaySource } from '../../../src/core/package/holidays';
import { buildPackage } from '../../../src/core/package/package';
import { libraryHolidays } from '../../../src/holidays/library';
import { analyzeWorkbook } from '../../../src/core';
import { book } from '../book';

const ROOT = join(__dirname, '..', '..', '..');
let table: HolidayTable;
let fromTable: HolidaySource;

beforeAll(() => {
  // The very table `npm run build` puts in build/Code.js (cached per library version and span).
  table = JSON.parse(execFileSync('node', ['scripts/holiday-table.mjs'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 8 << 20 }));
  fromTable = tableHolidaySource(table);
}, 120_000);

const sorted = (m: ReadonlyMap<string, string> | null) => [...(m ?? new Map())].sort(([a], [b]) => a.localeCompare(b));

describe('the build-time holiday table', () => {
  it('spans last year to four years ahead of the build', () => {
    const year = new Date().getUTCFullYear();
    expect([table.from, table.to]).toEqual([year - 1, year + 4]);
  });

  it('gives the same days off, with the same names, as date-holidays for every year of its span', () => {
    const codes = ['US', 'GB', 'DE', 'FR', 'JP', 'CA', 'AU', 'IN', 'BR', 'NL', 'IE', 'SG', 'DE-BY', 'GB-SCT', 'US-CA', 'CA-QC', 'AU-NSW', 'CH-ZH'];
    for (const code of codes) {
      for (let year = table.from; year <= table.to; year++) {
        const expected = sorted(libraryHolidays.daysOff(code, year));
        expect(expected.length).toBeGreaterThan(code.includes('-') ? 3 : 4);
        expect({ code, year, days: sorted(fromTable.daysOff(code, year)) }).toEqual({ code, year, days: expected });
      }
    }
  });

  it('knows the same countries, regions and single-country time zones', () => {
    expect(fromTable.countries()).toEqual(libraryHolidays.countries());
    for (const text of ['US', 'usa', 'United Kingdom', 'Germany', 'de-by', 'Scotland', 'XX', 'US-ZZ', 'Japan']) {
      expect([text, countryCode(text, fromTable)]).toEqual([text, countryCode(text, libraryHolidays)]);
    }
    for (const zone of ['America/New_York', 'America/Chicago', 'Europe/London', 'Europe/Berlin', 'Asia/Tokyo', 'Australia/Sydney', 'Europe/Zurich', 'America/Toronto', 'Mars/Olympus']) {
      expect([zone, fromTable.zoneCountry(zone)]).toEqual([zone, libraryHolidays.zoneCountry(zone)]);
    }
  });
});

describe('a year outside the table', () => {
  // Hand-made, span 2026 alone: the US with New Year's Day (name 0, on 01-01 every year) and Thanksgiving (name 1, 11-26
  // in 2026). 01-01 → month 1·32+1 = 33 = "0x"; 11-26 → 11·32+26 = 378 = "ai".
  const tiny = tableHolidaySource({ from: 2026, to: 2026, names: "New Year's Day|Thanksgiving Day", countries: { US: 'United States of America' }, days: { US: '000x,01:ai' }, zones: { US: 'America/New_York' } });

  it('decodes the entries it has', () => {
    expect(sorted(tiny.daysOff('US', 2026))).toEqual([['2026-01-01', "New Year's Day"], ['2026-11-26', 'Thanksgiving Day']]);
    expect(tiny.daysOff('US', 2027)).toBeNull();
  });

  it('skips weekends only there and says so in data to confirm', () => {
    const calendar = workCalendar({ timezone: 'America/New_York' }, tiny);
    expect(calendar.closed('2026-11-26')).toBe('Thanksgiving Day');
    expect(calendar.closed('2027-11-25')).toBeNull();
    expect(calendar.closed('2027-11-27')).toBe('weekend');
    expect(calendar.uncoveredYears!()).toEqual([2027]);

    // A QBR on Fri 2027-01-15: its T-14 step falls on New Year's Day 2027, which the table cannot know.
    const tracker = book({ Accounts: [['Account ID', 'Account', 'ARR', 'Segment', 'QBR Date', 'Timezone'], ['ACC-1', 'Acme', 200000, 'Enterprise', '2027-01-15', 'America/New_York']] });
    const review = analyzeWorkbook(tracker, { today: '2026-12-01' }).accounts[0]!;
    const pkg = buildPackage(review, { today: '2026-12-01', holidays: tiny });
    expect(pkg.holds.find((h) => h.offset === -14)!.date).toBe('2027-01-01');
    expect(pkg.dataToConfirm).toContain("Calendar holds: no public holidays of US are known for 2027 (the add-on's holiday table covers 2026–2026); holds in that year skip weekends only");
    // The library knows 2027: the same step moves to Thu 2026-12-31, and nothing is said.
    const live = buildPackage(review, { today: '2026-12-01', holidays: libraryHolidays });
    expect(live.holds.find((h) => h.offset === -14)!.date).toBe('2026-12-31');
    expect(live.dataToConfirm.join('\n')).not.toContain('are known for');
  });

  it('says so too when no holiday calendar is given at all', () => {
    const tracker = book({ Accounts: [['Account ID', 'Account', 'ARR', 'Segment', 'QBR Date', 'Timezone'], ['ACC-1', 'Acme', 200000, 'Enterprise', '2026-12-10', 'America/New_York']] });
    const review = analyzeWorkbook(tracker, { today: '2026-11-20' }).accounts[0]!;
    const pkg = buildPackage(review, { today: '2026-11-20' });
    expect(pkg.holdCalendar).toEqual({ country: null, basis: 'weekends only (no holiday calendar)' });
    expect(pkg.dataToConfirm).toContain('Calendar holds: no holiday calendar is loaded; only weekends are skipped');
  });
});
