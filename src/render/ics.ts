/** Calendar holds as an RFC 5545 .ics file: one event per hold, local times anchored to a VTIMEZONE. */
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalAlarmType, ICalCalendarMethod, ICalEventStatus, ICalEventTransparency, type ICalDayJsStub } from 'ical-generator';
import { holdEventId } from '../core/package/holds';
import type { HoldPlan } from '../core/package/types';
import { oneLine, safeText } from './safe-text';

export interface IcsOptions {
  /** The DTSTAMP of every event, and the base of SEQUENCE (the clock is injected, never read). */
  now: Date;
  /** The zone of holds planned with `timezone: null` ("the user's own"). */
  defaultTimezone: string;
  calendarName?: string;
}

/** The suffix that makes hold UIDs globally unique (RFC 5545 §3.8.4.7) while the id stays Google's. */
const UID_DOMAIN = 'qbr-facilitator';

/**
 * One VCALENDAR holding every hold, with a VTIMEZONE per zone used, so 09:30 stays 09:30 local across DST.
 * @example icsFor(pkg.holds, { now: new Date(), defaultTimezone: 'America/New_York' }) // → 'BEGIN:VCALENDAR\r\n…'
 */
export function icsFor(holds: HoldPlan[], options: IcsOptions): string {
  const cal = ical({ prodId: '//QBR Facilitator//EN', method: ICalCalendarMethod.PUBLISH });
  // ical-generator escapes SUMMARY and DESCRIPTION but writes NAME / X-WR-CALNAME as given: a CR LF in an
  // account name would start a property (or a whole VEVENT) of its own, so the name is escaped here.
  if (options.calendarName) cal.name(icsTextValue(oneLine(options.calendarName)));
  // No calendar-wide zone (DTSTAMP stays UTC); the generator only adds a VTIMEZONE per zone events name.
  cal.timezone({ name: null, generator: vtimezone });
  // Minutes since the epoch: a later export carries a higher SEQUENCE, so clients take it as a revision.
  const sequence = Math.floor(options.now.getTime() / 60_000);

  for (const hold of holds) {
    // A zone no host knows (the tracker reader names it as a finding) falls back to the default, never a crash.
    const zone = isKnownZone(hold.timezone) ? hold.timezone : options.defaultTimezone;
    const anchored = zone !== 'UTC' && vtimezone(zone) !== null;
    // Controls are not TEXT (RFC 5545 §3.3.11); the generator escapes `\ ; ,` and line breaks itself.
    const title = safeText(hold.title);
    cal.createEvent({
      id: `${holdEventId(hold.key)}@${UID_DOMAIN}`,
      sequence,
      stamp: options.now,
      summary: title,
      description: safeText(hold.description),
      start: anchored ? wallClock(hold.date, hold.start) : instant(hold.date, hold.start, zone),
      end: anchored ? wallClock(hold.date, hold.end) : instant(hold.date, hold.end, zone),
      timezone: anchored ? zone : null,
      status: ICalEventStatus.CONFIRMED,
      transparency: ICalEventTransparency.OPAQUE,
      alarms: [{ type: ICalAlarmType.display, trigger: 15 * 60, description: title }],
    });
  }
  return cal.toString();
}

/** RFC 5545 §3.3.11 TEXT escaping, for the values ical-generator writes as given. */
function icsTextValue(text: string): string {
  return text.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\n/g, '\\n');
}

function isKnownZone(zone: string | null): zone is string {
  if (zone === null) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * The VTIMEZONE for a zone, with its TZID set to the name asked for: the package serves aliases
 * (`US/Eastern`, `Asia/Calcutta`) from their canonical file, whose TZID would not match the events' TZID.
 */
function vtimezone(zone: string): string | null {
  const component = getVtimezoneComponent(zone);
  return component ? component.replace(/^TZID:.*$/m, `TZID:${zone}`) : null;
}

/**
 * A local date and time as ical-generator's day.js-shaped value. With an event time zone set,
 * ical-generator writes a native Date through the *host's* local getters, so the output would depend
 * on the machine's zone; this value hands it the wall-clock digits directly instead.
 */
function wallClock(date: string, hhmm: string): ICalDayJsStub {
  const fields: Record<string, string> = {
    YYYY: date.slice(0, 4), MM: date.slice(5, 7), DD: date.slice(8, 10), HH: hhmm.slice(0, 2), mm: hhmm.slice(3, 5), ss: '00',
  };
  return {
    format: (pattern = 'YYYY-MM-DDTHH:mm:ss') => pattern.replace(/YYYY|MM|DD|HH|mm|ss/g, (token) => fields[token] ?? token),
    isValid: () => true,
    // Only used to order start and end, for which reading the wall clock as UTC is enough.
    toDate: () => new Date(`${date}T${hhmm}:00Z`),
    toJSON: () => `${date}T${hhmm}:00`,
  };
}

/**
 * The UTC instant of a local time, for zones with no VTIMEZONE available (UTC itself, a few rare
 * aliases): still the right moment for every client, just not re-anchored by them across DST.
 */
function instant(date: string, hhmm: string, zone: string): Date {
  const wall = Date.parse(`${date}T${hhmm}:00Z`);
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
  } catch {
    throw new RangeError(`Unknown time zone "${zone}" for calendar holds`);
  }
  const offset = (ms: number): number => {
    const p = Object.fromEntries(format.formatToParts(new Date(ms)).map((x) => [x.type, Number(x.value)]));
    return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!) - ms;
  };
  // Two passes settle the offset when the first guess sits on the other side of a DST change.
  const first = wall - offset(wall);
  return new Date(wall - offset(first));
}
