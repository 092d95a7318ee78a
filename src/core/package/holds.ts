/** Calendar holds of a QBR package: which prep and follow-up steps, on which working days, under which stable ids. */
import { addDays, isIsoDate, weekday, type IsoDate } from '../dates';
import { formatter } from './format';
import type { WorkCalendar } from './holidays';
import { sha1 } from './sha1';
import type { DeckPlan, HoldPlan, MissedHold } from './types';

export interface HoldInput {
  accountId: string;
  accountName: string;
  variant: DeckPlan['variant'];
  qbrDate: IsoDate;
  /** IANA zone of the account, or null for "the user's own" (the renderer or host decides). */
  timezone: string | null;
  /** `Quarterly Business Review`, `Executive Business Review` … as the tracker names it. */
  reviewType: string;
  deckLink?: string | null;
  /** How dates read in the descriptions (the account's locale); absent: en-US. */
  locale?: string;
  /** The run's today: steps dated before it are not created but returned as missed. Absent: every step is kept. */
  today?: IsoDate;
  /** Non-working days (weekends and the country's public holidays); absent: weekends only. */
  calendar?: WorkCalendar;
  /**
   * Once the QBR is recorded (SPEC §4.5): the follow-up steps count from the day it was held, and the T+7 and T+14
   * holds list the commitments due by their day. The keys stay those of the planned QBR date, so a re-run updates the same holds.
   */
  record?: HoldRecord;
}

export interface HoldRecord {
  held: IsoDate;
  commitments: { action: string; owner: string | null; side: string | null; due: IsoDate | null }[];
  /** For the due dates in words (`Dec 5, 2026`). */
  locale: string;
}

/** The holds to create and the steps whose day has already passed. */
export interface HoldSchedule {
  holds: HoldPlan[];
  missed: MissedHold[];
}

/** Every step of SPEC §4 in calendar order: days from the QBR, the title's step, what the CSM does then. */
export const HOLD_STEPS: { offset: number; step: string; what: string }[] = [
  { offset: -21, step: 'Kickoff', what: 'Kick off the review with the account team: confirm the executive sponsor, attendees, goals and format.' },
  { offset: -14, step: 'Data pull & prep begins', what: 'Pull usage, value, health and support data from the tracker and start the deck outline.' },
  { offset: -10, step: 'Customer input request', what: 'Ask the champion for their priorities and any data they want reviewed.' },
  { offset: -7, step: 'Prep & stakeholder research', what: 'Research the attendees and their goals, and check recent changes at the account (people, news, open tickets).' },
  { offset: -5, step: 'Draft deck', what: 'Draft the deck with every number filled in; list anything still missing as data to confirm.' },
  { offset: -3, step: 'Internal review', what: 'Review the draft with your manager and account team, and agree the asks and the renewal message.' },
  { offset: -2, step: 'Champion pre-call', what: 'Walk the champion through the agenda and key findings so nothing surprises them in the room.' },
  { offset: -1, step: 'Final materials', what: 'Finalise the deck, send the pre-read and agenda, and confirm the meeting logistics.' },
  { offset: 1, step: 'Send summary', what: 'Send the summary email with the takeaways, the commitments of each side (owner, due date) and the next steps.' },
  { offset: 2, step: 'Satisfaction survey', what: 'Send a short satisfaction survey about the review and log the response.' },
  { offset: 7, step: 'Action check-in', what: 'Check that every action item has started and follow up with the owners of any that have not.' },
  { offset: 14, step: 'Progress update', what: 'Send the champion a progress update on the commitments and record it in the tracker.' },
];

/** Which steps each deck variant gets (SPEC §4): lighter-touch segments get fewer holds. */
const OFFSETS: Record<DeckPlan['variant'], number[]> = {
  ebr: [-21, -14, -10, -7, -5, -3, -2, -1, 1, 2, 7, 14],
  enterprise: [-14, -10, -7, -5, -3, -2, -1, 1, 2, 7, 14],
  midmarket: [-14, -7, -3, -1, 1, 7],
  smb: [-7, -2, 1, 14],
};

