// The .ics of calendar holds, read back with ical.js: events, TZID-anchored local times, UTC instants across DST, stable UIDs.
import ICAL from 'ical.js';
import { holdEventId, planHolds, type HoldInput } from '../../src/core/package/holds';
import { icsFor } from '../../src/render/ics';

const input: HoldInput = {
  accountId: 'ACC-001',
  accountName: 'GlobalTech',
  variant: 'enterprise',
  qbrDate: '2026-11-12', // a Thursday; US clocks fall back on Sun 2026-11-01
  timezone: 'America/New_York',
  reviewType: 'Quarterly Business Review',
};
const now = new Date('2026-10-01T12:00:00Z');

function events(ics: string): ICAL.Event[] {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
}

const utc = (e: ICAL.Event): string => e.startDate.convertToZone(ICAL.Timezone.utcTimezone).toString();
const byStep = (list: ICAL.Event[], title: string): ICAL.Event => list.find((e) => e.summary === title)!;

describe('icsFor', () => {
  const holds = planHolds(input);
  const ics = icsFor(holds, { now, defaultTimezone: 'Europe/London', calendarName: 'QBR holds' });
  const list = events(ics);

  it('writes one event per hold with the calendar headers', () => {
    expect(list).toHaveLength(11);
    expect(list.map((e) => e.summary)).toEqual(holds.map((h) => h.title));
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(ics).toContain('PRODID:-//QBR Facilitator//EN\r\n');
    expect(ics).toContain('METHOD:PUBLISH\r\n');
    expect(ics).toContain('X-WR-CALNAME:QBR holds\r\n');
    expect(ics.match(/^BEGIN:VTIMEZONE\r$/gm)).toHaveLength(1);
    expect(ics).toContain('TZID:America/New_York\r\n');
  });

  it('anchors 09:30–10:00 local to the account zone and lets the VTIMEZONE carry DST', () => {
    for (const e of list) {
      expect(e.startDate.zone.tzid).toBe('America/New_York');
      expect([e.startDate.hour, e.startDate.minute, e.endDate.hour, e.endDate.minute]).toEqual([9, 30, 10, 0]);
    }
    const prep = byStep(list, 'QBR GlobalTech: Data pull & prep begins'); // T-14, Thu 2026-10-29, still EDT
    const final = byStep(list, 'QBR GlobalTech: Final materials'); // T-1, Wed 2026-11-11, EST
    expect(prep.startDate.toString()).toBe('2026-10-29T09:30:00');
    expect(utc(prep)).toBe('2026-10-29T13:30:00Z');
    expect(utc(final)).toBe('2026-11-11T14:30:00Z');
  });

  it('carries description, status, transparency, a stamp of `now` and a 15-minute reminder', () => {
    const e = byStep(list, 'QBR GlobalTech: Customer input request');
    expect(e.description).toContain('Ask the champion for their priorities and any data they want reviewed.');
    expect(e.description).toContain('Step T-10 of the Quarterly Business Review on Thu, Nov 12, 2026.');
    expect(e.component.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(e.component.getFirstPropertyValue('transp')).toBe('OPAQUE');
    expect(e.component.getFirstPropertyValue('dtstamp')!.toString()).toBe('2026-10-01T12:00:00Z');
    const alarm = e.component.getFirstSubcomponent('valarm')!;
    expect(alarm.getFirstPropertyValue('action')).toBe('DISPLAY');
    expect(alarm.getFirstPropertyValue('trigger')!.toString()).toBe('-PT15M');
  });

  it('uses the default zone for holds planned in "the user\'s own" zone, e.g. Berlin', () => {
    const berlin = events(icsFor(planHolds({ ...input, timezone: null, variant: 'smb' }), { now, defaultTimezone: 'Europe/Berlin' }));
    expect(berlin).toHaveLength(4);
    // T-7 Thu 2026-11-05: Berlin is on CET (+01:00) since 2026-10-25.
    expect(berlin[0]!.startDate.zone.tzid).toBe('Europe/Berlin');
    expect(utc(berlin[0]!)).toBe('2026-11-05T08:30:00Z');
    const summer = events(icsFor(planHolds({ ...input, qbrDate: '2026-06-11', timezone: 'Europe/Berlin', variant: 'smb' }), { now, defaultTimezone: 'UTC' }));
    expect(utc(summer[0]!)).toBe('2026-06-04T07:30:00Z'); // CEST, +02:00
  });

  it('keeps UIDs across runs with a different `now`, and changes them with the QBR date', () => {
    const later = events(icsFor(holds, { now: new Date('2026-10-20T08:00:00Z'), defaultTimezone: 'Europe/London' }));
    expect(later.map((e) => e.uid)).toEqual(list.map((e) => e.uid));
    expect(list[0]!.uid).toBe(`${holdEventId('ACC-001|2026-11-12|T-14')}@qbr-facilitator`);
    expect(new Set(list.map((e) => e.uid)).size).toBe(11);
    // A later export is a newer revision for clients that compare SEQUENCE.
    expect(later[0]!.sequence).toBeGreaterThan(list[0]!.sequence);
    const moved = events(icsFor(planHolds({ ...input, qbrDate: '2026-11-19' }), { now, defaultTimezone: 'Europe/London' }));
    for (const e of moved) expect(list.map((x) => x.uid)).not.toContain(e.uid);
  });

  it('does not depend on the zone of the machine that writes it', () => {
    const saved = process.env.TZ;
    try {
      process.env.TZ = 'Pacific/Kiritimati';
      const far = icsFor(holds, { now, defaultTimezone: 'Europe/London', calendarName: 'QBR holds' });
      process.env.TZ = 'America/Los_Angeles';
      const near = icsFor(holds, { now, defaultTimezone: 'Europe/London', calendarName: 'QBR holds' });
      expect(far).toBe(ics);
      expect(near).toBe(ics);
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('names aliases in their VTIMEZONE, and writes UTC instants where no VTIMEZONE exists', () => {
    const one = planHolds({ ...input, variant: 'smb' }).slice(0, 1); // T-7 Thu 2026-11-05 09:30
    const alias = icsFor([{ ...one[0]!, timezone: 'US/Eastern' }], { now, defaultTimezone: 'UTC' });
    expect(alias).toContain('TZID:US/Eastern\r\n');
    expect(utc(events(alias)[0]!)).toBe('2026-11-05T14:30:00Z');
    const plain = icsFor([{ ...one[0]!, timezone: 'UTC' }, { ...one[0]!, timezone: 'Asia/Saigon' }], { now, defaultTimezone: 'UTC' });
    expect(plain).not.toContain('BEGIN:VTIMEZONE');
    expect(events(plain).map(utc)).toEqual(['2026-11-05T09:30:00Z', '2026-11-05T02:30:00Z']);
    // An unknown zone (named as a finding when the tracker is read) falls back to the default zone, never a crash.
    expect(events(icsFor([{ ...one[0]!, timezone: 'Mars/Olympus' }], { now, defaultTimezone: 'UTC' })).map(utc)).toEqual(['2026-11-05T09:30:00Z']);
  });
});
