/** The package facade: one AccountReview in, the whole QBR package as plans out (deck, emails, holds, docs, data to confirm). */
import type { AccountReview } from '../analysis/types';
import type { IsoDate } from '../dates';
import type { Finding } from '../tracker/findings';
import { planDeck } from './deck/deck';
import { customerDeck, peopleChanges, withoutOwnFollowUps } from './audience';
import { actionPlanDoc, customerSteps, preReadDoc } from './docs';
import { digitalReviewEmail, invitationEmail, recipients, summaryEmail, type PackageLinks } from './emails';
import { uncoveredNote, workCalendar, type HolidaySource } from './holidays';
import { planHoldSchedule } from './holds';
import { asOfMeeting, meetingWarnings } from './meeting';
import { changesFor, keyFigures, type KeyFigures } from './changes';
import { prepBriefDoc } from './prep-brief';
import { chooseQbrDate, type QbrDateChoice } from './qbr-date';
import type { QbrPackage } from './types';
import type { QbrRecord } from '../program/record';
import { agreedCommitments } from './recorded';

export interface PackageOptions {
  today: IsoDate;
  /** `--qbr-date` or the card's date picker. */
  qbrDate?: IsoDate | null;
  /** Where the deck and docs will be (URLs in Google, file names offline). */
  links?: PackageLinks;
  /** The team's default QBR length in minutes (add-on Settings); the agenda keeps its shares of it. */
  reviewMinutes?: number | null;
  /** Public holidays for the holds and the fallback date: the library in the CLI, the build-time table in the add-on; absent: weekends only, said in data to confirm. */
  holidays?: HolidaySource | null;
  /** The key figures of the last package made for this account (offline manifest, Google run state): the change report compares with them. */
  previous?: KeyFigures | null;
  /**
   * The QBR as recorded (SPEC §4.5): the package is then for the record's QBR date (it overrides `qbrDate`), seen as of
   * the day it was held, and its summary, action plan and T+7/T+14 holds follow up on what was agreed. Without it, the
   * review's own records (`review.recorded`) are looked up for the date chosen: a recorded QBR is never prepared again.
   */
  record?: QbrRecord | null;
  /** Lines the run adds to the package's warnings (a refresh in place: the deck elements the CSM edited whose numbers moved). */
  extraWarnings?: string[];
}

/**
 * The QBR date, and the record to follow up on: the one given, else the review's record for the date chosen (its QBR
 * date, or failing that the day it was held — someone asking for the day they met means that QBR).
 */
function recordAndDate(review: AccountReview, options: PackageOptions, closed: (date: IsoDate) => string | null): { record: QbrRecord | null; choice: QbrDateChoice } {
  if (options.record) return { record: options.record, choice: { date: options.record.qbrDate, basis: 'the QBR as recorded', note: null } };
  const asked = chooseQbrDate(review, options.today, options.qbrDate, closed);
  const recorded = review.recorded ?? [];
  const record = recorded.find((r) => r.qbrDate === asked.date) ?? recorded.find((r) => r.held === asked.date) ?? null;
  // A digital review (Tech-Touch) has no meeting, summary or action plan to follow up.
  if (!record || review.deck === null) return { record: null, choice: asked };
  const basis = record.qbrDate === asked.date
    ? `${asked.basis}; held on ${record.held} and recorded, so the package follows up on it`
    : `${asked.basis}: the day the QBR of ${record.qbrDate} was held and recorded, so the package follows up on it`;
  return { record, choice: { date: record.qbrDate, basis, note: asked.note } };
}

const NO_LINKS: PackageLinks = { deck: null, preRead: null, actionPlan: null };

/** A tracker warning as a line a CSM can act on: where, what, and the cell's value. */
export function describeFinding(f: Finding): string {
  const where = `${f.tab}${f.row !== null ? ` row ${f.row}` : ''}${f.column ? ` · ${f.column}` : ''}`;
  return `${where}: ${f.message}${f.value ? ` (cell: "${f.value}")` : ''}`;
}

