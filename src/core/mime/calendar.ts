/** The QBR meeting as an iCalendar REQUEST (RFC 5546) to attach to the invitation, the same bytes offline and in Gmail. */
import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import type { MeetingPlan } from '../package/types';
import type { MimeAttachment } from './message';

export interface MeetingIcsOptions {
  /** DTSTAMP, and the base of SEQUENCE: a later run's request reads as an update of the same meeting. */
  now: Date;
  /** The zone of a meeting planned with `timezone: null` (the user's own, from the host). */
  defaultTimezone: string;
}

/** The suffix that makes UIDs globally unique (RFC 5545 §3.8.4.7), shared with the holds. */
const UID_DOMAIN = 'qbr-facilitator';

/**
 * A VCALENDAR with METHOD:REQUEST and one VEVENT: organizer, attendees (RSVP requested), start and end.
 * Times are written in UTC: the instant of the local start in the meeting's zone. A single meeting needs no
 * VTIMEZONE (only recurrences cross DST), and this module runs in Apps Script, where no zone files can be read.
 * @example meetingIcs(meeting, { now: new Date(), defaultTimezone: 'UTC' }) // 'BEGIN:VCALENDAR\r\n…METHOD:REQUEST…'
 */
export function meetingIcs(meeting: MeetingPlan, options: MeetingIcsOptions): string {
  const zone = usableZone(meeting.timezone) ?? usableZone(options.defaultTimezone) ?? 'UTC';
  const cal = ical({ prodId: '//QBR Facilitator//EN', method: ICalCalendarMethod.REQUEST });
  cal.createEvent({
    id: `${uidOf(meeting.key)}@${UID_DOMAIN}`,
    sequence: Math.floor(options.now.getTime() / 60_000),
    stamp: options.now,
    start: zonedInstant(meeting.date, meeting.start, zone),
    end: new Date(zonedInstant(meeting.date, meeting.start, zone).getTime() + meeting.minutes * 60_000),
    summary: meeting.title,
    description: meeting.description,
    status: ICalEventStatus.CONFIRMED,
    organizer: { name: meeting.organizer.name ?? meeting.organizer.email, email: meeting.organizer.email },
    attendees: meeting.attendees.map((a) => ({
      email: a.email, ...(a.name ? { name: a.name } : {}), rsvp: true, role: ICalAttendeeRole.REQ, status: ICalAttendeeStatus.NEEDSACTION,
    })),
  });
  return cal.toString();
}

/** The request as the invitation's attachment: `text/calendar; method=REQUEST`, as calendar clients look for it. */
export function meetingAttachment(meeting: MeetingPlan, options: MeetingIcsOptions): MimeAttachment {
  return { filename: 'invite.ics', contentType: 'text/calendar; charset=UTF-8; method=REQUEST', data: meetingIcs(meeting, options) };
}

/** A stable UID body from the key: letters, digits and dashes only. */
function uidOf(key: string): string {
  return key.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

function usableZone(zone: string | null): string | null {
  if (!zone) return null;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return zone;
  } catch {
    return null;
  }
}

/** The UTC instant of a wall-clock time in a zone; two passes settle the offset on a DST change day. */
function zonedInstant(date: string, hhmm: string, zone: string): Date {
  const wall = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)), Number(hhmm.slice(0, 2)), Number(hhmm.slice(3, 5)));
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  });
  const offset = (ms: number): number => {
    const p = Object.fromEntries(format.formatToParts(new Date(ms)).map((x) => [x.type, Number(x.value)]));
    return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!) - ms;
  };
  const first = wall - offset(wall);
  return new Date(wall - offset(first));
}
