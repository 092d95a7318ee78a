// Holds on working days of the account's country, one slot each per day, none in the past: dates worked by hand from a 2026/27 calendar.
import { join } from 'node:path';
import ICAL from 'ical.js';
import { analyzeWorkbook } from '../../../src/core';
import { countryCode, workCalendar } from '../../../src/core/package/holidays';
import { libraryHolidays } from '../../../src/holidays/library';
import { planHoldSchedule, type HoldInput } from '../../../src/core/package/holds';
import { chooseQbrDate } from '../../../src/core/package/qbr-date';
import { buildPackage } from '../../../src/core/package/package';
import { readCsvFolder } from '../../../src/workbook/csv';
import { book } from '../book';
import { icsFor } from '../../../src/render/ics';

const US = workCalendar({ accountCountry: 'US' }, libraryHolidays);
const UK = workCalendar({ settingsCountry: 'United Kingdom' }, libraryHolidays);
const base: HoldInput = { accountId: 'ACC-009', accountName: 'Acme', variant: 'enterprise', qbrDate: '2026-12-10', timezone: 'America/New_York', reviewType: 'QBR' };
const byStep = (input: HoldInput) => Object.fromEntries(planHoldSchedule(input).holds.map((h) => [`T${h.offset > 0 ? '+' : ''}${h.offset}`, `${h.date} ${h.start}-${h.end}`]));

describe('workCalendar', () => {
  it('takes Accounts Country, then Settings Holiday Country, then the one country of the time zone, else weekends only', () => {
    expect(workCalendar({ accountCountry: 'GB', settingsCountry: 'US', timezone: 'America/New_York' }, libraryHolidays)).toMatchObject({ country: 'GB', basis: 'Accounts Country' });
    expect(workCalendar({ accountCountry: ' ', settingsCountry: 'us', timezone: 'Europe/London' }, libraryHolidays)).toMatchObject({ country: 'US', basis: 'Settings Holiday Country' });
    expect(workCalendar({ timezone: 'Europe/London' }, libraryHolidays)).toMatchObject({ country: 'GB', basis: 'time zone Europe/London' });
    expect(workCalendar({ timezone: 'America/Chicago' }, libraryHolidays).country).toBe('US');
    // Zurich is shared by Switzerland and Liechtenstein: no single country, so only weekends.
    expect(workCalendar({ timezone: 'Europe/Zurich' }, libraryHolidays).country).toBeNull();
    expect(workCalendar({}, libraryHolidays).closed('2026-11-26')).toBeNull();
    expect(workCalendar({}, libraryHolidays).closed('2026-11-28')).toBe('weekend');
  });

  it('names a country it cannot use and falls back to the next source', () => {
    const c = workCalendar({ accountCountry: 'Atlantis', timezone: 'America/New_York' }, libraryHolidays);
    expect(c.country).toBe('US');
    expect(c.problem).toBe('Accounts Country "Atlantis" is not a country the holiday calendar knows (use a code such as US, GB or DE-BY)');
  });

  it('reads codes, regions and English names', () => {
    expect(['US', 'usa', 'United Kingdom', 'UK', 'Germany', 'de-by', 'Scotland', 'XX', 'US-ZZ'].map((t) => countryCode(t, libraryHolidays))).toEqual(['US', 'US', 'GB', 'GB', 'DE', 'DE-BY', 'GB-SCT', null, null]);
  });

  it('knows the days off: Thanksgiving, Christmas and New Year in the US; the Spring and Boxing Day substitute bank holidays in the UK', () => {
    expect(['2026-11-26', '2026-11-27', '2026-12-25', '2027-01-01', '2026-12-28'].map(US.closed)).toEqual(['Thanksgiving Day', null, 'Christmas Day', "New Year's Day", null]);
    expect(['2026-05-25', '2026-12-28', '2026-11-26'].map(UK.closed)).toEqual(['Spring bank holiday', 'Boxing Day (substitute day)', null]);
  });
});

