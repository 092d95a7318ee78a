/** The package's emails (SPEC §4): the post-QBR summary, the pre-QBR invitation, and the digital review for Tech-Touch accounts. */
import type { AccountReview } from '../analysis/types';
import type { IsoDate } from '../dates';
import { agendaItems, keyTakeaways } from './deck/summary-slides';
import { technicalAttendees } from './deck/next-slides';
import { actionDue, actionStatus, deckContext, nextReviewAfter, quarterName } from './deck/context';
import { EmailBody } from './html';
import { customerSteps } from './docs';
import { meetingTimeLabel, planMeeting } from './meeting-invite';
import type { EmailPlan, HoldPlan } from './types';
import type { Formatter } from './format';
import { isUnavailable } from './audience';
import { recipients } from './recipients';
import type { QbrRecord } from '../program/record';
import { agreedCommitments, agreedPaths, byDue, nextQbrAfterHeld, recordedTakeaways, sideOf, TO_CONFIRM } from './recorded';

export { recipients } from './recipients';

export interface PackageLinks {
  deck: string | null;
  preRead: string | null;
  actionPlan: string | null;
}


/**
 * The post-QBR summary. Before the meeting it drafts from the tracker (open actions as the commitments to confirm);
 * with `record` (SPEC §4.5) it is rewritten from what was agreed: the recorded takeaways, exactly the recorded
 * commitments per side, the expansion paths surfaced, and the next review a cadence after the day it was held.
 */
export function summaryEmail(r: AccountReview, qbrDate: IsoDate, today: IsoDate, holds: HoldPlan[], links: PackageLinks, record?: QbrRecord | null): EmailPlan {
  const c = deckContext(r, qbrDate, today);
  const { f } = c;
  // After the meeting, those who came and those who own a commitment are addressed (the sponsor who attended is on
  // it, our AE who owns the pricing is copied), and greeted by name.
  const who = recipients(r, record && record.attendees.length > 0 ? [...record.attendees, ...agreedCommitments(record).flatMap((a) => a.owner ?? [])] : null);
  const greeting = record ? greetAll(who.to.map((a) => a.name), who.greet) : (firstNameOf(who.greet) ?? 'team');
  const takeaways = record ? recordedTakeaways(r, record).shown : [];
  const body = new EmailBody()
    .paragraph(`Hi ${greeting},`)
    .paragraph(`Thank you for your time at our ${r.reviewType.toLowerCase()} on ${f.date(record?.held ?? qbrDate)}. Here is a summary of what we covered and what each of us committed to.`)
    .heading('Key takeaways')
    // A record without takeaways keeps the quarter's numbers as the takeaways, rather than an empty heading.
    .list(takeaways.length > 0 ? takeaways : keyTakeaways(c));
  const value = () => {
    body.heading('Value delivered');
    if (r.value.quarterTotal !== null) {
      body.paragraph(`${f.moneyShort(r.value.quarterTotal)} in ${c.quarterName}${r.value.roi !== null ? `, ${f.roiHeadline(r.value.roi)}` : ''}.`)
        .list(r.value.lines.filter((l) => l.value !== null).map((l) => `${l.category}: ${f.money(l.value!)}${l.description ? ` — ${l.description}` : ''}${l.source ? ` (source: ${l.source})` : ''}`));
    } else {
      body.paragraph(`We still need to quantify ${c.quarterName}'s value together; I will follow up with a proposal.`);
    }
  };
  // Before the meeting the value leads; after it, what was agreed does (the value was the meeting's, a recap now).
  if (!record) value();
  body.heading('Commitments');
  if (record) agreedTables(body, r, f, record);
  else openActionTables(body, r, f);
  const paths = record ? agreedPaths(record) : [];
  if (paths.length > 0) {
    body.heading('Opportunities we agreed to explore').list(paths.map((p) => `${p.opportunity}${p.sponsor ? ` — with ${p.sponsor}` : ''}${p.nextStep ? `; next step: ${p.nextStep}` : ''}`));
  }
  // Only the steps the customer takes part in: our own "send summary" and the survey are not theirs.
  const nextSteps = () => body.heading('Next steps').list([
    ...customerSteps(holds).map((h) => `${h.label}: ${f.date(h.date)}`),
    `Next review due: ${f.date(record ? nextQbrAfterHeld(r, record) : nextReviewAfter(c))}`,
  ]);
  if (record) nextSteps();
  if (record) value();
  if (r.goals.length > 0) {
    body.heading('Goals for next quarter').list(r.goals.map((g) => `${g.goal}${g.due ? ` — by ${f.date(g.due)}` : ''}${g.owner ? ` (${g.owner})` : ''}`));
  }
  if (!record) nextSteps();
  attachedOrLinked(body, [['QBR deck', 'the QBR deck', links.deck], ['Mutual action plan', 'the mutual action plan', links.actionPlan]]);
  body.paragraph('Please reply with any corrections; I will update the plan.')
    .paragraph(`Best regards,\n${r.people.csm ?? ''}`.trim());
  const { html, text } = body.render();
  return {
    kind: 'summary', to: who.to, cc: who.cc,
    subject: `${r.name} ${quarterName(r.quarter)} Business Review - Summary & Next Steps`,
    html, text, missingRecipients: who.missing, attach: ['deck', 'action-plan'],
  };
}

