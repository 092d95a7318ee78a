// Hostile text in the .ics (issue 9): names with CR LF, `;`, `,`, `\` and control characters stay TEXT, never new properties or events.
import ICAL from 'ical.js';
import { planHolds } from '../../src/core/package/holds';
import { icsFor } from '../../src/render/ics';

const now = new Date('2026-10-01T12:00:00Z');
const INJECT = 'Evil\r\nEND:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x@evil\r\nATTENDEE:mailto:victim@evil.example\r\nEND:VEVENT\r\nX-A:';

// ical.js leaves X- properties as written; RFC 5545 §3.3.11 TEXT unescaping, done by hand here.
const text = (raw: unknown): string => String(raw).replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));

function parse(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return { calendar, events: calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v)) };
}

describe('icsFor escapes every text property', () => {
  it('a CR LF in the account name (calendar NAME, X-WR-CALNAME, summaries) adds no event and no attendee', () => {
    const holds = planHolds({ accountId: 'EVIL-1', accountName: INJECT, variant: 'enterprise', qbrDate: '2026-11-12', timezone: 'America/New_York', reviewType: 'QBR' });
    const ics = icsFor(holds, { now, defaultTimezone: 'Europe/London', calendarName: `QBR ${INJECT}` });
    const { calendar, events } = parse(ics);
    expect(events).toHaveLength(holds.length);
    expect(ics).not.toMatch(/^ATTENDEE/m);
    expect(ics.match(/^BEGIN:VEVENT\r$/gm)).toHaveLength(holds.length);
    expect(ics.match(/^END:VCALENDAR/gm)).toHaveLength(1);
    // The name reads back as one line of text, the line breaks as spaces.
    expect(text(calendar.getFirstPropertyValue('x-wr-calname'))).toBe('QBR Evil END:VCALENDAR BEGIN:VEVENT UID:x@evil ATTENDEE:mailto:victim@evil.example END:VEVENT X-A:');
    expect(calendar.getFirstPropertyValue('name')).toBe(calendar.getFirstPropertyValue('x-wr-calname'));
    expect(events[0]!.summary.startsWith('QBR Evil END:VCALENDAR')).toBe(true);
  });

  it('`;`, `,` and `\\` in the calendar name are escaped, and control characters removed from every property', () => {
    const name = 'A;B,C\\D\u0000E\u001b]0;title\u0007F\u000bG';
    const holds = planHolds({ accountId: 'X-1', accountName: name, variant: 'smb', qbrDate: '2026-11-12', timezone: null, reviewType: 'QBR' });
    const ics = icsFor(holds, { now, defaultTimezone: 'Europe/London', calendarName: `QBR ${name}` });
    expect(ics).toContain('X-WR-CALNAME:QBR A\\;B\\,C\\\\DE]0\\;titleFG\r\n');
    // eslint-disable-next-line no-control-regex
    expect(ics).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/);
    const { calendar, events } = parse(ics);
    expect(text(calendar.getFirstPropertyValue('x-wr-calname'))).toBe('QBR A;B,C\\DE]0;titleFG');
    expect(events).toHaveLength(holds.length);
    expect(events[0]!.summary).toBe(`QBR A;B,C\\DE]0;titleF G: ${holds[0]!.step}`);
  });

  it('a 10,000-character name is folded to lines of at most 75 octets', () => {
    const name = 'Ünïcødé '.repeat(1250);
    const holds = planHolds({ accountId: 'X-2', accountName: name, variant: 'smb', qbrDate: '2026-11-12', timezone: null, reviewType: 'QBR' });
    const ics = icsFor(holds, { now, defaultTimezone: 'Europe/London', calendarName: name });
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(text(parse(ics).calendar.getFirstPropertyValue('x-wr-calname'))).toBe(name.trim());
  });

  it('an unknown zone on a hold falls back to the default zone instead of throwing', () => {
    const holds = planHolds({ accountId: 'X-3', accountName: 'Mars Co', variant: 'smb', qbrDate: '2026-11-12', timezone: 'Mars/Olympus', reviewType: 'QBR' });
    const ics = icsFor(holds, { now, defaultTimezone: 'Europe/Paris', calendarName: 'QBR Mars Co' });
    const { events } = parse(ics);
    expect(events).toHaveLength(holds.length);
    expect(events[0]!.startDate.zone.tzid).toBe('Europe/Paris');
  });
});