describe('planHoldSchedule on working days', () => {
  it('moves the T-14 step off Thanksgiving (Thu 2026-11-26) to the Wednesday before', () => {
    const plain = byStep(base);
    const us = byStep({ ...base, calendar: US });
    expect(plain['T-14']).toBe('2026-11-26 09:30-10:00');
    expect(us['T-14']).toBe('2026-11-25 09:30-10:00');
    const hold = planHoldSchedule({ ...base, calendar: US }).holds[0]!;
    expect(hold.description).toContain('Moved from Thu, Nov 26, 2026 because of Thanksgiving Day.');
    // Every other step is where the weekend rule put it.
    expect({ ...us, 'T-14': plain['T-14'] }).toEqual(plain);
  });

  it('moves Christmas and New Year steps: after the QBR past the weekend, before it to the working day before', () => {
    // QBR Fri 2026-12-18: T+7 Fri 12-25 → Mon 12-28; T+14 Fri 2027-01-01 → Mon 2027-01-04.
    const after = byStep({ ...base, qbrDate: '2026-12-18', calendar: US });
    expect(after['T+7']).toBe('2026-12-28 09:30-10:00');
    expect(after['T+14']).toBe('2027-01-04 09:30-10:00');
    const christmas = planHoldSchedule({ ...base, qbrDate: '2026-12-18', calendar: US }).holds.find((h) => h.offset === 7)!;
    expect(christmas.description).toContain('Moved from Fri, Dec 25, 2026 because of Christmas Day and the weekend.');
    // smb QBR Mon 2026-12-28: T-2 Sat 12-26 → Fri 12-25 is Christmas → Thu 12-24.
    expect(byStep({ ...base, variant: 'smb', qbrDate: '2026-12-28', calendar: US })).toEqual({
      'T-7': '2026-12-21 09:30-10:00', 'T-2': '2026-12-24 09:30-10:00', 'T+1': '2026-12-29 09:30-10:00', 'T+14': '2027-01-11 09:30-10:00',
    });
    // smb QBR Fri 2027-01-08: T-7 Fri 2027-01-01 → Thu 2026-12-31.
    expect(byStep({ ...base, variant: 'smb', qbrDate: '2027-01-08', calendar: US })['T-7']).toBe('2026-12-31 09:30-10:00');
  });

  it('moves steps off UK bank holidays, which US holds keep', () => {
    // midmarket QBR Thu 2026-05-28: T-3 Mon 05-25 (Spring bank holiday) → Fri 05-22, past the weekend.
    expect(byStep({ ...base, variant: 'midmarket', qbrDate: '2026-05-28', timezone: 'Europe/London', calendar: UK })).toEqual({
      'T-14': '2026-05-14 09:30-10:00', 'T-7': '2026-05-21 09:30-10:00', 'T-3': '2026-05-22 09:30-10:00', 'T-1': '2026-05-27 09:30-10:00',
      'T+1': '2026-05-29 09:30-10:00', 'T+7': '2026-06-04 09:30-10:00',
    });
    // enterprise QBR Fri 2026-12-18, T+7 Fri 12-25: the UK's Boxing Day substitute (Mon 12-28) pushes it to Tue 12-29.
    expect(byStep({ ...base, qbrDate: '2026-12-18', calendar: UK })['T+7']).toBe('2026-12-29 09:30-10:00');
    expect(byStep({ ...base, qbrDate: '2026-12-18', calendar: US })['T+7']).toBe('2026-12-28 09:30-10:00');
  });

  it('gives three steps moved onto one Friday the slots 09:30, 10:00 and 10:30', () => {
    // enterprise QBR Mon 2026-12-14: T-3 Fri 12-11, T-2 Sat 12-12 → Fri, T-1 Sun 12-13 → Fri.
    const friday = planHoldSchedule({ ...base, qbrDate: '2026-12-14', calendar: US }).holds.filter((h) => h.date === '2026-12-11');
    expect(friday.map((h) => [h.offset, h.start, h.end])).toEqual([[-3, '09:30', '10:00'], [-2, '10:00', '10:30'], [-1, '10:30', '11:00']]);
    // Read back from the .ics: three events, three different starts, in the account's zone.
    const ics = icsFor(friday, { now: new Date('2026-11-20T12:00:00Z'), defaultTimezone: 'UTC' });
    const cal = new ICAL.Component(ICAL.parse(ics));
    const starts = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v)).map((e) => [e.startDate.toString(), e.startDate.zone?.tzid, e.duration.toSeconds()]);
    expect(starts).toEqual([['2026-12-11T09:30:00', 'America/New_York', 1800], ['2026-12-11T10:00:00', 'America/New_York', 1800], ['2026-12-11T10:30:00', 'America/New_York', 1800]]);
  });

  it('sets aside every step dated before today as missed; the steps ahead keep their slots', () => {
    // Made on Saturday 12-12: every pre-QBR step (the three Friday ones too) is missed.
    const sat = planHoldSchedule({ ...base, qbrDate: '2026-12-14', calendar: US, today: '2026-12-12' });
    expect(sat.missed.map((m) => [m.offset, m.date])).toEqual([[-14, '2026-11-30'], [-10, '2026-12-04'], [-7, '2026-12-07'], [-5, '2026-12-09'], [-3, '2026-12-11'], [-2, '2026-12-11'], [-1, '2026-12-11']]);
    expect(sat.holds.map((h) => [h.offset, h.date, h.start])).toEqual([[1, '2026-12-15', '09:30'], [2, '2026-12-16', '09:30'], [7, '2026-12-21', '09:30'], [14, '2026-12-28', '09:30']]);
  });
});

