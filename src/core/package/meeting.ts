/** SPEC §4.1: the account as it will be on its QBR date (action statuses, renewal), and the warnings a CSM must see before the meeting. */
import { actionSummary, statusOn } from '../analysis/actions';
import { lastQbr } from '../program/record';
import { renewal } from '../analysis/renewal';
import type { AccountReview, Person } from '../analysis/types';
import { daysBetween, type IsoDate } from '../dates';
import type { PersonChange } from './audience';
import { formatter } from './format';

/**
 * The review re-dated to the meeting: overdue, "due before the meeting", action status, days to renewal and renewal
 * focus as of `qbrDate` (the analysis itself stays as of today). Completion counts Complete rows, which no date changes.
 */
export function asOfMeeting(r: AccountReview, qbrDate: IsoDate): AccountReview {
  const items = r.actions.items.map((a) => ({ ...a, status: statusOn(a.writtenStatus, a.dueDate, qbrDate) }));
  const ren = renewal(r.renewal.date, qbrDate);
  // The last QBR came from a recorded one on or after this meeting (a package rebuilt for a QBR already held): the
  // meeting looks back to the QBR before it, and its action completion is counted against that one's commitments.
  const sheet = r.sheetLastQbrDate === undefined ? r.lastQbrDate : r.sheetLastQbrDate;
  const back = r.lastQbrDate !== null && r.lastQbrDate !== sheet && r.lastQbrDate >= qbrDate ? lastQbr(sheet, r.recorded ?? [], qbrDate, qbrDate) : null;
  const summary = back ? actionSummary(items, back.linkedTo, r.dateOrder ?? 'MDY') : { ...r.actions, items, overdue: items.filter((a) => a.status === 'Overdue').map((a) => a.id) };
  return {
    ...r,
    ...(back ? { lastQbrDate: back.date } : {}),
    actions: summary,
    renewal: { date: ren.date, daysToRenewal: ren.daysToRenewal, monthsToRenewal: ren.monthsToRenewal, focus: ren.focus },
  };
}

/** Open actions due between today and the meeting: the CSM chases them before the room sees them. */
export function dueBeforeMeeting(r: AccountReview, today: IsoDate, qbrDate: IsoDate) {
  return r.actions.items.filter((a) => a.writtenStatus !== 'Complete' && a.writtenStatus !== 'Cancelled' && a.dueDate !== null && a.dueDate >= today && a.dueDate < qbrDate);
}

const EXEC = /\b(exec|executive|c-level|chief|president|founder|owner|managing director|vp|vice president|C[A-Z]{1,3}O)\b/i;

export function isExecutive(p: Person): boolean {
  return EXEC.test(`${p.level ?? ''} ${p.title ?? ''}`);
}

/** The customer people expected in the room (Attending = yes), less anyone marked leaving or away. */
export function customerAttendees(r: AccountReview, changes: PersonChange[]): Person[] {
  const gone = new Set(changes.map((c) => c.name.trim().toLowerCase()));
  return r.people.stakeholders.filter((p) => p.side === 'Customer' && p.attending === true && !gone.has(p.name.trim().toLowerCase()));
}

/**
 * SPEC §4.1's contradictions, as internal warnings (prep brief, analysis.json): renewal before the QBR, too little
 * lead time for an executive or enterprise review, sponsor or champion leaving or away, too few customer attendees,
 * no customer executive in the room. `meeting` is the review as of the QBR date. For a QBR already `held` (recorded),
 * the advice on preparing it (renewal first, lead time, who to invite) is moot and left out.
 */
export function meetingWarnings(meeting: AccountReview, today: IsoDate, qbrDate: IsoDate, changes: PersonChange[], held = false): string[] {
  const f = formatter(meeting.locale, meeting.currency);
  const out: string[] = [];
  const days = meeting.renewal.daysToRenewal;
  if (!held && meeting.renewal.date !== null && days !== null && days < 0) {
    out.push(`Renewal before the QBR: the renewal date (${f.date(meeting.renewal.date)}) is ${f.number(-days)} day${days === -1 ? '' : 's'} before the meeting (${f.date(qbrDate)}); hold the renewal conversation first or move the QBR earlier.`);
  }
  const lead = daysBetween(today, qbrDate);
  if (!held && (meeting.deck === 'ebr' || meeting.deck === 'enterprise') && lead < 14) {
    out.push(`Short lead time: the QBR is ${f.number(lead)} day${lead === 1 ? '' : 's'} away; an ${meeting.deck === 'ebr' ? 'executive' : 'enterprise'} review needs at least 14 days to invite the customer's executives.`);
  }
  for (const c of changes.filter((x) => x.role !== 'stakeholder')) {
    out.push(`${c.role === 'champion' ? 'Champion' : 'Executive sponsor'} ${c.state === 'away' ? 'away' : 'leaving'}: ${c.name} (${c.evidence}); do not address them as ${c.role}, and confirm who speaks for the account.`);
  }
  // SPEC §4.2: the account's exposure is capped at its ARR; a row claiming more is a number to fix, not a bigger risk.
  for (const k of meeting.risks.filter((x) => x.open && x.arrAtRisk !== null && x.arrAtRisk > meeting.arr)) {
    out.push(`ARR at risk above the ARR: "${k.risk}" puts ${f.money(k.arrAtRisk!)} at risk on a ${f.money(meeting.arr)} account; the account total counts ${f.money(meeting.arr)} at most, so correct the row.`);
  }
  if (!held && meeting.deck !== null) {
    const room = customerAttendees(meeting, changes);
    if (room.length < 2) out.push(`Too few customer attendees: ${room.length === 0 ? 'nobody' : room.map((p) => p.name).join(', ')} from ${meeting.name} is confirmed (Attending = yes); invite at least two.`);
    if (!room.some(isExecutive)) out.push(`No customer executive attending: invite ${meeting.people.executiveSponsor && !changes.some((c) => c.name === meeting.people.executiveSponsor) ? meeting.people.executiveSponsor : 'an executive'} so decisions can be made in the room.`);
  }
  return out;
}