/** The first slot of a day; a second step on the same day takes the next half hour, and so on. */
const FIRST_SLOT_MINUTES = 9 * 60 + 30;
const SLOT_MINUTES = 30;
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const WEEKENDS_ONLY: WorkCalendar = {
  country: null, basis: 'weekends only', problem: null,
  closed: (d) => (weekday(d) === 0 || weekday(d) === 6 ? 'weekend' : null),
};

/**
 * The holds for one QBR, in calendar order (the ones to create; see `planHoldSchedule` for the missed ones).
 * @example planHolds({ accountId: 'ACC-001', accountName: 'GlobalTech', variant: 'smb', qbrDate: '2026-12-10', timezone: null, reviewType: 'QBR' })[0]
 *   // → { key: 'ACC-001|2026-12-10|T-7', title: 'QBR GlobalTech: Prep & stakeholder research', date: '2026-12-03', start: '09:30', … }
 */
export function planHolds(input: HoldInput): HoldPlan[] {
  return planHoldSchedule(input).holds;
}

/**
 * Every step on a working day (before the QBR moved earlier, after it later), the steps already past
 * `today` set aside as missed, and the rest in consecutive half-hour slots per day so no two share one.
 * Slots are given after the missed steps are dropped: a missed step never pushes a live one later.
 */
export function planHoldSchedule(input: HoldInput): HoldSchedule {
  // The QBR date is chosen and validated upstream; a bad one here is a programming error, not tracker data.
  if (!isIsoDate(input.qbrDate)) throw new RangeError(`planHolds: qbrDate must be YYYY-MM-DD, got "${input.qbrDate}"`);
  const account = input.accountName.replace(/\s+/g, ' ').trim();
  const calendar = input.calendar ?? WEEKENDS_ONLY;
  const wanted = OFFSETS[input.variant];
  const holds: HoldPlan[] = [];
  const missed: MissedHold[] = [];
  const perDay = new Map<IsoDate, number>();
  for (const s of HOLD_STEPS.filter((x) => wanted.includes(x.offset))) {
    const nominal = addDays(s.offset > 0 && input.record ? input.record.held : input.qbrDate, s.offset);
    const { date, reasons } = workday(nominal, s.offset < 0, calendar);
    const key = `${input.accountId}|${input.qbrDate}|T${s.offset >= 0 ? '+' : ''}${s.offset}`;
    if (input.today !== undefined && date < input.today) {
      missed.push({ key, step: s.step, offset: s.offset, date });
      continue;
    }
    const slot = perDay.get(date) ?? 0;
    perDay.set(date, slot + 1);
    const from = FIRST_SLOT_MINUTES + slot * SLOT_MINUTES;
    holds.push({
      key,
      step: s.step,
      offset: s.offset,
      title: `QBR ${account}: ${s.step}`,
      date,
      start: hhmm(from),
      end: hhmm(from + SLOT_MINUTES),
      timezone: input.timezone,
      description: describe(input, s, nominal, date, reasons),
    });
  }
  return { holds, missed };
}

/**
 * A Google Calendar event id for a hold key, the same on every run so a re-run updates the event.
 * Google allows only base32hex characters (a–v, 0–9) and 5–1024 of them, so the key itself cannot be
 * used: it is hashed with SHA-1 (pure, runs in Apps Script too; 160 bits make collisions between a
 * user's holds practically impossible) and the 20-byte digest written in base32hex, giving 32 characters.
 * No readable prefix is added: `qbr` is not base32hex.
 */
export function holdEventId(key: string): string {
  return base32hex(sha1(key));
}

/**
 * Non-working days move toward working time: before the QBR to the working day before, after it to the
 * working day after (Thanksgiving Thu → Wed before the QBR; Christmas Fri → Mon 28th after it, past the weekend).
 */