const COMMITMENT_COLUMNS = ['Action', 'Owner', 'Due'];

/** Exactly the recorded commitments, the customer's first, then ours, then any whose side was not said. */
function agreedTables(body: EmailBody, r: AccountReview, f: Formatter, record: QbrRecord): void {
  const agreed = byDue(agreedCommitments(record));
  // Agreed in the room but not pinned down: said plainly, not as a question still open before the meeting.
  const row = (a: (typeof agreed)[number]) => [a.action, a.owner ?? TO_CONFIRM, a.due ? f.date(a.due) : TO_CONFIRM];
  const theirs = agreed.filter((a) => sideOf(a.side) === 'Customer');
  const ours = agreed.filter((a) => sideOf(a.side) === 'Vendor');
  const other = agreed.filter((a) => sideOf(a.side) === null);
  if (agreed.length === 0) body.paragraph('We did not set new action items in the meeting; I will share any that come up.');
  if (theirs.length > 0) body.paragraph(`${r.name}:`).table(COMMITMENT_COLUMNS, theirs.map(row));
  if (ours.length > 0) body.paragraph('Our team:').table(COMMITMENT_COLUMNS, ours.map(row));
  // Whose these are was not recorded: "Shared" would claim both sides own them.
  if (other.length > 0) body.paragraph(theirs.length + ours.length > 0 ? 'Also agreed:' : 'Agreed:').table(COMMITMENT_COLUMNS, other.map(row));
}

/** Before a record: the open actions, to be confirmed in the room. */
function openActionTables(body: EmailBody, r: AccountReview, f: Formatter): void {
  const open = r.actions.items.filter((a) => a.status !== 'Complete' && a.status !== 'Cancelled');
  const bySide = (side: 'Customer' | 'Vendor') => open.filter((a) => (a.side ?? '').toLowerCase().startsWith(side === 'Customer' ? 'cust' : 'vend'));
  const row = (a: (typeof open)[number]) => [a.action, a.owner ?? 'Owner to agree', actionDue(f, a, 'Date to agree'), actionStatus(f, a)];
  const ours = bySide('Vendor');
  const theirs = bySide('Customer');
  const other = open.filter((a) => !ours.includes(a) && !theirs.includes(a));
  if (open.length === 0) body.paragraph('No open action items: we will add the new ones agreed in the meeting.');
  if (theirs.length > 0) body.paragraph(`${r.name}:`).table(['Action', 'Owner', 'Due', 'Status'], theirs.map(row));
  if (ours.length > 0) body.paragraph('Our team:').table(['Action', 'Owner', 'Due', 'Status'], ours.map(row));
  if (other.length > 0) body.paragraph('Shared:').table(['Action', 'Owner', 'Due', 'Status'], other.map(row));
}

