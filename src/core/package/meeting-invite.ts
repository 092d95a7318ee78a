/** The QBR meeting the invitation proposes: when (QBR date, default start, agenda length, account zone), who, and the agenda. */
import type { IsoDate } from '../dates';
import type { Address, MeetingPlan } from './types';

/** The default start of the meeting, in the account's time zone: late enough for a prep slot, early enough across US zones. */
export const MEETING_START = '10:00';

export interface MeetingInput {
  accountId: string;
  title: string;
  qbrDate: IsoDate;
  timezone: string | null;
  organizer: Address | null;
  /** Everyone the invitation goes to (To and Cc). */
  invitees: Address[];
  agenda: { section: string; minutes: number }[];
}

/**
 * The meeting, or null when no CSM email is known: an iCalendar REQUEST must name its organizer (RFC 5546 §3.2.2).
 * @example planMeeting({ accountId: 'ACC-001', title: 'GlobalTech QBR', qbrDate: '2026-12-10', timezone: 'America/Chicago', organizer, invitees, agenda })!.start // '10:00'
 */
export function planMeeting(input: MeetingInput): MeetingPlan | null {
  if (input.organizer === null) return null;
  const minutes = input.agenda.reduce((s, i) => s + i.minutes, 0);
  const own = input.organizer.email.toLowerCase();
  return {
    key: `${input.accountId}|${input.qbrDate}|meeting`,
    title: input.title,
    date: input.qbrDate,
    start: MEETING_START,
    minutes,
    timezone: input.timezone,
    organizer: input.organizer,
    attendees: input.invitees.filter((a) => a.email.toLowerCase() !== own),
    description: ['Agenda:', ...input.agenda.map((i) => `• ${i.section} (${i.minutes} min)`)].join('\n'),
  };
}

/** `10:00` + 90 → `11:30` (a QBR never runs past midnight; the minutes wrap if a broken length says so). */
export function endTime(start: string, minutes: number): string {
  const total = (Number(start.slice(0, 2)) * 60 + Number(start.slice(3, 5)) + minutes) % (24 * 60);
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

/** The meeting's local time for the email body: `10:00–11:30 (America/Chicago)`. */
export function meetingTimeLabel(meeting: MeetingPlan): string {
  return `${meeting.start}–${endTime(meeting.start, meeting.minutes)}${meeting.timezone ? ` (${meeting.timezone})` : ''}`;
}