describe('a package made 10 days before its QBR', () => {
  const TODAY = '2026-11-30';
  const example = analyzeWorkbook(readCsvFolder(join(__dirname, '../../../examples/tracker-csv')), { today: TODAY });
  const acme = example.accounts.find((a) => a.id === 'ACC-001')!; // enterprise, America/Chicago → US holidays
  const pkg = buildPackage(acme, { today: TODAY, qbrDate: '2026-12-10', holidays: libraryHolidays });

  it('creates no hold before today and lists the missed steps with their planned dates', () => {
    expect(pkg.holdCalendar).toEqual({ country: 'US', basis: 'time zone America/Chicago' });
    // T-14 Thu 11-26 is Thanksgiving → Wed 11-25: already past. T-10 is today (Mon 11-30): still ahead.
    expect(pkg.missedHolds).toEqual([{ key: 'ACC-001|2026-12-10|T-14', step: 'Data pull & prep begins', offset: -14, date: '2026-11-25' }]);
    expect(pkg.holds.map((h) => h.date)).toEqual(['2026-11-30', '2026-12-03', '2026-12-04', '2026-12-07', '2026-12-08', '2026-12-09', '2026-12-11', '2026-12-14', '2026-12-17', '2026-12-24']);
    expect(pkg.holds.every((h) => h.date >= TODAY)).toBe(true);
    // The keys of the steps still ahead are the ones a run 10 days earlier made: re-runs update, not add.
    expect(pkg.holds[0]!.key).toBe('ACC-001|2026-12-10|T-10');
    const early = buildPackage(acme, { today: '2026-11-16', qbrDate: '2026-12-10', holidays: libraryHolidays });
    expect(early.missedHolds).toEqual([]);
    expect(early.holds.slice(1).map((h) => h.key)).toEqual(pkg.holds.map((h) => h.key));
  });

  it('writes only the live holds to the .ics', () => {
    const ics = icsFor(pkg.holds, { now: new Date('2026-11-30T15:00:00Z'), defaultTimezone: 'UTC' });
    const events = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events).toHaveLength(10);
    expect(events.map((e) => e.startDate.toString().slice(0, 10)).sort()[0]).toBe('2026-11-30');
  });
});

describe('the country from the tracker', () => {
  // Enterprise accounts (ARR 200K) with a QBR on Mon 2026-12-28: T+2 Wed 12-30, T+1 Tue 12-29 — and T-3 Fri 12-25.
  const tracker = (accountCountry: string, settingsCountry: string | null) => book({
    Accounts: [['Account ID', 'Account', 'ARR', 'Segment', 'QBR Date', 'Timezone', 'Country'], ['ACC-1', 'Acme', 200000, 'Enterprise', '2026-12-28', 'Europe/Berlin', accountCountry]],
    ...(settingsCountry ? { Settings: [['Key', 'Value'], ['Holiday Country', settingsCountry]] } : {}),
  });
  const made = (accountCountry: string, settingsCountry: string | null) => {
    const review = analyzeWorkbook(tracker(accountCountry, settingsCountry), { today: '2026-11-22' }).accounts[0]!;
    return buildPackage(review, { today: '2026-11-22', holidays: libraryHolidays });
  };
  const t = (p: ReturnType<typeof made>, offset: number) => p.holds.find((h) => h.offset === offset)!.date;

  it('uses Accounts Country before Settings Holiday Country before the time zone', () => {
    // GB: Fri 12-25 Christmas → Thu 12-24; T+1 Tue 12-29 is a working day in GB (Boxing Day's substitute is Mon 12-28).
    const gb = made('GB', 'US');
    expect(gb.holdCalendar).toEqual({ country: 'GB', basis: 'Accounts Country' });
    expect(t(gb, -3)).toBe('2026-12-24');
    const settings = made('', 'United Kingdom');
    expect(settings.holdCalendar).toEqual({ country: 'GB', basis: 'Settings Holiday Country' });
    const zone = made('', null);
    expect(zone.holdCalendar).toEqual({ country: 'DE', basis: 'time zone Europe/Berlin' });
    // Germany: Christmas Eve (Thu 12-24) is a bank holiday there, so the step goes back one more day.
    expect(t(zone, -3)).toBe('2026-12-23');
  });

  it('names a country it does not know in data to confirm and keeps going', () => {
    const p = made('Narnia', null);
    expect(p.holdCalendar.country).toBe('DE');
    expect(p.dataToConfirm).toContain('Calendar holds: Accounts Country "Narnia" is not a country the holiday calendar knows (use a code such as US, GB or DE-BY); using DE (time zone Europe/Berlin)');
  });
});

describe('the fallback QBR date', () => {
  it('is the first working day 21+ days out, so never a public holiday', () => {
    // 2026-11-05 + 21 days = Thu 11-26, Thanksgiving in the US: the QBR goes to Fri 11-27.
    expect(chooseQbrDate({ qbrDate: null, nextQbrDue: null }, '2026-11-05', null, US.closed).date).toBe('2026-11-27');
    expect(chooseQbrDate({ qbrDate: null, nextQbrDue: null }, '2026-11-05').date).toBe('2026-11-26');
    // 2026-12-04 + 21 = Fri 12-25: Christmas, then the weekend, then Boxing Day's substitute in the UK → Tue 12-29.
    expect(chooseQbrDate({ qbrDate: null, nextQbrDue: null }, '2026-12-04', null, UK.closed).date).toBe('2026-12-29');
  });
});