function workday(date: IsoDate, beforeQbr: boolean, calendar: WorkCalendar): { date: IsoDate; reasons: string[] } {
  const reasons: string[] = [];
  let day = date;
  // A country has at most a handful of consecutive days off; the bound only guards against broken data.
  for (let i = 0; i < 31; i++) {
    const closed = calendar.closed(day);
    if (closed === null) break;
    if (!reasons.includes(closed)) reasons.push(closed);
    day = addDays(day, beforeQbr ? -1 : 1);
  }
  return { date: day, reasons };
}

function describe(input: HoldInput, s: { offset: number; what: string }, nominal: IsoDate, date: IsoDate, reasons: string[]): string {
  const t = `T${s.offset >= 0 ? '+' : ''}${s.offset}`;
  const review = input.reviewType.trim();
  // Dates as the rest of the package writes them: a description mixing "Thu 2026-12-10" and "Dec 17, 2026" reads as two systems.
  const day = (d: IsoDate) => `${WEEKDAYS[weekday(d)]}, ${formatter(input.record?.locale ?? input.locale ?? 'en-US', 'USD').date(d)}`;
  const held = s.offset > 0 && input.record ? ` held on ${day(input.record.held)}` : ` on ${day(input.qbrDate)}`;
  const lines = [s.what, '', `Step ${t} of the ${review || 'QBR'}${held}.`];
  if (date !== nominal) {
    const holidays = reasons.filter((r) => r !== 'weekend');
    const why = holidays.length === 0 ? 'it falls on a weekend' : `of ${holidays.join(' and ')}${reasons.includes('weekend') ? ' and the weekend' : ''}`;
    lines.push(`Moved from ${day(nominal)} because ${why}.`);
  }
  if (input.record && (s.offset === 7 || s.offset === 14)) lines.push('', ...commitmentsDue(input.record, date));
  const link = input.deckLink?.trim();
  if (link) lines.push(`Deck: ${link}`);
  return lines.join('\n');
}

/** What the check-in is for: every commitment due by that day (an earlier one too: is it done?), then those still without a date. */
function commitmentsDue(record: HoldRecord, by: IsoDate): string[] {
  const f = formatter(record.locale, 'USD');
  // Agreed without an owner: the check-in is where the CSM gets one named.
  const who = (c: HoldRecord['commitments'][number]) => [c.side, c.owner ?? 'no owner yet: name one'].filter(Boolean).join(': ');
  const due = record.commitments.filter((c) => c.due !== null && c.due <= by).sort((a, b) => (a.due! < b.due! ? -1 : a.due! > b.due! ? 1 : 0));
  const undated = record.commitments.filter((c) => c.due === null);
  const out = due.length > 0
    ? [`Commitments from the QBR due by ${f.date(by)}:`, ...due.map((c) => `- ${c.action} (${who(c)}), due ${f.date(c.due!)}`)]
    : [`No commitment from the QBR is due by ${f.date(by)}.`];
  const next = record.commitments.filter((c) => c.due !== null && c.due > by).sort((a, b) => (a.due! < b.due! ? -1 : 1))[0];
  if (next) out.push(`Next due: ${next.action} (${who(next)}), ${f.date(next.due!)}.`);
  if (undated.length > 0) out.push('Still without a due date:', ...undated.map((c) => `- ${c.action} (${who(c)})`));
  // An owner-less commitment due later is named now too: the check-in is where it gets an owner, not its due day.
  const shown = new Set([...due, ...undated, ...(next ? [next] : [])]);
  const ownerless = record.commitments.filter((c) => c.owner === null && !shown.has(c));
  if (ownerless.length > 0) out.push('Still without an owner:', ...ownerless.map((c) => `- ${c.action} (${c.side ?? 'side not said'}), due ${f.date(c.due!)}`));
  return out;
}

function hhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** RFC 4648 §7 base32hex, lowercase, unpadded. */
function base32hex(bytes: number[]): string {
  const alphabet = '0123456789abcdefghijklmnopqrstuv';
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const b of bytes) {
    buffer = ((buffer << 8) | b) & 0xfff; // at most 4 leftover bits + 8 new ones are ever needed
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += alphabet[(buffer >> bits) & 31];
    }
  }
  if (bits > 0) out += alphabet[(buffer << (5 - bits)) & 31];
  return out;
}