export function invitationEmail(r: AccountReview, qbrDate: IsoDate, today: IsoDate, links: PackageLinks, reviewMinutes: number | null = null): EmailPlan {
  const c = deckContext(r, qbrDate, today, reviewMinutes);
  const { f } = c;
  const who = recipients(r);
  const items = agendaItems(r.deck ?? 'smb', c.reviewMinutes, technicalAttendees(c).length > 0);
  const total = items.reduce((s, i) => s + i.minutes, 0);
  const subject = `Invitation: ${r.name} ${r.reviewType} — ${f.date(qbrDate)}`;
  const meeting = planMeeting({
    accountId: r.id, title: `${r.name} ${r.reviewType}`, qbrDate, timezone: r.timezone,
    organizer: r.people.csmEmail ? { name: r.people.csm, email: r.people.csmEmail } : null, invitees: [...who.to, ...who.cc], agenda: items,
  });
  const body = new EmailBody()
    .paragraph(`Hi ${firstNameOf(who.greet) ?? 'team'},`)
    .paragraph(`I would like to invite you${who.to.length > 1 ? ' and your team' : ''} to our ${r.reviewType.toLowerCase()} for ${c.quarterName} on ${f.longDate(qbrDate)} (${total} minutes). We will review the value delivered, adoption and health, and agree priorities for the quarter ahead.`)
    .heading('When')
    .list([`Date: ${f.longDate(qbrDate)}`, ...(meeting ? [`Time: ${meetingTimeLabel(meeting)}`] : []), `Duration: ${total} minutes`])
    .heading('Agenda')
    .table(['Section', 'Minutes'], items.map((i) => [i.section, String(i.minutes)]))
    .heading('To make the most of our time')
    .list([
      'Share the two or three priorities your leadership is focused on this quarter.',
      'Let me know of any data you would like us to review together.',
      // "Bring the sponsor" only when they are not already invited and not leaving or away.
      ...(r.people.executiveSponsor && !isUnavailable(c.changes, r.people.executiveSponsor) && !who.to.some((a) => a.name === r.people.executiveSponsor)
        ? [`It would be great to have ${r.people.executiveSponsor} join for the strategic discussion.`] : []),
    ])
    .link('Pre-read', links.preRead)
    .paragraph(`Best regards,\n${r.people.csm ?? ''}`.trim());
  const { html, text } = body.render();
  return {
    kind: 'invitation', to: who.to, cc: who.cc, subject,
    html, text, missingRecipients: who.missing, attach: ['pre-read'], meeting,
  };
}

/** Tech-Touch accounts get their review as one email instead of a meeting and a deck. */
export function digitalReviewEmail(r: AccountReview, qbrDate: IsoDate, today: IsoDate): EmailPlan {
  const c = deckContext(r, qbrDate, today);
  const who = recipients(r);
  const released = r.roadmap.filter((i) => i.type === 'Released').slice(0, 3);
  const body = new EmailBody()
    .paragraph(`Hi ${firstNameOf(who.greet) ?? 'there'},`)
    .paragraph(`Here is your ${c.quarterName} review of ${r.name}'s results with us — the highlights in two minutes.`)
    .heading('Your quarter in numbers')
    .list(keyTakeaways(c));
  if (released.length > 0) body.heading('New for you').list(released.map((i) => `${i.item}${i.benefit ? ` — ${i.benefit}` : ''}`));
  body.heading('Recommended next step')
    .paragraph(r.health.band === 'Red' || r.health.band === 'Yellow'
      ? 'Book a 20-minute session with our team to get more from your plan.'
      : 'Keep it up — reply to this email if you would like a short session on any new feature.')
    .paragraph(`Best regards,\n${r.people.csm ?? 'Customer Success'}`);
  const { html, text } = body.render();
  return {
    kind: 'digital-review', to: who.to, cc: who.cc,
    subject: `${r.name} ${quarterName(r.quarter)} Digital Review: your results`,
    html, text, missingRecipients: who.missing,
  };
}

/**
 * Web links as links; a file name (the offline package, where the file travels with the draft) said as attached in
 * one sentence — "QBR deck: deck.pptx" on its own line reads as a link that broke.
 */
function attachedOrLinked(body: EmailBody, items: [label: string, phrase: string, href: string | null][]): void {
  const isFile = (href: string | null) => href !== null && !/^(https?:|mailto:)/i.test(href);
  for (const [label, , href] of items) if (href !== null && !isFile(href)) body.link(label, href);
  const files = items.filter(([, , href]) => isFile(href));
  if (files.length > 0) body.paragraph(`Attached: ${files.map(([, phrase, href]) => `${phrase} (${href})`).join(' and ')}.`);
}

/** Everyone addressed, by first name ("Kevin and Sandra", "Priya, Daniel and Marcus"); more than three: "all". */
function greetAll(names: (string | null)[], fallback: string | null): string {
  const first = [...new Set(names.map(firstNameOf).filter((n): n is string => n !== null && n !== ''))];
  if (first.length === 0) return firstNameOf(fallback) ?? 'team';
  if (first.length > 3) return 'all';
  return first.length === 1 ? first[0]! : `${first.slice(0, -1).join(', ')} and ${first[first.length - 1]}`;
}

function firstNameOf(name: string | null): string | null {
  return name?.split(/\s+/)[0] ?? null;
}