export function buildPackage(review: AccountReview, options: PackageOptions): QbrPackage {
  const { today } = options;
  const links = options.links ?? NO_LINKS;
  const calendar = workCalendar({ accountCountry: review.holidayCountry.account, settingsCountry: review.holidayCountry.settings, timezone: review.timezone }, options.holidays);
  const { record, choice } = recordAndDate(review, options, calendar.closed);
  const qbrDate = choice.date;
  // SPEC §4.1: the package describes the account on its QBR date (a recorded one, on the day it was held).
  const r = asOfMeeting(review, record?.held ?? qbrDate);
  // What the customer's files are built from (the prep brief keeps the CSM's own tasks).
  const c = withoutOwnFollowUps(r);
  const changes = peopleChanges(r);
  const warnings = [...meetingWarnings(r, today, qbrDate, changes, record !== null), ...(options.extraWarnings ?? [])];
  const figures = keyFigures(r, qbrDate);
  const moved = options.previous ? changesFor(r, options.previous, figures) : null;
  const findings = [...(choice.note ? [`QBR date: ${choice.note}; using ${qbrDate} (${choice.basis})`] : []), ...r.findings.map(describeFinding)];

  if (r.deck === null) {
    const email = digitalReviewEmail(c, qbrDate, today);
    return {
      accountId: r.id, accountName: r.name, qbrDate, qbrDateBasis: choice.basis,
      deck: null, emails: [email], holds: [], missedHolds: [], holdCalendar: { country: null, basis: 'no holds' }, docs: [], prepBrief: null,
      dataToConfirm: [...findings, ...email.missingRecipients.map((m) => `Email recipients: ${m}`)],
      warnings, figures, changes: moved,
    };
  }

  if (calendar.problem) findings.push(`Calendar holds: ${calendar.problem}; ${calendar.country ? `using ${calendar.country} (${calendar.basis})` : 'only weekends are skipped'}`);
  const { holds, missed: due } = planHoldSchedule({
    accountId: r.id, accountName: r.name, variant: r.deck, qbrDate, timezone: r.timezone, reviewType: r.reviewType, deckLink: links.deck, today, calendar, locale: r.locale,
    ...(record ? { record: { held: record.held, commitments: agreedCommitments(record), locale: r.locale } } : {}),
  });
  // After a recorded QBR the prep steps and the meeting itself are done, not missed: only passed follow-ups are.
  const missed = record ? due.filter((m) => m.offset > 0) : due;
  const uncovered = uncoveredNote(calendar);
  if (uncovered) findings.push(uncovered);
  const minutes = options.reviewMinutes ?? null;
  // The deck as built carries its provenance (sources, gaps per slide) for the prep brief; the customer gets it without.
  const fullDeck = planDeck(c, qbrDate, today, { followUps: customerSteps(holds), reviewMinutes: minutes }, findings);
  const emails = [summaryEmail(c, qbrDate, today, holds, links, record), invitationEmail(c, qbrDate, today, links, minutes)];
  const missingRecipients = [...new Set(emails.flatMap((e) => e.missingRecipients))].map((m) => `Email recipients: ${m}`);
  const slideGaps = fullDeck.slides.flatMap((s) => s.dataToConfirm.map((d) => `${s.title}: No data for ${d}`));
  const dataToConfirm = [...findings, ...slideGaps, ...missingRecipients];
  const prepBrief = prepBriefDoc({
    meeting: r, today, qbrDate, qbrDateBasis: choice.basis, warnings, changes,
    skippedRecipients: recipients(r).skipped, deck: fullDeck, holds, missedHolds: missed, dataToConfirm, moved,
  });
  return {
    accountId: r.id, accountName: r.name, qbrDate, qbrDateBasis: choice.basis,
    deck: customerDeck(fullDeck), emails, holds, missedHolds: missed, holdCalendar: { country: calendar.country, basis: calendar.basis },
    docs: [preReadDoc(c, qbrDate, today, minutes), actionPlanDoc(c, qbrDate, today, holds, record)],
    prepBrief,
    dataToConfirm,
    warnings,
    figures,
    changes: moved,
  };
}
